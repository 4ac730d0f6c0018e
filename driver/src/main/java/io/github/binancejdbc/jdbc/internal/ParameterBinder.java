package io.github.binancejdbc.jdbc.internal;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameter setters of {@link StatementProxy}: every binding of a time means the UTC wall clock
 * the equivalent literal means, whole numbers fit the parameter's declared width (see {@link
 * TypeConversions}), and the bindings are kept to replay on the statement when it is planned again.
 */
final class ParameterBinder {
  /** One parameter binding or statement setting, replayed when the statement is planned again. */
  @FunctionalInterface
  interface Binding {
    void apply(PreparedStatement ps) throws SQLException;
  }

  /** The statement the bindings go to now. */
  @FunctionalInterface
  interface Target {
    PreparedStatement get();
  }

  private final Target target;
  private final Map<Integer, Binding> bindings = new TreeMap<>();
  private int[] parameterTypes;

  ParameterBinder(Target target) {
    this.target = target;
  }

  private PreparedStatement prepared() {
    return target.get();
  }

  /** Binds everything bound so far on {@code fresh}, the statement planned again. */
  void replay(PreparedStatement fresh) throws SQLException {
    for (Binding b : bindings.values()) {
      b.apply(fresh);
    }
  }

  Object clear() throws SQLException {
    bindings.clear();
    prepared().clearParameters();
    return null;
  }

  private Object bind(int index, Binding b) throws SQLException {
    b.apply(prepared());
    bindings.put(index, b);
    return null;
  }

  Object bindAsIs(Method m, Object[] a) throws SQLException {
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
  Object bindTime(Object[] a) throws SQLException {
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

  Object bindString(Method m, Object[] a) throws SQLException {
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
  Object bindObject(Object[] a) throws SQLException {
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

  Object bindNumber(Method m, Object[] a) throws SQLException {
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
