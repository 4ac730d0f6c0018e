package io.github.binancejdbc.adapter.cache;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Every row of a series whose key (an open time, an id) lies in {@code from..to} (both inclusive),
 * in key order. A segment claims completeness: a key in the range that has no row has none at the
 * exchange either, and never will.
 *
 * <p>Its rows are held either as rows or, for a page of bars the query that fetched it read only
 * some columns of, as the page's bytes, read again (every column) each time the segment answers:
 * keeping a page costs its fetch no parse of the columns it did not read, and the bytes take about
 * a third of the heap of the rows.
 */
public final class Segment {
  private final long from;
  private final long to;
  private final int keySlot;
  private final @Nullable List<Object[]> rows;

  /** The rows of the page the segment was cut from (keys beyond from..to included), or null. */
  private final @Nullable Supplier<List<Object[]>> source;

  private final int sourceBytes;

  /**
   * @param keySlot where the key is in a row
   * @param rows every row with a key in {@code from..to}, in key order
   */
  public Segment(long from, long to, int keySlot, List<Object[]> rows) {
    this(from, to, keySlot, List.copyOf(requireNonNull(rows, "rows is null")), null, 0);
  }

  private Segment(
      long from,
      long to,
      int keySlot,
      @Nullable List<Object[]> rows,
      @Nullable Supplier<List<Object[]>> source,
      int sourceBytes) {
    if (from > to) {
      throw new IllegalArgumentException("empty segment " + from + ".." + to);
    }
    this.from = from;
    this.to = to;
    this.keySlot = keySlot;
    this.rows = rows;
    this.source = source;
    this.sourceBytes = sourceBytes;
  }

  /**
   * A segment whose rows {@code source} reads, each time they are asked for, from {@code bytes}
   * bytes it holds: every row of a page, in key order, of which those with keys in {@code from..to}
   * are the segment's.
   */
  public static Segment reading(
      long from, long to, int keySlot, int bytes, Supplier<List<Object[]>> source) {
    return new Segment(from, to, keySlot, null, requireNonNull(source, "source is null"), bytes);
  }

  public long from() {
    return from;
  }

  public long to() {
    return to;
  }

  /** Where the key is in a row. */
  public int keySlot() {
    return keySlot;
  }

  /**
   * Every row, in key order.
   *
   * @throws Unreadable when the segment reads its rows and cannot
   */
  public List<Object[]> rows() {
    return rows(from, to);
  }

  /**
   * The rows with keys from {@code lo} to {@code hi} (inclusive), in key order.
   *
   * @throws Unreadable when the segment reads its rows and cannot
   */
  public List<Object[]> rows(long lo, long hi) {
    if (rows == null) {
      // The page's rows, of which only those in this segment's range and the one asked for.
      long l = Math.max(lo, from);
      long h = Math.min(hi, to);
      List<Object[]> in = new ArrayList<>();
      for (Object[] r : requireNonNull(source, "source is null").get()) {
        long k = key(r);
        if (k >= l && k <= h) {
          in.add(r);
        }
      }
      return in;
    }
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

  /** Whether the rows are read (from the bytes held) each time they are asked for. */
  public boolean reads() {
    return rows == null;
  }

  /**
   * This segment with its rows built and held (itself if they are).
   *
   * @throws Unreadable when the rows cannot be read
   */
  public Segment built() {
    return rows != null ? this : new Segment(from, to, keySlot, rows());
  }

  /**
   * The rows of a segment that reads them cannot be read again (a value of a column the query that
   * fetched the page did not read is malformed): the segment is to be dropped and its keys fetched.
   */
  public static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** This segment cut to keys from {@code lo} to {@code hi}; null when nothing is left. */
  @Nullable Segment cut(long lo, long hi) {
    long f = Math.max(from, lo);
    long t = Math.min(to, hi);
    if (f > t) {
      return null;
    }
    if (f == from && t == to) {
      return this;
    }
    return rows != null
        ? new Segment(f, t, keySlot, rows(f, t))
        : new Segment(f, t, keySlot, null, source, sourceBytes);
  }

  private long key(Object[] row) {
    return ((Number) row[keySlot]).longValue();
  }

  /** Roughly the heap this segment holds, for the cache's bound in bytes. */
  int bytes() {
    if (rows == null) {
      return 64 + sourceBytes;
    }
    long n = 64;
    for (Object[] row : rows) {
      n += 16 + 8L * row.length;
      for (Object v : row) {
        n += valueBytes(v);
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, n);
  }

  @Override
  public String toString() {
    return "Segment["
        + from
        + ".."
        + to
        + (rows != null ? ", " + rows.size() + " rows]" : ", read from " + sourceBytes + " bytes]");
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
