package io.github.binancejdbc.adapter.table;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The {@code startTime}/{@code endTime} windows that cover an inclusive span: consecutive, each
 * with at most 24 h between its ends (Binance rejects more with -1127), produced one at a time so
 * that a query that stops early sends nothing for the rest. A window whose answer filled a whole
 * page is split in two halves that are asked next, because these endpoints cannot page inside a
 * time window (they ignore the id cursor when times are given).
 */
final class TimeWindows {
  private final long hi;
  private final Deque<long[]> split = new ArrayDeque<>();
  private long next;

  /** Windows over {@code [lo, hi]}, both inclusive epoch milliseconds. */
  TimeWindows(long lo, long hi) {
    this.next = lo;
    this.hi = hi;
  }

  /** The next window {@code [start, end]}, or {@code null} when the span is covered. */
  long[] next() {
    if (!split.isEmpty()) {
      return split.pop();
    }
    if (next > hi) {
      return null;
    }
    // Binance refuses more than 24 h between startTime and endTime, not exactly 24 h: the last
    // window may reach one millisecond further, so an inclusive upper bound on a day boundary
    // (BETWEEN t AND t + 1 day) ends the last day's window instead of adding a 1-ms one.
    long end = hi - next <= AccountRequests.DAY ? hi : next + AccountRequests.DAY - 1;
    long[] w = {next, end};
    next = end + 1;
    return w;
  }

  /** Whether {@code window} is the last one (no pending halves, nothing after it). */
  boolean isLast(long[] window) {
    return split.isEmpty() && window[1] >= hi;
  }

  /**
   * Asks for the two halves of {@code window} next, the earlier first.
   *
   * @return false when the window is one millisecond and cannot be split
   */
  boolean split(long[] window) {
    if (window[0] >= window[1]) {
      return false;
    }
    long mid = window[0] + (window[1] - window[0]) / 2;
    split.push(new long[] {mid + 1, window[1]});
    split.push(new long[] {window[0], mid});
    return true;
  }
}
