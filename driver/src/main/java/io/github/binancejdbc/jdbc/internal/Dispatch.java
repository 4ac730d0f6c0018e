package io.github.binancejdbc.jdbc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Wrapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The methods a JDBC proxy answers itself, resolved once per interface. Each entry names a method
 * of the interface; a name the interface does not have fails when the table is built (at class
 * initialisation), so a typo cannot silently pass a call through. Every other method is passed to
 * the delegate.
 *
 * @param <H> the handler whose state the operations use
 */
final class Dispatch<H> {
  /** What a proxy does for one method. */
  @FunctionalInterface
  interface Op<H> {
    Object apply(H handler, Object proxy, Method method, Object[] args) throws Throwable;
  }

  private final Class<?> iface;
  private final Map<String, Op<H>> byName = new HashMap<>();
  private final Map<String, Op<H>> bySignature = new HashMap<>();

  /** The names of the interface's methods, while the table is built. */
  private Set<String> names;

  /**
   * Each method's operation (one of the tables above or a {@link Pass}), found by identity on the
   * per-row path: a proxy class passes the same {@link Method} object for every call of one method,
   * and {@code Method.equals} compares names and parameter types. Copied on write, so readers never
   * lock.
   */
  private volatile IdentityHashMap<Method, Op<H>> byIdentity = new IdentityHashMap<>();

  Dispatch(Class<?> iface) {
    this.iface = iface;
  }

  /** A proxy of {@code iface} (a JDBC interface) whose calls {@code handler} answers. */
  static <T> T proxy(Class<T> iface, InvocationHandler handler) {
    return iface.cast(
        Proxy.newProxyInstance(Dispatch.class.getClassLoader(), new Class<?>[] {iface}, handler));
  }

  /** Every overload of {@code name}. */
  Dispatch<H> on(String name, Op<H> op) {
    if (names == null) {
      // Once per table: getMethods() copies every Method it returns.
      names = new HashSet<>();
      for (Method m : iface.getMethods()) {
        names.add(m.getName());
      }
    }
    if (!names.contains(name) && !isObjectMethod(name)) {
      throw new IllegalStateException(iface.getSimpleName() + " has no method " + name);
    }
    byName.put(name, op);
    return this;
  }

  /** The one overload of {@code name} with these parameter types. */
  Dispatch<H> on(String name, Class<?>[] parameterTypes, Op<H> op) {
    try {
      iface.getMethod(name, parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          iface.getSimpleName() + " has no method " + name + Arrays.toString(parameterTypes), e);
    }
    bySignature.put(signature(name, parameterTypes), op);
    return this;
  }

  /**
   * The identity methods every proxy answers the same way: identity {@code equals} and {@code
   * hashCode}, a {@code toString} without secrets, {@code unwrap} and {@code isWrapperFor} that
   * know the proxy (and the delegate, when there is one).
   */
  Dispatch<H> identity(Function<H, String> label, Function<H, Object> delegate) {
    on("equals", (h, p, m, a) -> p == a[0]);
    on("hashCode", (h, p, m, a) -> System.identityHashCode(p));
    on("toString", (h, p, m, a) -> label.apply(h));
    if (Wrapper.class.isAssignableFrom(iface)) {
      on("unwrap", (h, p, m, a) -> unwrap(p, delegate.apply(h), (Class<?>) a[0]));
      on("isWrapperFor", (h, p, m, a) -> isWrapperFor(p, delegate.apply(h), (Class<?>) a[0]));
    }
    return this;
  }

  /** The operation for {@code method}, or {@code null} to pass it to the delegate. */
  Op<H> find(Method method) {
    Op<H> op = resolve(method);
    return op instanceof Pass ? null : op;
  }

  /** The operation for {@code method}: one of this table, or a {@link Pass} to the delegate. */
  private Op<H> resolve(Method method) {
    Op<H> op = byIdentity.get(method);
    if (op != null) {
      return op;
    }
    synchronized (this) {
      op = byIdentity.get(method);
      if (op == null) {
        op = bySignature.get(signature(method.getName(), method.getParameterTypes()));
        if (op == null) {
          op = byName.get(method.getName());
        }
        if (op == null) {
          op = new Pass<>(accessible(method));
        }
        IdentityHashMap<Method, Op<H>> copy = new IdentityHashMap<>(byIdentity);
        copy.put(method, op);
        byIdentity = copy;
      }
      return op;
    }
  }

  /**
   * A pass-through call: {@code target} is the interface method with access checks suppressed once,
   * so that {@code Method.invoke} skips them (and its caller-class lookup) on every row.
   */
  private record Pass<H>(Method target) implements Op<H> {
    @Override
    public Object apply(H handler, Object proxy, Method method, Object[] args) {
      throw new UnsupportedOperationException("a pass-through is called on the delegate");
    }
  }

  /** A copy of public interface method {@code m} that skips access checks, else {@code m}. */
  private static Method accessible(Method m) {
    try {
      Method copy = m.getDeclaringClass().getMethod(m.getName(), m.getParameterTypes());
      copy.setAccessible(true);
      return copy;
    } catch (NoSuchMethodException | RuntimeException e) {
      return m;
    }
  }

  private static boolean isObjectMethod(String name) {
    return name.equals("equals") || name.equals("hashCode") || name.equals("toString");
  }

  private static String signature(String name, Class<?>[] types) {
    return name + Arrays.toString(types);
  }

  static Object unwrap(Object proxy, Object delegate, Class<?> iface) throws SQLException {
    if (iface.isInstance(proxy)) {
      return proxy;
    }
    if (delegate instanceof Wrapper w) {
      return w.unwrap(iface);
    }
    throw new SQLException("Not a wrapper for " + iface.getName(), "HY000");
  }

  static boolean isWrapperFor(Object proxy, Object delegate, Class<?> iface) throws SQLException {
    return iface.isInstance(proxy) || (delegate instanceof Wrapper w && w.isWrapperFor(iface));
  }

  /** Calls {@code method} on {@code target}, translating what it throws. */
  static Object call(Object target, Method method, Object[] args) throws SQLException {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SQLFeatureNotSupportedException u
          && u.getSQLState() == null
          && (u.getMessage() == null
              || u.getMessage().equals(method.getName() + " not implemented"))) {
        // Avatica's word for an optional method it lacks, without a message or state, or the
        // JDK's for a default method no one overrides (ResultSet.updateObject with an SQLType).
        throw ErrorTranslation.unsupported(method, u);
      }
      throw JdbcProxies.translate(e.getCause());
    } catch (IllegalAccessException e) {
      throw new SQLException("Internal error calling " + method.getName(), "XX000", e);
    }
  }

  /** Runs {@code op} or passes the call through, every failure as an SQLException. */
  Object invoke(H handler, Object delegate, Object proxy, Method method, Object[] args)
      throws SQLException {
    Op<H> op = resolve(method);
    if (op instanceof Pass<H> pass) {
      return call(delegate, pass.target(), args);
    }
    try {
      return op.apply(handler, proxy, method, args);
    } catch (Throwable t) {
      throw JdbcProxies.translate(t);
    }
  }
}
