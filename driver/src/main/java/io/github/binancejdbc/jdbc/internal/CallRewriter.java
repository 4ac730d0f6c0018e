package io.github.binancejdbc.jdbc.internal;

import java.sql.SQLFeatureNotSupportedException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code CALL p(args)} and the JDBC escape {@code {call p(args)}} into {@code SELECT * FROM
 * TABLE(p(args))}: procedures are table functions, and Calcite 1.42 cannot execute CALL itself (it
 * looks up only scalar functions and then fails validating the rewritten call).
 */
public final class CallRewriter {
  private static final Pattern CALL =
      Pattern.compile(
          "(?is)^\\s*(\\{\\s*)?call\\s+([\\p{L}_][\\p{L}\\p{N}_.\"]*)\\s*(\\((.*)\\))?\\s*(})?\\s*;?\\s*$");
  private static final Pattern RETURN_ESCAPE =
      Pattern.compile("(?is)^\\s*\\{\\s*\\?\\s*=\\s*call\\b.*");

  private CallRewriter() {}

  /**
   * The SELECT form of a CALL statement, or {@code null} when {@code sql} is not one.
   *
   * @throws SQLFeatureNotSupportedException for {@code {? = call ...}}: procedures return rows
   */
  public static String rewrite(String sql) throws SQLFeatureNotSupportedException {
    if (sql == null) {
      return null;
    }
    if (RETURN_ESCAPE.matcher(sql).matches()) {
      throw new SQLFeatureNotSupportedException(
          "{? = call ...} is not supported: procedures"
              + " return rows; use {call p(...)} and read the result set",
          "0A000");
    }
    Matcher m = CALL.matcher(sql);
    if (!m.matches()) {
      return null;
    }
    boolean open = m.group(1) != null;
    boolean close = m.group(5) != null;
    if (open != close) {
      return null;
    }
    String args = m.group(4) == null ? "" : m.group(4);
    return "SELECT * FROM TABLE(" + m.group(2) + "(" + args + "))";
  }
}
