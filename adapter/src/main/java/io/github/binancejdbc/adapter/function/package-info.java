/** Procedures: trading endpoints as table functions, with checks, guards and reconciliation. */
package io.github.binancejdbc.adapter.function;
