package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.BinanceSchema;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The JDBC face handed to users: dynamic proxies over Calcite's connection, statements, result sets
 * and metadata, one handler per interface ({@link ConnectionProxy}, {@link StatementProxy}, {@link
 * ResultSetProxy}, {@link MetaDataProxy}), each answering a few methods through a {@link Dispatch}
 * table and passing the rest through. They exist for gaps in Calcite/Avatica 1.42:
 *
 * <ul>
 *   <li>errors: Avatica lets a {@code RuntimeException} escape {@code ResultSet.next()} and wraps
 *       execution errors in a plain {@code SQLException} without SQLState; here every failure
 *       becomes an {@code SQLException} with the Binance code, SQLState and fitting subclass;
 *   <li>times: a TIMESTAMP is the UTC wall clock in every JVM zone, through every getter and setter
 *       ({@link TypeConversions});
 *   <li>transactions: Calcite's {@code commit()}/{@code rollback()} throw and auto-commit reports
 *       false, which breaks pools and DBeaver; here auto-commit is always true and commit/rollback
 *       do nothing; the tables are read-only and {@code setReadOnly(true)} stops procedures;
 *   <li>{@code setMaxRows} is planned as a LIMIT, so that it reaches the scan;
 *   <li>resources and secrets: closing the connection closes its HTTP client and caches, and the
 *       URL and user name we report never carry a key.
 * </ul>
 *
 * <p>Proxies rather than hand-written delegates: {@code ResultSet} and {@code DatabaseMetaData}
 * have some 200 methods each, and all but a handful pass straight through. The exception is the
 * rows of a lookup ({@link LookupResultSet}), which answers every method itself with no Calcite
 * result set behind it, and is read row by row: a class of its own, not a proxy.
 */
public final class JdbcProxies {
  private JdbcProxies() {}

  /** Creates the Calcite connection, with the Binance schema as its default schema. */
  @FunctionalInterface
  public interface CalciteOpener {
    Connection open() throws SQLException;
  }

  /**
   * The user's connection over the Calcite connection {@code calcite} creates when a statement
   * first needs it; {@code schema} is closed with it. With {@code lookupsAlone}, a prepared lookup
   * runs without it (see {@link LookupStatement}).
   */
  public static Connection connection(
      CalciteOpener calcite,
      boolean lookupsAlone,
      BinanceSchema schema,
      String displayUrl,
      boolean trading)
      throws SQLException {
    return ConnectionProxy.create(calcite, lookupsAlone, schema, displayUrl, trading);
  }

  /** The exception a caller should see for {@code t}. */
  public static SQLException translate(Throwable t) {
    return ErrorTranslation.translate(t);
  }
}
