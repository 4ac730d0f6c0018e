package io.github.binancejdbc.adapter.table;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.github.binancejdbc.adapter.cache.History;
import io.github.binancejdbc.adapter.cache.Segment;
import io.github.binancejdbc.adapter.cache.Series;
import io.github.binancejdbc.adapter.client.BodyReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page a forward scan with the cache on reads: only the query's columns and the close time
 * built for the reader, the closed bars kept as the page's bytes, from which a later answer reads
 * every column exactly as the whole-page read of before did.
 */
class KlineRowsTest {
  private static final JsonFactory JSON = new JsonFactory();
  private static final long MIN = 60_000L;
  private static final long T0 = 1_700_000_040_000L - 1_700_000_040_000L % MIN;

  /** {@code n} one-minute bars from T0, with a trade count field written as {@code count}. */
  private static String page(int n, String count) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      long open = T0 + i * MIN;
      b.append(i == 0 ? "" : ",")
          .append('[')
          .append(open)
          .append(",\"1.0")
          .append(i)
          .append("\",\"2.00000000\",\"0.5\",\"1.50")
          .append(i)
          .append("\",\"10.25\",")
          .append(open + MIN - 1)
          .append(",\"15.375\",")
          .append(count)
          .append(",\"5.5\",\"8.25\",\"0\"]");
    }
    return b.append(']').toString();
  }

  /** open time and close price: what a query of those two columns needs. */
  private static boolean[] openAndClosePrice() {
    boolean[] need = new boolean[11];
    need[0] = true;
    need[4] = true;
    return need;
  }

  private static List<Object[]> everyColumn(String body) throws IOException {
    boolean[] all = new boolean[11];
    Arrays.fill(all, true);
    try (JsonParser p = JSON.createParser(body.getBytes(UTF_8))) {
      return KlineRows.read(p, "BTCUSDT", "1m", "0", all);
    }
  }

  private static KlineRows.Page read(String body, long serverTime) throws IOException {
    BodyReader.Bytes<KlineRows.Page> reader =
        KlineRows.keepingReader("BTCUSDT", "1m", "0", openAndClosePrice(), serverTime);
    byte[] b = body.getBytes(UTF_8);
    KlineRows.Page page = reader.fromBytes(b, b.length);
    if (page != null) {
      return page;
    }
    try (JsonParser p = JSON.createParser(b)) {
      return reader.read(p);
    }
  }

  @Test
  void aKeptPageAnswersEveryColumnAsTheWholePageReadDid() throws IOException {
    String body = page(5, "308");
    // The server's time is past the fourth bar's close: bars 0..3 are closed, the fifth is open.
    long serverTime = T0 + 4 * MIN + 10;
    KlineRows.Page page = read(body, serverTime);
    assertNotNull(page.body(), "the bytes kept");
    Object[] first = page.rows().get(0);
    assertEquals(T0, first[KlinesTable.OPEN_TIME]);
    assertEquals(new BigDecimal("1.500"), first[7], "close price built");
    assertEquals(T0 + MIN - 1, first[9], "close time built: it tells a closed bar");
    assertNull(first[4], "open price not built");
    assertNull(first[11], "trade count not built");
    assertEquals(serverTime, page.serverTime(), "the time the page was asked at travels with it");
    Segment kept =
        KlineRows.closedPart(T0, Long.MAX_VALUE, 1000, page.rows(), page, "1m", "BTCUSDT", "0");
    Segment before =
        KlineRows.closedPart(T0, Long.MAX_VALUE, 1000, everyColumn(body), serverTime, "1m");
    assertEquals(before.from(), kept.from());
    assertEquals(T0 + 4 * MIN - 1, kept.to(), "up to the open bar");
    assertEquals(before.to(), kept.to());
    List<Object[]> expected = before.rows();
    List<Object[]> actual = kept.rows();
    assertEquals(4, actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), "bar " + i);
      for (int c = 0; c < expected.get(i).length; c++) {
        if (expected.get(i)[c] instanceof BigDecimal d) {
          assertEquals(d.scale(), ((BigDecimal) actual.get(i)[c]).scale(), "scale, bar " + i);
        }
      }
    }
    assertEquals(
        List.of(T0 + MIN, T0 + 2 * MIN),
        Arrays.asList(kept.rows(T0 + MIN, T0 + 2 * MIN).stream().map(r -> r[3]).toArray()));
  }

  @Test
  void aPageOnlyJacksonReadsIsKeptAsRows() throws IOException {
    // An escape in a string the fast reader declines: Jackson reads the page, every column built.
    String body = page(3, "308").replace("\"0\"]", "\"\\u0030\"]");
    KlineRows.Page page = read(body, T0 + 10 * MIN);
    assertNull(page.body(), "no bytes kept");
    assertEquals(308L, page.rows().get(0)[11], "every column built");
    Segment kept =
        KlineRows.closedPart(T0, Long.MAX_VALUE, 1000, page.rows(), page, "1m", "BTCUSDT", "0");
    assertEquals(3, kept.rows().size());
    assertSame(page.rows().get(0), kept.rows().get(0), "the rows themselves");
  }

  @Test
  void aKeptPageWhoseOtherColumnsCannotBeReadIsDroppedAndFetchedAgain(@TempDir Path dir)
      throws IOException {
    // A trade count that is no number: the query's columns read, the count only when all are.
    String body = page(3, "\"abc\"");
    KlineRows.Page page = read(body, T0 + 10 * MIN);
    assertNotNull(page.body());
    assertEquals(3, page.rowCount(), "the request log's row count");
    Segment kept =
        KlineRows.closedPart(T0, Long.MAX_VALUE, 1000, page.rows(), page, "1m", "BTCUSDT", "0");
    Segment.Unreadable e = assertThrows(Segment.Unreadable.class, kept::rows);
    assertEquals("A kept page of BTCUSDT 1m klines cannot be read again", e.getMessage());
    // Held in memory, it is dropped at the first answer and its keys fetched from the gap.
    Series series = Series.of("/api/v3/klines", "symbol", "UNREADABLE" + System.nanoTime());
    History history = new History("http://unreadable-" + System.nanoTime(), 1 << 20, null);
    history.put(series, kept);
    assertNotNull(history.covering(series, T0 + MIN));
    int[] opened = {0};
    List<Object[]> fetched = everyColumn(page(3, "308"));
    CachedPages pages =
        new CachedPages(
            history,
            series,
            T0,
            T0 + 2 * MIN,
            1000 * MIN,
            (from, to) -> {
              opened[0]++;
              assertEquals(T0, from, "the gap starts at the dropped segment's first key");
              return new RowStream() {
                private boolean given;

                @Override
                public List<Object[]> nextPage(long wanted) {
                  if (given) {
                    return null;
                  }
                  given = true;
                  return fetched;
                }

                @Override
                public void close() {}
              };
            },
            (from, to, rows, fromArchive) -> {
              throw new AssertionError("nothing is served from the cache");
            });
    assertSame(fetched, pages.nextPage(Long.MAX_VALUE));
    assertNull(pages.nextPage(Long.MAX_VALUE));
    assertEquals(1, opened[0]);
    assertNull(history.covering(series, T0 + MIN), "dropped");
    // With an archive, a page that cannot be read is not kept at all; a readable one is, as rows.
    History archived =
        new History("http://unreadable-archive-" + System.nanoTime(), 1 << 20, dir.toString());
    try {
      archived.put(series, kept);
      assertNull(archived.covering(series, T0 + MIN));
      KlineRows.Page good = read(page(3, "308"), T0 + 10 * MIN);
      archived.put(
          series,
          KlineRows.closedPart(T0, Long.MAX_VALUE, 1000, good.rows(), good, "1m", "BTCUSDT", "0"));
      Segment held = archived.covering(series, T0 + MIN).segment();
      assertFalse(held.reads(), "built before it is written");
      assertEquals(308L, held.rows().get(0)[11]);
    } finally {
      archived.close();
    }
  }

  @Test
  void aPageOfEveryColumnIsKeptAsRows() throws IOException {
    boolean[] all = new boolean[11];
    Arrays.fill(all, true);
    byte[] b = page(2, "308").getBytes(UTF_8);
    KlineRows.Page page =
        KlineRows.keepingReader("BTCUSDT", "1m", "0", all, T0 + 10 * MIN).fromBytes(b, b.length);
    assertNotNull(page);
    assertNull(page.body(), "SELECT *: nothing to read again");
    Segment kept =
        KlineRows.closedPart(T0, Long.MAX_VALUE, 1000, page.rows(), page, "1m", "BTCUSDT", "0");
    assertFalse(kept.reads());
    assertSame(page.rows().get(1), kept.rows().get(1));
  }
}
