package io.github.binancejdbc.adapter.cache;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every row of a series whose key (an open time, an id) lies in {@code from..to} (both inclusive),
 * in key order. A segment claims completeness: a key in the range that has no row has none at the
 * exchange either, and never will.
 *
 * @param keySlot where the key is in a row
 */
public record Segment(long from, long to, int keySlot, List<Object[]> rows) {
  public Segment {
    requireNonNull(rows, "rows is null");
    if (from > to) {
      throw new IllegalArgumentException("empty segment " + from + ".." + to);
    }
    rows = List.copyOf(rows);
  }

  /** The rows with keys from {@code lo} to {@code hi} (inclusive), in key order. */
  public List<Object[]> rows(long lo, long hi) {
    int start = 0;
    while (start < rows.size() && key(rows.get(start)) < lo) {
      start++;
    }
    int end = start;
    while (end < rows.size() && key(rows.get(end)) <= hi) {
      end++;
    }
    return start == 0 && end == rows.size() ? rows : rows.subList(start, end);
  }

  /** This segment cut to keys from {@code lo} to {@code hi}; null when nothing is left. */
  @Nullable Segment cut(long lo, long hi) {
    long f = Math.max(from, lo);
    long t = Math.min(to, hi);
    if (f > t) {
      return null;
    }
    return f == from && t == to ? this : new Segment(f, t, keySlot, rows(f, t));
  }

  private long key(Object[] row) {
    return ((Number) row[keySlot]).longValue();
  }

  /** Roughly the heap this segment holds, for the cache's bound in bytes. */
  int bytes() {
    long n = 64;
    for (Object[] row : rows) {
      n += 16 + 8L * row.length;
      for (Object v : row) {
        n += valueBytes(v);
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, n);
  }

  private static long valueBytes(@Nullable Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof String s) {
      return 40L + s.length();
    }
    if (v instanceof BigDecimal d) {
      // Up to 18 digits the unscaled value is a long inside the object (and asking for it as a
      // BigInteger would allocate one per value); beyond, a BigInteger of about 0.415 bytes a
      // digit.
      int digits = d.precision();
      return digits <= 18 ? 40 : 96 + digits * 415L / 1000;
    }
    return 16;
  }
}
