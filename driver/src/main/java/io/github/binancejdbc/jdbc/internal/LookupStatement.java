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

  private Statement calcite;
  private ResultSet current;
  private long updateCount = -1;
  private boolean closed;

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
  public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Object answer = calcite == null ? answer(proxy, method, args) : PASS;
    if (answer != PASS) {
      return answer;
    }
    if (method.getName().startsWith("execute")) {
      // Executing on Calcite's statement closes the result set this one returned, as executing
      // closes the last result set.
      closeCurrent();
    }
    if (calcite != null) {
      return Dispatch.call(calcite, method, args);
    }
    calcite = fallback.create();
    for (Object[] call : calls) {
      Dispatch.call(calcite, (Method) call[0], (Object[]) call[1]);
    }
    calls.clear();
    return Dispatch.call(calcite, method, args);
  }

  private static final Object PASS = new Object();

  /** What this statement answers itself for {@code method}, or {@link #PASS}. */
  private Object answer(Object proxy, Method method, Object[] args) throws SQLException {
    String name = method.getName();
    int arity = args == null ? 0 : args.length;
    switch (name) {
      case "close":
        if (arity == 0) {
          return close();
        }
        break;
      case "isClosed":
        if (arity == 0) {
          return closed;
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
        if (arity == 0) {
          if (current != null) {
            current.close();
          }
          updateCount = -1;
          return false;
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
      case "cancel" -> {
        cancelFlag.set(true);
        return null;
      }
      default -> {}
    }
    return PASS;
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
    current = LookupResultSet.run(plan, metaData, context, cancelFlag);
    return current;
  }

  private Object close() throws SQLException {
    if (!closed) {
      closed = true;
      closeCurrent();
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
