package io.github.binancejdbc.adapter.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.adapter.error.BinanceException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The 24-hour window pager against a fake endpoint: rows {@code {id, time}} filtered by time. */
class WindowPagerTest {
  private static final long DAY = AccountRequests.DAY;

  private static final class FakeFetch implements WindowPager.Fetch {
    final TreeMap<Long, Long> timeToId = new TreeMap<>();
    final List<String> sent = new ArrayList<>();

    @Override
    public List<Object[]> window(long start, long end) {
      sent.add(start + ".." + end);
      List<Object[]> rows = new ArrayList<>();
      for (var e : timeToId.subMap(start, true, end, true).entrySet()) {
        if (rows.size() == AccountRequests.PAGE) {
          break;
        }
        rows.add(new Object[] {e.getValue(), e.getKey()});
      }
      return rows;
    }
  }

  private static List<Long> ids(RowStream s) {
    List<Long> out = new ArrayList<>();
    for (List<Object[]> page; (page = s.nextPage(Long.MAX_VALUE)) != null; ) {
      for (Object[] r : page) {
        out.add((Long) r[0]);
      }
    }
    return out;
  }

  @Test
  void everyWindowOfTheSpanIsAskedOnceInOrder() {
    FakeFetch f = new FakeFetch();
    f.timeToId.put(5L, 1L);
    f.timeToId.put(DAY + 7, 2L);
    RowStream s = WindowPager.splitting(0, 3 * DAY - 1, 0, f, "orders", "order updates");
    assertEquals(List.of(1L, 2L), ids(s));
    assertEquals(
        List.of("0.." + (DAY - 1), DAY + ".." + (2 * DAY - 1), 2 * DAY + ".." + (3 * DAY - 1)),
        f.sent);
  }

  @Test
  void aFullWindowIsSplitInHalvesAndRowsSeenTwiceAreDropped() {
    FakeFetch f = new FakeFetch();
    for (long i = 0; i < 1500; i++) {
      f.timeToId.put(i * 10, i); // 1500 rows in the first 15 seconds
    }
    RowStream s = WindowPager.splitting(0, DAY - 1, 0, f, "orders", "order updates");
    List<Long> ids = ids(s);
    assertEquals(1500, ids.size());
    assertEquals(1500, new java.util.HashSet<>(ids).size(), "no row twice");
    long mid = (DAY - 1) / 2;
    assertEquals(List.of("0.." + (DAY - 1), "0.." + mid), f.sent.subList(0, 2));
    assertEquals(
        (mid + 1) + ".." + (DAY - 1),
        f.sent.get(f.sent.size() - 1),
        "the later half is asked last");
  }

  @Test
  void aFullMillisecondCannotBeSplitAndSaysHowToPage() {
    WindowPager.Fetch full =
        (start, end) -> {
          List<Object[]> rows = new ArrayList<>();
          for (long i = 0; i < AccountRequests.PAGE; i++) {
            rows.add(new Object[] {i, start});
          }
          return rows;
        };
    RowStream s = WindowPager.splitting(0, 0, 0, full, "orders", "order updates");
    BinanceException e = assertThrows(BinanceException.class, () -> s.nextPage(10));
    assertTrue(
        e.getMessage().contains("more than 1000 order updates at one millisecond"), e.getMessage());
  }

  @Test
  void untilRowsAsksQuietDaysThenHandsOverToTheCursor() {
    FakeFetch f = new FakeFetch();
    f.timeToId.put(2 * DAY + 5, 40L);
    List<Long> handedOver = new ArrayList<>();
    RowStream s =
        WindowPager.untilRows(
            0,
            5 * DAY,
            0,
            f,
            last -> {
              handedOver.add((Long) last[0]);
              return RowStream.once(() -> List.<Object[]>of(new Object[] {41L, 2 * DAY + 6}));
            });
    assertEquals(List.of(40L, 41L), ids(s));
    assertEquals(3, f.sent.size(), "two quiet days, then the day with rows: " + f.sent);
    assertEquals(List.of(40L), handedOver);
  }

  @Test
  void untilRowsEndsAfterAShortLastWindowWithoutAnotherRequest() {
    FakeFetch f = new FakeFetch();
    f.timeToId.put(5L, 1L);
    RowStream s =
        WindowPager.untilRows(
            0,
            DAY / 2,
            0,
            f,
            last -> {
              throw new AssertionError("the last window was short: nothing is left");
            });
    assertEquals(List.of(1L), ids(s));
    assertEquals(List.of("0.." + DAY / 2), f.sent);
  }

  @Test
  void closingStopsTheWindowsAndTheContinuation() {
    FakeFetch f = new FakeFetch();
    f.timeToId.put(5L, 1L);
    boolean[] closed = {false};
    RowStream s =
        WindowPager.untilRows(
            0,
            3 * DAY,
            0,
            f,
            last ->
                new RowStream() {
                  @Override
                  public List<Object[]> nextPage(long wanted) {
                    throw new AssertionError("never read");
                  }

                  @Override
                  public void close() {
                    closed[0] = true;
                  }
                });
    assertEquals(1, s.nextPage(5).size());
    s.close();
    assertTrue(closed[0]);
    RowStream t = WindowPager.splitting(0, 3 * DAY, 0, f, "orders", "order updates");
    t.nextPage(5);
    t.close();
    assertNull(t.nextPage(5));
    assertEquals(List.of("0.." + (DAY - 1), "0.." + (DAY - 1)), f.sent);
  }
}
