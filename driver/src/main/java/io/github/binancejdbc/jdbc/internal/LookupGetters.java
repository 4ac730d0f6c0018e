package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.table.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Calendar;
import java.util.Map;
import org.apache.calcite.avatica.util.DateTimeUtils;

/**
 * The getters of a {@link LookupResultSet}: for each column type a lookup has, what Calcite's
 * result set answers under {@link ResultSetProxy}, conversion for conversion. Avatica reads VARCHAR
 * as text only; DECIMAL and TIMESTAMP (a {@code long} of UTC wall-clock milliseconds) as numbers
 * whose {@code Number} methods give the narrower types; BIGINT, INTEGER and BOOLEAN (1 or 0) as
 * whole numbers, cast to the narrower types. A getter that cannot read the column's type fails
 * without reading the value; {@link ResultSetProxy}'s conversions then give times as the UTC wall
 * clock ({@link TypeConversions}) and decimals as plain digits.
 */
final class LookupGetters {
  private LookupGetters() {}

  /**
   * {@code getter} of 0-based column {@code i} (already checked) of {@code rs}; {@code a} its args.
   */
  static Object get(LookupResultSet rs, String getter, int i, Object[] a) throws SQLException {
    ColumnType t = rs.columnAt(i).type();
    return switch (getter) {
      case "getObject" -> object(rs, i, t, a);
      case "getString" -> string(rs, i, t);
      case "getTimestamp", "getDate", "getTime" -> time(rs, getter, i, t, a);
      case "getBigDecimal" -> decimal(rs, i, t, a.length == 2 ? (Integer) a[1] : null);
      case "getBoolean" -> bool(rs, i, t);
      case "getByte" -> (byte) whole(rs, i, t);
      case "getShort" -> (short) whole(rs, i, t);
      case "getInt" -> (int) whole(rs, i, t);
      case "getLong" -> whole(rs, i, t);
      case "getFloat" -> big(t) ? number(rs, i).floatValue() : (float) exact(rs, i, t, "double");
      case "getDouble" -> big(t) ? number(rs, i).doubleValue() : (double) exact(rs, i, t, "double");
      default -> throw cannotConvert(unreadable(getter));
    };
  }

  /** What Avatica's error names for a getter no column of a lookup can answer. */
  private static String unreadable(String getter) {
    return switch (getter) {
      case "getBytes" -> "byte[]";
      case "getAsciiStream", "getUnicodeStream", "getBinaryStream" -> "InputStream";
      case "getCharacterStream" -> "Reader";
      default -> getter.substring(3);
    };
  }

  /** Avatica's failure of a getter for a column type it cannot read as {@code what}. */
  private static SQLException cannotConvert(String what) {
    return new SQLDataException("cannot convert to " + what + " (a lookup's column)");
  }

  /** DECIMAL and TIMESTAMP: read as a {@code Number}, converted by its methods. */
  private static boolean big(ColumnType t) {
    return t == ColumnType.DECIMAL || t == ColumnType.TIMESTAMP;
  }

  /** The value of a {@link #big} column, 0 for SQL NULL. */
  private static Number number(LookupResultSet rs, int i) throws SQLException {
    Object o = rs.read(i);
    return o == null ? 0 : (Number) o;
  }

  /** {@code getLong}: a number's whole part, a whole number, 1 or 0 for a BOOLEAN, 0 for NULL. */
  private static long whole(LookupResultSet rs, int i, ColumnType t) throws SQLException {
    return big(t) ? number(rs, i).longValue() : exact(rs, i, t, "long");
  }

  /** A BIGINT, INTEGER or BOOLEAN as a long (0 for NULL); VARCHAR cannot be read as {@code as}. */
  private static long exact(LookupResultSet rs, int i, ColumnType t, String as)
      throws SQLException {
    if (t == ColumnType.VARCHAR) {
      throw cannotConvert(as);
    }
    Object o = rs.read(i);
    if (o instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return o == null ? 0 : ((Number) o).longValue();
  }

  private static boolean bool(LookupResultSet rs, int i, ColumnType t) throws SQLException {
    if (big(t)) {
      return number(rs, i).doubleValue() != 0;
    }
    return exact(rs, i, t, "long") != 0;
  }

  /** {@code getBigDecimal(i)} ({@code scale} null) and {@code getBigDecimal(i, scale)}. */
  private static BigDecimal decimal(LookupResultSet rs, int i, ColumnType t, Integer scale)
      throws SQLException {
    if (t == ColumnType.VARCHAR) {
      throw cannotConvert(scale == null ? "BigDecimal" : "BigDecimal with scale");
    }
    if (t == ColumnType.DECIMAL) {
      // The value as it is, whatever the scale asked for.
      return (BigDecimal) rs.read(i);
    }
    long v = whole(rs, i, t);
    if (rs.wasNull()) {
      return null;
    }
    BigDecimal d = BigDecimal.valueOf(v);
    // A TIMESTAMP ignores scale 0, as Avatica's reader of numbers does.
    return scale == null || (scale == 0 && t == ColumnType.TIMESTAMP)
        ? d
        : d.setScale(scale, RoundingMode.DOWN);
  }

  /** {@code getString}: DECIMAL as plain digits, TIMESTAMP as SQL text with milliseconds. */
  private static String string(LookupResultSet rs, int i, ColumnType t) throws SQLException {
    Object o = rs.read(i);
    if (o == null) {
      return null;
    }
    return switch (t) {
      case DECIMAL -> ((BigDecimal) o).toPlainString();
      case TIMESTAMP -> DateTimeUtils.unixTimestampToString((Long) o, 3);
      default -> o.toString();
    };
  }

  /** {@code getTimestamp}, {@code getDate}, {@code getTime}: TIMESTAMP only, the UTC wall clock. */
  private static Object time(LookupResultSet rs, String getter, int i, ColumnType t, Object[] a)
      throws SQLException {
    if (t != ColumnType.TIMESTAMP) {
      throw cannotConvert(getter.substring(3));
    }
    Long v = (Long) rs.read(i);
    if (v == null) {
      return null;
    }
    Calendar cal = a.length == 2 ? (Calendar) a[1] : null;
    return switch (getter) {
      case "getDate" -> TypeConversions.date(v, cal);
      case "getTime" -> TypeConversions.time(v, cal);
      default -> TypeConversions.timestamp(v, cal);
    };
  }

  /**
   * The getter {@code getObject(i, Class)} reads each standard Java type of JDBC's mapping with.
   */
  private static final Map<Class<?>, String> STANDARD =
      Map.of(
          Object.class, "getObject",
          Boolean.class, "getBoolean",
          Integer.class, "getInt",
          Long.class, "getLong",
          Short.class, "getShort",
          Byte.class, "getByte",
          Double.class, "getDouble",
          Float.class, "getFloat",
          BigDecimal.class, "getBigDecimal",
          byte[].class, "getBytes");

  /** {@code getObject(i)}, {@code getObject(i, Class)} and {@code getObject(i, Map)}. */
  private static Object object(LookupResultSet rs, int i, ColumnType t, Object[] a)
      throws SQLException {
    Class<?> wanted = a.length == 2 && a[1] instanceof Class<?> c ? c : null;
    if (t == ColumnType.TIMESTAMP && (a.length == 1 || wanted != null)) {
      return TypeConversions.timeObject((Long) rs.read(i), Types.TIMESTAMP, wanted);
    }
    if (t == ColumnType.DECIMAL && wanted != null) {
      Object converted = TypeConversions.decimal((BigDecimal) rs.read(i), wanted);
      if (converted != TypeConversions.NOT_HANDLED) {
        return converted;
      }
    }
    if (wanted == String.class) {
      Object o = rs.read(i);
      return o == null ? null : o.toString();
    }
    String getter = wanted == null ? null : STANDARD.get(wanted);
    if (getter != null) {
      // A standard Java type of JDBC's mapping: through its getter, null for SQL NULL.
      Object value = get(rs, getter, i, new Object[] {i});
      return rs.wasNull() ? null : value;
    }
    if (a.length == 2) {
      throw cannotConvert("Object (with type or map)");
    }
    return rs.read(i);
  }
}
