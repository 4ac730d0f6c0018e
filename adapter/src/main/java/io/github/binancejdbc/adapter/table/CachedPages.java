package io.github.binancejdbc.adapter.table;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.cache.History;
import io.github.binancejdbc.adapter.cache.Segment;
import io.github.binancejdbc.adapter.cache.Series;
import java.util.List;

/**
 * Rows of keys {@code lo..hi} in key order, read from the held history where it has them and
 * fetched only for the gaps between: each gap is one forward pager (fetching ahead as without the
 * cache) whose pages the fetch keeps once they can no longer change.
 *
 * <p>A held segment small enough that fetching through it costs fewer requests than fetching around
 * it (a gap, a few bars held, a gap that all fit in one page) is fetched through.
 */
final class CachedPages implements RowStream {
  /** Opens a pager over the keys {@code from..to} (inclusive), which nothing held covers. */
  @FunctionalInterface
  interface Gap {
    RowStream open(long from, long to);
  }

  /** Tells the history that a held segment answered keys {@code from..to} with {@code rows}. */
  @FunctionalInterface
  interface Served {
    void served(long from, long to, int rows, boolean fromArchive);
  }

  private final History history;
  private final Series series;
  private final long hi;
  private final long keysPerPage;
  private final Gap gap;
  private final Served served;
  private long cursor;
  private boolean done;
  private RowStream current;
  private long currentTo;

  /**
   * @param keysPerPage how many keys one full page covers at most (0 when unknown: nothing is
   *     fetched through)
   */
  CachedPages(
      History history, Series series, long lo, long hi, long keysPerPage, Gap gap, Served served) {
    this.history = requireNonNull(history, "history is null");
    this.series = requireNonNull(series, "series is null");
    this.cursor = lo;
    this.hi = hi;
    this.keysPerPage = keysPerPage;
    this.gap = requireNonNull(gap, "gap is null");
    this.served = requireNonNull(served, "served is null");
    this.done = lo > hi;
  }

  @Override
  public List<Object[]> nextPage(long wanted) {
    while (true) {
      if (current != null) {
        List<Object[]> rows = current.nextPage(wanted);
        if (rows != null) {
          return rows;
        }
        current.close();
        current = null;
        advancePast(currentTo);
        continue;
      }
      if (done) {
        return null;
      }
      History.Held held = history.covering(series, cursor);
      if (held != null) {
        long to = Math.min(hi, held.segment().to());
        List<Object[]> rows = null;
        try {
          rows = held.segment().rows(cursor, to);
        } catch (Segment.Unreadable e) {
          // A kept page whose other columns cannot be read: dropped, its keys fetched below.
          history.forget(series, held.segment());
        }
        if (rows != null) {
          served.served(cursor, to, rows.size(), held.fromArchive());
          advancePast(to);
          if (!rows.isEmpty()) {
            return rows;
          }
          continue;
        }
      }
      currentTo = gapEnd(cursor);
      current = gap.open(cursor, currentTo);
    }
  }

  private void advancePast(long to) {
    if (to >= hi || to == Long.MAX_VALUE) {
      done = true;
    } else {
      cursor = to + 1;
    }
  }

  /**
   * The end of the gap that starts at {@code from}: up to the next held segment, or through it and
   * the gap after it when that costs fewer pages.
   */
  private long gapEnd(long from) {
    long end = before(history.nextStart(series, from));
    while (keysPerPage > 0 && end < hi) {
      History.Held next = history.covering(series, end + 1);
      if (next == null) {
        break;
      }
      long segTo = next.segment().to();
      if (segTo >= hi) {
        break;
      }
      long after = before(history.nextStart(series, segTo));
      if (after == Long.MAX_VALUE) {
        break; // an unbounded gap after: fetching around costs no more
      }
      long around = pages(end - from + 1) + pages(after - segTo);
      long through = pages(after - from + 1);
      if (through >= around) {
        break;
      }
      end = after;
    }
    return end;
  }

  /** The last key to fetch before a held segment starting at {@code next} (MAX: none). */
  private long before(long next) {
    return next == Long.MAX_VALUE ? hi : Math.min(hi, next - 1);
  }

  private long pages(long keys) {
    return keys <= 0 ? 0 : (keys + keysPerPage - 1) / keysPerPage;
  }

  @Override
  public void close() {
    done = true;
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
