package io.github.binancejdbc.simulator.market;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The 16 kline intervals. Bars are aligned in UTC shifted by an optional time-zone offset (the
 * {@code timeZone} parameter): fixed-length intervals to multiples of their length since the epoch,
 * {@code 1w} to Mondays 00:00, {@code 1M} to the first of the month.
 */
public enum Interval {
  S1("1s", 1_000L),
  M1("1m", 60_000L),
  M3("3m", 180_000L),
  M5("5m", 300_000L),
  M15("15m", 900_000L),
  M30("30m", 1_800_000L),
  H1("1h", 3_600_000L),
  H2("2h", 7_200_000L),
  H4("4h", 14_400_000L),
  H6("6h", 21_600_000L),
  H8("8h", 28_800_000L),
  H12("12h", 43_200_000L),
  D1("1d", 86_400_000L),
  D3("3d", 259_200_000L),
  W1("1w", 604_800_000L),
  MONTH("1M", 0L);

  private static final long DAY = 86_400_000L;
  private static final long MONDAY = 4 * DAY; // 1970-01-05 was a Monday

  private final String code;
  private final long millis;

  Interval(String code, long millis) {
    this.code = code;
    this.millis = millis;
  }

  public String code() {
    return code;
  }

  /** The interval spelled as Binance spells it (case-sensitive), or null. */
  public static Interval of(String code) {
    for (Interval i : values()) {
      if (i.code.equals(code)) {
        return i;
      }
    }
    return null;
  }

  /** The open time of the bar holding {@code t}. */
  public long start(long t, long offset) {
    long local = t + offset;
    long s;
    if (this == MONTH) {
      LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(local, DAY)).withDayOfMonth(1);
      s = d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    } else if (this == W1) {
      s = Math.floorDiv(local - MONDAY, millis) * millis + MONDAY;
    } else {
      s = Math.floorDiv(local, millis) * millis;
    }
    return s - offset;
  }

  /** The open time of the bar after the one opening at {@code start}. */
  public long next(long start, long offset) {
    if (this != MONTH) {
      return start + millis;
    }
    return shiftMonths(start, offset, 1);
  }

  /** The open time of the bar before the one opening at {@code start}. */
  public long previous(long start, long offset) {
    if (this != MONTH) {
      return start - millis;
    }
    return shiftMonths(start, offset, -1);
  }

  private static long shiftMonths(long start, long offset, int months) {
    LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(start + offset, DAY)).plusMonths(months);
    return d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() - offset;
  }
}
