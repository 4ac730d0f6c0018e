package io.github.binancejdbc.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaResultSetMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The rows of a lookup run by {@link LookupStatement}: Avatica's own result set, with the cursor
 * and accessors Calcite's result set uses for the same signature (so every getter converts as it
 * does), over the same scan, in the connection's zone (UTC). It has no Avatica statement behind it,
 * so it answers itself what Avatica reads from one: a forward-only, read-only cursor held over
 * commits, as Calcite's prepared statements give.
 */
final class LookupResultSet extends AvaticaResultSet {
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private LookupResultSet(Meta.Signature signature, MetaData metaData) throws SQLException {
    super(null, null, signature, metaData, UTC, null);
  }

  /** The signature Calcite gives a lookup statement. */
  static Meta.Signature signature(String sql, SimpleLookup.Plan plan) {
    return new Meta.Signature(
        plan.columns(),
        sql,
        plan.parameters(),
        Map.of(),
        plan.cursorFactory(),
        Meta.StatementType.SELECT);
  }

  /** Runs {@code plan} with these parameter values ({@code ?0}, ...) and timeout (0: none). */
  static LookupResultSet run(
      Meta.Signature signature,
      MetaData metaData,
      SimpleLookup.Plan plan,
      JavaTypeFactory typeFactory,
      Map<String, Object> values,
      AtomicBoolean cancelFlag,
      int timeoutSeconds)
      throws SQLException {
    values.put(DataContext.Variable.CANCEL_FLAG.camelName, cancelFlag);
    if (timeoutSeconds > 0 && timeoutSeconds < Integer.MAX_VALUE / 1000) {
      values.put(DataContext.Variable.TIMEOUT.camelName, timeoutSeconds * 1000L);
    }
    LookupResultSet rs = new LookupResultSet(signature, metaData);
    try {
      @SuppressWarnings("unchecked")
      Iterable<Object> rows = (Iterable<Object>) plan.rows(new Context(typeFactory, values));
      rs.execute2(MetaImpl.createCursor(signature.cursorFactory, rows), signature.columns);
    } catch (RuntimeException e) {
      // As Avatica reports a failure of a result set's execution.
      throw AvaticaConnection.HELPER.createException(
          "exception while executing query: " + e.getMessage(), e);
    }
    return rs;
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  /** Avatica's metadata of the columns, as Calcite's statement gives it. */
  static final class MetaData extends AvaticaResultSetMetaData {
    MetaData(Meta.Signature signature) {
      super(null, null, signature);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      if (iface.isInstance(this)) {
        return iface.cast(this);
      }
      throw AvaticaConnection.HELPER.createException("does not implement '" + iface + "'");
    }
  }

  /**
   * What the scan reads from its context: parameter values, cancel flag and timeout. One per
   * execution, equal only to itself: the adapter keeps an execution's answers by its context.
   */
  private static final class Context implements DataContext {
    private final JavaTypeFactory typeFactory;
    private final Map<String, Object> values;

    Context(JavaTypeFactory typeFactory, Map<String, Object> values) {
      this.typeFactory = typeFactory;
      this.values = values;
    }

    @Override
    public SchemaPlus getRootSchema() {
      return null;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
      return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
      return null;
    }

    @Override
    public Object get(String name) {
      return values.get(name);
    }
  }
}
