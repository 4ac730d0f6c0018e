package io.github.binancejdbc.adapter.table;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.client.BinanceHttp;
import io.github.binancejdbc.adapter.client.ParseGate;
import io.github.binancejdbc.adapter.error.BinanceException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Pages forwards through rows ordered by an increasing key (an open time, an id) where the start of
 * the next page is known before the current page arrives: a full page covers at most {@code span}
 * keys (1000 one-minute bars cover 1000 minutes), so page k+1 starts {@code span} after page k. Up
 * to a window of pages (at most {@code maxInFlight}; see {@link #widenWith}) are fetched ahead, and
 * rows still come out in key order.
 *
 * <p>The first page is one request on the reader's thread, as without fetching ahead. Over a range
 * whose upper bound is known to exist ({@link #existingUpTo}), every page up to it is one the
 * reader needs: when it has read the first page and wants more, the window's pages go out together
 * (the pages of the range, at most), and one more goes out for each page handed over. Over a range
 * open to the end of the data, where a short page may end it anywhere, the second page goes alone
 * and the pages ahead then double from one (1, 3, 7, ..., at most {@link #BASE}). Either way a
 * reader that stops early pays for at most the pages in flight; never past the upper key bound,
 * beyond the rows a LIMIT still wants, or, but for one page at a time, past the keys known to
 * exist. A page may reach past the start of the page fetched after it (a gap in the data makes a
 * full page span more keys): those rows are dropped from it, the next page has them. A short page
 * means the data ends there: what is still in flight is cancelled, as on {@link #close}. Keys are
 * at least {@code span / pageSize} apart (one bar's length, one id), so a full page whose last key
 * is within that of the upper bound is the last: no request is sent to learn that nothing follows
 * it, and none ahead that could only answer nothing.
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

  /** Reads the pages of the first wave one at a time (see {@link ParseGate}). */
  private final Semaphore firstWave = new Semaphore(1, true);

  private LongSupplier known = () -> Long.MAX_VALUE;

  /** The wait for the answer to the request a fetch on this thread last sent, in ns; -1 if none. */
  private @Nullable LongSupplier lastWait;

  /** The shortest wait for an answer seen so far, in ns (written by the fetching threads). */
  private final AtomicLong minWait = new AtomicLong(Long.MAX_VALUE);

  /** When the last rows were handed over (ns), and how many. */
  private long handedAt;

  private int handedRows;

  /** The reader's time per row, averaged (ns), and the rows it has been handed. */
  private double readerNanosPerRow;

  private long rowsHanded;

  /** Pages in flight now wanted: grows from {@link #BASE} with the measured latency. */
  private int window;

  private long next;
  private int pagesRead;
  private boolean done;

  /**
   * Rows of the first page of a bounded range that the reader reads before the pages ahead go out:
   * a reader that takes a few rows and stops costs one request; one that reads on has shown it
   * keeps reading, and the pages ahead travel while it reads the rest of the first page.
   */
  static final int FIRST_SLICE = 100;

  /**
   * Pages in flight before the latency is known to call for more, and always at least this many (up
   * to {@code maxInFlight}): enough to keep two cores parsing, few enough that they do not crowd
   * out the reader.
   */
  static final int BASE = 16;

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
    this.window = this.maxInFlight;
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

  /**
   * Widens the pages in flight with the latency: {@code lastWait} says, on the thread that just
   * fetched a page, how long the server took to answer its request (-1 when none was sent). Then
   * from {@link #BASE} pages up to {@code maxInFlight}, as many are kept in flight as cover the
   * shortest wait seen at the reader's pace (Little's law: wait / reader's time per page, plus one;
   * the pace assumed {@link #FAST_ROW_NANOS} for the first {@link #WARM_PAGES} pages), and no more
   * than a share of the heap holds. Without it, {@code maxInFlight} are.
   */
  AheadPages widenWith(LongSupplier lastWait, IntSupplier widest) {
    this.lastWait = requireNonNull(lastWait, "lastWait is null");
    this.widest = requireNonNull(widest, "widest is null");
    this.window = Math.min(BASE, maxInFlight);
    return this;
  }

  /**
   * {@link #widenWith} as a scan of {@code ctx} uses it: the wait its transport measured, and no
   * more pages than {@link #weightCap} allows for pages of {@code pageWeight} under the limit known
   * now.
   */
  AheadPages widenFor(BinanceContext ctx, int pageWeight) {
    return widenWith(
        BinanceHttp::takeLastWait, () -> weightCap(ctx.http().weightLimit(), pageWeight));
  }

  @Override
  public List<Object[]> nextPage(long wanted) {
    List<Object[]> out = page(wanted);
    if (lastWait != null && out != null) {
      handedAt = System.nanoTime();
      handedRows = out.size();
    }
    return out;
  }

  /**
   * A reader's time per row until it has read {@link #WARM_PAGES} pages: what this driver's own row
   * path takes in a warm JVM (about a million rows a second). Measured earlier, in a JVM still
   * loading and compiling the classes it reads with, the pace is many times slower than it soon
   * becomes, and would keep the window narrow for the round trips that matter most.
   */
  static final long FAST_ROW_NANOS = 1_000;

  /** Pages read before the reader's measured pace replaces {@link #FAST_ROW_NANOS}. */
  static final int WARM_PAGES = 4;

  /**
   * Notes the reader's pace since the last rows were handed over, and sets {@link #window} from it
   * and the shortest wait seen.
   */
  private void pace() {
    if (handedRows > 0) {
      double perRow = (double) (System.nanoTime() - handedAt) / handedRows;
      // Averaged from the first warm page on: the cold pages' pace would linger in the average.
      boolean warm = rowsHanded >= (long) WARM_PAGES * pageSize;
      readerNanosPerRow = warm ? 0.75 * readerNanosPerRow + 0.25 * perRow : perRow;
      rowsHanded += handedRows;
      handedRows = 0;
    }
    long wait = minWait.get();
    if (wait == Long.MAX_VALUE) {
      return;
    }
    double perRow = rowsHanded < (long) WARM_PAGES * pageSize ? FAST_ROW_NANOS : readerNanosPerRow;
    double perPage = Math.max(1, perRow * pageSize);
    long little = (long) Math.ceil(wait / perPage) + 1;
    int floor = Math.min(BASE, maxInFlight);
    long heap = heapPages(Runtime.getRuntime().maxMemory(), pageSize, rowWidth);
    long cap = Math.min(Math.min(maxInFlight, heap), widest.getAsInt());
    window = (int) Math.max(floor, Math.min(little, cap));
  }

  /**
   * Pages of {@code pageSize} rows of {@code rowWidth} values that a sixteenth of {@code maxMemory}
   * holds, at least one: each value counted at 48 bytes (its slot and a boxed number or a decimal),
   * each row at 16 more.
   */
  static long heapPages(long maxMemory, int pageSize, int rowWidth) {
    long perPage = (long) pageSize * (16 + 48L * rowWidth);
    return Math.max(1, maxMemory / 16 / perPage);
  }

  /** Pages the window may widen to at most (beyond {@link #BASE}), asked at each widening. */
  private IntSupplier widest = () -> Integer.MAX_VALUE;

  /**
   * Pages of {@code pageWeight} whose weight is at most a tenth of {@code limit} (at least one):
   * what a widened window may hold, so that a reader who stops early has paid for no more than a
   * tenth of a minute's weight beyond the {@link #BASE} pages.
   */
  static int weightCap(int limit, int pageWeight) {
    return Math.max(1, limit / 10 / Math.max(1, pageWeight));
  }

  /** Values per row, from the first page (each boxed, counted at 48 bytes with its slot). */
  private int rowWidth = 1;

  private List<Object[]> fetched(long start, int limit) {
    if (lastWait == null) {
      return fetch.page(start, limit);
    }
    takeWait(); // a wait this thread measured for an earlier request must not count for this page
    List<Object[]> rows = fetch.page(start, limit);
    long w = takeWait();
    if (w >= 0) {
      minWait.accumulateAndGet(w, Math::min);
    }
    return rows;
  }

  /** The wait this thread measured since the last call, or -1 (see {@link #widenWith}). */
  private long takeWait() {
    return requireNonNull(lastWait, "lastWait is null").getAsLong();
  }

  private @Nullable List<Object[]> page(long wanted) {
    if (lastWait != null) {
      pace();
    }
    if (rest != null) {
      List<Object[]> r = rest;
      rest = null;
      // The reader has read the first rows and wants more: the pages ahead go out now (but a
      // last page that a LIMIT wants only part of goes later, sized to the rows still wanted).
      if (!done && wanted - r.size() > pageSize) {
        fill(window, wanted - r.size());
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
      rows = fetched(next, limit);
      if (pagesRead == 0 && !rows.isEmpty()) {
        rowWidth = Math.max(1, rows.get(0).length);
      }
    } else {
      // The reader has read a page and wants more: from now on the pages go out together.
      fill(bounded ? window : 1, wanted);
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
      int target = bounded ? window : Math.min(BASE, (1 << Math.min(pagesRead, 20)) / 2 - 1);
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
      // The first wave, sent together, is answered together: read one page at a time.
      Callable<List<Object[]>> fetch =
          pagesRead <= 1
              ? () -> ParseGate.with(firstWave, () -> fetched(start, pageSize))
              : () -> fetched(start, pageSize);
      pending.add(new Pending(start, pageSize, ahead.apply(fetch)));
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
