package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.binancejdbc.jdbc.AccountFixtures.array;
import static io.github.binancejdbc.jdbc.AccountFixtures.order;
import static io.github.binancejdbc.jdbc.AccountFixtures.trade;
import static io.github.binancejdbc.jdbc.PushdownTest.ticker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Joins that carry their keys: a table that needs a key (klines' symbol, my_trades' order) takes it
 * from the other side's rows, and each query sends what a program written by hand would, with the
 * exact query strings.
 */
class LookupJoinTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  static final String API_KEY = "test-api-key-0123456789";
  static final String SECRET = "test-secret-key-S3CR3T-abcdef";
  static final long JAN_1 = 1704067200000L; // 2024-01-01T00:00Z
  static final long MAR_1 = 1709251200000L; // 2024-03-01T00:00Z
  static final long DAY = AccountFixtures.DAY;

  private Connection conn;

  /** This class counts requests: the limits are known up front (see {@link KnownLimits}). */
  @BeforeEach
  void connect() throws SQLException {
    KnownLimits.of(wm.baseUrl());
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/time")).willReturn(okJson("{\"serverTime\":" + MAR_1 + "}")));
    Properties p = new Properties();
    p.setProperty("apiKey", API_KEY);
    p.setProperty("secretKey", SECRET);
    // Each test stubs its own history on one base URL: no rows kept between tests.
    conn =
        DriverManager.getConnection(
            "jdbc:binance:?baseUrl=" + wm.baseUrl() + "&maxRetries=0&cacheSize=0", p);
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private static void stub(String url, String body) {
    wm.stubFor(get(urlEqualTo(url)).willReturn(okJson(body)));
  }

  /** A signed request, matched on its query string up to the signed part. */
  private static void stubSigned(String path, String query, String body) {
    wm.stubFor(
        get(urlPathEqualTo(path))
            .withHeader("X-MBX-APIKEY", equalTo(API_KEY))
            .withQueryParams(params(query))
            .willReturn(okJson(body)));
  }

  private static java.util.Map<String, com.github.tomakehurst.wiremock.matching.StringValuePattern>
      params(String query) {
    java.util.Map<String, com.github.tomakehurst.wiremock.matching.StringValuePattern> m =
        new java.util.LinkedHashMap<>();
    for (String kv : query.split("&", -1)) {
      int eq = kv.indexOf('=');
      m.put(kv.substring(0, eq), equalTo(kv.substring(eq + 1)));
    }
    return m;
  }

  /** The query strings sent to {@code path}, in order, cut before the signed part. */
  private static List<String> queries(String path) {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : wm.findAll(getRequestedFor(urlPathEqualTo(path)))) {
      String q = r.getUrl().substring(r.getUrl().indexOf('?') + 1);
      int signed = q.indexOf("&recvWindow=");
      out.add(signed < 0 ? q : q.substring(0, signed));
    }
    return out;
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          cells.add(rs.getString(i));
        }
        out.add(String.join("|", cells));
      }
    }
    return out;
  }

  private String plan(String sql) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  // ---- orders JOIN my_trades -------------------------------------------------------------------

  private static final String ORDERS_AND_FILLS =
      "SELECT o.order_id, o.status, t.trade_id FROM orders o"
          + " JOIN my_trades t ON t.order_id = o.order_id AND t.symbol = o.symbol"
          + " WHERE o.symbol = 'ETHUSDT' ORDER BY t.trade_id";

  @Test
  void fewOrdersGetTheirFillsByOrderId() throws SQLException {
    stubSigned(
        "/api/v3/allOrders",
        "symbol=ETHUSDT&orderId=0&limit=1000",
        array(
            order("ETHUSDT", 11, JAN_1, JAN_1, "FILLED"),
            order("ETHUSDT", 12, JAN_1 + 1000, JAN_1 + 2000, "FILLED"),
            order("ETHUSDT", 13, JAN_1 + 3000, JAN_1 + 3000, "CANCELED")));
    stubSigned(
        "/api/v3/myTrades",
        "symbol=ETHUSDT&orderId=11&limit=1000",
        array(trade("ETHUSDT", 501, 11, JAN_1)));
    stubSigned(
        "/api/v3/myTrades",
        "symbol=ETHUSDT&orderId=12&limit=1000",
        array(trade("ETHUSDT", 502, 12, JAN_1 + 1500), trade("ETHUSDT", 503, 12, JAN_1 + 2000)));
    stubSigned("/api/v3/myTrades", "symbol=ETHUSDT&orderId=13&limit=1000", "[]");

    assertEquals(
        List.of("11|FILLED|501", "12|FILLED|502", "12|FILLED|503"), rows(ORDERS_AND_FILLS));
    // What a program would send: the orders, then the fills of each (weight 20 + 3 x 5).
    assertEquals(List.of("symbol=ETHUSDT&orderId=0&limit=1000"), queries("/api/v3/allOrders"));
    assertEquals(
        List.of(
            "symbol=ETHUSDT&orderId=11&limit=1000",
            "symbol=ETHUSDT&orderId=12&limit=1000",
            "symbol=ETHUSDT&orderId=13&limit=1000"),
        queries("/api/v3/myTrades"));
  }

  @Test
  void manyOrdersReadTheSymbolsFillsOnce() throws SQLException {
    List<String> orders = new ArrayList<>();
    List<String> fills = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      orders.add(order("ETHUSDT", 20 + i, JAN_1 + i * 1000L, JAN_1 + i * 1000L, "FILLED"));
      fills.add(trade("ETHUSDT", 600 + i, 20 + i, JAN_1 + i * 1000L));
    }
    fills.add(trade("ETHUSDT", 610, 99, JAN_1 + 9000)); // an order the query does not read
    stubSigned(
        "/api/v3/allOrders",
        "symbol=ETHUSDT&orderId=0&limit=1000",
        array(orders.toArray(String[]::new)));
    stubSigned(
        "/api/v3/myTrades",
        "symbol=ETHUSDT&fromId=0&limit=1000",
        array(fills.toArray(String[]::new)));

    assertEquals(
        List.of(
            "20|FILLED|600",
            "21|FILLED|601",
            "22|FILLED|602",
            "23|FILLED|603",
            "24|FILLED|604",
            "25|FILLED|605"),
        rows(ORDERS_AND_FILLS));
    // Six orders by orderId would weigh 30; one page of the symbol's fills weighs 20.
    assertEquals(List.of("symbol=ETHUSDT&fromId=0&limit=1000"), queries("/api/v3/myTrades"));
    assertEquals(1, queries("/api/v3/allOrders").size());
  }

  // ---- symbols JOIN klines
  // -----------------------------------------------------------------------

  @Test
  void klinesTakeTheirSymbolsFromTheSymbolsTable() throws SQLException {
    stub("/api/v3/exchangeInfo", RealPayloadsTest.EXCHANGE_INFO);
    for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
      stub(
          "/api/v3/klines?symbol="
              + symbol
              + "&interval=1d&startTime="
              + JAN_1
              + "&endTime="
              + (JAN_1 + 2 * DAY)
              + "&limit=1000",
          Bars.klines(JAN_1, 3, DAY));
    }
    String sql =
        "SELECT s.symbol, k.open_time, k.close_price FROM symbols s"
            + " JOIN klines k ON k.symbol = s.symbol"
            + " WHERE s.quote_asset = 'USDT' AND k.timeframe = '1d'"
            + " AND k.open_time BETWEEN TIMESTAMP '2024-01-01 00:00:00'"
            + " AND TIMESTAMP '2024-01-03 00:00:00' ORDER BY s.symbol, k.open_time";
    assertTrue(plan(sql).contains("BinanceLookupJoin"), plan(sql));
    List<String> rows = rows(sql);
    assertEquals(6, rows.size());
    assertEquals("BTCUSDT|2024-01-01 00:00:00", rows.get(0).substring(0, 27));
    assertEquals("ETHUSDT|2024-01-03 00:00:00", rows.get(5).substring(0, 27));
    // One stream per symbol, as a program looping over the symbols would send.
    assertEquals(
        List.of(
            "symbol=BTCUSDT&interval=1d&startTime="
                + JAN_1
                + "&endTime="
                + (JAN_1 + 2 * DAY)
                + "&limit=1000",
            "symbol=ETHUSDT&interval=1d&startTime="
                + JAN_1
                + "&endTime="
                + (JAN_1 + 2 * DAY)
                + "&limit=1000"),
        queries("/api/v3/klines"));
    assertEquals(1, queries("/api/v3/exchangeInfo").size());
  }

  // ---- ticker_24hr JOIN symbols
  // ------------------------------------------------------------------

  @Test
  void tickersOfTheJoinedSymbolsAreOneSymbolsRequest() throws SQLException {
    stub("/api/v3/exchangeInfo", RealPayloadsTest.EXCHANGE_INFO);
    stub(
        "/api/v3/ticker/24hr?symbols=%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D",
        array(ticker("BTCUSDT", "42000.10"), ticker("ETHUSDT", "2200.5")));
    assertEquals(
        List.of("BTCUSDT|42000.10", "ETHUSDT|2200.5"),
        rows(
            "SELECT t.symbol, t.last_price FROM ticker_24hr t JOIN symbols s ON t.symbol = s.symbol"
                + " WHERE s.quote_asset = 'USDT' ORDER BY t.symbol"));
    // Weight 2 (1 to 20 symbols), not 80 for every ticker.
    assertEquals(
        List.of("symbols=%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D"), queries("/api/v3/ticker/24hr"));

    assertEquals(
        List.of(),
        rows(
            "SELECT t.symbol FROM ticker_24hr t JOIN symbols s ON t.symbol = s.symbol"
                + " WHERE s.quote_asset = 'BTC'"));
    assertEquals(1, queries("/api/v3/ticker/24hr").size(), "no symbol, no ticker request");
  }

  @Test
  void oneJoinedSymbolIsOneSymbolRequest() throws SQLException {
    stub("/api/v3/exchangeInfo?symbol=BTCUSDT", RealPayloadsTest.EXCHANGE_INFO);
    stub("/api/v3/ticker/24hr?symbol=BTCUSDT", ticker("BTCUSDT", "42000.10"));
    assertEquals(
        List.of("BTCUSDT|42000.10"),
        rows(
            "SELECT t.symbol, t.last_price FROM ticker_24hr t JOIN symbols s ON t.symbol = s.symbol"
                + " WHERE s.symbol = 'BTCUSDT'"));
    assertEquals(List.of("symbol=BTCUSDT"), queries("/api/v3/ticker/24hr")); // weight 2
  }

  @Test
  void aKeyThatNoSideCanGiveIsRefusedWithTheMissingKeyNamed() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                rows(
                    "SELECT k.open_time FROM klines k JOIN ticker_24hr t ON k.close_price = t.last_price"
                        + " WHERE k.timeframe = '1d'"));
    assertEquals("0A000", e.getSQLState());
    assertTrue(e.getMessage().contains("klines needs symbol"), e.getMessage());
    assertEquals(0, wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/klines"))).size());
  }
}
