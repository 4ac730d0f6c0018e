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
  RANGE,
  /**
   * Lookup: {@code =} or {@code IN} selects single rows through another endpoint (an order by its
   * client order id); absent means no lookup. Unlike a key it says nothing of the row order.
   */
  LOOKUP;

  /** Whether equalities and IN lists on the column are pushed as values. */
  public boolean takesPoints() {
    return this == KEY || this == OPTIONAL_KEY || this == LOOKUP;
  }
}
