package io.github.binancejdbc.jdbc.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
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
 * load them. It is a class of its own rather than a proxy: a row read is a plain call, and no proxy
 * class of ResultSet's 193 methods is generated in a JVM whose queries are all lookups.
 *
 * <p>Differences, both outside JDBC's contract: {@code unwrap} and {@code isWrapperFor} know only
 * {@link ResultSet} (and this class), not Avatica's classes nor {@code java.lang.reflect.Proxy}.
 */
final class LookupResultSet extends ForwardOnlyResultSet {
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
    return new LookupResultSet(metaData, plan.scalar(), cancelFlag, cursor, onClose);
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
    if (rs instanceof LookupResultSet lookup) {
      lookup.statement = statement;
      return rs;
    }
    return null;
  }

  /**
   * What a caller sees of {@code t}, thrown while answering a method: every method translates its
   * failures as the driver's proxies do ({@link JdbcProxies#translate}).
   */
  private static SQLException fail(Throwable t) {
    return JdbcProxies.translate(t);
  }

  /** Fails if the result set is closed. */
  private void open() throws SQLException {
    if (closed) {
      throw new SQLException("ResultSet closed");
    }
  }

  /** The 0-based column of 1-based index {@code column}. */
  private int column(int column) throws SQLException {
    open();
    if (column < 1 || column > columns.size()) {
      throw new SQLException("invalid column ordinal: " + column);
    }
    return column - 1;
  }

  /** The 0-based column a label names (the first, ignoring case). */
  private int column(String label) throws SQLException {
    open();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(label)) {
        return i;
      }
    }
    throw new SQLException("column '" + label + "' not found");
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

  // ---- moving and closing ----

  @Override
  public boolean next() throws SQLException {
    try {
      open();
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
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public void close() throws SQLException {
    try {
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
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  // ---- getters by index ----

  @Override
  public boolean wasNull() throws SQLException {
    try {
      open();
      return wasNull;
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public String getString(int column) throws SQLException {
    try {
      return LookupGetters.string(this, column(column));
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public boolean getBoolean(int column) throws SQLException {
    try {
      return LookupGetters.bool(this, column(column));
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public byte getByte(int column) throws SQLException {
    try {
      return (byte) LookupGetters.whole(this, column(column));
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public short getShort(int column) throws SQLException {
    try {
      return (short) LookupGetters.whole(this, column(column));
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public int getInt(int column) throws SQLException {
    try {
      return (int) LookupGetters.whole(this, column(column));
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public long getLong(int column) throws SQLException {
    try {
      return LookupGetters.whole(this, column(column));
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public float getFloat(int column) throws SQLException {
    try {
      return LookupGetters.getFloat(this, column(column));
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public double getDouble(int column) throws SQLException {
    try {
      return LookupGetters.getDouble(this, column(column));
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public BigDecimal getBigDecimal(int column) throws SQLException {
    try {
      return LookupGetters.decimal(this, column(column), null);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
    try {
      return LookupGetters.decimal(this, column(column), scale);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public Date getDate(int column) throws SQLException {
    return getDate(column, null);
  }

  @Override
  public Date getDate(int column, Calendar cal) throws SQLException {
    try {
      return LookupGetters.date(this, column(column), cal);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public Time getTime(int column) throws SQLException {
    return getTime(column, null);
  }

  @Override
  public Time getTime(int column, Calendar cal) throws SQLException {
    try {
      return LookupGetters.time(this, column(column), cal);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public Timestamp getTimestamp(int column) throws SQLException {
    return getTimestamp(column, null);
  }

  @Override
  public Timestamp getTimestamp(int column, Calendar cal) throws SQLException {
    try {
      return LookupGetters.timestamp(this, column(column), cal);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public Object getObject(int column) throws SQLException {
    try {
      return LookupGetters.object(this, column(column));
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public <T> T getObject(int column, Class<T> type) throws SQLException {
    try {
      @SuppressWarnings("unchecked") // what getObject(i, type) gives is of that type
      T value = (T) LookupGetters.object(this, column(column), type);
      return value;
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
    try {
      column(column);
      throw LookupGetters.withTypeOrMap();
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  /** The failure of a getter no column of a lookup can answer, after checking the column. */
  private SQLException unreadable(int column, String getter) {
    try {
      column(column);
      return fail(LookupGetters.unreadable(getter));
    } catch (Throwable t) {
      return fail(t);
    }
  }

  @Override
  public byte[] getBytes(int column) throws SQLException {
    throw unreadable(column, "getBytes");
  }

  @Override
  public InputStream getAsciiStream(int column) throws SQLException {
    throw unreadable(column, "getAsciiStream");
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int column) throws SQLException {
    throw unreadable(column, "getUnicodeStream");
  }

  @Override
  public InputStream getBinaryStream(int column) throws SQLException {
    throw unreadable(column, "getBinaryStream");
  }

  @Override
  public Reader getCharacterStream(int column) throws SQLException {
    throw unreadable(column, "getCharacterStream");
  }

  @Override
  public Ref getRef(int column) throws SQLException {
    throw unreadable(column, "getRef");
  }

  @Override
  public Blob getBlob(int column) throws SQLException {
    throw unreadable(column, "getBlob");
  }

  @Override
  public Clob getClob(int column) throws SQLException {
    throw unreadable(column, "getClob");
  }

  @Override
  public Array getArray(int column) throws SQLException {
    throw unreadable(column, "getArray");
  }

  @Override
  public URL getURL(int column) throws SQLException {
    throw unreadable(column, "getURL");
  }

  @Override
  public NClob getNClob(int column) throws SQLException {
    throw unreadable(column, "getNClob");
  }

  @Override
  public SQLXML getSQLXML(int column) throws SQLException {
    throw unreadable(column, "getSQLXML");
  }

  @Override
  public String getNString(int column) throws SQLException {
    throw unreadable(column, "getNString");
  }

  @Override
  public Reader getNCharacterStream(int column) throws SQLException {
    throw unreadable(column, "getNCharacterStream");
  }

  // ---- getters by label: the column the label names, then the getter by index ----

  @Override
  public int findColumn(String label) throws SQLException {
    try {
      return column(label) + 1;
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public String getString(String label) throws SQLException {
    return getString(findColumn(label));
  }

  @Override
  public boolean getBoolean(String label) throws SQLException {
    return getBoolean(findColumn(label));
  }

  @Override
  public byte getByte(String label) throws SQLException {
    return getByte(findColumn(label));
  }

  @Override
  public short getShort(String label) throws SQLException {
    return getShort(findColumn(label));
  }

  @Override
  public int getInt(String label) throws SQLException {
    return getInt(findColumn(label));
  }

  @Override
  public long getLong(String label) throws SQLException {
    return getLong(findColumn(label));
  }

  @Override
  public float getFloat(String label) throws SQLException {
    return getFloat(findColumn(label));
  }

  @Override
  public double getDouble(String label) throws SQLException {
    return getDouble(findColumn(label));
  }

  @Override
  public BigDecimal getBigDecimal(String label) throws SQLException {
    return getBigDecimal(findColumn(label));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
    return getBigDecimal(findColumn(label), scale);
  }

  @Override
  public Date getDate(String label) throws SQLException {
    return getDate(findColumn(label), null);
  }

  @Override
  public Date getDate(String label, Calendar cal) throws SQLException {
    return getDate(findColumn(label), cal);
  }

  @Override
  public Time getTime(String label) throws SQLException {
    return getTime(findColumn(label), null);
  }

  @Override
  public Time getTime(String label, Calendar cal) throws SQLException {
    return getTime(findColumn(label), cal);
  }

  @Override
  public Timestamp getTimestamp(String label) throws SQLException {
    return getTimestamp(findColumn(label), null);
  }

  @Override
  public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
    return getTimestamp(findColumn(label), cal);
  }

  @Override
  public Object getObject(String label) throws SQLException {
    return getObject(findColumn(label));
  }

  @Override
  public <T> T getObject(String label, Class<T> type) throws SQLException {
    return getObject(findColumn(label), type);
  }

  @Override
  public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
    return getObject(findColumn(label), map);
  }

  @Override
  public byte[] getBytes(String label) throws SQLException {
    return getBytes(findColumn(label));
  }

  @Override
  public InputStream getAsciiStream(String label) throws SQLException {
    return getAsciiStream(findColumn(label));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String label) throws SQLException {
    return getUnicodeStream(findColumn(label));
  }

  @Override
  public InputStream getBinaryStream(String label) throws SQLException {
    return getBinaryStream(findColumn(label));
  }

  @Override
  public Reader getCharacterStream(String label) throws SQLException {
    return getCharacterStream(findColumn(label));
  }

  @Override
  public Ref getRef(String label) throws SQLException {
    return getRef(findColumn(label));
  }

  @Override
  public Blob getBlob(String label) throws SQLException {
    return getBlob(findColumn(label));
  }

  @Override
  public Clob getClob(String label) throws SQLException {
    return getClob(findColumn(label));
  }

  @Override
  public Array getArray(String label) throws SQLException {
    return getArray(findColumn(label));
  }

  @Override
  public URL getURL(String label) throws SQLException {
    return getURL(findColumn(label));
  }

  @Override
  public NClob getNClob(String label) throws SQLException {
    return getNClob(findColumn(label));
  }

  @Override
  public SQLXML getSQLXML(String label) throws SQLException {
    return getSQLXML(findColumn(label));
  }

  @Override
  public String getNString(String label) throws SQLException {
    return getNString(findColumn(label));
  }

  @Override
  public Reader getNCharacterStream(String label) throws SQLException {
    return getNCharacterStream(findColumn(label));
  }

  // ---- the cursor's state and settings ----

  /** {@code value}, after checking that the result set is open. */
  private <T> T whenOpen(T value) throws SQLException {
    try {
      open();
      return value;
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    return whenOpen(null);
  }

  @Override
  public void clearWarnings() throws SQLException {
    whenOpen(null);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    try {
      open();
      return DescriptorProxy.columns(metaData);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public Statement getStatement() {
    return statement;
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    return whenOpen(beforeFirst);
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    return whenOpen(afterLast);
  }

  @Override
  public boolean isFirst() throws SQLException {
    return whenOpen(row == 1);
  }

  @Override
  public int getRow() throws SQLException {
    return whenOpen(row);
  }

  @Override
  public int getFetchSize() throws SQLException {
    return whenOpen(fetchSize);
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    whenOpen(null);
    fetchSize = rows;
  }

  @Override
  public int getFetchDirection() throws SQLException {
    return whenOpen(fetchDirection);
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    whenOpen(null);
    fetchDirection = direction;
  }

  // As Calcite's prepared statements give: forward only, read only, held over commits.

  @Override
  public int getType() throws SQLException {
    return whenOpen(ResultSet.TYPE_FORWARD_ONLY);
  }

  @Override
  public int getConcurrency() throws SQLException {
    return whenOpen(ResultSet.CONCUR_READ_ONLY);
  }

  @Override
  public int getHoldability() throws SQLException {
    return whenOpen(ResultSet.HOLD_CURSORS_OVER_COMMIT);
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    return whenOpen(false);
  }

  @Override
  public boolean rowInserted() throws SQLException {
    return whenOpen(false);
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    return whenOpen(false);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    try {
      return LookupMetaData.unwrap(this, iface);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    try {
      return iface.isInstance(this);
    } catch (Throwable t) {
      throw fail(t);
    }
  }

  @Override
  public String toString() {
    return "BinanceResultSet{LookupResultSet}";
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
