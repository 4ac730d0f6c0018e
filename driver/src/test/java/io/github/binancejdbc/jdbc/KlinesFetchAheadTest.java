package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.BinanceSchema;
import io.github.binancejdbc.fixture.FixtureData;
import io.github.binancejdbc.fixture.FixtureExchange;
import io.github.binancejdbc.testing.Rows;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fetching klines ahead: read to the end, a closed range of 2,880 one-minute bars (pages of 1000,
 * 1000, 880) asks every page once, as one page after another would ask it; a range open to the
 * present sends no page that starts after the server's present; a closed range whose last page is
 * full asks no page after it. The clock is fixed a minute after the last bar the server has (with
 * no {@code Date} header the server's present is the clock less a minute), so the schema is mounted
 * in Calcite directly, as the driver mounts it.
 */
class KlinesFetchAheadTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  private static final long T0 = FixtureData.KLINES_1M_START;
  private static final long MINUTE = FixtureData.MINUTE;

  private static BinanceConfig config(String baseUrl, int maxConcurrent) {
    return BinanceConfig.newBuilder()
        .baseUrl(baseUrl)
        .maxRetries(0)
        .cacheSizeBytes(0)
        .maxConcurrentRequests(maxConcurrent)
        .clock(Clock.fixed(Instant.ofEpochMilli(T0 + 4880 * MINUTE + 60_000), ZoneOffset.UTC))
        .build();
  }

  /** A Calcite connection with {@code schema} mounted as the driver mounts it. */
  private static Connection mount(BinanceSchema schema) throws Exception {
    Properties props = new Properties();
    props.setProperty("timeZone", "UTC");
    props.setProperty("lex", "JAVA");
    Connection conn = DriverManager.getConnection("jdbc:calcite:", props);
    conn.unwrap(CalciteConnection.class).getRootSchema().add(BinanceSchema.NAME, schema);
    return conn;
  }

  private static List<String> read(String baseUrl, String sql, int maxConcurrent) throws Exception {
    try (BinanceSchema schema = new BinanceSchema(config(baseUrl, maxConcurrent));
        Connection conn = mount(schema)) {
      return Rows.lines(conn, sql);
    }
  }

  /** The query of the page from {@code start}, with no end (a range open to the present). */
  private static String page(long start) {
    return "symbol=BTCUSDT&interval=1m&startTime=" + start + "&limit=1000";
  }

  /** {@code n} one-minute bars from {@code from}, as Binance sends them. */
  private static String bars(long from, int n) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      long t = from + i * MINUTE;
      sb.append(i == 0 ? "[" : ",[").append(t).append(",\"1.5\",\"2\",\"1\",\"1.25\",\"3\",");
      sb.append(t + MINUTE - 1).append(",\"4\",5,\"1\",\"2\",\"0\"]");
    }
    return sb.append(']').toString();
  }

  /** The klines requests WireMock received are {@code pages}, in any order. */
  private static void assertSent(List<String> pages, String what) {
    List<String> sent = new ArrayList<>();
    for (LoggedRequest r : wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/klines")))) {
      sent.add(r.getUrl().substring(r.getUrl().indexOf('?') + 1));
    }
    sent.sort(null);
    List<String> expected = new ArrayList<>(pages);
    expected.sort(null);
    assertEquals(expected, sent, what);
  }

  @Test
  void aRangeOpenToThePresentAsksNoPagePastIt() throws Exception {
    KnownLimits.of(wm.baseUrl());
    // Four full pages and one of 880 bars up to the present; a page starts a millisecond after the
    // last bar of the page before it.
    List<String> pages = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      long start = k == 0 ? T0 : T0 + (1000L * k - 1) * MINUTE + 1;
      pages.add(page(start));
      wm.stubFor(
          get(urlEqualTo("/api/v3/klines?" + page(start)))
              .willReturn(okJson(bars(T0 + 1000L * k * MINUTE, k < 4 ? 1000 : 880))));
    }
    List<String> rows =
        read(
            wm.baseUrl(),
            "SELECT open_time, close_price FROM binance.klines WHERE symbol = 'BTCUSDT'"
                + " AND timeframe = '1m' AND open_time >= TIMESTAMP '2024-01-01 00:00:00'",
            8);
    assertEquals(4880, rows.size());
    Thread.sleep(100); // nothing more arrives
    // Three pages ahead after the third (1, 3, ...): the fourth and fifth, not the sixth, which
    // would start after the present.
    assertSent(pages, "open range");
  }

  /**
   * Stubs 4,000 bars up to a minute before the end of a closed range (four full pages) and returns
   * the queries of those pages.
   */
  private static List<String> fourFullPagesToTheRangeEnd() {
    long end = T0 + 4000 * MINUTE - 1;
    List<String> pages = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      long start = k == 0 ? T0 : T0 + (1000L * k - 1) * MINUTE + 1;
      String q =
          "symbol=BTCUSDT&interval=1m&startTime=" + start + "&endTime=" + end + "&limit=1000";
      pages.add(q);
      wm.stubFor(
          get(urlEqualTo("/api/v3/klines?" + q))
              .willReturn(okJson(bars(T0 + 1000L * k * MINUTE, 1000))));
    }
    return pages;
  }

  @Test
  void aClosedRangeEndingWithAFullPageAsksNothingAfterIt() throws Exception {
    KnownLimits.of(wm.baseUrl());
    // 4,000 bars up to a minute before the end of the range: four full pages, all sent once the
    // reader asks for the second (the range ends before the server's present), and no fifth page,
    // which could hold no bar (the next would open at the range's end).
    List<String> pages = fourFullPagesToTheRangeEnd();
    for (int max : new int[] {1, 8}) {
      wm.resetRequests();
      List<String> rows =
          read(
              wm.baseUrl(),
              "SELECT open_time, close_price FROM binance.klines WHERE symbol = 'BTCUSDT'"
                  + " AND timeframe = '1m' AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
                  + " AND open_time < TIMESTAMP '2024-01-03 18:40:00'",
              max);
      assertEquals(4000, rows.size());
      Thread.sleep(100); // nothing more arrives
      assertSent(pages, "maxConcurrentRequests=" + max);
    }
  }

  @Test
  void theWindowOpensWhenTheReaderReadsPastTheFirstHundredRows() throws Exception {
    KnownLimits.of(wm.baseUrl());
    List<String> pages = fourFullPagesToTheRangeEnd();
    String sql =
        "SELECT open_time FROM binance.klines WHERE symbol = 'BTCUSDT' AND timeframe = '1m'"
            + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
            + " AND open_time < TIMESTAMP '2024-01-03 18:40:00'";
    // Calcite's cursor moves one row ahead of the reader: reading row n asks for row n + 1.
    for (int read : new int[] {99, 101}) {
      wm.resetRequests();
      Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      try (BinanceSchema schema = new BinanceSchema(config(wm.baseUrl(), 8));
          Connection conn = mount(schema);
          ResultSet rs = conn.createStatement().executeQuery(sql)) {
        for (int i = 0; i < read; i++) {
          assertTrue(rs.next());
          assertEquals(T0 + i * MINUTE, rs.getTimestamp(1, utc).getTime());
        }
        Thread.sleep(100); // what was sent has arrived
      }
      // Within the first 100 rows: the first page only. Past them: the reader reads on, and the
      // rest of the range (three pages) goes out while it reads the rest of the first page.
      assertSent(read == 99 ? pages.subList(0, 1) : pages, read + " rows read");
    }
  }

  @Test
  void readToTheEndEveryPageIsAskedOnceAsOneAfterAnotherWouldAskIt() throws Exception {
    try (FixtureExchange exchange = FixtureExchange.start()) {
      String sql =
          "SELECT open_time, close_price FROM binance.klines WHERE symbol = 'BTCUSDT'"
              + " AND timeframe = '1m' AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
              + " AND open_time < TIMESTAMP '2024-01-03 00:00:00'";
      List<String> sequential = read(exchange.baseUrl(), sql, 1);
      List<String> oneByOne = new ArrayList<>(exchange.queries("/api/v3/klines"));
      exchange.resetRequests();
      List<String> ahead = read(exchange.baseUrl(), sql, 8);
      assertEquals(2880, sequential.size());
      assertEquals(sequential, ahead, "the same rows in the same order");
      List<String> sent = new ArrayList<>(exchange.queries("/api/v3/klines"));
      oneByOne.sort(null);
      sent.sort(null);
      assertEquals(oneByOne, sent);
      assertEquals(3, oneByOne.size(), oneByOne.toString());
    }
  }
}
