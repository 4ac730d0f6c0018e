/** Procedures: trading endpoints as table functions, with checks, guards and reconciliation. */
@NullMarked
package io.github.binancejdbc.adapter.function;

import org.jspecify.annotations.NullMarked;
