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
    firstWordChecked(sql);
  }

  /**
   * As {@link #check}, for {@code executeUpdate}, {@code executeLargeUpdate} and {@code addBatch},
   * which run statements that return no rows (JDBC): a query is refused before anything is sent,
   * rather than run for nothing and answered with an update count.
   */
  static void checkUpdate(String sql, String method) throws SQLException {
    String word = firstWordChecked(sql);
    switch (word) {
      case "SELECT", "WITH", "VALUES", "TABLE", "EXPLAIN", "DESCRIBE" ->
          throw new SQLException(
              method
                  + " cannot run "
                  + word
                  + ", which returns rows: use executeQuery or execute (only CALL of a"
                  + " procedure may be run with "
                  + method
                  + ")",
              "07003");
      default -> {
        // CALL, or text the parser will judge.
      }
    }
  }

  /** The first keyword in upper case ("" when there is none), after refusing writes. */
  private static String firstWordChecked(String sql) throws SQLException {
    if (sql == null) {
      throw new SQLException("SQL text is null", "42601");
    }
    Matcher m = FIRST_WORD.matcher(sql);
    if (!m.find()) {
      return "";
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
    return word;
  }
}
