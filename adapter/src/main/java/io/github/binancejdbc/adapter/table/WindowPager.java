package io.github.binancejdbc.adapter.table;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The account tables' {@code startTime}/{@code endTime} windows of at most 24 hours over a time
 * span ({@link TimeWindows}), one request each, in one of two forms:
 *
 * <ul>
 *   <li>{@link #splitting}: every window is read; these endpoints cannot page inside a window, so
 *       one that fills a page is split in halves asked next, and rows seen twice are dropped
 *       ({@code allOrders}, {@code allOrderList}).
 *   <li>{@link #untilRows}: windows until one returns rows, then the id cursor from the last of
 *       them ({@code myTrades}, whose id cursor never comes back empty and so costs no request per
 *       quiet day).
 * </ul>
 *
 * <p>No window is asked once the stream knows the span holds nothing more: when the last window has
 * been answered, when a reader closes, and, for {@code untilRows}, once a window that is the last
 * one came back short.
 */
final class WindowPager implements RowStream {
  /** The rows of one window {@code [start, end]} (both inclusive epoch milliseconds). */
  @FunctionalInterface
  interface Fetch {
    List<Object[]> window(long start, long end);
  }

  private final TimeWindows windows;
  private final int keySlot;
  private final Fetch fetch;
  private final Function<Object[], RowStream> after;
  private final String table;
  private final String what;
  private long maxKey = Long.MAX_VALUE;
  private final Set<Long> seen = new HashSet<>();
  private RowStream then;
  private boolean done;

  private WindowPager(
      long lo,
      long hi,
      int keySlot,
      Fetch fetch,
      Function<Object[], RowStream> after,
      String table,
      String what) {
    this.windows = new TimeWindows(lo, hi);
    this.keySlot = keySlot;
    this.fetch = requireNonNull(fetch, "fetch is null");
    this.after = after;
    this.table = table;
    this.what = what;
  }

  /**
   * Every window of {@code [lo, hi]}, a full one split in halves; rows are told apart by the key in
   * {@code keySlot} (several rows may share one key: they come in one window together).
   *
   * @param table and {@code what} name the rows in the error for a full millisecond
   */
  static WindowPager splitting(
      long lo, long hi, int keySlot, Fetch fetch, String table, String what) {
    return new WindowPager(lo, hi, keySlot, fetch, null, table, what);
  }

  /**
   * Windows of {@code [lo, hi]} until one has rows; then {@code after.apply(last row)} (null:
   * nothing after) continues.
   */
  static WindowPager untilRows(
      long lo, long hi, int keySlot, Fetch fetch, Function<Object[], RowStream> after) {
    return new WindowPager(
        lo, hi, keySlot, fetch, requireNonNull(after, "after is null"), null, null);
  }

  /** Drops rows whose key is above {@code maxKey}, after the continuation has seen them. */
  WindowPager maxKey(long maxKey) {
    this.maxKey = maxKey;
    return this;
  }

  @Override
  public List<Object[]> nextPage(long wanted) {
    if (then != null) {
      return then.nextPage(wanted);
    }
    if (done) {
      return null;
    }
    long[] w = windows.next();
    if (w == null) {
      done = true;
      return null;
    }
    List<Object[]> rows = fetch.window(w[0], w[1]);
    if (after != null) {
      if (!rows.isEmpty()) {
        done = true;
        if (rows.size() >= AccountRequests.PAGE || !windows.isLast(w)) {
          then = after.apply(rows.get(rows.size() - 1));
        }
        if (maxKey != Long.MAX_VALUE) {
          rows = new ArrayList<>(rows);
          rows.removeIf(r -> (Long) r[keySlot] > maxKey);
        }
      }
      return rows;
    }
    Set<Long> fresh = new HashSet<>();
    for (Object[] r : rows) {
      Long key = (Long) r[keySlot];
      if (!seen.contains(key)) {
        fresh.add(key);
      }
    }
    int keys = countIn(rows);
    if (keys >= AccountRequests.PAGE && !windows.split(w)) {
      throw AccountRequests.unsplittable(table, what, w[0]);
    }
    seen.addAll(fresh);
    if (fresh.size() == keys) {
      return rows;
    }
    List<Object[]> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      if (fresh.contains((Long) r[keySlot])) {
        out.add(r);
      }
    }
    return out;
  }

  /** The distinct keys of a window's rows. */
  private int countIn(List<Object[]> rows) {
    Set<Object> keys = new HashSet<>();
    for (Object[] r : rows) {
      keys.add(r[keySlot]);
    }
    return keys.size();
  }

  @Override
  public void close() {
    done = true;
    if (then != null) {
      then.close();
    }
  }
}
