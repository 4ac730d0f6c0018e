package io.github.binancejdbc.adapter.table;

/** What a predicate on a column turns into. */
public enum Pushdown {
  /** Not pushed; Calcite applies the predicate to the rows. */
  NONE,
  /** Required key: {@code =}, {@code IN} or an OR of equalities; one request (stream) per value. */
  KEY,
  /** Optional key: as {@link #KEY}; absent means all. */
  OPTIONAL_KEY,
  /** Range: {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code BETWEEN}. */
  RANGE
}
