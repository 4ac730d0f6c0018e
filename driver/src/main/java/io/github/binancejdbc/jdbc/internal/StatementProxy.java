package io.github.binancejdbc.jdbc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link Statement}, {@link PreparedStatement} and {@link CallableStatement} as users get them:
 *
 * <ul>
 *   <li>writes ({@code INSERT}, {@code UPDATE}, ...) are refused before anything is planned;
 *   <li>{@code setMaxRows(n)} is planned as {@code LIMIT n}, so the scan sends the requests a
 *       {@code LIMIT} would (a prepared statement is planned again when its max rows change);
 *   <li>every binding of a time means the UTC wall clock the equivalent literal means, and whole
 *       numbers fit the parameter's declared width (see {@link TypeConversions});
 *   <li>result sets are wrapped, and {@code getConnection()} returns the user's connection.
 * </ul>
 */
final class StatementProxy implements InvocationHandler {
  /** One parameter binding or statement setting, replayed when the statement is planned again. */
  @FunctionalInterface
  private interface Binding {
    void apply(PreparedStatement ps) throws SQLException;
  }

  private static final Dispatch<StatementProxy> STATEMENT = statementOps(Statement.class);
  private static final Dispatch<StatementProxy> PREPARED = preparedOps(PreparedStatement.class);
  private static final Dispatch<StatementProxy> CALLABLE = preparedOps(CallableStatement.class);

  private static Dispatch<StatementProxy> statementOps(Class<?> iface) {
    Dispatch<StatementProxy> d =
        new Dispatch<StatementProxy>(iface)
            .identity(h -> "BinanceStatement{" + h.delegate + "}", h -> h.delegate)
            .on("getConnection", (h, p, m, a) -> h.connection.self())
            .on("executeQuery", (h, p, m, a) -> h.executeQuery(p, a))
            .on("execute", (h, p, m, a) -> h.execute(m, a))
            .on("executeUpdate", (h, p, m, a) -> h.execute(m, a))
            .on("executeLargeUpdate", (h, p, m, a) -> h.execute(m, a))
            .on("addBatch", (h, p, m, a) -> h.execute(m, a))
            .on("getResultSet", (h, p, m, a) -> h.wrap(h.delegate.getResultSet(), p))
            .on("getGeneratedKeys", (h, p, m, a) -> h.wrap(h.delegate.getGeneratedKeys(), p))
            .on("setMaxRows", (h, p, m, a) -> h.setMaxRows(((Integer) a[0]).longValue()))
            .on("setLargeMaxRows", (h, p, m, a) -> h.setMaxRows((Long) a[0]));
    for (String setting :
        new String[] {
          "setQueryTimeout",
          "setFetchSize",
          "setFetchDirection",
          "setMaxFieldSize",
          "setEscapeProcessing",
          "setPoolable",
          "setCursorName"
        }) {
      d.on(setting, (h, p, m, a) -> h.setting(setting, m, a));
    }
    return d;
  }

  private static Dispatch<StatementProxy> preparedOps(Class<?> iface) {
    Dispatch<StatementProxy> d =
        statementOps(iface)
            .on("clearParameters", (h, p, m, a) -> h.clearParameters())
            .on("setTimestamp", (h, p, m, a) -> h.bindTime(a))
            .on("setDate", (h, p, m, a) -> h.bindTime(a))
            .on("setTime", (h, p, m, a) -> h.bindTime(a))
            .on("setString", (h, p, m, a) -> h.bindString(m, a))
            .on("setNString", (h, p, m, a) -> h.bindString(m, a))
            .on("setObject", (h, p, m, a) -> h.bindObject(a));
    for (String number :
        new String[] {"setLong", "setInt", "setShort", "setByte", "setBigDecimal"}) {
      d.on(number, (h, p, m, a) -> h.bindNumber(m, a));
    }
    for (String other :
        new String[] {
          "setNull",
          "setBoolean",
          "setFloat",
          "setDouble",
          "setBytes",
          "setAsciiStream",
          "setUnicodeStream",
          "setBinaryStream",
          "setCharacterStream",
          "setNCharacterStream",
          "setRef",
          "setBlob",
          "setClob",
          "setNClob",
          "setArray",
          "setURL",
          "setRowId",
          "setSQLXML"
        }) {
      d.on(other, (h, p, m, a) -> h.bindAsIs(m, a));
    }
    return d;
  }

  private Statement delegate;
  private final Class<?> iface;
  private final String sql;
  private final ConnectionProxy connection;
  private final Map<Integer, Binding> bindings = new TreeMap<>();
  private final Map<String, Binding> settings = new LinkedHashMap<>();
  private long maxRows;
  private long plannedFor;
  private int[] parameterTypes;

  private StatementProxy(Statement delegate, Class<?> iface, String sql, ConnectionProxy c) {
    this.delegate = delegate;
    this.iface = iface;
    this.sql = sql;
    this.connection = c;
  }

  /**
   * @param sql the statement's text when it is prepared (to plan it again for another max rows),
   *     else {@code null}
   */
  static Statement create(Statement delegate, Class<?> iface, String sql, ConnectionProxy c) {
    return (Statement)
        Proxy.newProxyInstance(
            StatementProxy.class.getClassLoader(),
            new Class<?>[] {iface},
            new StatementProxy(delegate, iface, sql, c));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == CallableStatement.class) {
      throw new SQLFeatureNotSupportedException(
          method.getName()
              + " is not supported:"
              + " procedures return their results as rows; call executeQuery() (or execute() and"
              + " getResultSet()) and read them",
          "0A000");
    }
    Dispatch<StatementProxy> ops =
        iface == CallableStatement.class
            ? CALLABLE
            : iface == PreparedStatement.class ? PREPARED : STATEMENT;
    return ops.invoke(this, delegate, proxy, method, args);
  }

  private PreparedStatement prepared() {
    return (PreparedStatement) delegate;
  }

  private Object wrap(ResultSet rs, Object proxy) {
    return ResultSetProxy.create(rs, (Statement) proxy);
  }

  // ---------------------------------------------------------------------------------------------
  // Execution

  private Object executeQuery(Object proxy, Object[] a) throws SQLException {
    if (a != null && a.length > 0) {
      SqlGate.check((String) a[0]);
      return wrap(delegate.executeQuery((String) a[0]), proxy);
    }
    replan();
    return wrap(prepared().executeQuery(), proxy);
  }

  /** {@code execute}, {@code executeUpdate}, {@code addBatch}: the SQL text checked, then run. */
  private Object execute(Method m, Object[] a) throws SQLException {
    if (a != null && a.length > 0 && a[0] instanceof String text) {
      SqlGate.check(text);
    } else {
      replan();
    }
    return Dispatch.call(delegate, m, a);
  }

  private Object setMaxRows(long n) throws SQLException {
    if (n < 0) {
      throw new SQLException("maxRows must not be negative, but was " + n, "22023");
    }
    delegate.setLargeMaxRows(n);
    maxRows = n;
    return null;
  }

  /**
   * A prepared statement was planned for the max rows in force when it was prepared; when they have
   * changed since, plan it again (with its settings and bindings), so that the limit reaches the
   * scan as a {@code LIMIT} would.
   */
  private void replan() throws SQLException {
    if (sql == null || maxRows == plannedFor) {
      return;
    }
    PreparedStatement fresh = connection.prepare(sql, maxRows);
    try {
      for (Binding b : settings.values()) {
        b.apply(fresh);
      }
      for (Binding b : bindings.values()) {
        b.apply(fresh);
      }
      fresh.setLargeMaxRows(maxRows);
    } catch (SQLException | RuntimeException e) {
      fresh.close();
      throw e;
    }
    Statement old = delegate;
    delegate = fresh;
    plannedFor = maxRows;
    old.close();
  }

  private Object setting(String name, Method m, Object[] a) throws SQLException {
    Dispatch.call(delegate, m, a);
    if (sql != null) {
      settings.put(name, ps -> Dispatch.call(ps, m, a));
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Parameters

  private Object clearParameters() throws SQLException {
    bindings.clear();
    prepared().clearParameters();
    return null;
  }

  private Object bind(int index, Binding b) throws SQLException {
    b.apply(prepared());
    bindings.put(index, b);
    return null;
  }

  private Object bindAsIs(Method m, Object[] a) throws SQLException {
    return bind((Integer) a[0], ps -> Dispatch.call(ps, m, a));
  }

  private int parameterType(int index) throws SQLException {
    if (parameterTypes == null) {
      ParameterMetaData md = prepared().getParameterMetaData();
      parameterTypes = new int[md.getParameterCount() + 1];
      for (int i = 1; i < parameterTypes.length; i++) {
        parameterTypes[i] = md.getParameterType(i);
      }
    }
    return index > 0 && index < parameterTypes.length ? parameterTypes[index] : Types.OTHER;
  }

  /** {@code setTimestamp}, {@code setDate}, {@code setTime}, with or without a calendar. */
  private Object bindTime(Object[] a) throws SQLException {
    int index = (Integer) a[0];
    if (a[1] == null) {
      return bind(index, ps -> ps.setNull(index, Types.TIMESTAMP));
    }
    long millis = ParameterConversions.utcMillisOf(a[1], a.length == 3 ? (Calendar) a[2] : null);
    int type = timeType(index, timeTypeOf(a[1]));
    return bind(index, time(index, type, millis));
  }

  private static int timeTypeOf(Object x) {
    return x instanceof Date ? Types.DATE : x instanceof Time ? Types.TIME : Types.TIMESTAMP;
  }

  /** The type a time value is bound as: the parameter's, when it is a time or text. */
  private int timeType(int index, int fallback) throws SQLException {
    int declared = parameterType(index);
    if (TypeConversions.isTime(declared) || declared == Types.VARCHAR || declared == Types.CHAR) {
      return declared;
    }
    return fallback;
  }

  private static Binding time(int index, int type, long millis) {
    return switch (type) {
      case Types.DATE ->
          ps ->
              ps.setDate(
                  index,
                  new Date(Math.floorDiv(millis, TypeConversions.DAY) * TypeConversions.DAY));
      case Types.TIME ->
          ps -> ps.setTime(index, new Time(Math.floorMod(millis, TypeConversions.DAY)));
      case Types.VARCHAR, Types.CHAR ->
          ps -> ps.setString(index, TypeConversions.string(millis, Types.TIMESTAMP));
      default -> ps -> ps.setTimestamp(index, new Timestamp(millis));
    };
  }

  private Object bindString(Method m, Object[] a) throws SQLException {
    int index = (Integer) a[0];
    int declared = parameterType(index);
    if (a[1] != null && TypeConversions.isTime(declared)) {
      long millis = ParameterConversions.parse((String) a[1]);
      return bind(index, time(index, declared, millis));
    }
    return bindAsIs(m, a);
  }

  /**
   * Every {@code setObject} form: {@code (i, x)}, {@code (i, x, int)}, {@code (i, x, int, int)},
   * {@code (i, x, SQLType)} and {@code (i, x, SQLType, int)}. Times and text bound to a time
   * parameter go through {@link TypeConversions}; the {@code SQLType} forms, which Avatica does not
   * implement, become the {@code int} forms.
   */
  private Object bindObject(Object[] a) throws SQLException {
    int index = (Integer) a[0];
    Object x = a[1];
    Integer target = null;
    if (a.length >= 3) {
      target = a[2] instanceof SQLType st ? ParameterConversions.typeCode(st) : (Integer) a[2];
    }
    if (x == null) {
      int nullType = target == null ? Types.NULL : target;
      return bind(index, ps -> ps.setNull(index, nullType));
    }
    int declared = parameterType(index);
    boolean timeTarget = target != null && TypeConversions.isTime(target);
    if (ParameterConversions.isTimeValue(x)
        || (x instanceof CharSequence && (TypeConversions.isTime(declared) || timeTarget))) {
      long millis = ParameterConversions.utcMillisOf(x, null);
      int fallback =
          timeTarget && target != Types.TIMESTAMP_WITH_TIMEZONE
              ? target
              : x instanceof CharSequence ? Types.TIMESTAMP : timeTypeOf(x);
      return bind(index, time(index, timeType(index, fallback), millis));
    }
    if (x instanceof Number n) {
      Binding whole = wholeNumber(index, n);
      if (whole != null) {
        return bind(index, whole);
      }
    }
    if (target == null || target == Types.OTHER || target == Types.JAVA_OBJECT) {
      return bind(index, ps -> ps.setObject(index, x));
    }
    int type = target;
    return bind(index, ps -> ps.setObject(index, x, type));
  }

  private Object bindNumber(Method m, Object[] a) throws SQLException {
    int index = (Integer) a[0];
    if (a[1] instanceof Number n) {
      Binding whole = wholeNumber(index, n);
      if (whole != null) {
        return bind(index, whole);
      }
    }
    return bindAsIs(m, a);
  }

  /**
   * A whole number bound with a setter of another width than the parameter's type: Calcite's
   * generated code casts {@code LIMIT ?} (INTEGER) to Integer, so {@code setLong(i, 10L)}, as jOOQ
   * and others bind limits, would fail with a ClassCastException. {@code null} when the value can
   * be bound as it is.
   */
  private Binding wholeNumber(int index, Number n) throws SQLException {
    if (n instanceof Double || n instanceof Float) {
      return null;
    }
    int type = parameterType(index);
    if (type != Types.INTEGER && type != Types.BIGINT) {
      return null;
    }
    long v;
    if (n instanceof BigDecimal d) {
      try {
        v = d.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    } else {
      v = n.longValue();
    }
    if (type == Types.INTEGER && v == (int) v) {
      return n instanceof Integer ? null : ps -> ps.setInt(index, (int) v);
    }
    if (type == Types.BIGINT) {
      return n instanceof Long ? null : ps -> ps.setLong(index, v);
    }
    return null;
  }
}
