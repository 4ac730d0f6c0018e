package io.github.binancejdbc.jdbc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The rows of a lookup run by {@link LookupStatement}, as users get them: a forward-only, read-only
 * cursor over the same scan Calcite's statement runs, answering every {@link ResultSet} method as
 * Calcite's result set does under {@link ResultSetProxy} (Avatica's cursor, its accessors for the
 * column types and the driver's time and decimal conversions; {@link LookupGetters}), with the same
 * errors. It uses none of Avatica's column metadata, signature or cursor classes (whose first use
 * builds some 180 protobuf descriptors) and no Calcite type: a first lookup in a fresh JVM does not
 * load them, and a row read costs one proxy call, with no reflective call behind it.
 *
 * <p>Differences, both outside JDBC's contract: {@code unwrap} and {@code isWrapperFor} know only
 * {@link ResultSet}, not Avatica's classes.
 */
final class LookupResultSet implements InvocationHandler {
  private final List<LookupColumn> columns;
  private final LookupMetaData metaData;
  private final boolean scalar;
  private final AtomicBoolean cancelFlag;
  private Iterator<?> cursor;
  private Object current;

  /** Where the cursor is, named as in Avatica's error for reading off a row. */
  private enum Position {
    BEFORE_START,
    OK,
    AFTER_END,
    CLOSED
  }

  private Position position = Position.BEFORE_START;

  private int row;
  private boolean beforeFirst = true;
  private boolean afterLast;
  private boolean wasNull;
  private boolean closed;
  private int fetchSize = 100;
  private int fetchDirection;
  private Statement statement;
  private final OnClose onClose;

  private LookupResultSet(
      LookupMetaData metaData,
      boolean scalar,
      AtomicBoolean cancelFlag,
      Iterator<?> cursor,
      OnClose onClose) {
    this.onClose = onClose;
    this.columns = metaData.columns();
    this.metaData = metaData;
    this.scalar = scalar;
    this.cancelFlag = cancelFlag;
    this.cursor = cursor;
  }

  /**
   * Runs {@code plan} with these parameter values ({@code ?0}, ...): nothing is sent until the
   * first row is read.
   */
  static ResultSet run(
      SimpleLookup.Plan plan,
      LookupMetaData metaData,
      Map<String, Object> values,
      AtomicBoolean cancelFlag,
      OnClose onClose)
      throws SQLException {
    values.put(DataContext.Variable.CANCEL_FLAG.camelName, cancelFlag);
    Iterator<?> cursor;
    try {
      cursor = plan.cursor(new Context(values));
    } catch (RuntimeException e) {
      // As Avatica reports a failure of a result set's execution.
      throw new SQLException("exception while executing query: " + e.getMessage(), e);
    }
    return (ResultSet)
        Proxy.newProxyInstance(
            LookupResultSet.class.getClassLoader(),
            new Class<?>[] {ResultSet.class},
            new LookupResultSet(metaData, plan.scalar(), cancelFlag, cursor, onClose));
  }

  /** What closing the result set does to its statement (closeOnCompletion). */
  @FunctionalInterface
  interface OnClose {
    /** {@code statement} is the statement users hold, or null before it is known. */
    void closed(Statement statement) throws SQLException;
  }

  /**
   * {@code rs} with {@code statement} as its statement if it is a lookup's result set (then it is
   * already as users get it), else null.
   */
  static ResultSet ofStatement(ResultSet rs, Statement statement) {
    if (Proxy.isProxyClass(rs.getClass())
        && Proxy.getInvocationHandler(rs) instanceof LookupResultSet h) {
      h.statement = statement;
      return rs;
    }
    return null;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    try {
      return answer(proxy, method.getName(), args);
    } catch (SQLFeatureNotSupportedException u) {
      // As Calcite's result set under ResultSetProxy reports a method Avatica lacks.
      throw ErrorTranslation.unsupported(method, u);
    } catch (Throwable t) {
      throw JdbcProxies.translate(t);
    }
  }

  /**
   * Every method, by name: a switch rather than a table of lambdas, whose classes would be spun at
   * a first query's start.
   */
  private Object answer(Object p, String name, Object[] a) throws Exception {
    return switch (name) {
      case "next" -> next();
      case "getString",
          "getBoolean",
          "getByte",
          "getShort",
          "getInt",
          "getLong",
          "getFloat",
          "getDouble",
          "getBigDecimal",
          "getBytes",
          "getDate",
          "getTime",
          "getTimestamp",
          "getAsciiStream",
          "getUnicodeStream",
          "getBinaryStream",
          "getObject",
          "getCharacterStream",
          "getRef",
          "getBlob",
          "getClob",
          "getArray",
          "getURL",
          "getNClob",
          "getSQLXML",
          "getNString",
          "getNCharacterStream" ->
          LookupGetters.get(this, name, column(a[0]), a);
      case "wasNull" -> open(wasNull);
      case "close" -> close();
      case "isClosed" -> closed;
      case "getStatement" -> statement;
      case "getMetaData" -> open(DescriptorProxy.columns(metaData));
      case "findColumn" -> column(a[0]) + 1;
      case "getWarnings", "clearWarnings" -> open(null);
      case "isBeforeFirst" -> open(beforeFirst);
      case "isAfterLast" -> open(afterLast);
      case "isFirst" -> open(row == 1);
      case "getRow" -> open(row);
      case "getFetchSize" -> open(fetchSize);
      case "setFetchSize" -> setFetchSize((Integer) a[0]);
      case "getFetchDirection" -> open(fetchDirection);
      case "setFetchDirection" -> setFetchDirection((Integer) a[0]);
      // As Calcite's prepared statements give: forward only, read only, held over commits.
      case "getType" -> open(ResultSet.TYPE_FORWARD_ONLY);
      case "getConcurrency" -> open(ResultSet.CONCUR_READ_ONLY);
      case "getHoldability" -> open(ResultSet.HOLD_CURSORS_OVER_COMMIT);
      case "rowUpdated", "rowInserted", "rowDeleted" -> open(false);
      case "unwrap" -> LookupMetaData.unwrap(p, (Class<?>) a[0]);
      case "isWrapperFor" -> ((Class<?>) a[0]).isInstance(p);
      case "equals" -> p == a[0];
      case "hashCode" -> System.identityHashCode(p);
      case "toString" -> "BinanceResultSet{LookupResultSet}";
      // Moving back or to a row, updating and the cursor name: Avatica supports none.
      default -> throw new SQLFeatureNotSupportedException();
    };
  }

  /** {@code value}, after checking that the result set is open. */
  private Object open(Object value) throws SQLException {
    if (closed) {
      throw new SQLException("ResultSet closed");
    }
    return value;
  }

  private Object setFetchSize(int size) throws SQLException {
    open(null);
    fetchSize = size;
    return null;
  }

  private Object setFetchDirection(int direction) throws SQLException {
    open(null);
    fetchDirection = direction;
    return null;
  }

  /** The 0-based column a getter names by 1-based index or by label (the first, ignoring case). */
  int column(Object column) throws SQLException {
    open(null);
    if (column instanceof Integer i) {
      if (i < 1 || i > columns.size()) {
        throw new SQLException("invalid column ordinal: " + i);
      }
      return i - 1;
    }
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase((String) column)) {
        return i;
      }
    }
    throw new SQLException("column '" + column + "' not found");
  }

  LookupColumn columnAt(int i) {
    return columns.get(i);
  }

  /** The value of column {@code i} (0-based) in the current row; sets {@link #wasNull}. */
  Object read(int i) throws SQLException {
    if (position != Position.OK) {
      throw new SQLException(
          new NoSuchElementException(
              "Expecting cursor position to be Position.OK, actual is Position." + position));
    }
    Object o = scalar ? current : ((Object[]) current)[i];
    wasNull = o == null;
    return o;
  }

  boolean wasNull() {
    return wasNull;
  }

  private Object next() throws SQLException {
    open(null);
    if (cancelFlag.get()) {
      throw new SQLException("Statement canceled");
    }
    if (cursor.hasNext()) {
      current = cursor.next();
      position = Position.OK;
      row++;
      beforeFirst = false;
      return true;
    }
    current = null;
    position = Position.AFTER_END;
    row = 0;
    afterLast = true;
    return false;
  }

  private Object close() throws Exception {
    boolean first = !closed;
    closed = true;
    Iterator<?> c = cursor;
    if (c != null) {
      cursor = null;
      current = null;
      position = Position.CLOSED;
      if (c instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
    if (first) {
      onClose.closed(statement);
    }
    return null;
  }

  /**
   * What the scan reads from its context: parameter values and the cancel flag. One per execution,
   * equal only to itself: the adapter keeps an execution's answers by its context.
   */
  private static final class Context implements DataContext {
    private final Map<String, Object> values;

    Context(Map<String, Object> values) {
      this.values = values;
    }

    @Override
    public SchemaPlus getRootSchema() {
      return null;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
      return null;
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
