package io.github.binancejdbc.adapter.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.adapter.client.ParseGate;
import io.github.binancejdbc.adapter.error.BinanceException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The fetch-ahead pager against a fake fetch: keys 0..n-1 with optional gaps, pages of 10. */
class AheadPagesTest {
  private static final int PAGE = 10;

  /** A fake endpoint: rows whose key is in {@code keys}, from start up to hi, at most limit. */
  private static final class FakeFetch implements AheadPages.Fetch {
    final TreeSet<Long> keys = new TreeSet<>();
    final long hi;
    final List<String> sent = new ArrayList<>();

    /** Per request sent, whether it ran under a parse gate. */
    final List<Boolean> gated = new ArrayList<>();

    FakeFetch(long n, long hi) {
      for (long k = 0; k < n; k++) {
        keys.add(k);
      }
      this.hi = hi;
    }

    @Override
    public synchronized List<Object[]> page(long start, int limit) {
      sent.add(start + "/" + limit);
      gated.add(ParseGate.current() != null);
      List<Object[]> rows = new ArrayList<>();
      for (long k : keys.subSet(start, true, hi, true)) {
        if (rows.size() == limit) {
          break;
        }
        rows.add(new Object[] {"x", k});
      }
      return rows;
    }
  }

  /** Runs every fetch ahead at once (sent in order), like a pool that never waits. */
  @SuppressWarnings("UnnecessaryLambda") // a value: each test hands it to pager(...) as the pool
  private static final Function<Callable<List<Object[]>>, Future<List<Object[]>>> NOW =
      c -> {
        try {
          return CompletableFuture.completedFuture(c.call());
        } catch (Exception e) {
          return CompletableFuture.failedFuture(e);
        }
      };

  private static AheadPages pager(
      FakeFetch f,
      long from,
      int max,
      Function<Callable<List<Object[]>>, Future<List<Object[]>>> ahead) {
    return new AheadPages(from, f.hi, 1, PAGE, PAGE, max, f, ahead);
  }

  private static List<Long> readAll(AheadPages p, long wanted) {
    List<Long> keys = new ArrayList<>();
    for (List<Object[]> page;
        keys.size() < wanted && (page = p.nextPage(wanted - keys.size())) != null; ) {
      for (Object[] r : page) {
        if (keys.size() < wanted) { // as the enumerator: a LIMIT takes no more rows
          keys.add((Long) r[1]);
        }
      }
    }
    return keys;
  }

  private static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long k = from; k < to; k++) {
      out.add(k);
    }
    return out;
  }

  @Test
  void oneInFlightIsOnePageAfterAnotherFromTheLastKey() {
    FakeFetch f = new FakeFetch(35, Long.MAX_VALUE);
    assertEquals(range(0, 35), readAll(pager(f, 0, 1, NOW), Long.MAX_VALUE));
    assertEquals(List.of("0/10", "10/10", "20/10", "30/10"), f.sent);
  }

  @Test
  void overAClosedRangeTheSecondPageOpensTheWholeWindow() {
    FakeFetch f = new FakeFetch(1000, 999);
    AheadPages p = pager(f, 0, 6, NOW);
    p.nextPage(Long.MAX_VALUE);
    assertEquals(List.of("0/10"), f.sent, "the first page alone");
    p.nextPage(Long.MAX_VALUE);
    // Asked for more after a whole page: 6 pages together (10..60), then one more (70) for the
    // page handed over, so 6 are in flight again.
    assertEquals(range(0, 8).stream().map(k -> k * 10 + "/10").toList(), f.sent);
    p.nextPage(Long.MAX_VALUE);
    assertEquals(9, f.sent.size(), "one more for each page read: " + f.sent);
    assertEquals("80/10", f.sent.get(8));
    assertEquals(range(30, 1000), readAll(p, Long.MAX_VALUE));
    assertEquals(100, f.sent.size(), "every page once, nothing past the upper bound: " + f.sent);
  }

  @Test
  void overAClosedRangeTheWindowOpensOnceTheReaderReadsPastTheFirstRowsOfPageOne() {
    // Pages of 1000 (as Binance's klines and trades): the first 100 rows come alone; asking for
    // more means the reader keeps reading, so the window opens while it reads the other 900.
    FakeFetch f = new FakeFetch(5000, 4999);
    AheadPages p = new AheadPages(0, f.hi, 1, 1000, 1000, 3, f, NOW);
    List<Object[]> first = p.nextPage(Long.MAX_VALUE);
    assertEquals(AheadPages.FIRST_SLICE, first.size());
    assertEquals(0L, first.get(0)[1]);
    assertEquals(99L, first.get(99)[1]);
    assertEquals(List.of("0/1000"), f.sent, "a reader of the first rows costs one request");
    List<Object[]> rest = p.nextPage(Long.MAX_VALUE);
    assertEquals(900, rest.size());
    assertEquals(100L, rest.get(0)[1]);
    assertEquals(999L, rest.get(899)[1]);
    assertEquals(List.of("0/1000", "1000/1000", "2000/1000", "3000/1000"), f.sent);
    // The first wave (sent together, answered together) is read one page at a time; the first
    // page (the reader's own request) is not gated.
    assertEquals(List.of(false, true, true, true), f.gated);
    assertEquals(range(1000, 5000), readAll(p, Long.MAX_VALUE));
    assertEquals(
        List.of("0/1000", "1000/1000", "2000/1000", "3000/1000", "4000/1000"),
        f.sent,
        "every page once, none past the upper bound");
    assertEquals(List.of(false, true, true, true, false), f.gated, "later pages: not gated");
  }

  @Test
  void aReaderOfTheFirstRowsOfALongClosedRangeCostsOneRequest() {
    FakeFetch f = new FakeFetch(5000, 4999);
    AheadPages p = new AheadPages(0, f.hi, 1, 1000, 1000, 16, f, NOW);
    assertEquals(AheadPages.FIRST_SLICE, p.nextPage(Long.MAX_VALUE).size());
    p.close();
    assertNull(p.nextPage(Long.MAX_VALUE));
    assertEquals(List.of("0/1000"), f.sent);
    // A LIMIT within the first page asks for that many rows and never opens the window.
    FakeFetch g = new FakeFetch(5000, 4999);
    AheadPages q = new AheadPages(0, g.hi, 1, 1000, 1000, 16, g, NOW);
    assertEquals(range(0, 700), readAll(q, 700));
    assertEquals(List.of("0/700"), g.sent);
    // A LIMIT past the first page: the pages ahead stop at the rows still wanted.
    FakeFetch h = new FakeFetch(5000, 4999);
    AheadPages r = new AheadPages(0, h.hi, 1, 1000, 1000, 16, h, NOW);
    assertEquals(range(0, 2500), readAll(r, 2500));
    assertEquals(List.of("0/1000", "1000/1000", "2000/1000"), h.sent);
  }

  @Test
  void aClosedRangeOfFewerPagesThanTheWindowSendsOnlyItsPages() {
    FakeFetch f = new FakeFetch(1000, 34);
    assertEquals(range(0, 35), readAll(pager(f, 0, 8, NOW), Long.MAX_VALUE));
    assertEquals(List.of("0/10", "10/10", "20/10", "30/10"), f.sent);
  }

  @Test
  void aFullPageEndingAtTheUpperBoundIsTheLast() {
    // Keys 0, 5, 10, ... (one bar every 5 keys): a page of 10 covers 50 keys.
    FakeFetch f = new FakeFetch(0, 199);
    for (long k = 0; k < 1000; k += 5) {
      f.keys.add(k);
    }
    List<Long> expected = new ArrayList<>(f.keys.headSet(199L, true));
    for (int max : new int[] {1, 8}) {
      f.sent.clear();
      List<Long> read = new ArrayList<>();
      AheadPages p = new AheadPages(0, 199, 1, PAGE, 5 * PAGE, max, f, NOW);
      for (List<Object[]> page; (page = p.nextPage(Long.MAX_VALUE)) != null; ) {
        page.forEach(r -> read.add((Long) r[1]));
      }
      assertEquals(expected, read);
      // Each page from one past the last key before it; the page from 146 ends with key 195: the
      // next key could be 200 at the earliest, past the bound 199, so no fifth request (from 196,
      // one after another, or a span after 146, fetched ahead) asks for nothing.
      assertEquals(List.of("0/10", "46/10", "96/10", "146/10"), f.sent, "max " + max);
    }
  }

  @Test
  void pastTheKeysKnownToExistPagesGoOneAfterAnother() {
    FakeFetch f = new FakeFetch(95, Long.MAX_VALUE);
    AheadPages p = pager(f, 0, 8, NOW).existingUpTo(() -> 35);
    assertEquals(range(0, 95), readAll(p, Long.MAX_VALUE));
    // Pages from 40 on start past key 35: each is sent only after the page before it was full,
    // so the short page 90 is the last, and no page past the end of the data is paid for.
    assertEquals(
        List.of(
            "0/10", "10/10", "20/10", "30/10", "40/10", "50/10", "60/10", "70/10", "80/10",
            "90/10"),
        f.sent);
  }

  @Test
  void aRangeOpenToTheEndOfTheDataAsksNoPagePastAShortOne() {
    FakeFetch f = new FakeFetch(25, Long.MAX_VALUE);
    assertEquals(range(0, 25), readAll(pager(f, 0, 8, NOW), Long.MAX_VALUE));
    // A short page may end such a range anywhere: the second page goes alone, one page ahead
    // after it, so the data's end costs what one page after another costs.
    assertEquals(List.of("0/10", "10/10", "20/10"), f.sent);
  }

  @Test
  void aReaderThatWantsOnePageMoreGetsOneRequestMore() {
    FakeFetch f = new FakeFetch(1000, Long.MAX_VALUE);
    AheadPages p = pager(f, 0, 8, NOW);
    p.nextPage(15);
    p.nextPage(5);
    assertEquals(List.of("0/10", "10/5"), f.sent);
  }

  @Test
  void aReaderThatStopsEarlyCostsOneRequest() {
    FakeFetch f = new FakeFetch(1000, Long.MAX_VALUE);
    AheadPages p = pager(f, 0, 8, NOW);
    assertEquals(10, p.nextPage(5).size() + 5);
    p.close();
    assertEquals(List.of("0/5"), f.sent);
    assertNull(p.nextPage(5));
  }

  @Test
  void aLimitIsNeverFetchedBeyond() {
    FakeFetch f = new FakeFetch(1000, Long.MAX_VALUE);
    assertEquals(range(0, 45), readAll(pager(f, 0, 8, NOW), 45));
    // 10 + 10 + 10, then 10 and the last 5 - pages ahead never ask past the 45th row.
    assertTrue(f.sent.size() <= 5, f.sent.toString());
    assertEquals("0/10", f.sent.get(0));
    long rowsAskedFor = f.sent.stream().mapToLong(s -> Long.parseLong(s.split("/", -1)[1])).sum();
    assertTrue(rowsAskedFor <= 50, f.sent.toString());
  }

  @Test
  void gapsNeitherDropNorRepeatRows() {
    FakeFetch f = new FakeFetch(300, 299);
    for (long k = 33; k < 58; k++) {
      f.keys.remove(k); // a 25-key gap: the page from 30 reaches into the pages after it
    }
    f.keys.remove(91L);
    List<Long> expected = new ArrayList<>(f.keys);
    assertEquals(expected, readAll(pager(f, 0, 4, NOW), Long.MAX_VALUE));
  }

  @Test
  void theUpperBoundStopsFetchingAhead() {
    FakeFetch f = new FakeFetch(1000, 64);
    assertEquals(range(0, 65), readAll(pager(f, 0, 8, NOW), Long.MAX_VALUE));
    for (String s : f.sent) {
      assertTrue(Long.parseLong(s.split("/", -1)[0]) <= 64, f.sent.toString());
    }
    assertEquals(7, f.sent.size(), f.sent.toString());
  }

  @Test
  void closingCancelsThePagesInFlightAndTheyAreNeverSent() {
    FakeFetch f = new FakeFetch(1000, 999);
    List<FutureTask<List<Object[]>>> queued = new ArrayList<>();
    AheadPages p =
        pager(
            f,
            0,
            4,
            c -> {
              FutureTask<List<Object[]>> t = new FutureTask<>(c);
              if (queued.isEmpty()) {
                t.run(); // the page the reader waits for is answered; the one after it is not
              }
              queued.add(t);
              return t;
            });
    p.nextPage(Long.MAX_VALUE);
    // Four pages together (the second answered, the others not yet), then one more for the
    // second handed over; none after the second sent yet.
    p.nextPage(Long.MAX_VALUE);
    assertEquals(5, queued.size());
    p.close();
    for (FutureTask<List<Object[]>> t : queued.subList(1, 5)) {
      assertTrue(t.isCancelled());
      t.run(); // a cancelled task does nothing
    }
    assertEquals(List.of("0/10", "10/10"), f.sent);
  }

  @Test
  void aFailedPageAheadFailsTheReadWithItsOwnException() {
    FakeFetch f = new FakeFetch(1000, Long.MAX_VALUE);
    AheadPages.Fetch failing =
        (start, limit) -> {
          if (start >= 20) {
            throw BinanceException.cancelled("boom at " + start);
          }
          return f.page(start, limit);
        };
    AheadPages p = new AheadPages(0, Long.MAX_VALUE, 1, PAGE, PAGE, 4, failing, NOW);
    p.nextPage(Long.MAX_VALUE);
    p.nextPage(Long.MAX_VALUE);
    BinanceException e = assertThrows(BinanceException.class, () -> p.nextPage(Long.MAX_VALUE));
    assertTrue(e.getMessage().contains("boom at 20"), e.getMessage());
  }

  @Test
  void aLongRoundTripWidensTheWindowBeyondSixteenUpToTheMaximum() {
    // Each answer waited 50 ms for its status line; the reader takes microseconds a page: the
    // pages that cover 50 ms at that pace are more than the maximum, so all 64 go out.
    FakeFetch f = new FakeFetch(2000, 1999);
    AheadPages p = pager(f, 0, 64, NOW).widenWith(() -> 50_000_000L, () -> Integer.MAX_VALUE);
    p.nextPage(Long.MAX_VALUE);
    assertEquals(List.of("0/10"), f.sent, "the first page alone");
    p.nextPage(Long.MAX_VALUE);
    assertEquals(1 + 64 + 1, f.sent.size(), "64 together, one more for the page handed over");
    assertEquals(range(20, 2000), readAll(p, Long.MAX_VALUE));
    assertEquals(200, f.sent.size(), "every page once: " + f.sent);
  }

  @Test
  void theWindowCoversTheWaitAtTheReadersPace() {
    // Pages of 1000: until the reader has read 4 pages its pace is taken as 1 us a row, 1 ms a
    // page, so a 20 ms wait is covered by 20 pages in flight, plus one.
    FakeFetch f = new FakeFetch(100_000, 99_999);
    AheadPages p =
        new AheadPages(0, f.hi, 1, 1000, 1000, 64, f, NOW)
            .widenWith(() -> 20_000_000L, () -> Integer.MAX_VALUE);
    assertEquals(AheadPages.FIRST_SLICE, p.nextPage(Long.MAX_VALUE).size());
    assertEquals(1, f.sent.size(), "the first page alone");
    p.nextPage(Long.MAX_VALUE);
    assertEquals(1 + 21, f.sent.size(), f.sent.toString());
    assertEquals(range(1000, 100_000), readAll(p, Long.MAX_VALUE));
    assertEquals(100, f.sent.size());
  }

  @Test
  void withoutAnAnswerMeasuredTheWindowStaysAtSixteen() {
    // Pages served without a request (from the cache): nothing to size the window with.
    FakeFetch f = new FakeFetch(2000, 1999);
    AheadPages p = pager(f, 0, 64, NOW).widenWith(() -> -1L, () -> Integer.MAX_VALUE);
    p.nextPage(Long.MAX_VALUE);
    p.nextPage(Long.MAX_VALUE);
    assertEquals(1 + AheadPages.BASE + 1, f.sent.size(), f.sent.toString());
  }

  @Test
  void withoutARoundTripToCoverTheWindowStaysAtSixteen() {
    // Every answer came at once (0 ms, as on loopback): 16 in flight, not 64.
    FakeFetch f = new FakeFetch(2000, 1999);
    AheadPages p = pager(f, 0, 64, NOW).widenWith(() -> 0L, () -> Integer.MAX_VALUE);
    p.nextPage(Long.MAX_VALUE);
    p.nextPage(Long.MAX_VALUE);
    assertEquals(1 + AheadPages.BASE + 1, f.sent.size(), f.sent.toString());
    p.nextPage(Long.MAX_VALUE);
    assertEquals(1 + AheadPages.BASE + 2, f.sent.size(), f.sent.toString());
    assertEquals(range(30, 2000), readAll(p, Long.MAX_VALUE));
    assertEquals(200, f.sent.size());
  }

  @Test
  void aMaximumBelowSixteenIsKeptAndALimitStillBoundsTheWindow() {
    FakeFetch f = new FakeFetch(2000, 1999);
    AheadPages p = pager(f, 0, 4, NOW).widenWith(() -> 50_000_000L, () -> Integer.MAX_VALUE);
    p.nextPage(Long.MAX_VALUE);
    p.nextPage(Long.MAX_VALUE);
    assertEquals(1 + 4 + 1, f.sent.size(), f.sent.toString());
    FakeFetch g = new FakeFetch(2000, 1999);
    AheadPages q = pager(g, 0, 64, NOW).widenWith(() -> 50_000_000L, () -> Integer.MAX_VALUE);
    // A LIMIT of 95 rows: the first page, then no more than the 85 rows still wanted ask for.
    assertEquals(range(0, 95), readAll(q, 95));
    assertEquals(10, g.sent.size(), g.sent.toString());
  }

  @Test
  void theWindowBeyondSixteenHoldsAtMostATenthOfTheMinutesWeight() {
    // Pages of historical trades weigh 25: of 6000 a minute, a tenth is 24 pages; klines (2) 300.
    assertEquals(24, AheadPages.weightCap(6000, 25));
    assertEquals(300, AheadPages.weightCap(6000, 2));
    assertEquals(1, AheadPages.weightCap(100, 25));
    FakeFetch f = new FakeFetch(2000, 1999);
    AheadPages p =
        pager(f, 0, 64, NOW).widenWith(() -> 50_000_000L, () -> AheadPages.weightCap(6000, 25));
    p.nextPage(Long.MAX_VALUE);
    p.nextPage(Long.MAX_VALUE);
    assertEquals(1 + 24 + 1, f.sent.size(), f.sent.toString());
    // Never below the 16 of a window that has not widened.
    FakeFetch g = new FakeFetch(2000, 1999);
    AheadPages q = pager(g, 0, 64, NOW).widenWith(() -> 50_000_000L, () -> 1);
    q.nextPage(Long.MAX_VALUE);
    q.nextPage(Long.MAX_VALUE);
    assertEquals(1 + AheadPages.BASE + 1, g.sent.size(), g.sent.toString());
  }

  @Test
  void theWindowBeyondSixteenHoldsAtMostASixteenthOfTheHeap() {
    // 1000 rows of 2 values: 112,000 bytes a page; of 64 MiB a sixteenth holds 37 such pages.
    assertEquals(37, AheadPages.heapPages(64L << 20, 1000, 2));
    // Of 12 values (every kline column): 592,000 bytes, 7 pages.
    assertEquals(7, AheadPages.heapPages(64L << 20, 1000, 12));
    assertEquals(1, AheadPages.heapPages(1 << 20, 1000, 12));
  }
}
