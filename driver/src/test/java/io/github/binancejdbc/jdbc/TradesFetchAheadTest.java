package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.LongFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fetching ahead over a range of trade ids and aggregate trade ids: page k+1 starts 1000 ids after
 * page k, so pages are requested before the reader reaches them, and rows still come in order.
 */
class TradesFetchAheadTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  private static final long T0 = 1704067200000L; // 2024-01-01T00:00Z

  @BeforeEach
  void limitsAreKnown() {
    KnownLimits.of(wm.baseUrl());
  }

  private Connection connect(int maxConcurrent) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:binance:?baseUrl="
            + wm.baseUrl()
            + "&maxRetries=0&cacheSize=0&maxConcurrentRequests="
            + maxConcurrent);
  }

  /** A historicalTrades page of {@code limit} trades from id {@code fromId}. */
  private static void tradePage(long fromId, int limit) {
    page(
        "/api/v3/historicalTrades",
        fromId,
        limit,
        id ->
            "{\"id\":"
                + id
                + ",\"price\":"
                + "\"42000.01\",\"qty\":\"0.001\",\"quoteQty\":\"42.00001\",\"time\":"
                + (T0 + id)
                + ",\"isBuyerMaker\":true,\"isBestMatch\":true}");
  }

  /** An aggTrades page of {@code limit} aggregates from id {@code fromId}. */
  private static void aggPage(long fromId, int limit) {
    page(
        "/api/v3/aggTrades",
        fromId,
        limit,
        id ->
            "{\"a\":"
                + id
                + ",\"p\":\"42000.01\","
                + "\"q\":\"0.5\",\"f\":"
                + id * 2
                + ",\"l\":"
                + (id * 2 + 1)
                + ",\"T\":"
                + (T0 + id)
                + ",\"m\":false,\"M\":true}");
  }

  private static void page(String path, long fromId, int limit, LongFunction<String> row) {
    StringBuilder page = new StringBuilder("[");
    for (int i = 0; i < limit; i++) {
      page.append(i == 0 ? "" : ",").append(row.apply(fromId + i));
    }
    wm.stubFor(
        get(urlEqualTo(path + "?symbol=BTCUSDT&fromId=" + fromId + "&limit=" + limit))
            .willReturn(okJson(page.append(']').toString())));
  }

  /** Every trade page of ids 5000..9999. */
  private static void fiveTradePages() {
    for (long from = 5000; from < 10000; from += 1000) {
      tradePage(from, 1000);
    }
  }

  private static ResultSet tradesFrom5000To9999(Connection conn) throws SQLException {
    return conn.createStatement()
        .executeQuery(
            "SELECT trade_id FROM trades"
                + " WHERE symbol = 'BTCUSDT' AND trade_id BETWEEN 5000 AND 9999");
  }

  private static List<String> queries(String path) {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : wm.findAll(getRequestedFor(urlPathEqualTo(path)))) {
      out.add(r.getUrl().substring(r.getUrl().indexOf('?') + 1));
    }
    return out;
  }

  /** The requests sent so far, waiting briefly for pages fetched ahead to arrive. */
  private static List<String> settled(String path, int atLeast) throws InterruptedException {
    for (int i = 0; i < 200 && queries(path).size() < atLeast; i++) {
      Thread.sleep(10);
    }
    Thread.sleep(50); // and nothing more arrives
    return queries(path);
  }

  private static List<Long> ids(ResultSet rs, long max) throws SQLException {
    List<Long> ids = new ArrayList<>();
    while (ids.size() < max && rs.next()) {
      ids.add(rs.getLong(1));
    }
    return ids;
  }

  private static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long k = from; k <= to; k++) {
      out.add(k);
    }
    return out;
  }

  @Test
  void aTradeIdRangeIsFetchedAheadAndReadInOrder() throws Exception {
    fiveTradePages();
    try (Connection conn = connect(8);
        ResultSet rs = tradesFrom5000To9999(conn)) {
      assertEquals(range(5000, 6000), ids(rs, 1001));
      // Asking for the second page sent the third with it, and reading it the rest of the range.
      assertEquals(
          List.of(
              "symbol=BTCUSDT&fromId=5000&limit=1000",
              "symbol=BTCUSDT&fromId=6000&limit=1000",
              "symbol=BTCUSDT&fromId=7000&limit=1000",
              "symbol=BTCUSDT&fromId=8000&limit=1000",
              "symbol=BTCUSDT&fromId=9000&limit=1000"),
          settled("/api/v3/historicalTrades", 5).stream().sorted().toList());
      assertEquals(range(6001, 9999), ids(rs, Long.MAX_VALUE));
    }
    List<String> sent = queries("/api/v3/historicalTrades");
    assertEquals(5, sent.size(), "each page once: " + sent);
    TreeSet<String> expected = new TreeSet<>();
    for (long from = 5000; from < 10000; from += 1000) {
      expected.add("symbol=BTCUSDT&fromId=" + from + "&limit=1000");
    }
    assertEquals(expected, new TreeSet<>(sent));
  }

  @Test
  void aReaderThatTakesFiveTradesAndClosesCostsOneRequest() throws Exception {
    fiveTradePages();
    try (Connection conn = connect(8);
        ResultSet rs = tradesFrom5000To9999(conn)) {
      assertEquals(range(5000, 5004), ids(rs, 5));
    }
    assertEquals(
        List.of("symbol=BTCUSDT&fromId=5000&limit=1000"), settled("/api/v3/historicalTrades", 1));
  }

  @Test
  void aLimitFetchesOnlyThePagesItsRowsNeed() throws Exception {
    tradePage(5000, 1000);
    tradePage(6000, 500);
    try (Connection conn = connect(8);
        ResultSet rs =
            conn.createStatement()
                .executeQuery(
                    "SELECT trade_id FROM trades"
                        + " WHERE symbol = 'BTCUSDT' AND trade_id BETWEEN 5000 AND 9999"
                        + " ORDER BY trade_id LIMIT 1500")) {
      assertEquals(range(5000, 6499), ids(rs, Long.MAX_VALUE));
    }
    assertEquals(
        List.of("symbol=BTCUSDT&fromId=5000&limit=1000", "symbol=BTCUSDT&fromId=6000&limit=500"),
        settled("/api/v3/historicalTrades", 2),
        "the second page asks for the 500 rows the LIMIT still wants");
  }

  private static final List<String> AGG_PAGES =
      List.of(
          "symbol=BTCUSDT&fromId=100&limit=1000",
          "symbol=BTCUSDT&fromId=1100&limit=1000",
          "symbol=BTCUSDT&fromId=2100&limit=500");

  /** Aggregate ids 100..2599: two full pages and one of 500. */
  private static void threeAggPages() {
    aggPage(100, 1000);
    aggPage(1100, 1000);
    aggPage(2100, 500);
  }

  @Test
  void anAggregateIdRangeIsFetchedAheadUpToItsLastIdOnly() throws Exception {
    threeAggPages();
    try (Connection conn = connect(8);
        ResultSet rs =
            conn.createStatement()
                .executeQuery(
                    "SELECT agg_trade_id, first_trade_id"
                        + " FROM agg_trades WHERE symbol = 'BTCUSDT' AND agg_trade_id BETWEEN 100 AND 2599")) {
      List<Long> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getLong(1));
        assertEquals(rs.getLong(1) * 2, rs.getLong(2));
      }
      assertEquals(range(100, 2599), ids);
    }
    assertEquals(new TreeSet<>(AGG_PAGES), new TreeSet<>(settled("/api/v3/aggTrades", 3)));
    assertEquals(3, queries("/api/v3/aggTrades").size());
  }

  @Test
  void oneConcurrentRequestSendsTheSamePagesOneAfterAnother() throws Exception {
    threeAggPages();
    try (Connection conn = connect(1);
        ResultSet rs =
            conn.createStatement()
                .executeQuery(
                    "SELECT agg_trade_id FROM agg_trades"
                        + " WHERE symbol = 'BTCUSDT' AND agg_trade_id BETWEEN 100 AND 2599")) {
      assertEquals(range(100, 2599), ids(rs, Long.MAX_VALUE));
    }
    assertEquals(AGG_PAGES, queries("/api/v3/aggTrades"));
  }

  @Test
  void anOpenEndedRangeIsNotFetchedAhead() throws Exception {
    tradePage(5000, 1000);
    tradePage(6000, 1000);
    wm.stubFor(
        get(urlEqualTo("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=7000&limit=1000"))
            .willReturn(okJson("[]")));
    try (Connection conn = connect(8);
        ResultSet rs =
            conn.createStatement()
                .executeQuery(
                    "SELECT trade_id FROM trades"
                        + " WHERE symbol = 'BTCUSDT' AND trade_id >= 5000")) {
      assertEquals(range(5000, 6999), ids(rs, Long.MAX_VALUE));
      assertFalse(rs.next());
    }
    // The end of the trades is not known in advance: nothing is asked past it.
    assertEquals(
        List.of(
            "symbol=BTCUSDT&fromId=5000&limit=1000",
            "symbol=BTCUSDT&fromId=6000&limit=1000",
            "symbol=BTCUSDT&fromId=7000&limit=1000"),
        settled("/api/v3/historicalTrades", 3));
  }
}
