package org.apache.calcite.jdbc;

import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.jdbc.CalcitePrepare.Context;
import org.apache.calcite.server.CalciteServerStatement;

/**
 * The driver's {@link Meta}: Calcite's, except that a statement's SQL text goes to the preparer as
 * it is. Calcite's {@code toQuery} first builds a planner configuration only to offer the text to a
 * test hook ({@code Hook.STRING_TO_QUERY}) that this driver never sets; building it initialises
 * Calcite's standard operator and convertlet tables (about 200 ms), which made every first {@code
 * Statement.execute} pay for them, even a key lookup prepared without the planner. The {@code
 * PreparedStatement} path never called it.
 *
 * <p>This class lives in Calcite's package because what it replaces reads package-private members
 * ({@code CalciteConnectionImpl.server}, {@code parseQuery}, {@code getConnection}); the rest is
 * Calcite 1.42's {@code prepare} and {@code prepareAndExecute}, unchanged.
 */
public final class BinanceMetaImpl extends CalciteMetaImpl {
  public BinanceMetaImpl(
      CalciteConnection connection,
      CalciteMetaTableFactory metaTableFactory,
      CalciteMetaColumnFactory metaColumnFactory) {
    super((CalciteConnectionImpl) connection, metaTableFactory, metaColumnFactory);
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    StatementHandle h = createStatement(ch);
    try {
      h.signature = prepareSql(h, sql, maxRowCount);
    } catch (NoSuchStatementException e) {
      throw new AssertionError("missing statement", e);
    }
    return h;
  }

  /** Prepares {@code sql} for the statement of {@code h} and gives the statement its signature. */
  private CalcitePrepare.CalciteSignature<Object> prepareSql(
      StatementHandle h, String sql, long maxRowCount) throws NoSuchStatementException {
    CalciteConnectionImpl connection = getConnection();
    CalciteServerStatement statement = connection.server.getStatement(h);
    Context context = statement.createPrepareContext();
    CalcitePrepare.CalciteSignature<Object> signature =
        connection.parseQuery(CalcitePrepare.Query.of(sql), context, maxRowCount);
    statement.setSignature(signature);
    return signature;
  }

  @Override
  public ExecuteResult prepareAndExecute(
      StatementHandle h,
      String sql,
      long maxRowCount,
      int maxRowsInFirstFrame,
      PrepareCallback callback)
      throws NoSuchStatementException {
    CalcitePrepare.CalciteSignature<Object> signature;
    try {
      int updateCount;
      synchronized (callback.getMonitor()) {
        callback.clear();
        signature = prepareSql(h, sql, maxRowCount);
        switch (signature.statementType) {
          case CREATE:
          case DROP:
          case ALTER:
          case OTHER_DDL:
            updateCount = 0; // DDL produces no result set
            break;
          default:
            updateCount = -1; // SELECT and DML produce a result set
            break;
        }
        callback.assign(signature, null, updateCount);
      }
      callback.execute();
      MetaResultSet metaResultSet =
          MetaResultSet.create(h.connectionId, h.id, false, signature, null, updateCount);
      return new ExecuteResult(List.of(metaResultSet));
    } catch (SQLException e) {
      throw new RuntimeException(e);
    }
  }
}
