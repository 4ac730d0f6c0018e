package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.BinanceSchema;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * The {@link Connection} users get: Calcite's connection with transactions that do nothing
 * (auto-commit is always true), a read-only flag that procedures obey, an {@code isValid} that asks
 * the server, statements that refuse writes and push {@code setMaxRows} down, and closing that
 * releases the HTTP client.
 */
final class ConnectionProxy implements InvocationHandler {
  /** Passes the calls {@link #answer} leaves to Calcite's connection. */
  private static final Dispatch<ConnectionProxy> PASSES =
      new Dispatch<ConnectionProxy>(Connection.class);

  /** What {@link #answer} returns for a call it passes to Calcite's connection. */
  private static final Object PASS = new Object();

  private final JdbcProxies.CalciteOpener opener;
  private volatile Connection delegate;
  private final boolean lookupsAlone;
  private final BinanceSchema schema;
  private final String displayUrl;
  private final boolean trading;
  private final Properties clientInfo = new Properties();
  private final ConnectionCheck check;
  private final OpenStatements statements = new OpenStatements();
  private volatile boolean closed;
  private volatile boolean userReadOnly;
  private int networkTimeout;
  private volatile SQLWarning warnings;
  private Connection self;

  private ConnectionProxy(
      JdbcProxies.CalciteOpener opener,
      boolean lookupsAlone,
      BinanceSchema schema,
      String displayUrl,
      boolean trading) {
    this.opener = opener;
    this.lookupsAlone = lookupsAlone;
    this.schema = schema;
    this.displayUrl = displayUrl;
    this.trading = trading;
    this.check = new ConnectionCheck(schema.context().http());
  }

  /**
   * @param lookupsAlone whether a prepared lookup may run without the Calcite connection (no
   *     Calcite property changes how a statement is prepared)
   */
  static Connection create(
      JdbcProxies.CalciteOpener opener,
      boolean lookupsAlone,
      BinanceSchema schema,
      String displayUrl,
      boolean trading)
      throws SQLException {
    ConnectionProxy h = new ConnectionProxy(opener, lookupsAlone, schema, displayUrl, trading);
    if (!lookupsAlone) {
      // A Calcite property was given: any error in it shows when connecting, as before.
      try {
        h.delegate();
      } catch (SQLException | RuntimeException e) {
        h.closeQuietly(e);
        throw e;
      }
    }
    h.self =
        (Connection)
            Proxy.newProxyInstance(
                ConnectionProxy.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
    return h.self;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Object answer;
    try {
      answer = answer(proxy, method.getName(), args);
    } catch (Throwable t) {
      throw JdbcProxies.translate(t);
    }
    return answer == PASS ? PASSES.invoke(this, delegate(), proxy, method, args) : answer;
  }

  /**
   * The methods the connection answers itself, by name (every overload), else {@link #PASS}: a
   * switch rather than a table of lambdas, whose classes would be spun at a first query's start.
   */
  private Object answer(Object p, String name, Object[] a) throws SQLException {
    return switch (name) {
      case "prepareStatement" -> prepareStatement(a);
      case "createStatement" -> createStatement(a);
      case "prepareCall" -> prepareCall(a);
      case "close" -> close();
      case "abort" -> abort((Executor) a[0]);
      case "isClosed" -> closed || (isOpened() && delegate.isClosed());
      case "isValid" -> isValid((Integer) a[0]);
      case "getAutoCommit" -> open(true);
      // No transactions: every statement takes effect at once. Harmless no-ops keep pools and
      // DBeaver working.
      case "setAutoCommit", "commit", "rollback", "setTransactionIsolation", "setTypeMap" ->
          open(null);
      case "getTransactionIsolation" -> open(Connection.TRANSACTION_NONE);
      case "setReadOnly" -> setReadOnly((Boolean) a[0]);
      case "isReadOnly" -> open(isReadOnly());
      case "setClientInfo" -> setClientInfo(a);
      case "getClientInfo" -> getClientInfo(a);
      case "getTypeMap" -> open(new HashMap<String, Class<?>>());
      case "setNetworkTimeout" -> setNetworkTimeout((Integer) a[1]);
      case "getNetworkTimeout" -> open(networkTimeout);
      case "getMetaData" -> metaData();
      case "getWarnings" -> open(warnings);
      case "clearWarnings" -> clearWarnings();
      case "equals" -> p == a[0];
      case "hashCode" -> System.identityHashCode(p);
      case "toString" -> "BinanceConnection{" + displayUrl + (closed ? ", closed" : "") + "}";
      case "unwrap" -> Dispatch.unwrap(p, delegateOrFail(), (Class<?>) a[0]);
      case "isWrapperFor" -> Dispatch.isWrapperFor(p, delegateOrFail(), (Class<?>) a[0]);
      default -> PASS;
    };
  }

  /**
   * Calcite's connection, created on first need: a connection whose statements are all prepared
   * lookups ({@link LookupStatement}) never creates it.
   */
  private Connection delegate() throws SQLException {
    Connection c = delegate;
    if (c == null) {
      synchronized (this) {
        c = delegate;
        if (c == null) {
          open(null);
          c = opener.open();
          delegate = c;
        }
      }
    }
    return c;
  }

  /** Whether Calcite's connection was created. */
  boolean isOpened() {
    return delegate != null;
  }

  private Object delegateOrFail() {
    try {
      return delegate();
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** {@code value}, after checking that the connection is open. */
  private Object open(Object value) throws SQLException {
    if (closed) {
      throw new SQLNonTransientConnectionException("Connection is closed", "08003");
    }
    return value;
  }

  /** True unless the connection allows trading and was not set read-only. */
  boolean isReadOnly() {
    return userReadOnly || !trading;
  }

  String displayUrl() {
    return displayUrl;
  }

  BinanceSchema schema() {
    return schema;
  }

  Connection self() {
    return self;
  }

  private Object setReadOnly(boolean readOnly) throws SQLException {
    open(null);
    userReadOnly = readOnly;
    schema.context().setReadOnly(readOnly);
    return null;
  }

  private Object isValid(int timeoutSeconds) throws SQLException {
    if (timeoutSeconds < 0) {
      throw new SQLException("isValid timeout must not be negative", "22023");
    }
    if (closed || (isOpened() && delegate.isClosed())) {
      return false;
    }
    return check.isValid(timeoutSeconds);
  }

  private Object setClientInfo(Object[] a) throws SQLException {
    if (closed) {
      throw new SQLClientInfoException("Connection is closed", "08003", null);
    }
    if (a.length == 1) {
      clientInfo.putAll((Properties) a[0]);
    } else if (a[1] == null) {
      clientInfo.remove(a[0]);
    } else {
      clientInfo.setProperty((String) a[0], (String) a[1]);
    }
    return null;
  }

  private Object getClientInfo(Object[] a) throws SQLException {
    open(null);
    return a == null || a.length == 0
        ? (Properties) clientInfo.clone()
        : clientInfo.getProperty((String) a[0]);
  }

  private Object setNetworkTimeout(int millis) throws SQLException {
    open(null);
    if (millis < 0) {
      throw new SQLException("Network timeout must not be negative", "22023");
    }
    networkTimeout = millis;
    return null;
  }

  private Object close() throws SQLException {
    if (closed) {
      return null;
    }
    closed = true;
    SQLException statementFailure = null;
    try {
      statements.closeAll();
    } catch (SQLException e) {
      statementFailure = e;
    }
    try {
      Connection c;
      synchronized (this) {
        c = delegate;
      }
      if (c != null) {
        c.close();
      }
    } catch (SQLException | RuntimeException e) {
      closeSchema(e);
      throw e;
    }
    try {
      schema.close();
    } catch (RuntimeException e) {
      throw JdbcProxies.translate(e);
    }
    if (statementFailure != null) {
      throw statementFailure;
    }
    return null;
  }

  /** Forgets statement {@code s}, which was closed. */
  void closed(Statement s) {
    statements.remove(s);
  }

  /** Statement {@code s}, to be closed with this connection. */
  private Statement opened(Statement s) {
    return statements.add(s);
  }

  /** Closes the schema after {@code failure}, adding what that throws to it. */
  private void closeSchema(Exception failure) {
    try {
      schema.close();
    } catch (RuntimeException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /** Closes the connection after {@code failure}, adding what that throws to it. */
  private void closeQuietly(Exception failure) {
    try {
      close();
    } catch (SQLException | RuntimeException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  private Object abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw new SQLException("abort needs an executor", "22023");
    }
    return close();
  }

  private Object metaData() throws SQLException {
    open(null);
    return MetaDataProxy.create(delegate().getMetaData(), this);
  }

  private Object clearWarnings() throws SQLException {
    open(null);
    warnings = null;
    return null;
  }

  /** Checks the cursor options in {@code a} from {@code from} on ({@link CursorOptions}). */
  private synchronized void cursorOptions(Object[] a, int from) throws SQLException {
    warnings = CursorOptions.check(warnings, a, from);
  }

  private Object createStatement(Object[] a) throws SQLException {
    open(null);
    cursorOptions(a, 0);
    // Unless Calcite's connection exists, runs the lookups it is given without it, as a prepared
    // lookup does.
    Statement s =
        lookupsAlone && !isOpened()
            ? LookupStatement.plain(
                text -> isOpened() ? null : lookup(text), () -> delegate().createStatement())
            : delegate().createStatement();
    return opened(StatementProxy.create(s, Statement.class, null, this));
  }

  /**
   * Every {@code prepareStatement} form: with a result-set type and concurrency (and holdability),
   * checked; with generated keys asked for, of which there are none.
   */
  private Object prepareStatement(Object[] a) throws SQLException {
    open(null);
    String sql = (String) a[0];
    cursorOptions(a, 1);
    SqlGate.check(sql);
    return opened(StatementProxy.create(prepare(sql, 0), PreparedStatement.class, sql, this));
  }

  /**
   * {@code CALL p(...)} and {@code {call p(...)}} become {@code SELECT * FROM TABLE(p(...))}; OUT
   * parameters do not exist here (procedures return rows), so their methods say so.
   */
  private Object prepareCall(Object[] a) throws SQLException {
    open(null);
    String sql = (String) a[0];
    cursorOptions(a, 1);
    SqlGate.check(sql);
    String rewritten = CallRewriter.rewrite(sql);
    String text = rewritten == null ? sql : rewritten;
    return opened(StatementProxy.create(prepare(text, 0), CallableStatement.class, text, this));
  }

  /** Calcite's statement for {@code sql}, planned for at most {@code maxRows} rows (0: all). */
  PreparedStatement prepare(String sql, long maxRows) throws SQLException {
    if (maxRows == 0 && lookupsAlone && !isOpened()) {
      SimpleLookup.Plan plan = lookup(sql);
      if (plan != null) {
        return LookupStatement.prepared(
            sql, plan, () -> MaxRows.preparing(0, () -> delegate().prepareStatement(sql)));
      }
    }
    return MaxRows.preparing(maxRows, () -> delegate().prepareStatement(sql));
  }

  /**
   * The plan of {@code sql} if it is a lookup of a Binance table, as Calcite's connection would
   * resolve it while nothing has changed its schemas (it is not created yet); else null.
   */
  private SimpleLookup.Plan lookup(String sql) {
    return SimpleLookup.plan(
        sql, BinanceSchema.NAME, (s, t) -> s.equals(BinanceSchema.NAME) ? schema.table(t) : null);
  }
}
