package io.github.binancejdbc.jdbc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.NoSuchStatementException;

/**
 * {@link Statement}, {@link PreparedStatement} and {@link CallableStatement} as users get them:
 *
 * <ul>
 *   <li>writes ({@code INSERT}, {@code UPDATE}, ...) are refused before anything is planned;
 *   <li>{@code setMaxRows(n)} is planned as {@code LIMIT n}, so the scan sends the requests a
 *       {@code LIMIT} would (a prepared statement is planned again when its max rows change);
 *   <li>every binding of a time means the UTC wall clock the equivalent literal means, and whole
 *       numbers fit the parameter's declared width (see {@link ParameterBinder});
 *   <li>result sets and metadata are wrapped, and {@code getConnection()} returns the user's
 *       connection;
 *   <li>closing the connection closes the statement, and a cancel stops only the execution it
 *       interrupted.
 * </ul>
 */
final class StatementProxy implements InvocationHandler {
  /** Passes the calls {@link #answer} leaves to Calcite's statement. */
  private static final Dispatch<StatementProxy> PASSES =
      new Dispatch<StatementProxy>(Statement.class);

  /** What {@link #answer} returns for a call it passes to Calcite's statement. */
  private static final Object PASS = new Object();

  private Statement delegate;
  private final String sql;
  private final ConnectionProxy connection;
  private final ParameterBinder parameters = new ParameterBinder(this::prepared);
  private final Map<String, ParameterBinder.Binding> settings = new LinkedHashMap<>();
  private long maxRows;
  private long plannedFor;

  /** A prepared call ({@code prepareCall}): its text is the query a CALL was rewritten to. */
  private final boolean call;

  private StatementProxy(Statement delegate, String sql, ConnectionProxy c, boolean call) {
    this.delegate = delegate;
    this.sql = sql;
    this.connection = c;
    this.call = call;
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
            new StatementProxy(delegate, sql, c, iface == CallableStatement.class));
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
    Object answer;
    try {
      answer = answer(proxy, method, args);
    } catch (Throwable t) {
      throw JdbcProxies.translate(t);
    }
    return answer == PASS ? PASSES.invoke(this, delegate, proxy, method, args) : answer;
  }

  /**
   * The methods the statement answers itself, by name (every overload), else {@link #PASS}: a
   * switch rather than a table of lambdas, whose classes would be spun at a first query's start.
   * The methods of a prepared statement are only ever called on one.
   */
  private Object answer(Object p, Method m, Object[] a) throws SQLException {
    String name = m.getName();
    return switch (name) {
      case "setString", "setNString" -> parameters.bindString(m, a);
      case "executeQuery" -> executeQuery(p, a);
      case "close" -> close((Statement) p);
      case "getConnection" -> connection.self();
      case "execute", "executeUpdate", "executeLargeUpdate", "addBatch" -> execute(m, a);
      case "getResultSet" -> wrap(delegate.getResultSet(), p);
      case "getGeneratedKeys" -> wrap(delegate.getGeneratedKeys(), p);
      case "setMaxRows" -> setMaxRows(((Integer) a[0]).longValue());
      case "setLargeMaxRows" -> setMaxRows((Long) a[0]);
      case "setQueryTimeout",
          "setFetchSize",
          "setFetchDirection",
          "setMaxFieldSize",
          "setEscapeProcessing",
          "setPoolable",
          "setCursorName" ->
          setting(name, m, a);
      case "clearParameters" -> parameters.clear();
      case "getMetaData" -> DescriptorProxy.columns(prepared().getMetaData());
      case "getParameterMetaData" -> DescriptorProxy.parameters(prepared().getParameterMetaData());
      case "setTimestamp", "setDate", "setTime" -> parameters.bindTime(a);
      case "setObject" -> parameters.bindObject(a);
      case "setLong", "setInt", "setShort", "setByte", "setBigDecimal" ->
          parameters.bindNumber(m, a);
      case "setNull",
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
          "setSQLXML" ->
          parameters.bindAsIs(m, a);
      case "equals" -> p == a[0];
      case "hashCode" -> System.identityHashCode(p);
      case "toString" -> "BinanceStatement{" + delegate + "}";
      case "unwrap" -> Dispatch.unwrap(p, delegate, (Class<?>) a[0]);
      case "isWrapperFor" -> Dispatch.isWrapperFor(p, delegate, (Class<?>) a[0]);
      default -> PASS;
    };
  }

  private PreparedStatement prepared() {
    return (PreparedStatement) delegate;
  }

  private Object wrap(ResultSet rs, Object proxy) {
    return ResultSetProxy.create(rs, (Statement) proxy);
  }

  // ---------------------------------------------------------------------------------------------
  // Execution

  private Object close(Statement proxy) throws SQLException {
    try {
      delegate.close();
    } finally {
      connection.closed(proxy);
    }
    return null;
  }

  /**
   * Avatica never clears a statement's cancel flag, so after one {@code cancel()} (or timeout)
   * every later execution of Calcite's statement would fail at once; a cancel concerns the
   * execution it interrupted only.
   */
  private void clearCancel() {
    clearCancel(delegate);
  }

  /**
   * Clears the cancel flag of {@code statement} if it is Calcite's (see {@link #clearCancel()}).
   */
  static void clearCancel(Statement statement) {
    if (statement instanceof AvaticaStatement s) {
      try {
        s.getConnection().getCancelFlag(s.handle).set(false);
      } catch (NoSuchStatementException | SQLException e) {
        // Closed: executing reports it.
      }
    }
  }

  private Object executeQuery(Object proxy, Object[] a) throws SQLException {
    clearCancel();
    if (a != null && a.length > 0) {
      SqlGate.check((String) a[0]);
      return wrap(delegate.executeQuery((String) a[0]), proxy);
    }
    replan();
    return wrap(prepared().executeQuery(), proxy);
  }

  /** {@code execute}, {@code executeUpdate}, {@code addBatch}: the SQL text checked, then run. */
  private Object execute(Method m, Object[] a) throws SQLException {
    if (delegate.isClosed()) {
      // A closed statement says so before anything is judged of the SQL.
      return Dispatch.call(delegate, m, a);
    }
    String name = m.getName();
    boolean noRows = !name.equals("execute");
    if (a != null && a.length > 0 && (a[0] instanceof String || a[0] == null)) {
      String text = (String) a[0];
      if (noRows) {
        SqlGate.checkUpdate(text, name);
      } else {
        SqlGate.check(text);
      }
    } else {
      if (noRows && sql != null && !call) {
        SqlGate.checkUpdate(sql, name);
      }
      replan();
    }
    clearCancel();
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
      for (ParameterBinder.Binding b : settings.values()) {
        b.apply(fresh);
      }
      parameters.replay(fresh);
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
    if (name.equals("setFetchSize") && (Integer) a[0] < 0) {
      throw new SQLException("Fetch size must not be negative, but was " + a[0], "22023");
    }
    Dispatch.call(delegate, m, a);
    if (sql != null) {
      settings.put(name, ps -> Dispatch.call(ps, m, a));
    }
    return null;
  }
}
