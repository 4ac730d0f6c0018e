package io.github.binancejdbc.jdbc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Calendar;

/**
 * {@link ResultSet} as users get it: errors translated, and the time getters keeping the UTC
 * wall-clock contract of {@link TypeConversions} in every JVM zone; DECIMAL text as plain digits.
 */
final class ResultSetProxy implements InvocationHandler {
  /** Built on first use: a connection whose statements are all lookups never needs it. */
  private static final class Ops {
    static final Dispatch<ResultSetProxy> OPS =
        new Dispatch<ResultSetProxy>(ResultSet.class)
            .identity(h -> "BinanceResultSet{" + h.delegate + "}", h -> h.delegate)
            .on("getStatement", (h, p, m, a) -> h.statement)
            .on("getMetaData", (h, p, m, a) -> DescriptorProxy.columns(h.delegate.getMetaData()))
            .on("getTimestamp", (h, p, m, a) -> h.time(m, a, Kind.TIMESTAMP))
            .on("getDate", (h, p, m, a) -> h.time(m, a, Kind.DATE))
            .on("getTime", (h, p, m, a) -> h.time(m, a, Kind.TIME))
            .on("getString", (h, p, m, a) -> h.getString(m, a))
            .on("getObject", (h, p, m, a) -> h.getObject(m, a));
  }

  private enum Kind {
    TIMESTAMP,
    DATE,
    TIME
  }

  private final ResultSet delegate;
  private final Statement statement;
  private int[] columnTypes;

  private ResultSetProxy(ResultSet delegate, Statement statement) {
    this.delegate = delegate;
    this.statement = statement;
  }

  static ResultSet create(ResultSet rs, Statement statement) {
    if (rs == null) {
      return null;
    }
    ResultSet lookup = LookupResultSet.ofStatement(rs, statement);
    if (lookup != null) {
      return lookup;
    }
    return Dispatch.proxy(ResultSet.class, new ResultSetProxy(rs, statement));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    return Ops.OPS.invoke(this, delegate, proxy, method, args);
  }

  private int index(Object column) throws SQLException {
    return column instanceof Integer i ? i : delegate.findColumn((String) column);
  }

  private int type(int index) throws SQLException {
    if (columnTypes == null) {
      ResultSetMetaData md = delegate.getMetaData();
      columnTypes = new int[md.getColumnCount() + 1];
      for (int i = 1; i < columnTypes.length; i++) {
        columnTypes[i] = md.getColumnType(i);
      }
    }
    return index > 0 && index < columnTypes.length ? columnTypes[index] : Types.OTHER;
  }

  /** {@code getTimestamp}, {@code getDate} or {@code getTime}, with or without a calendar. */
  private Object time(Method m, Object[] a, Kind kind) throws SQLException {
    int i = index(a[0]);
    int type = type(i);
    if (!TypeConversions.isTime(type)) {
      return Dispatch.call(delegate, m, a);
    }
    Long stored = TypeConversions.stored(delegate, i, type);
    if (stored == null) {
      return null;
    }
    Calendar cal = a.length == 2 ? (Calendar) a[1] : null;
    return switch (kind) {
      case TIMESTAMP -> TypeConversions.timestamp(stored, cal);
      case DATE -> TypeConversions.date(stored, cal);
      case TIME -> TypeConversions.time(stored, cal);
    };
  }

  private Object getString(Method m, Object[] a) throws SQLException {
    int i = index(a[0]);
    int type = type(i);
    if (type == Types.DECIMAL) {
      // Plain digits: 0.00000000, not BigDecimal.toString()'s 0E-8.
      BigDecimal d = delegate.getBigDecimal(i);
      return d == null ? null : d.toPlainString();
    }
    return Dispatch.call(delegate, m, a);
  }

  private Object getObject(Method m, Object[] a) throws SQLException {
    int i = index(a[0]);
    int type = type(i);
    Class<?> wanted = a.length == 2 && a[1] instanceof Class<?> c ? c : null;
    if (TypeConversions.isTime(type) && (a.length == 1 || wanted != null)) {
      return TypeConversions.timeObject(TypeConversions.stored(delegate, i, type), type, wanted);
    }
    if (type == Types.DECIMAL && wanted != null) {
      Object converted = TypeConversions.decimal(delegate.getBigDecimal(i), wanted);
      if (converted != TypeConversions.NOT_HANDLED) {
        return converted;
      }
    }
    if (wanted == String.class) {
      return delegate.getString(i);
    }
    if (wanted != null) {
      Object converted = standard(i, wanted);
      if (converted != TypeConversions.NOT_HANDLED) {
        return converted;
      }
    }
    return Dispatch.call(delegate, m, a);
  }

  /**
   * {@code getObject(i, type)} for the standard Java types of JDBC's mapping, through their getters
   * (Avatica answers every one of them with a conversion error); null for SQL NULL.
   */
  private Object standard(int i, Class<?> wanted) throws SQLException {
    Object value;
    if (wanted == Object.class) {
      value = delegate.getObject(i);
    } else if (wanted == Boolean.class) {
      value = delegate.getBoolean(i);
    } else if (wanted == Integer.class) {
      value = delegate.getInt(i);
    } else if (wanted == Long.class) {
      value = delegate.getLong(i);
    } else if (wanted == Short.class) {
      value = delegate.getShort(i);
    } else if (wanted == Byte.class) {
      value = delegate.getByte(i);
    } else if (wanted == Double.class) {
      value = delegate.getDouble(i);
    } else if (wanted == Float.class) {
      value = delegate.getFloat(i);
    } else if (wanted == BigDecimal.class) {
      value = delegate.getBigDecimal(i);
    } else if (wanted == byte[].class) {
      value = delegate.getBytes(i);
    } else {
      return TypeConversions.NOT_HANDLED;
    }
    return delegate.wasNull() ? null : value;
  }
}
