/**
 * The example runner (./run-examples), the demo keys for ./sql-shell and the benchmark (./bench).
 */
package io.github.binancejdbc.examples;
