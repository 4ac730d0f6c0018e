package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.BinanceSchema;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlExceptions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The JDBC face handed to users: thin dynamic proxies over Calcite's connection, statements, result
 * sets and metadata. They exist for three reasons, each a gap in Calcite/Avatica 1.42:
 *
 * <ul>
 *   <li>errors: Avatica lets a {@code RuntimeException} escape {@code ResultSet.next()} and wraps
 *       execution errors in a plain {@code SQLException} without SQLState; here every failure
 *       becomes an {@code SQLException} with the Binance code, SQLState and fitting subclass;
 *   <li>transactions: Calcite's {@code commit()}/{@code rollback()} throw {@code
 *       UnsupportedOperationException} and auto-commit reports false, which breaks pools and
 *       DBeaver; here auto-commit is always true and commit/rollback do nothing;
 *   <li>resources and secrets: closing the connection closes its HTTP client and caches, and the
 *       URL and user name we report never carry a key.
 * </ul>
 *
 * <p>Proxies rather than hand-written delegates: {@code ResultSet} and {@code DatabaseMetaData}
 * have some 200 methods each, and all but a handful pass straight through.
 */
public final class JdbcProxies {
  private JdbcProxies() {}

  /** Wraps a Calcite connection; {@code resources} are closed with it. */
  public static Connection connection(
      Connection calcite, BinanceSchema resources, String displayUrl, boolean trading) {
    ConnectionHandler h = new ConnectionHandler(calcite, resources, displayUrl, !trading);
    Connection proxy =
        (Connection)
            Proxy.newProxyInstance(
                JdbcProxies.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    h.self = proxy;
    return proxy;
  }

  /** The exception a caller should see for {@code t}. */
  public static SQLException translate(Throwable t) {
    return ErrorTranslation.translate(t);
  }

  private static Object call(Object target, Method method, Object[] args) throws SQLException {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw translate(e.getCause());
    } catch (IllegalAccessException e) {
      throw new SQLException("Internal error calling " + method.getName(), "XX000", e);
    }
  }

  /** Returned by {@link #objectMethod} when the method is not one of those it answers. */
  private static final Object NOT_HANDLED = new Object();

  /**
   * The methods every proxy answers the same way: identity {@code equals}/{@code hashCode}, a
   * {@code toString} without secrets, and {@code unwrap}/{@code isWrapperFor} that know the proxy.
   */
  private static Object objectMethod(Object proxy, Object delegate, Method method, Object[] args,
      java.util.function.Supplier<String> label) throws SQLException {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      case "toString" -> label.get();
      case "unwrap", "isWrapperFor" -> wrapper(proxy, delegate, method, args);
      default -> NOT_HANDLED;
    };
  }

  private static Object wrapper(Object proxy, Object delegate, Method method, Object[] args)
      throws SQLException {
    Class<?> iface = (Class<?>) args[0];
    if (method.getName().equals("isWrapperFor")) {
      return iface.isInstance(proxy) || (Boolean) call(delegate, method, args);
    }
    return iface.isInstance(proxy) ? proxy : call(delegate, method, args);
  }

  /** Connection: transactions, resources, metadata, statement wrapping. */
  private static final class ConnectionHandler implements InvocationHandler {
    private final Connection delegate;
    private final BinanceSchema resources;
    private final String displayUrl;
    private final Properties clientInfo = new Properties();
    private volatile boolean closed;
    private boolean readOnly;
    private int networkTimeout;
    Connection self;

    ConnectionHandler(
        Connection delegate, BinanceSchema resources, String displayUrl, boolean readOnly) {
      this.delegate = delegate;
      this.resources = resources;
      this.displayUrl = displayUrl;
      this.readOnly = readOnly;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      switch (name) {
        case "close":
          close();
          return null;
        case "isClosed":
          return closed || delegate.isClosed();
        case "isValid":
          if ((Integer) args[0] < 0) {
            throw new SQLException("isValid timeout must not be negative", "22023");
          }
          return !closed && !delegate.isClosed();
        case "abort":
          close();
          return null;
        default:
          Object common = objectMethod(proxy, delegate, method, args,
              () -> "BinanceConnection{" + displayUrl + (closed ? ", closed" : "") + "}");
          if (common != NOT_HANDLED) {
            return common;
          }
          break;
      }
      checkOpen();
      switch (name) {
        case "getAutoCommit":
          return true;
        case "setAutoCommit":
        case "commit":
        case "rollback":
        case "setTransactionIsolation":
          // No transactions: every statement takes effect at once. Harmless no-ops keep pools
          // and DBeaver working.
          return null;
        case "getTransactionIsolation":
          return Connection.TRANSACTION_NONE;
        case "setReadOnly":
          readOnly = (Boolean) args[0];
          return null;
        case "isReadOnly":
          return readOnly;
        case "setClientInfo":
          if (args.length == 1) {
            clientInfo.putAll((Properties) args[0]);
          } else if (args[1] == null) {
            clientInfo.remove(args[0]);
          } else {
            clientInfo.setProperty((String) args[0], (String) args[1]);
          }
          return null;
        case "getClientInfo":
          return args == null || args.length == 0
              ? (Properties) clientInfo.clone()
              : clientInfo.getProperty((String) args[0]);
        case "getTypeMap":
          return new java.util.HashMap<String, Class<?>>();
        case "setTypeMap":
          return null;
        case "setNetworkTimeout":
          networkTimeout = (Integer) args[1];
          return null;
        case "getNetworkTimeout":
          return networkTimeout;
        case "prepareCall":
          return callable((String) args[0]);
        case "getMetaData":
          return metaData((DatabaseMetaData) call(delegate, method, args));
        case "createStatement":
        case "prepareStatement":
          return statement((Statement) call(delegate, method, args));
        default:
          return call(delegate, method, args);
      }
    }

    private void checkOpen() throws SQLException {
      if (closed) {
        throw new java.sql.SQLNonTransientConnectionException(
            "Connection is closed", "08003");
      }
    }

    private void close() throws SQLException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        delegate.close();
      } finally {
        try {
          resources.close();
        } catch (Exception e) {
          throw translate(e);
        }
      }
    }

    private Statement statement(Statement s) {
      Class<?> iface = s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
      return (Statement)
          Proxy.newProxyInstance(
              JdbcProxies.class.getClassLoader(),
              new Class<?>[] {iface},
              new StatementHandler(s, self));
    }

    /**
     * A CallableStatement over a prepared {@code SELECT * FROM TABLE(p(?, ...))}: set the
     * parameters by position, execute, read the result set. OUT parameters do not exist here
     * (procedures return rows), so their methods say so.
     */
    private CallableStatement callable(String sql) throws SQLException {
      String rewritten = CallRewriter.rewrite(sql);
      PreparedStatement ps = delegate.prepareStatement(rewritten == null ? sql : rewritten);
      return (CallableStatement)
          Proxy.newProxyInstance(
              JdbcProxies.class.getClassLoader(),
              new Class<?>[] {CallableStatement.class},
              new CallableHandler(ps, self));
    }

    private DatabaseMetaData metaData(DatabaseMetaData md) {
      return (DatabaseMetaData)
          Proxy.newProxyInstance(
              JdbcProxies.class.getClassLoader(),
              new Class<?>[] {DatabaseMetaData.class},
              new MetaDataHandler(md, self, displayUrl, new MetaDataAnswers(resources), this));
    }
  }

  /** Statement and PreparedStatement: result sets wrapped, back-links to the proxy. */
  private static final class StatementHandler implements InvocationHandler {
    private final Statement delegate;
    private final Connection connection;
    private int[] parameterTypes;

    StatementHandler(Statement delegate, Connection connection) {
      this.delegate = delegate;
      this.connection = connection;
    }

    private int parameterType(int index) throws SQLException {
      if (parameterTypes == null) {
        java.sql.ParameterMetaData md = ((PreparedStatement) delegate).getParameterMetaData();
        parameterTypes = new int[md.getParameterCount() + 1];
        for (int i = 1; i < parameterTypes.length; i++) {
          parameterTypes[i] = md.getParameterType(i);
        }
      }
      return index > 0 && index < parameterTypes.length ? parameterTypes[index]
          : java.sql.Types.OTHER;
    }

    /**
     * A whole number bound with a setter of another width than the parameter's type: Calcite's
     * generated code casts {@code LIMIT ?} (INTEGER) to Integer, so {@code setLong(i, 10L)}, as
     * jOOQ and others bind limits, would fail with a ClassCastException.
     */
    private Object coerceWholeNumber(Method method, Object[] args) throws SQLException {
      if (!(delegate instanceof PreparedStatement ps) || args == null || args.length != 2
          || !(args[0] instanceof Integer index) || !(args[1] instanceof Number n)
          || n instanceof Double || n instanceof Float) {
        return null;
      }
      if (n instanceof java.math.BigDecimal d) {
        int type = parameterType(index);
        if (type != java.sql.Types.INTEGER && type != java.sql.Types.BIGINT) {
          return null;
        }
        try {
          long whole = d.longValueExact();
          if (type == java.sql.Types.INTEGER && whole == (int) whole) {
            ps.setInt(index, (int) whole);
          } else {
            ps.setLong(index, whole);
          }
          return Boolean.TRUE;
        } catch (ArithmeticException e) {
          return null;
        }
      }
      int type = parameterType(index);
      long v = n.longValue();
      if (type == java.sql.Types.INTEGER && !(n instanceof Integer)
          && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
        ps.setInt(index, (int) v);
        return Boolean.TRUE;
      }
      if (type == java.sql.Types.BIGINT && !(n instanceof Long)) {
        ps.setLong(index, v);
        return Boolean.TRUE;
      }
      return null;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "setLong":
        case "setBigDecimal":
        case "setInt":
        case "setShort":
        case "setByte":
        case "setObject":
          try {
            if (coerceWholeNumber(method, args) != null) {
              return null;
            }
          } catch (RuntimeException e) {
            throw translate(e);
          }
          return call(delegate, method, args);
        case "getConnection":
          return connection;
        case "executeQuery":
        case "getResultSet":
        case "getGeneratedKeys":
          return resultSet((ResultSet) call(delegate, method, args), (Statement) proxy);
        default:
          Object common =
              objectMethod(proxy, delegate, method, args, () -> "BinanceStatement{" + delegate + "}");
          if (common != NOT_HANDLED) {
            return common;
          }
          return call(delegate, method, args);
      }
    }
  }

  /** CallableStatement: PreparedStatement methods pass through; OUT-parameter methods refuse. */
  private static final class CallableHandler implements InvocationHandler {
    private final StatementHandler statement;

    CallableHandler(PreparedStatement delegate, Connection connection) {
      this.statement = new StatementHandler(delegate, connection);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      Class<?> owner = method.getDeclaringClass();
      if (owner == CallableStatement.class) {
        throw new SQLFeatureNotSupportedException(method.getName() + " is not supported:"
            + " procedures return their results as rows; call executeQuery() (or execute() and"
            + " getResultSet()) and read them", "0A000");
      }
      return statement.invoke(proxy, method, args);
    }
  }

  static ResultSet resultSet(ResultSet rs, Statement statement) {
    if (rs == null) {
      return null;
    }
    return (ResultSet)
        Proxy.newProxyInstance(
            JdbcProxies.class.getClassLoader(),
            new Class<?>[] {ResultSet.class},
            new ResultSetHandler(rs, statement));
  }

  /** ResultSet: errors translated, java.time conversions for getObject(column, Class). */
  private static final class ResultSetHandler implements InvocationHandler {
    private final ResultSet delegate;
    private final Statement statement;
    private int[] columnTypes;

    ResultSetHandler(ResultSet delegate, Statement statement) {
      this.delegate = delegate;
      this.statement = statement;
    }

    private int type(Object column) throws SQLException {
      if (columnTypes == null) {
        java.sql.ResultSetMetaData md = delegate.getMetaData();
        columnTypes = new int[md.getColumnCount() + 1];
        for (int i = 1; i < columnTypes.length; i++) {
          columnTypes[i] = md.getColumnType(i);
        }
      }
      int i = column instanceof Integer n ? n : delegate.findColumn((String) column);
      return i > 0 && i < columnTypes.length ? columnTypes[i] : java.sql.Types.OTHER;
    }

    private boolean isTimestamp(Object column) throws SQLException {
      return type(column) == java.sql.Types.TIMESTAMP;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "getStatement":
          return statement;
        case "getObject":
          try {
            if (args.length == 2 && args[1] instanceof Class<?> type) {
              Object converted = TypeConversions.getObject(delegate, args[0], type);
              if (converted != TypeConversions.NOT_HANDLED) {
                return converted;
              }
            } else if (args.length == 1 && isTimestamp(args[0])) {
              return TypeConversions.timestamp(delegate, args[0], null);
            }
          } catch (RuntimeException e) {
            throw translate(e);
          }
          return call(delegate, method, args);
        case "getString":
          // A DECIMAL as its plain digits: 0.00000000, not BigDecimal.toString()'s 0E-8.
          if (type(args[0]) == java.sql.Types.DECIMAL) {
            java.math.BigDecimal d = args[0] instanceof Integer i
                ? delegate.getBigDecimal(i) : delegate.getBigDecimal((String) args[0]);
            return d == null ? null : d.toPlainString();
          }
          return call(delegate, method, args);
        case "getTimestamp":
          try {
            if (isTimestamp(args[0])) {
              return TypeConversions.timestamp(delegate, args[0],
                  args.length == 2 ? (java.util.Calendar) args[1] : null);
            }
          } catch (RuntimeException e) {
            throw translate(e);
          }
          return call(delegate, method, args);
        default:
          Object common =
              objectMethod(proxy, delegate, method, args, () -> "BinanceResultSet{" + delegate + "}");
          if (common != NOT_HANDLED) {
            return common;
          }
          return call(delegate, method, args);
      }
    }
  }

  /**
   * DatabaseMetaData: no secret in URL or user name, Calcite's gaps filled from the registry
   * (see {@link MetaDataAnswers}), result sets wrapped.
   */
  private static final class MetaDataHandler implements InvocationHandler {
    private final DatabaseMetaData delegate;
    private final Connection connection;
    private final String displayUrl;
    private final MetaDataAnswers answers;
    private final ConnectionHandler owner;

    MetaDataHandler(DatabaseMetaData delegate, Connection connection, String displayUrl,
        MetaDataAnswers answers, ConnectionHandler owner) {
      this.delegate = delegate;
      this.connection = connection;
      this.displayUrl = displayUrl;
      this.answers = answers;
      this.owner = owner;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      switch (method.getName()) {
        case "getConnection":
          return connection;
        case "getURL":
          return displayUrl;
        case "getUserName":
          return "";
        case "getCatalogs":
          return MetaDataAnswers.catalogs();
        case "getSchemas":
          return MetaDataAnswers.schemas(args == null || args.length < 2 ? null : (String) args[1]);
        case "getTables":
        case "getColumns":
          return MetaDataAnswers.withoutHiddenSchema(
              (ResultSet) call(delegate, method, args), "TABLE_SCHEM");
        case "getPrimaryKeys":
          return answers.primaryKeys((String) args[1], (String) args[2]);
        case "getImportedKeys":
          return answers.keys(null, (String) args[2]);
        case "getExportedKeys":
          return answers.keys((String) args[2], null);
        case "getCrossReference":
          return answers.keys((String) args[2], (String) args[5]);
        case "getProcedures":
          return MetaDataAnswers.procedures((String) args[1], (String) args[2]);
        case "getProcedureColumns":
          return MetaDataAnswers.procedureColumns((String) args[1], (String) args[2],
              (String) args[3]);
        case "getFunctions":
        case "getFunctionColumns":
          // Procedures are listed once, by getProcedures; Calcite would list them again here
          // (and its whole operator table under the internal schema).
          return MetaDataAnswers.noFunctions();
        case "getTypeInfo":
          return MetaDataAnswers.typeInfo((ResultSet) call(delegate, method, args));
        case "supportsStoredProcedures":
          return true;
        case "isReadOnly":
          return owner.readOnly;
        case "supportsTransactions":
          return false;
        case "getDefaultTransactionIsolation":
          return Connection.TRANSACTION_NONE;
        default:
          Object common =
              objectMethod(proxy, delegate, method, args,
                  () -> "BinanceDatabaseMetaData{" + displayUrl + "}");
          if (common != NOT_HANDLED) {
            return common;
          }
          Object result = call(delegate, method, args);
          return result instanceof ResultSet rs ? resultSet(rs, null) : result;
      }
    }
  }
}
