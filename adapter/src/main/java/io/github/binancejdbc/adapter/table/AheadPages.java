package io.github.binancejdbc.adapter.table;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.error.BinanceException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Pages forwards through rows ordered by an increasing key (an open time, an id) where the start of
 * the next page is known before the current page arrives: a full page covers at most {@code span}
 * keys (1000 one-minute bars cover 1000 minutes), so page k+1 starts {@code span} after page k. Up
 * to {@code maxInFlight} pages are fetched ahead, and rows still come out in key order.
 *
 * <p>The first page is one request on the reader's thread, as without fetching ahead. Over a range
 * whose upper bound is known to exist ({@link #existingUpTo}), every page up to it is one the
 * reader needs: when it has read the first page and wants more, {@code maxInFlight} pages go out
 * together (the pages of the range, at most), and one more goes out for each page handed over. Over
 * a range open to the end of the data, where a short page may end it anywhere, the second page goes
 * alone and the pages ahead then double from one (1, 3, 7, ...). Either way a reader that stops
 * early pays for at most the pages in flight; never past the upper key bound, beyond the rows a
 * LIMIT still wants, or, but for one page at a time, past the keys known to exist. A page may reach
 * past the start of the page fetched after it (a gap in the data makes a full page span more keys):
 * those rows are dropped from it, the next page has them. A short page means the data ends there:
 * what is still in flight is cancelled, as on {@link #close}. Keys are at least {@code span /
 * pageSize} apart (one bar's length, one id), so a full page whose last key is within that of the
 * upper bound is the last: no request is sent to learn that nothing follows it, and none ahead that
 * could only answer nothing.
 */
final class AheadPages implements RowStream {
  /** One page of at most {@code limit} rows with keys from {@code start} up to the upper bound. */
  @FunctionalInterface
  interface Fetch {
    List<Object[]> page(long start, int limit);
  }

  private record Pending(long start, int limit, Future<List<Object[]>> rows) {}

  private final Fetch fetch;
  private final Function<Callable<List<Object[]>>, Future<List<Object[]>>> ahead;
  private final int keySlot;
  private final long span;
  private final long keyStep;
  private final long hi;
  private final int pageSize;
  private final int maxInFlight;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private LongSupplier known = () -> Long.MAX_VALUE;
  private long next;
  private int pagesRead;
  private boolean done;

  /**
   * Rows of the first page of a bounded range that the reader reads before the pages ahead go out:
   * a reader that takes a few rows and stops costs one request; one that reads on has shown it
   * keeps reading, and the pages ahead travel while it reads the rest of the first page.
   */
  static final int FIRST_SLICE = 100;

  /** The rest of the first page, handed over (with the pages ahead sent) on the next call. */
  private List<Object[]> rest;

  /**
   * @param from the first key wanted
   * @param hi the last key wanted (inclusive; {@code Long.MAX_VALUE} when unbounded)
   * @param span how many keys a full page covers at most; 0 when unknown (nothing is fetched ahead)
   * @param maxInFlight pages in flight at most; 1 fetches one page after another
   * @param ahead runs a fetch on another thread
   */
  AheadPages(
      long from,
      long hi,
      int keySlot,
      int pageSize,
      long span,
      int maxInFlight,
      Fetch fetch,
      Function<Callable<List<Object[]>>, Future<List<Object[]>>> ahead) {
    this.next = from;
    this.hi = hi;
    this.keySlot = keySlot;
    this.pageSize = pageSize;
    this.span = span;
    this.keyStep = span > 0 ? Math.max(1, span / pageSize) : 1;
    this.maxInFlight = span > 0 && maxInFlight > 1 ? maxInFlight : 0;
    this.fetch = requireNonNull(fetch, "fetch is null");
    this.ahead = requireNonNull(ahead, "ahead is null");
    this.done = from > hi;
  }

  /**
   * Keys up to this are known to exist (for bars: the server's present); pages starting later are
   * sent only one at a time, after a full page, as without fetching ahead.
   */
  AheadPages existingUpTo(LongSupplier known) {
    this.known = requireNonNull(known, "known is null");
    return this;
  }

  @Override
  public List<Object[]> nextPage(long wanted) {
    if (rest != null) {
      List<Object[]> r = rest;
      rest = null;
      // The reader has read the first rows and wants more: the pages ahead go out now (but a
      // last page that a LIMIT wants only part of goes later, sized to the rows still wanted).
      if (!done && wanted - r.size() > pageSize) {
        fill(maxInFlight, wanted - r.size());
      }
      return r;
    }
    if (done) {
      return null;
    }
    boolean bounded = hi != Long.MAX_VALUE && hi <= known.getAsLong();
    List<Object[]> rows;
    int limit;
    if (pending.isEmpty()
        && (pagesRead == 0 || maxInFlight == 0 || wanted <= pageSize || !bounded)) {
      // The first page (a reader that stops within it costs one request), or one page only.
      limit = (int) Math.max(1, Math.min(pageSize, wanted));
      rows = fetch.page(next, limit);
    } else {
      // The reader has read a page and wants more: from now on the pages go out together.
      fill(bounded ? maxInFlight : 1, wanted);
      Pending p = pending.poll();
      limit = p.limit();
      rows = await(p);
    }
    pagesRead++;
    if (rows.size() < limit) {
      close();
      return rows;
    }
    if (!pending.isEmpty()) {
      rows = before(rows, pending.peek().start());
    } else {
      next = key(rows.get(rows.size() - 1)) + 1;
      if (beyond(next)) {
        done = true;
        return rows;
      }
    }
    if (pagesRead == 1
        && bounded
        && maxInFlight > 0
        && rows.size() > FIRST_SLICE
        && wanted - rows.size() > pageSize) {
      rest = rows.subList(FIRST_SLICE, rows.size());
      return rows.subList(0, FIRST_SLICE);
    }
    if (maxInFlight > 0) {
      int target = bounded ? maxInFlight : (1 << Math.min(pagesRead, 20)) / 2 - 1;
      fill(pagesRead > 1 || !bounded ? target : 0, wanted - rows.size());
    }
    return rows;
  }

  /**
   * Puts pages in flight until {@code target} are (at most maxInFlight), none past the upper bound
   * or beyond the rows wanted, and only the first past the keys known to exist.
   */
  private void fill(int target, long wanted) {
    long sure = known.getAsLong();
    while (pending.size() < Math.min(target, maxInFlight)
        && !beyond(next)
        && (long) pending.size() * pageSize < wanted
        && (pending.isEmpty() || next <= sure)) {
      long start = next;
      pending.add(new Pending(start, pageSize, ahead.apply(() -> fetch.page(start, pageSize))));
      next = start + span;
    }
  }

  /**
   * Whether a page from {@code start} (one past the last key of the page before, or a whole span
   * after such a start) can hold no key up to the upper bound: its first key is at least {@code
   * start - 1 + keyStep}.
   */
  private boolean beyond(long start) {
    return start - 1 > hi - keyStep;
  }

  private List<Object[]> before(List<Object[]> rows, long start) {
    int n = rows.size();
    while (n > 0 && key(rows.get(n - 1)) >= start) {
      n--;
    }
    return n == rows.size() ? rows : new ArrayList<>(rows.subList(0, n));
  }

  private long key(Object[] row) {
    return (Long) row[keySlot];
  }

  private List<Object[]> await(Pending p) {
    try {
      return p.rows().get();
    } catch (ExecutionException e) {
      close();
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw BinanceException.cancelled("Interrupted while waiting for a page");
    }
  }

  /** Cancels the pages in flight; a page not yet sent is never sent. */
  @Override
  public void close() {
    done = true;
    rest = null;
    for (Pending p : pending) {
      p.rows().cancel(true);
    }
    pending.clear();
  }
}
