package io.github.binancejdbc.jdbc.internal;

import java.sql.Date;
import java.sql.JDBCType;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DateTimeException;
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
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.Locale;

/**
 * The writing half of the time contract described in {@link TypeConversions}: a value bound to a
 * time parameter means the same wall clock as the equivalent SQL literal, and a {@code SQLType}
 * target becomes its {@link java.sql.Types} code.
 */
final class ParameterConversions {
  private ParameterConversions() {}

  /** True for the values {@link #utcMillisOf} understands. */
  static boolean isTimeValue(Object x) {
    return x instanceof java.util.Date
        || x instanceof LocalDateTime
        || x instanceof LocalDate
        || x instanceof LocalTime
        || x instanceof Instant
        || x instanceof OffsetDateTime
        || x instanceof ZonedDateTime
        || x instanceof OffsetTime
        || x instanceof Calendar;
  }

  /**
   * The UTC wall clock (as epoch millis) that a bound value means.
   *
   * @param calendar the zone in which a {@code Timestamp}'s, {@code Date}'s or {@code Time}'s
   *     instant is read as a wall clock (the {@code setTimestamp(i, ts, cal)} form); {@code null}
   *     for its local fields
   * @throws SQLDataException (22007) for text that is not a date or time
   */
  static long utcMillisOf(Object x, Calendar calendar) throws SQLException {
    if (x instanceof Timestamp t) {
      LocalDateTime wall =
          calendar == null
              ? t.toLocalDateTime()
              : LocalDateTime.ofInstant(t.toInstant(), calendar.getTimeZone().toZoneId());
      return TypeConversions.utcMillis(wall);
    }
    if (x instanceof Date d) {
      LocalDate day =
          calendar == null
              ? d.toLocalDate()
              : LocalDate.ofInstant(
                  Instant.ofEpochMilli(d.getTime()), calendar.getTimeZone().toZoneId());
      return day.toEpochDay() * TypeConversions.DAY;
    }
    if (x instanceof Time t) {
      LocalTime clock =
          calendar == null
              ? LocalTime.ofInstant(Instant.ofEpochMilli(t.getTime()), ZoneId.systemDefault())
              : LocalTime.ofInstant(
                  Instant.ofEpochMilli(t.getTime()), calendar.getTimeZone().toZoneId());
      return clock.toNanoOfDay() / 1_000_000L;
    }
    if (x instanceof java.util.Date d) {
      ZoneId zone = calendar == null ? ZoneId.systemDefault() : calendar.getTimeZone().toZoneId();
      return TypeConversions.utcMillis(LocalDateTime.ofInstant(d.toInstant(), zone));
    }
    if (x instanceof Calendar c) {
      return TypeConversions.utcMillis(
          LocalDateTime.ofInstant(c.toInstant(), c.getTimeZone().toZoneId()));
    }
    if (x instanceof LocalDateTime l) {
      return TypeConversions.utcMillis(l);
    }
    if (x instanceof LocalDate l) {
      return l.toEpochDay() * TypeConversions.DAY;
    }
    if (x instanceof LocalTime l) {
      return l.toNanoOfDay() / 1_000_000L;
    }
    if (x instanceof OffsetTime o) {
      return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().toNanoOfDay() / 1_000_000L;
    }
    if (x instanceof Instant i) {
      return i.toEpochMilli();
    }
    if (x instanceof OffsetDateTime o) {
      return o.toInstant().toEpochMilli();
    }
    if (x instanceof ZonedDateTime z) {
      return z.toInstant().toEpochMilli();
    }
    if (x instanceof CharSequence s) {
      return parse(s.toString());
    }
    throw new SQLDataException(
        "Cannot bind a "
            + x.getClass().getName()
            + " as a time: use a"
            + " Timestamp, LocalDateTime, Instant or a string such as '2024-01-01 00:00:00'",
        "22018");
  }

  private static final DateTimeFormatter TEXT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendPattern("[' ']['T']")
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  /**
   * Text as the SQL literal of the same spelling means it: {@code 2024-01-01}, {@code 2024-01-01
   * 00:00:00[.fff]}, the same with {@code T}, with an offset or {@code Z} (then by its instant), a
   * bare time of day {@code 00:00:00}, or a JDBC escape ({@code {ts '...'}}, {@code {d '...'}},
   * {@code {t '...'}}).
   */
  static long parse(String text) throws SQLException {
    String s = unescape(text.trim());
    try {
      if (s.length() >= 5 && s.charAt(2) == ':') {
        return LocalTime.parse(s).toNanoOfDay() / 1_000_000L;
      }
      TemporalAccessor t = TEXT.parse(s);
      LocalDate day = LocalDate.from(t);
      if (!t.isSupported(ChronoField.HOUR_OF_DAY)) {
        return day.toEpochDay() * TypeConversions.DAY;
      }
      LocalDateTime wall = day.atTime(LocalTime.from(t));
      if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
        return wall.toInstant(ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)))
            .toEpochMilli();
      }
      return TypeConversions.utcMillis(wall);
    } catch (DateTimeException e) {
      throw new SQLDataException(
          "Cannot read '"
              + shorten(text)
              + "' as a time: use"
              + " 'yyyy-MM-dd HH:mm:ss[.SSS]' (UTC) or 'yyyy-MM-dd'",
          "22007",
          e);
    }
  }

  private static String unescape(String s) {
    if (s.startsWith("{") && s.endsWith("}")) {
      String inner = s.substring(1, s.length() - 1).trim();
      int quote = inner.indexOf('\'');
      if (quote > 0 && inner.endsWith("'")) {
        String kind = inner.substring(0, quote).trim().toLowerCase(Locale.ROOT);
        if (kind.equals("ts") || kind.equals("d") || kind.equals("t")) {
          return inner.substring(quote + 1, inner.length() - 1).trim();
        }
      }
    }
    return s;
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  /** The {@link Types} code of a {@code SQLType} ({@code JDBCType} or a vendor's). */
  static int typeCode(SQLType type) throws SQLException {
    Integer code = type.getVendorTypeNumber();
    if (code == null) {
      throw new SQLDataException("Unknown SQL type " + type.getName(), "22023");
    }
    if (!(type instanceof JDBCType)) {
      // A vendor's type we do not know: bind by the value instead.
      return Types.OTHER;
    }
    return code;
  }
}
