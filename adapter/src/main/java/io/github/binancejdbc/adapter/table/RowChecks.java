package io.github.binancejdbc.adapter.table;

/** Checks and clean-ups of a row read from a response, before the engine sees it. */
final class RowChecks {
  private RowChecks() {}

  /** Binance sends {@code -1} for "not yet" in some time fields; a row holds null instead. */
  static void negativeToNull(Object[] row, int slot) {
    if (row[slot] instanceof Long l && l < 0) {
      row[slot] = null;
    }
  }

  /**
   * Checks that every non-nullable column got a value, so that a field Binance left out fails here
   * with its name rather than later inside the engine.
   *
   * @throws IllegalStateException naming the column (the transport reports it as an unexpected
   *     response)
   */
  static void requirePresent(TableDef def, Object[] row) {
    for (int i = 0; i < row.length; i++) {
      if (row[i] == null && !def.column(i).nullable()) {
        throw new IllegalStateException(
            def.name() + ": the response lacks the field for column " + def.column(i).name());
      }
    }
  }
}
