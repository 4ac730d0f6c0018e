package io.github.binancejdbc.jdbc.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Every conversion between JDBC's time classes and the driver's time values, in one place.
 *
 * <p>The contract: a {@code TIMESTAMP} holds the UTC wall clock, whatever the JVM's zone. Inside
 * Calcite it is a {@code long}: the wall clock read as UTC, which is also the epoch millisecond
 * Binance uses. At the JDBC edge:
 *
 * <ul>
 *   <li>reading, {@code getTimestamp(i)} returns the {@link Timestamp} whose local fields (and so
 *       {@code toString()}) are that wall clock, as pgjdbc does for {@code timestamp without time
 *       zone}; {@code getTimestamp(i, cal)} reads the wall clock in {@code cal}'s zone; the {@code
 *       Instant}, {@code OffsetDateTime} and {@code ZonedDateTime} forms give the true instant in
 *       UTC; {@code getDate} is the UTC day;
 *   <li>writing, a value bound to a time parameter means the same wall clock as the equivalent SQL
 *       literal: a {@code Timestamp}, {@code java.util.Date}, {@code java.sql.Date} or {@code
 *       LocalDateTime} by its local fields (in {@code cal}'s zone when one is given), an {@code
 *       Instant}, {@code OffsetDateTime} or {@code ZonedDateTime} by its instant, a string as ISO
 *       or JDBC-escape text.
 * </ul>
 *
 * <p>This class reads; {@link ParameterConversions} writes.
 *
 * <p>A wall clock that does not exist in the JVM's zone (the hour skipped by a daylight-saving
 * change) has no {@code java.sql.Timestamp} with those local fields; for such rows read {@code
 * getObject(i, LocalDateTime.class)}, which is exact.
 */
final class TypeConversions {
  static final Object NOT_HANDLED = new Object();

  static final long DAY = 86_400_000L;

  private TypeConversions() {}

  /**
   * The stored value of a time column: epoch millis of the UTC wall clock for TIMESTAMP, the UTC
   * day (as millis of its midnight) for DATE, millis of the day for TIME; {@code null} for SQL
   * NULL.
   */
  static Long stored(ResultSet rs, int column, int sqlType) throws SQLException {
    long raw = rs.getLong(column);
    if (rs.wasNull()) {
      return null;
    }
    return sqlType == Types.DATE ? raw * DAY : raw;
  }

  static LocalDateTime wallClock(long utcMillis) {
    return LocalDateTime.ofEpochSecond(
        Math.floorDiv(utcMillis, 1000L),
        (int) Math.floorMod(utcMillis, 1000L) * 1_000_000,
        ZoneOffset.UTC);
  }

  static long utcMillis(LocalDateTime wall) {
    return wall.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** The {@code getTimestamp} answer: the wall clock in {@code calendar}'s zone, else the JVM's. */
  static Timestamp timestamp(long utcMillis, Calendar calendar) {
    if (calendar == null) {
      return Timestamp.valueOf(wallClock(utcMillis));
    }
    ZoneOf z = zoneOf(calendar.getTimeZone());
    if (z.fixed() != null) {
      // A fixed offset (UTC, say): the same instant without building a LocalDateTime per row.
      return new Timestamp(utcMillis - z.fixed().getTotalSeconds() * 1000L);
    }
    return Timestamp.from(wallClock(utcMillis).atZone(z.zone()).toInstant());
  }

  /** A calendar's zone as a {@link ZoneId}, and its fixed offset when it has one. */
  private record ZoneOf(TimeZone timeZone, ZoneId zone, ZoneOffset fixed) {}

  /**
   * The last zone asked for: a reader passes the same calendar for every row, and turning its
   * {@link TimeZone} into a {@link ZoneId} looks the zone up by name each time.
   */
  private static volatile ZoneOf lastZone = new ZoneOf(null, null, null);

  private static ZoneOf zoneOf(TimeZone tz) {
    ZoneOf z = lastZone;
    if (z.timeZone() != tz) {
      ZoneId zone = tz.toZoneId();
      z = new ZoneOf(tz, zone, zone.normalized() instanceof ZoneOffset o ? o : null);
      lastZone = z;
    }
    return z;
  }

  /** The {@code getDate} answer: the UTC day, as a date in {@code calendar}'s zone or the JVM's. */
  static Date date(long utcMillis, Calendar calendar) {
    LocalDate day = wallClock(utcMillis).toLocalDate();
    if (calendar == null) {
      return Date.valueOf(day);
    }
    return new Date(day.atStartOfDay(calendar.getTimeZone().toZoneId()).toInstant().toEpochMilli());
  }

  /** The {@code getTime} answer: the UTC time of day, milliseconds kept. */
  static Time time(long utcMillis, Calendar calendar) {
    LocalTime t = wallClock(utcMillis).toLocalTime();
    ZoneId zone = calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
    return new Time(LocalDate.of(1970, 1, 1).atTime(t).atZone(zone).toInstant().toEpochMilli());
  }

  /** {@code getObject(column)} of a time column. */
  static Object object(long utcMillis, int sqlType) {
    return switch (sqlType) {
      case Types.DATE -> date(utcMillis, null);
      case Types.TIME -> time(utcMillis, null);
      default -> timestamp(utcMillis, null);
    };
  }

  /** {@code getString(column)} of a time column: the wall clock, as the SQL literal spells it. */
  static String string(long utcMillis, int sqlType) {
    LocalDateTime wall = wallClock(utcMillis);
    return switch (sqlType) {
      case Types.DATE -> wall.toLocalDate().toString();
      case Types.TIME -> wall.toLocalTime().format(TIME_TEXT);
      default -> wall.format(TIMESTAMP_TEXT);
    };
  }

  private static final DateTimeFormatter TIME_TEXT = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter TIMESTAMP_TEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  /**
   * {@code getObject(column)} ({@code wanted} null) or {@code getObject(column, wanted)} of a time
   * column holding {@code stored} (null for SQL NULL); an SQLException for a class it cannot give.
   */
  static Object timeObject(Long stored, int sqlType, Class<?> wanted) throws SQLException {
    if (stored == null) {
      return null;
    }
    if (wanted == null) {
      return object(stored, sqlType);
    }
    Object converted = object(stored, sqlType, wanted);
    if (converted != NOT_HANDLED) {
      return converted;
    }
    throw new SQLException(
        "Cannot read a "
            + java.sql.JDBCType.valueOf(sqlType).getName()
            + " column as "
            + wanted.getName()
            + ": use Timestamp, LocalDateTime, Instant, OffsetDateTime,"
            + " ZonedDateTime, LocalDate or String",
        "22018");
  }

  /**
   * {@code getObject(column, type)} of a time column, or {@link #NOT_HANDLED} for a type this
   * method does not produce.
   */
  static Object object(long utcMillis, int sqlType, Class<?> type) {
    if (type == LocalDateTime.class) {
      return wallClock(utcMillis);
    }
    if (type == LocalDate.class) {
      return wallClock(utcMillis).toLocalDate();
    }
    if (type == LocalTime.class) {
      return wallClock(utcMillis).toLocalTime();
    }
    if (type == Instant.class) {
      return Instant.ofEpochMilli(utcMillis);
    }
    if (type == OffsetDateTime.class) {
      return Instant.ofEpochMilli(utcMillis).atOffset(ZoneOffset.UTC);
    }
    if (type == ZonedDateTime.class) {
      return Instant.ofEpochMilli(utcMillis).atZone(ZoneOffset.UTC);
    }
    if (type == OffsetTime.class) {
      return wallClock(utcMillis).toLocalTime().atOffset(ZoneOffset.UTC);
    }
    if (type == Timestamp.class || type == java.util.Date.class) {
      return sqlType == Types.DATE ? date(utcMillis, null) : timestamp(utcMillis, null);
    }
    if (type == Date.class) {
      return date(utcMillis, null);
    }
    if (type == Time.class) {
      return time(utcMillis, null);
    }
    if (type == String.class) {
      return string(utcMillis, sqlType);
    }
    if (type == Long.class) {
      return utcMillis;
    }
    if (type == Object.class) {
      return object(utcMillis, sqlType);
    }
    return NOT_HANDLED;
  }

  /** {@code getObject(column, type)} of a DECIMAL column: plain types only. */
  static Object decimal(BigDecimal d, Class<?> type) {
    if (d == null) {
      return null;
    }
    if (type == BigDecimal.class || type == Number.class || type == Object.class) {
      return d;
    }
    if (type == String.class) {
      return d.toPlainString();
    }
    if (type == Double.class) {
      return d.doubleValue();
    }
    if (type == Long.class) {
      return d.longValueExact();
    }
    if (type == Integer.class) {
      return d.intValueExact();
    }
    return NOT_HANDLED;
  }

  static boolean isTime(int sqlType) {
    return sqlType == Types.TIMESTAMP
        || sqlType == Types.DATE
        || sqlType == Types.TIME
        || sqlType == Types.TIMESTAMP_WITH_TIMEZONE;
  }
}
