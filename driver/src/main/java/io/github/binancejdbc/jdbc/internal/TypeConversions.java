package io.github.binancejdbc.jdbc.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

  private static Instant instant(ResultSet rs, Object column) throws SQLException {
    Object o = column instanceof Integer i ? rs.getObject(i) : rs.getObject((String) column);
    if (o == null) {
      return null;
    }
    if (o instanceof java.sql.Date d) {
      // With timeZone=UTC a DATE's millis are UTC midnight.
      return Instant.ofEpochMilli(d.getTime());
    }
    if (o instanceof java.util.Date d) {
      return Instant.ofEpochMilli(d.getTime());
    }
    Timestamp ts = column instanceof Integer i ? rs.getTimestamp(i) : rs.getTimestamp((String) column);
    return ts == null ? null : ts.toInstant();
  }
}
