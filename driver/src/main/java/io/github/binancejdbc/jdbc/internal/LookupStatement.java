package io.github.binancejdbc.jdbc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A prepared key lookup or history scan ({@link SimpleLookup}) that runs without Calcite's
 * connection: the statement under {@link StatementProxy} for such a text, so that a connection
 * whose statements are all lookups never creates its Calcite connection (with Avatica's protobuf
 * descriptors and Calcite's execution context, most of a first row's time). Binding strings,
 * executing, reading the result set and its metadata and the parameters' metadata behave as
 * Calcite's prepared statement does: the same columns and parameters, a result set of the driver's
 * own ({@link LookupResultSet}) over the same scan that answers every getter as Calcite's does, the
 * same errors.
 *
 * <p>Any other method (other setters, settings, batches, {@code unwrap}) first prepares Calcite's
 * statement for the text, replays the bindings made so far on it and passes that call and every
 * later one to it; a result set already returned stays valid.
 */
final class LookupStatement implements InvocationHandler {
  /** Makes Calcite's statement: prepared for the same text, or a plain one. */
  @FunctionalInterface
  interface Fallback {
    Statement create() throws SQLException;
  }

  /** The lookup plan of a statement's text, or null when it is not a lookup. */
  @FunctionalInterface
  interface Planner {
    SimpleLookup.Plan plan(String sql);
  }

  /** Null for a plain statement, which plans each text it executes. */
  private final Planner planner;

  private final Fallback fallback;
  private String sql;
  private SimpleLookup.Plan plan;
  private LookupMetaData metaData;
  private Object[] values = new Object[0];
  private boolean[] bound = new boolean[0];
  private final AtomicBoolean cancelFlag = new AtomicBoolean();

  /** The binding calls made so far, replayed on Calcite's statement when it is needed. */
  private final List<Object[]> calls = new ArrayList<>();

  /** Calcite's statement once this one has moved to it (written under the lock of this). */
  private volatile Statement calcite;

  private ResultSet current;
  private long updateCount = -1;
  private volatile boolean closed;

  /** Whether the last execution was this statement's own (its result is still the answer). */
  private boolean lookupLast;

  private boolean closeOnCompletion;

  private LookupStatement(Planner planner, Fallback fallback) {
    this.planner = planner;
    this.fallback = fallback;
  }

  /** The statement {@code plan} answers ({@code fallback} prepares Calcite's for {@code sql}). */
  static PreparedStatement prepared(String sql, SimpleLookup.Plan plan, Fallback fallback) {
    LookupStatement h = new LookupStatement(null, fallback);
    h.use(sql, plan);
    return (PreparedStatement)
        Proxy.newProxyInstance(
            LookupStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, h);
  }

  /**
   * A plain statement that runs the lookups {@code planner} plans itself; the first other text,
   * setting or call moves it to Calcite's statement ({@code fallback}).
   */
  static Statement plain(Planner planner, Fallback fallback) {
    return (Statement)
        Proxy.newProxyInstance(
            LookupStatement.class.getClassLoader(),
            new Class<?>[] {Statement.class},
            new LookupStatement(planner, fallback));
  }

  /** Makes {@code plan} (of {@code sql}) the statement's, with no parameter bound. */
  private void use(String sql, SimpleLookup.Plan plan) {
    this.sql = sql;
    this.plan = plan;
    this.metaData = new LookupMetaData(plan.columns());
    this.values = new Object[plan.parameters()];
    this.bound = new boolean[values.length];
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getName().equals("cancel") && (args == null || args.length == 0)) {
      // Without the lock: a cancel comes from another thread while an execution holds it.
      return cancel();
    }
    synchronized (this) {
      return invokeLocked(proxy, method, args);
    }
  }

  private Object invokeLocked(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getName().equals("close") && (args == null || args.length == 0)) {
      // Also after a move to Calcite's statement: the lookup's own result set closes with it.
      return close();
    }
    Statement moved = calcite;
    // Once Calcite's statement is closed, it answers (and refuses) everything, as a closed one.
    Object answer =
        moved == null
            ? answer(proxy, method, args)
            : lookupLast && !moved.isClosed() ? lastResult(method.getName(), args) : PASS;
    if (answer != PASS) {
      return answer;
    }
    Statement c = calcite;
    if (c == null) {
      c = fallback.create();
      for (Object[] call : calls) {
        Dispatch.call(c, (Method) call[0], (Object[]) call[1]);
      }
      calls.clear();
      if (closeOnCompletion) {
        c.closeOnCompletion();
      }
      calcite = c;
    }
    if (method.getName().startsWith("execute")) {
      // Executing on Calcite's statement closes the result set this one returned, as executing
      // closes the last result set; a cancel concerns only the execution it interrupted.
      closeCurrent();
      lookupLast = false;
      StatementProxy.clearCancel(c);
    }
    return Dispatch.call(c, method, args);
  }

  private Object cancel() throws SQLException {
    if (closed) {
      throw new SQLException("Statement closed");
    }
    cancelFlag.set(true);
    Statement c = calcite;
    if (c != null) {
      c.cancel();
    }
    return null;
  }

  /**
   * What the result of this statement's own last execution answers for {@code name} (also after
   * another call has moved the statement to Calcite's), or {@link #PASS}.
   */
  private Object lastResult(String name, Object[] args) throws SQLException {
    int arity = args == null ? 0 : args.length;
    switch (name) {
      case "getResultSet" -> {
        return current;
      }
      case "getUpdateCount" -> {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, updateCount));
      }
      case "getLargeUpdateCount" -> {
        return updateCount;
      }
      case "getMoreResults" -> {
        int mode = arity == 0 ? Statement.CLOSE_CURRENT_RESULT : (Integer) args[0];
        if (mode == Statement.CLOSE_CURRENT_RESULT
            || mode == Statement.KEEP_CURRENT_RESULT
            || mode == Statement.CLOSE_ALL_RESULTS) {
          if (current != null && mode != Statement.KEEP_CURRENT_RESULT) {
            current.close();
          }
          updateCount = -1;
          return false;
        }
      }
      case "closeOnCompletion" -> {
        closeOnCompletion = true;
        Statement c = calcite;
        if (c != null) {
          c.closeOnCompletion();
        }
        return null;
      }
      case "isCloseOnCompletion" -> {
        return closeOnCompletion;
      }
      default -> {}
    }
    return PASS;
  }

  private static final Object PASS = new Object();

  /** What this statement answers itself for {@code method}, or {@link #PASS}. */
  private Object answer(Object proxy, Method method, Object[] args) throws SQLException {
    String name = method.getName();
    int arity = args == null ? 0 : args.length;
    switch (name) {
      // close() never reaches here: invokeLocked answers it on either path.
      case "isClosed":
        if (arity == 0) {
          Statement c = calcite;
          return closed || (c != null && c.isClosed());
        }
        break;
      case "toString":
        return "LookupStatement{" + sql + "}";
      case "hashCode":
        return System.identityHashCode(proxy);
      case "equals":
        return proxy == args[0];
      default:
        break;
    }
    if (closed) {
      throw new SQLException("Statement closed");
    }
    switch (name) {
      case "setString", "setNString", "setObject" -> {
        if (arity == 2 && args[0] instanceof Integer i && args[1] instanceof String s) {
          return bind(method, args, i, s);
        }
      }
      case "clearParameters" -> {
        Arrays.fill(values, null);
        Arrays.fill(bound, false);
        calls.clear();
        return null;
      }
      case "executeQuery", "execute" -> {
        if (arity == (planner == null ? 0 : 1) && ready(args)) {
          ResultSet rs = execute();
          return name.equals("execute") ? (Object) true : rs;
        }
      }
      case "getWarnings", "clearWarnings" -> {
        // As Avatica's statements: no warnings (tools ask after every execution).
        return null;
      }
      case "getMetaData" -> {
        return metaData;
      }
      case "getParameterMetaData" -> {
        return new LookupParameters(plan.parameters());
      }
      case "getMaxRows", "getLargeMaxRows" -> {
        return name.equals("getMaxRows") ? (Object) 0 : (Object) 0L;
      }
      case "setMaxRows", "setLargeMaxRows" -> {
        if (((Number) args[0]).longValue() == 0) {
          return null;
        }
      }
      default -> {}
    }
    return lastResult(name, args);
  }

  private Object bind(Method method, Object[] args, int index, String value) {
    if (index < 1 || index > values.length) {
      return PASS;
    }
    values[index - 1] = value;
    bound[index - 1] = true;
    calls.add(new Object[] {method, args});
    return null;
  }

  /**
   * Whether the statement can run as a lookup: a prepared one with every parameter bound, a plain
   * one with a text that is a lookup without parameters (then made the statement's).
   */
  private boolean ready(Object[] args) {
    if (planner != null) {
      SimpleLookup.Plan p = args[0] instanceof String text ? planner.plan(text) : null;
      if (p == null || p.parameters() > 0) {
        return false;
      }
      use((String) args[0], p);
      return true;
    }
    for (boolean b : bound) {
      if (!b) {
        return false;
      }
    }
    return true;
  }

  private ResultSet execute() throws SQLException {
    closeCurrent();
    updateCount = -1;
    Map<String, Object> context = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      context.put("?" + i, values[i]);
    }
    cancelFlag.set(false);
    lookupLast = true;
    current = LookupResultSet.run(plan, metaData, context, cancelFlag, this::resultClosed);
    return current;
  }

  /** A result set of this statement closed: with closeOnCompletion, the statement closes too. */
  private void resultClosed(Statement statement) throws SQLException {
    if (closeOnCompletion && !closed) {
      if (statement != null) {
        statement.close();
      } else {
        close();
      }
    }
  }

  private Object close() throws SQLException {
    if (!closed) {
      closed = true;
      closeCurrent();
      Statement c = calcite;
      if (c != null) {
        c.close();
      }
    }
    return null;
  }

  /** Closes the result set this statement returned last, if any, and forgets it. */
  private void closeCurrent() throws SQLException {
    ResultSet previous = current;
    current = null;
    if (previous != null) {
      previous.close();
    }
  }
}
