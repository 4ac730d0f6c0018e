package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.error.BinanceException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Date;

/**
 * Constraint values made whole numbers: a bound of a range column as the inclusive {@code long} it
 * stands for ({@code x > 1.5} is {@code x >= 2}), times as epoch milliseconds.
 */
final class RangeBounds {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private RangeBounds() {}

  /**
   * The inclusive lower bound {@code x > value} ({@code strict}) or {@code x >= value} stands for;
   * {@code null} when no row can match (a null value, or past every BIGINT).
   */
  static Long lower(Object value, boolean strict) {
    // x > 1.5 means x >= 2; x > 2 means x >= 3; x >= 1.5 means x >= 2.
    BigDecimal bound =
        strict ? whole(value, RoundingMode.FLOOR, 1) : whole(value, RoundingMode.CEILING, 0);
    if (bound == null || bound.compareTo(LONG_MAX) > 0) {
      // Past every BIGINT (trade_id >= 9223372036854775808): no row can match.
      return null;
    }
    return bound.max(LONG_MIN).longValueExact();
  }

  /** As {@link #lower}, for {@code x < value} ({@code strict}) or {@code x <= value}. */
  static Long upper(Object value, boolean strict) {
    BigDecimal bound =
        strict ? whole(value, RoundingMode.CEILING, -1) : whole(value, RoundingMode.FLOOR, 0);
    if (bound == null || bound.compareTo(LONG_MIN) < 0) {
      return null;
    }
    return bound.min(LONG_MAX).longValueExact();
  }

  /** {@code value} rounded to a whole number by {@code mode}, plus {@code step}; null for null. */
  private static BigDecimal whole(Object value, RoundingMode mode, int step) {
    BigDecimal v = toDecimal(value);
    return v == null ? null : v.setScale(0, mode).add(BigDecimal.valueOf(step));
  }

  /** The BIGINT a point value is, or {@code null} when it is none (1.5, null, out of range). */
  static Long point(Object value) {
    BigDecimal v = toDecimal(value);
    if (v != null
        && v.stripTrailingZeros().scale() <= 0
        && v.compareTo(LONG_MIN) >= 0
        && v.compareTo(LONG_MAX) <= 0) {
      return v.longValueExact();
    }
    return null;
  }

  /** A constraint value as a number: times as epoch milliseconds (UTC); null stays null. */
  @SuppressWarnings("JavaUtilDate") // JDBC binds java.sql.Timestamp and Date values
  static BigDecimal toDecimal(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal bd) {
      return bd;
    }
    if (v instanceof Date d) {
      return BigDecimal.valueOf(d.getTime());
    }
    // JDBC 4.2 setObject values: a LocalDateTime is UTC wall-clock time, like the columns.
    if (v instanceof java.time.LocalDateTime ldt) {
      return BigDecimal.valueOf(ldt.toInstant(java.time.ZoneOffset.UTC).toEpochMilli());
    }
    if (v instanceof java.time.LocalDate ld) {
      return BigDecimal.valueOf(
          ld.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli());
    }
    if (v instanceof java.time.Instant i) {
      return BigDecimal.valueOf(i.toEpochMilli());
    }
    if (v instanceof java.time.OffsetDateTime odt) {
      return BigDecimal.valueOf(odt.toInstant().toEpochMilli());
    }
    if (v instanceof java.time.ZonedDateTime zdt) {
      return BigDecimal.valueOf(zdt.toInstant().toEpochMilli());
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw BinanceException.badValue("Cannot compare with " + v + ": expected a number or time");
  }

  /** A LIMIT or OFFSET value as a number. */
  static long toLong(Object v, String what) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw BinanceException.badValue(what + " must be a number, but was: " + v);
  }
}
