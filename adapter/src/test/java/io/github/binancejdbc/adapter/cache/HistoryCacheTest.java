package io.github.binancejdbc.adapter.cache;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory cache's segments: disjoint, bounded in bytes, and the row codec's checksum. */
class HistoryCacheTest {
  private static final Series S = Series.of("/api/v3/klines", "symbol", "BTCUSDT");

  /** Rows with keys from..to step 1 in slot 0 and a price in slot 1. */
  private static Segment seg(long from, long to) {
    List<Object[]> rows = new ArrayList<>();
    for (long k = from; k <= to; k++) {
      rows.add(new Object[] {k, new BigDecimal("42000.12345678"), "BTCUSDT", null});
    }
    return new Segment(from, to, 0, rows);
  }

  /** The segment of {@code c} holding {@code key}; fails when none does. */
  private static Segment held(HistoryCache c, long key) {
    return requireNonNull(c.covering(S, key), () -> "no segment holds " + key);
  }

  @Test
  void aSegmentOverAPartHeldIsCutToWhatIsNew() {
    HistoryCache c = new HistoryCache(1 << 20);
    c.put(S, seg(10, 19));
    c.put(S, seg(5, 30));
    Segment first = held(c, 7);
    assertEquals(5, first.from());
    assertEquals(9, first.to(), "cut at the held segment's start");
    assertEquals(5, first.rows().size());
    assertEquals(10, held(c, 19).from());
    assertNull(c.covering(S, 20), "what followed the held segment is dropped, not kept twice");
    assertEquals(10, c.nextStart(S, 9));
    assertEquals(Long.MAX_VALUE, c.nextStart(S, 10));
    c.put(S, seg(15, 40));
    assertEquals(20, held(c, 25).from());
    assertEquals(40, held(c, 25).to());
    assertEquals(List.of(21L, 22L), held(c, 21).rows(21, 22).stream().map(r -> r[0]).toList());
  }

  @Test
  void theCacheIsBoundedInBytes() {
    int one = seg(0, 99).bytes();
    HistoryCache c = new HistoryCache(3L * one + one / 2);
    for (int i = 0; i < 10; i++) {
      c.put(S, seg(i * 100L, i * 100L + 99));
    }
    int held = 0;
    for (int i = 0; i < 10; i++) {
      if (c.covering(S, i * 100L) != null) {
        held++;
      }
    }
    // Caffeine decides which (recency and frequency); the bound holds 3 of 10.
    assertEquals(3, held);
  }

  @Test
  void aCacheOfZeroBytesHoldsNothingAndGrowsWhenAsked() {
    HistoryCache c = HistoryCache.forBaseUrl("http://zero.invalid", 0);
    c.put(S, seg(0, 9));
    assertNull(c.covering(S, 0));
    HistoryCache same = HistoryCache.forBaseUrl("http://zero.invalid", 1 << 20);
    assertTrue(same == c);
    assertEquals(1 << 20, c.maxBytes());
    c.put(S, seg(0, 9));
    assertNotNull(c.covering(S, 0));
  }

  @Test
  void aRecordRoundTripsAndADamagedOneIsRefused() {
    Segment s = seg(3, 5);
    byte[] bytes = requireNonNull(RowCodec.encode(s));
    Segment back = RowCodec.decode(bytes);
    assertEquals(3, back.from());
    assertEquals(5, back.to());
    assertEquals(3, back.rows().size());
    assertEquals(
        List.of(4L, new BigDecimal("42000.12345678"), "BTCUSDT"),
        java.util.Arrays.asList(back.rows().get(1)).subList(0, 3));
    assertNull(back.rows().get(1)[3]);
    bytes[30] ^= 1;
    assertThrows(IllegalArgumentException.class, () -> RowCodec.decode(bytes));
    assertThrows(
        IllegalArgumentException.class,
        () -> RowCodec.decode(java.util.Arrays.copyOf(RowCodec.encode(s), 20)));
  }

  @Test
  void aSegmentReadingItsPageReadsItOnEveryAnswerAndOnlyItsKeys() {
    List<Object[]> page = new ArrayList<>();
    for (long k = 0; k < 10; k++) {
      page.add(new Object[] {k, "row" + k});
    }
    int[] reads = {0};
    Segment s =
        Segment.reading(
            2,
            7,
            0,
            1000,
            () -> {
              reads[0]++;
              return page;
            });
    Segment cut = requireNonNull(s.cut(4, 20));
    assertEquals(0, reads[0], "made and cut without reading the page");
    assertEquals(1064, s.bytes(), "weighed by the bytes it holds");
    assertEquals(1064, cut.bytes(), "a cut holds the same bytes");
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), keys(s.rows()));
    assertEquals(List.of(4L, 5L, 6L, 7L), keys(cut.rows()));
    assertEquals(List.of(5L, 6L), keys(cut.rows(5, 6)));
    assertEquals(List.of(4L, 5L, 6L, 7L), keys(cut.rows(0, 100)), "never beyond its own range");
    assertEquals(4, reads[0], "read again for each answer");
    assertEquals(4, cut.from());
    assertEquals(7, cut.to());
    assertNull(s.cut(8, 9));
    assertEquals("Segment[4..7, read from 1000 bytes]", cut.toString());
    HistoryCache c = new HistoryCache(1 << 20);
    c.put(S, s);
    c.put(S, seg(0, 4));
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), keys(held(c, 3).rows()));
    assertEquals(List.of(0L, 1L), keys(held(c, 1).rows()), "cut before the held segment");
  }

  private static List<Long> keys(List<Object[]> rows) {
    List<Long> k = new ArrayList<>();
    for (Object[] r : rows) {
      k.add((Long) r[0]);
    }
    return k;
  }
}
