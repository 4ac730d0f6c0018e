package io.github.binancejdbc.adapter.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The keyed pager against a fake endpoint that answers as Binance's id-cursor endpoints do: rows
 * from the cursor on ({@code fromId} below the first row: from the first row; past the newest:
 * nothing), or the newest rows without a cursor. Each row is {@code {key, time}} with time = key *
 * 10.
 */
class KeyedPagerTest {
  private static final int PAGE = 10;

  private static final class FakeFetch implements KeyedPager.Fetch {
    final TreeMap<Long, Integer> keys = new TreeMap<>(); // key -> rows with that key
    final List<String> sent = new ArrayList<>();

    FakeFetch(long from, long to) {
      for (long k = from; k <= to; k++) {
        keys.put(k, 1);
      }
    }

    @Override
    public List<Object[]> page(Long from, int limit) {
      sent.add(from + "/" + limit);
      List<Object[]> rows = new ArrayList<>();
      if (from == null) { // the newest rows, in key order
        for (long k : keys.descendingKeySet()) {
          if (rows.size() == limit) {
            break;
          }
          rows.add(0, new Object[] {k, k * 10});
        }
        return rows;
      }
      int lists = 0;
      for (var e : keys.tailMap(from, true).entrySet()) {
        if (lists == limit) {
          break;
        }
        lists++;
        for (int i = 0; i < e.getValue(); i++) {
          rows.add(new Object[] {e.getKey(), e.getKey() * 10});
        }
      }
      return rows;
    }
  }

  private static List<Long> read(RowStream p, long wanted) {
    List<Long> keys = new ArrayList<>();
    for (List<Object[]> page;
        keys.size() < wanted && (page = p.nextPage(wanted - keys.size())) != null; ) {
      for (Object[] r : page) {
        if (keys.size() < wanted) {
          keys.add((Long) r[0]);
        }
      }
    }
    return keys;
  }

  private static List<Long> keys(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long k = from; k <= to; k++) {
      out.add(k);
    }
    return out;
  }

  private static List<Long> keysDown(long from, long to) {
    List<Long> out = keys(to, from);
    java.util.Collections.reverse(out);
    return out;
  }

  @Test
  void forwardsEachPageStartsAfterTheLastRowAndAShortPageEndsTheScan() {
    FakeFetch f = new FakeFetch(0, 34);
    KeyedPager p = KeyedPager.forwards(0, PAGE, KeyedPager.Wanted.range(0, Long.MAX_VALUE), 0, f);
    assertEquals(keys(0, 34), read(p, Long.MAX_VALUE));
    assertEquals(List.of("0/10", "10/10", "20/10", "30/10"), f.sent);
    assertNull(p.nextPage(10));
    assertEquals(4, f.sent.size());
  }

  @Test
  void aReaderTakingFiveRowsCostsExactlyOneRequest() {
    FakeFetch f = new FakeFetch(0, 1000);
    KeyedPager p = KeyedPager.forwards(0, PAGE, KeyedPager.Wanted.range(0, Long.MAX_VALUE), 0, f);
    assertEquals(keys(0, 4), read(p, 5));
    p.close();
    assertEquals(List.of("0/5"), f.sent);
  }

  @Test
  void aLimitNeverFetchesBeyondItsRowsAndTheUpperBoundCutsTheLastPage() {
    FakeFetch f = new FakeFetch(0, 1000);
    KeyedPager p = KeyedPager.forwards(0, PAGE, KeyedPager.Wanted.range(3, Long.MAX_VALUE), 3, f);
    assertEquals(keys(3, 27), read(p, 25));
    assertEquals(List.of("3/10", "13/10", "23/5"), f.sent);

    FakeFetch g = new FakeFetch(0, 1000);
    KeyedPager bounded = KeyedPager.forwards(0, PAGE, KeyedPager.Wanted.range(0, 24), 0, g);
    assertEquals(keys(0, 24), read(bounded, Long.MAX_VALUE));
    assertEquals(List.of("0/10", "10/10", "20/5"), g.sent, "nothing asked past the bound");
  }

  @Test
  void fullPagesKeepTheirSizeAndCountingKeysReadsOneListAsOne() {
    FakeFetch f = new FakeFetch(0, 14);
    f.keys.put(3L, 3); // one list of three orders: three rows, one key
    KeyedPager p =
        KeyedPager.forwards(0, PAGE, KeyedPager.Wanted.range(0, 100), 0, f)
            .fullPages(false)
            .countKeys();
    List<Long> rows = read(p, Long.MAX_VALUE);
    assertEquals(17, rows.size());
    assertEquals(List.of("0/10", "10/10"), f.sent, "a page of ten lists is full, five is short");
  }

  @Test
  void aRowPastABoundTheKeyCannotExpressEndsTheScan() {
    FakeFetch f = new FakeFetch(0, 1000);
    RowStream p =
        KeyedPager.forwards(0, PAGE, KeyedPager.Wanted.range(0, Long.MAX_VALUE), 0, f)
            .stopAt(row -> (Long) row[1] > 150); // time = key * 10: key 15 is past
    assertEquals(keys(0, 19), read(p, Long.MAX_VALUE));
    assertEquals(List.of("0/10", "10/10"), f.sent);
  }

  @Test
  void backwardsARowBeforeTheLowerBoundEndsTheScanInEitherOrder() {
    for (boolean reverse : new boolean[] {false, true}) {
      FakeFetch f = new FakeFetch(0, 99);
      RowStream p =
          KeyedPager.backwards(0, PAGE, KeyedPager.Wanted.range(0, Long.MAX_VALUE), 99, reverse, f)
              .stopAt(row -> (Long) row[1] < 850); // time = key * 10: key 84 is before
      List<Long> expected = keys(80, 99);
      if (reverse) {
        java.util.Collections.reverse(expected);
      }
      List<Long> got = read(p, Long.MAX_VALUE);
      if (!reverse) {
        got.sort(null);
      }
      assertEquals(expected, got, "reverse=" + reverse);
      assertEquals(List.of("90/10", "80/10"), f.sent, "reverse=" + reverse);
    }
  }

  @Test
  void anOpeningPageWithoutACursorIsFollowedByTheCursor() {
    FakeFetch f = new FakeFetch(0, 24);
    KeyedPager p =
        KeyedPager.forwards(
                0,
                PAGE,
                KeyedPager.Wanted.range(0, Long.MAX_VALUE),
                0,
                (from, limit) -> from == null ? f.page(7L, limit) : f.page(from, limit))
            .openWithoutCursor(true);
    assertEquals(keys(7, 24), read(p, Long.MAX_VALUE));
    assertEquals(List.of("7/10", "17/10"), f.sent);
  }

  @Test
  void backwardsFromTheNewestEachPageEndsBelowTheFirstRowOfTheLast() {
    FakeFetch f = new FakeFetch(0, 34);
    KeyedPager p =
        KeyedPager.backwards(
            0, PAGE, KeyedPager.Wanted.range(0, Long.MAX_VALUE), Long.MAX_VALUE, true, f);
    assertEquals(keysDown(34, 0), read(p, Long.MAX_VALUE));
    assertEquals(List.of("null/10", "15/10", "5/10", "0/5"), f.sent);
  }

  @Test
  void backwardsACursorPastTheNewestIsRetriedOnceAsTheNewestPage() {
    FakeFetch f = new FakeFetch(0, 34);
    KeyedPager p = KeyedPager.backwards(0, PAGE, KeyedPager.Wanted.range(0, 100), 100, false, f);
    List<Long> rows = read(p, 12);
    assertEquals(List.of(25L, 26L, 27L, 28L, 29L, 30L, 31L, 32L, 33L, 34L, 23L, 24L), rows);
    assertEquals(List.of("91/10", "null/10", "23/2"), f.sent);
  }

  @Test
  void backwardsAPageStartingAboveItsCursorIsTheFirstAndEndsTheScan() {
    FakeFetch f = new FakeFetch(20, 34); // nothing below 20: fromId=5 answers from 20
    KeyedPager p = KeyedPager.backwards(0, PAGE, KeyedPager.Wanted.range(0, 24), 24, true, f);
    assertEquals(keysDown(24, 20), read(p, Long.MAX_VALUE));
    assertEquals(List.of("15/10"), f.sent, "rows past 24 dropped, the scan ends");
  }

  @Test
  void newestThenOlderAsksTheOlderRowsOnlyWhenThePageWasFull() {
    FakeFetch f = new FakeFetch(0, 34);
    List<Long> olderFrom = new ArrayList<>();
    RowStream s =
        KeyedPager.newestThenOlder(
            limit -> f.page(null, limit),
            oldest -> {
              olderFrom.add((Long) oldest[0]);
              return KeyedPager.byId(0, (Long) oldest[0] - 1, 0, f);
            });
    assertEquals(List.of(34L, 33L, 32L, 31L, 30L), read(s, 5));
    assertEquals(List.of(30L), olderFrom);
    FakeFetch g = new FakeFetch(0, 3);
    RowStream short_ =
        KeyedPager.newestThenOlder(
            limit -> g.page(null, limit),
            oldest -> {
              throw new AssertionError("a short newest page holds every row");
            });
    assertEquals(List.of(3L, 2L, 1L, 0L), read(short_, 5));
  }
}
