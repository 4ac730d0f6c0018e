/** Pushdown: the scan relational node, its planner rules and the predicate translator. */
package io.github.binancejdbc.adapter.rel;
