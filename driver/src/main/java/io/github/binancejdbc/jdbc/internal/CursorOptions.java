package io.github.binancejdbc.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Arrays;

/**
 * The result-set type, concurrency and holdability a statement is created with. Result sets here
 * are forward-only and read-only, so a scrollable or updatable one asked for is downgraded with a
 * warning on the connection, as JDBC prescribes ("choose an alternative and issue an SQLWarning"),
 * rather than reported as something it is not. Holdability makes no difference (there are no
 * transactions to commit), so either is accepted.
 */
final class CursorOptions {
  private CursorOptions() {}

  /**
   * Checks the type, concurrency and, when given, holdability in {@code args} from {@code from} on,
   * if there are any.
   *
   * @return {@code warnings} with the warning of a downgrade added, if there is one
   * @throws SQLException for a value that is not one of the {@link ResultSet} constants
   */
  static SQLWarning check(SQLWarning warnings, Object[] args, int from) throws SQLException {
    if (args == null || args.length < from + 2) {
      return warnings;
    }
    SQLWarning w = check(Arrays.copyOfRange(args, from, args.length));
    if (w == null || warnings == null) {
      return w == null ? warnings : w;
    }
    warnings.setNextWarning(w);
    return warnings;
  }

  /** The warning for {@code options} (type, concurrency, holdability), or null. */
  private static SQLWarning check(Object... options) throws SQLException {
    int type = (Integer) options[0];
    int concurrency = (Integer) options[1];
    if (type != ResultSet.TYPE_FORWARD_ONLY
        && type != ResultSet.TYPE_SCROLL_INSENSITIVE
        && type != ResultSet.TYPE_SCROLL_SENSITIVE) {
      throw new SQLException(
          "Result set type " + type + " is not a ResultSet.TYPE_ constant", "22023");
    }
    if (concurrency != ResultSet.CONCUR_READ_ONLY && concurrency != ResultSet.CONCUR_UPDATABLE) {
      throw new SQLException(
          "Result set concurrency " + concurrency + " is not a ResultSet.CONCUR_ constant",
          "22023");
    }
    if (options.length > 2) {
      int holdability = (Integer) options[2];
      if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT
          && holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
        throw new SQLException(
            "Result set holdability " + holdability + " is not a ResultSet constant", "22023");
      }
    }
    if (type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY) {
      return null;
    }
    return new SQLWarning(
        "Result sets are forward-only and read-only: the statement gives TYPE_FORWARD_ONLY,"
            + " CONCUR_READ_ONLY result sets instead of the type and concurrency asked for",
        "01S02");
  }
}
