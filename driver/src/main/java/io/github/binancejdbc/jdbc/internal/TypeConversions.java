package io.github.binancejdbc.jdbc.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * {@code ResultSet.getObject(column, Class)} for the java.time types and the common boxes. Times
 * are UTC: {@code Timestamp.toLocalDateTime()} would use the JVM zone, so it is never used here.
 */
final class TypeConversions {
  static final Object NOT_HANDLED = new Object();

  private TypeConversions() {}

  /**
   * {@code getTimestamp(column[, calendar])} of a TIMESTAMP column, exact in every JVM zone: the
   * stored UTC wall clock read in the calendar's zone (UTC without one: the connection's
   * {@code timeZone}). Avatica's own conversion passes through {@code Timestamp.valueOf} in the JVM
   * zone and shifts times inside a daylight-saving gap by an hour.
   */
  static java.sql.Timestamp timestamp(ResultSet rs, Object column, java.util.Calendar calendar)
      throws SQLException {
    Instant utc = instant(rs, column);
    if (utc == null) {
      return null;
    }
    if (calendar == null) {
      return java.sql.Timestamp.from(utc);
    }
    LocalDateTime wall = LocalDateTime.ofInstant(utc, ZoneOffset.UTC);
    return java.sql.Timestamp.from(wall.atZone(calendar.getTimeZone().toZoneId()).toInstant());
  }

  static Object getObject(ResultSet rs, Object column, Class<?> type) throws SQLException {
    if (type == LocalDateTime.class) {
      Instant i = instant(rs, column);
      return i == null ? null : LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
    if (type == Instant.class) {
      return instant(rs, column);
    }
    if (type == OffsetDateTime.class) {
      Instant i = instant(rs, column);
      return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
    if (type == LocalDate.class) {
      Instant i = instant(rs, column);
      return i == null ? null : LocalDate.ofInstant(i, ZoneOffset.UTC);
    }
    if (type == BigDecimal.class) {
      return column instanceof Integer i ? rs.getBigDecimal(i) : rs.getBigDecimal((String) column);
    }
    if (type == String.class) {
      return column instanceof Integer i ? rs.getString(i) : rs.getString((String) column);
    }
    return NOT_HANDLED;
  }

  /**
   * The UTC instant of a TIMESTAMP or DATE value, from its string form (UTC wall clock, e.g.
   * {@code 2024-03-31 02:00:00}): going through java.sql.Timestamp would apply the JVM zone's
   * offset and shift times that fall into a daylight-saving gap by an hour.
   */
  private static Instant instant(ResultSet rs, Object column) throws SQLException {
    Object o = column instanceof Integer i ? rs.getObject(i) : rs.getObject((String) column);
    if (o == null) {
      return null;
    }
    if (o instanceof java.util.Date) {
      String s = column instanceof Integer i ? rs.getString(i) : rs.getString((String) column);
      try {
        if (s.length() == 10) {
          return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (java.time.format.DateTimeParseException e) {
        return Instant.ofEpochMilli(((java.util.Date) o).getTime());
      }
    }
    if (o instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    throw new SQLException("Cannot read " + o.getClass().getSimpleName() + " as a time", "22018");
  }
}
