/**
 * The driver's internals: URL parsing, settings, the JDBC proxies over Calcite, metadata answers.
 */
package io.github.binancejdbc.jdbc.internal;
