package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.table.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
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

  /** {@code getString}: DECIMAL as plain digits, TIMESTAMP as SQL text with milliseconds. */
  static String string(LookupResultSet rs, int i) throws SQLException {
    Object o = rs.read(i);
    if (o == null) {
      return null;
    }
    return switch (rs.columnAt(i).type()) {
      case DECIMAL -> ((BigDecimal) o).toPlainString();
      case TIMESTAMP -> DateTimeUtils.unixTimestampToString((Long) o, 3);
      default -> o.toString();
    };
  }

  /** {@code getLong} (and, cast, {@code getInt}, {@code getShort}, {@code getByte}). */
  static long whole(LookupResultSet rs, int i) throws SQLException {
    return whole(rs, i, rs.columnAt(i).type());
  }

  static double getDouble(LookupResultSet rs, int i) throws SQLException {
    ColumnType t = rs.columnAt(i).type();
    return big(t) ? number(rs, i).doubleValue() : (double) exact(rs, i, t, "double");
  }

  static float getFloat(LookupResultSet rs, int i) throws SQLException {
    ColumnType t = rs.columnAt(i).type();
    return big(t) ? number(rs, i).floatValue() : (float) exact(rs, i, t, "double");
  }

  static boolean bool(LookupResultSet rs, int i) throws SQLException {
    ColumnType t = rs.columnAt(i).type();
    if (big(t)) {
      return number(rs, i).doubleValue() != 0;
    }
    return exact(rs, i, t, "long") != 0;
  }

  /** {@code getBigDecimal(i)} ({@code scale} null) and {@code getBigDecimal(i, scale)}. */
  static BigDecimal decimal(LookupResultSet rs, int i, Integer scale) throws SQLException {
    ColumnType t = rs.columnAt(i).type();
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

  static Timestamp timestamp(LookupResultSet rs, int i, Calendar cal) throws SQLException {
    Long v = wallClock(rs, i, "Timestamp");
    return v == null ? null : TypeConversions.timestamp(v, cal);
  }

  static Date date(LookupResultSet rs, int i, Calendar cal) throws SQLException {
    Long v = wallClock(rs, i, "Date");
    return v == null ? null : TypeConversions.date(v, cal);
  }

  static Time time(LookupResultSet rs, int i, Calendar cal) throws SQLException {
    Long v = wallClock(rs, i, "Time");
    return v == null ? null : TypeConversions.time(v, cal);
  }

  /**
   * The value of a TIMESTAMP column as UTC wall-clock milliseconds, null for SQL NULL; other types
   * cannot be read as {@code what} ({@code getTimestamp}, {@code getDate}, {@code getTime}).
   */
  private static Long wallClock(LookupResultSet rs, int i, String what) throws SQLException {
    if (rs.columnAt(i).type() != ColumnType.TIMESTAMP) {
      throw cannotConvert(what);
    }
    return (Long) rs.read(i);
  }

  /** A getter no column of a lookup can answer (a stream, a LOB, bytes, ...): fails. */
  static SQLException unreadable(String getter) {
    return cannotConvert(
        switch (getter) {
          case "getBytes" -> "byte[]";
          case "getAsciiStream", "getUnicodeStream", "getBinaryStream" -> "InputStream";
          case "getCharacterStream" -> "Reader";
          default -> getter.substring(3);
        });
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

  /** {@code getObject(i)}: the value as Calcite's result set gives it. */
  static Object object(LookupResultSet rs, int i) throws SQLException {
    if (rs.columnAt(i).type() == ColumnType.TIMESTAMP) {
      return TypeConversions.timeObject((Long) rs.read(i), Types.TIMESTAMP, null);
    }
    return rs.read(i);
  }

  /** {@code getObject(i, Class)} (null {@code wanted} fails as {@code getObject(i, Map)} does). */
  static Object object(LookupResultSet rs, int i, Class<?> wanted) throws SQLException {
    if (wanted == null) {
      throw withTypeOrMap();
    }
    ColumnType t = rs.columnAt(i).type();
    if (t == ColumnType.TIMESTAMP) {
      return TypeConversions.timeObject((Long) rs.read(i), Types.TIMESTAMP, wanted);
    }
    if (t == ColumnType.DECIMAL) {
      Object converted = TypeConversions.decimal((BigDecimal) rs.read(i), wanted);
      if (converted != TypeConversions.NOT_HANDLED) {
        return converted;
      }
    }
    if (wanted == String.class) {
      Object o = rs.read(i);
      return o == null ? null : o.toString();
    }
    Object value = standard(rs, i, wanted);
    if (value == TypeConversions.NOT_HANDLED) {
      throw withTypeOrMap();
    }
    // A standard Java type of JDBC's mapping: through its getter, null for SQL NULL.
    return rs.wasNull() ? null : value;
  }

  /** {@code getObject(i, Map)}, and {@code getObject(i, Class)} for a type it cannot give. */
  static SQLException withTypeOrMap() {
    return cannotConvert("Object (with type or map)");
  }

  /**
   * {@code getObject(i, wanted)} for the standard Java types of JDBC's mapping, through the getter
   * of each; {@link TypeConversions#NOT_HANDLED} for any other type.
   */
  private static Object standard(LookupResultSet rs, int i, Class<?> wanted) throws SQLException {
    if (wanted == Object.class) {
      return object(rs, i);
    } else if (wanted == Boolean.class) {
      return bool(rs, i);
    } else if (wanted == Integer.class) {
      return (int) whole(rs, i);
    } else if (wanted == Long.class) {
      return whole(rs, i);
    } else if (wanted == Short.class) {
      return (short) whole(rs, i);
    } else if (wanted == Byte.class) {
      return (byte) whole(rs, i);
    } else if (wanted == Double.class) {
      return getDouble(rs, i);
    } else if (wanted == Float.class) {
      return getFloat(rs, i);
    } else if (wanted == BigDecimal.class) {
      return decimal(rs, i, null);
    } else if (wanted == byte[].class) {
      throw unreadable("getBytes");
    }
    return TypeConversions.NOT_HANDLED;
  }
}
