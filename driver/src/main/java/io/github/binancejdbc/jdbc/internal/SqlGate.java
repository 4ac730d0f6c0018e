package io.github.binancejdbc.jdbc.internal;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses statements that would write to a table, before anything is planned: every table is a
 * read-only view of the exchange, and orders go through procedures. (Left to Calcite, an {@code
 * UPDATE} fails deep in the planner with a dump of several kilobytes and no SQLState.)
 */
final class SqlGate {
  /** The first keyword, after white space and comments. */
  private static final Pattern FIRST_WORD =
      Pattern.compile("\\A(?:\\s+|--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/)*([A-Za-z]+)", Pattern.DOTALL);

  private SqlGate() {}

  static void check(String sql) throws SQLException {
    if (sql == null) {
      throw new SQLException("SQL text is null", "42601");
    }
    Matcher m = FIRST_WORD.matcher(sql);
    if (!m.find()) {
      return;
    }
    String word = m.group(1).toUpperCase(Locale.ROOT);
    switch (word) {
      case "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "TRUNCATE" ->
          throw new SQLException(
              word
                  + " is not supported: the tables are read-only views of the"
                  + " exchange; place, amend and cancel orders with the procedures, e.g."
                  + " CALL place_order(...) or CALL cancel_order(...)",
              "25006");
      case "CREATE", "DROP", "ALTER" ->
          throw new SQLException(
              word + " is not supported: the schema is fixed by the driver", "0A000");
      default -> {
        // A query, EXPLAIN or CALL.
      }
    }
  }
}
