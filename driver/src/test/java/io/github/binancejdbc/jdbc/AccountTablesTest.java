package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.binancejdbc.jdbc.AccountFixtures.DAY;
import static io.github.binancejdbc.jdbc.AccountFixtures.HOUR;
import static io.github.binancejdbc.jdbc.AccountFixtures.array;
import static io.github.binancejdbc.jdbc.AccountFixtures.order;
import static io.github.binancejdbc.jdbc.AccountFixtures.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.binancejdbc.testing.WireMocks;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The signed account tables through JDBC against a fixture server: rows and types, the exact
 * requests (query string up to the signed part, which varies), how many, and the API key header.
 */
class AccountTablesTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  /** This class counts requests: the limits are known up front (see {@link KnownLimits}). */
  @BeforeEach
  void limitsAreKnown() {
    KnownLimits.of(wm.baseUrl());
  }

  static final String API_KEY = "test-api-key-0123456789";
  static final String SECRET = "test-secret-key-S3CR3T-abcdef";
  static final long JAN_1 = 1704067200000L; // 2024-01-01T00:00Z
  static final long MAR_1 = 1709251200000L; // 2024-03-01T00:00Z

  private Connection conn;

  @BeforeEach
  void connect() throws SQLException {
    serverTime(MAR_1);
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

  /** The server's clock, which is "now" for windows that run to the present. */
  private static void serverTime(long millis) {
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/time")).willReturn(okJson("{\"serverTime\":" + millis + "}")));
  }

  private static void stub(MappingBuilder request, String body) {
    wm.stubFor(request.willReturn(okJson(body)));
  }

  private static MappingBuilder signedGet(String path) {
    return get(urlPathEqualTo(path)).withHeader("X-MBX-APIKEY", equalTo(API_KEY));
  }

  /**
   * The query strings sent to {@code path}, in order, each cut before {@code recvWindow}; checks
   * that each one ends with the signed part and carried the API key.
   */
  private static List<String> queries(String path) {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : wm.findAll(getRequestedFor(urlPathEqualTo(path)))) {
      String url = r.getUrl();
      String q = url.substring(url.indexOf('?') + 1);
      int signed = q.indexOf("recvWindow=");
      assertTrue(signed >= 0, url);
      assertTrue(
          q.substring(signed)
              .matches("recvWindow=5000&timestamp=\\d{13}&signature=[0-9a-fA-F]{64}"),
          url);
      assertEquals(API_KEY, r.getHeader("X-MBX-APIKEY"), url);
      out.add(signed == 0 ? "" : q.substring(0, signed - 1));
    }
    return out;
  }

  private List<Long> longs(String sql, String column) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getLong(column));
      }
    }
    return out;
  }

  private SQLException failure(Connection c, String sql) {
    return assertThrows(
        SQLException.class,
        () -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
              // read all
            }
          }
        });
  }

  // ---- account, account_balances -------------------------------------------------------------

  @Test
  void accountIsOneRowWithCommissionsFlagsAndPermissions() throws SQLException {
    stub(signedGet("/api/v3/account"), AccountFixtures.account());
    try (ResultSet rs = conn.createStatement().executeQuery("SELECT * FROM account")) {
      assertTrue(rs.next());
      assertEquals(10, rs.getInt("maker_commission"));
      assertEquals(0, rs.getInt("seller_commission"));
      assertEquals(new BigDecimal("0.00100000"), rs.getBigDecimal("taker_commission_rate"));
      assertTrue(rs.getBoolean("can_trade"));
      assertFalse(rs.getBoolean("can_withdraw"));
      assertFalse(rs.getBoolean("prevent_sor"));
      assertEquals(1701856395927L, rs.getObject("update_time", Instant.class).toEpochMilli());
      assertEquals("SPOT", rs.getString("account_type"));
      assertEquals("SPOT,TRD_GRP_005", rs.getString("permissions"));
      assertEquals(365859102L, rs.getLong("uid"));
      assertNull(rs.getObject("trade_group_id"));
      assertFalse(rs.next());
    }
    assertEquals(List.of(""), queries("/api/v3/account"));
  }

  @Test
  void accountAndBalancesInOneStatementAreOneRequest() throws SQLException {
    stub(signedGet("/api/v3/account"), AccountFixtures.account());
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT a.account_type, b.asset,"
                    + " b.total_qty FROM account a CROSS JOIN account_balances b ORDER BY b.asset")) {
      assertTrue(rs.next());
      assertEquals("SPOT", rs.getString(1));
      assertEquals("BTC", rs.getString(2));
      assertEquals(new BigDecimal("1.00000053"), rs.getBigDecimal(3));
      assertTrue(rs.next());
      assertEquals("ETH", rs.getString(2));
    }
    assertEquals(List.of(""), queries("/api/v3/account"));
    // A second statement asks again: balances are live.
    try (ResultSet rs =
        conn.createStatement().executeQuery("SELECT COUNT(*) FROM account_balances")) {
      assertTrue(rs.next());
    }
    assertEquals(List.of("", ""), queries("/api/v3/account"));
  }

  @Test
  void balancesAreExactAndAnAssetFiltersTheSameRequest() throws SQLException {
    stub(signedGet("/api/v3/account"), AccountFixtures.account());
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT asset, free_qty, locked_qty, total_qty FROM account_balances ORDER BY asset")) {
      assertTrue(rs.next());
      assertEquals("BTC", rs.getString(1));
      assertEquals(new BigDecimal("0.00000053"), rs.getBigDecimal(2));
      assertEquals(new BigDecimal("1.00000053"), rs.getBigDecimal(4));
      assertTrue(rs.next());
      assertEquals("ETH", rs.getString(1));
      assertEquals(0, BigDecimal.ZERO.compareTo(rs.getBigDecimal(4)));
      assertTrue(rs.next());
      assertEquals("LTC", rs.getString(1));
      assertFalse(rs.next());
    }
    assertEquals(
        new BigDecimal("0.91974100"),
        firstDecimal("SELECT free_qty FROM account_balances WHERE asset = 'LTC'"));
    assertEquals(List.of("", ""), queries("/api/v3/account"));
  }

  private BigDecimal firstDecimal(String sql) throws SQLException {
    try (ResultSet rs = conn.createStatement().executeQuery(sql)) {
      assertTrue(rs.next());
      BigDecimal v = rs.getBigDecimal(1);
      assertFalse(rs.next());
      return v;
    }
  }

  // ---- orders --------------------------------------------------------------------------------

  @Test
  void clientOrderIdEqualityIsOneGetOrderEach() throws SQLException {
    stub(
        signedGet("/api/v3/order").withQueryParam("origClientOrderId", equalTo("abc")),
        "{\"symbol\":\"ETHUSDT\",\"orderId\":7,\"orderListId\":-1,\"clientOrderId\":\"abc\","
            + "\"price\":\"1.00000000\",\"origQty\":\"1.00000000\",\"executedQty\":\"0.00000000\","
            + "\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"NEW\",\"timeInForce\":\"GTC\","
            + "\"type\":\"LIMIT\",\"side\":\"BUY\",\"stopPrice\":\"0.00000000\","
            + "\"icebergQty\":\"0.00000000\",\"time\":1679571174472,\"updateTime\":1679571174472,"
            + "\"isWorking\":true,\"workingTime\":1679571174472,\"origQuoteOrderQty\":\"0.00000000\","
            + "\"selfTradePreventionMode\":\"NONE\"}");
    wm.stubFor(
        signedGet("/api/v3/order")
            .withQueryParam("origClientOrderId", equalTo("gone"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(400)
                    .withBody("{\"code\":-2013,\"msg\":\"Order does not exist.\"}")));
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT order_id, client_order_id"
                    + " FROM orders WHERE symbol = 'ETHUSDT' AND client_order_id IN ('abc', 'gone')")) {
      assertTrue(rs.next());
      assertEquals(7L, rs.getLong(1));
      assertEquals("abc", rs.getString(2));
      assertFalse(rs.next());
    }
    assertEquals(
        List.of("symbol=ETHUSDT&origClientOrderId=abc", "symbol=ETHUSDT&origClientOrderId=gone"),
        queries("/api/v3/order"));
    assertTrue(queries("/api/v3/allOrders").isEmpty());
  }

  @Test
  void orderIdEqualityIsOneGetOrder() throws SQLException {
    // Shape of a real FILLED market order (ccxt recording), with the ids as JSON strings.
    stub(
        signedGet("/api/v3/order"),
        "{\"symbol\":\"BTCUSDT\",\"orderId\":\"123\","
            + "\"orderListId\":\"-1\",\"clientOrderId\":\"x-R4BD3S825806ed40c861260428a48c\","
            + "\"price\":\"0.00000000\",\"origQty\":\"0.10000000\",\"executedQty\":\"0.10000000\","
            + "\"cummulativeQuoteQty\":\"9.08000000\",\"status\":\"FILLED\",\"timeInForce\":\"GTC\","
            + "\"type\":\"MARKET\",\"side\":\"SELL\",\"stopPrice\":\"0.00000000\","
            + "\"icebergQty\":\"0.00000000\",\"time\":\"1679571174472\","
            + "\"updateTime\":\"1679571174472\",\"isWorking\":true,\"workingTime\":\"1679571174472\","
            + "\"origQuoteOrderQty\":\"0.00000000\",\"selfTradePreventionMode\":\"NONE\"}");
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery("SELECT * FROM orders WHERE symbol = 'BTCUSDT' AND order_id = 123")) {
      assertTrue(rs.next());
      assertEquals(123L, rs.getLong("order_id"));
      assertEquals(-1L, rs.getLong("order_list_id"));
      assertEquals("FILLED", rs.getString("status"));
      assertEquals("MARKET", rs.getString("order_type"));
      assertEquals(new BigDecimal("9.08000000"), rs.getBigDecimal("cumulative_quote_qty"));
      assertEquals(1679571174472L, rs.getObject("order_time", Instant.class).toEpochMilli());
      assertEquals("NONE", rs.getString("self_trade_prevention_mode"));
      assertNull(rs.getObject("trailing_delta"));
      assertFalse(rs.next());
    }
    assertEquals(List.of("symbol=BTCUSDT&orderId=123"), queries("/api/v3/order"));
    assertTrue(queries("/api/v3/allOrders").isEmpty());
  }

  @Test
  void anOrderThatDoesNotExistIsNoRow() throws SQLException {
    wm.stubFor(
        signedGet("/api/v3/order")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":-2013,\"msg\":\"Order does not exist.\"}")));
    assertEquals(
        List.of(),
        longs("SELECT order_id FROM orders WHERE symbol = 'BTCUSDT' AND order_id = 7", "order_id"));
  }

  @Test
  void anInclusiveUpperBoundOnADayBoundarySendsNoOneMillisecondWindow() throws SQLException {
    for (int d = 0; d < 2; d++) {
      long start = JAN_1 + d * DAY;
      stub(
          signedGet("/api/v3/allOrders").withQueryParam("startTime", equalTo("" + start)),
          array(order("BTCUSDT", 10 + d, start + HOUR, start + HOUR, "NEW")));
    }
    assertEquals(
        List.of(10L, 11L),
        longs(
            "SELECT order_id FROM orders WHERE symbol = 'BTCUSDT'"
                + " AND update_time BETWEEN TIMESTAMP '2024-01-01 00:00:00'"
                + " AND TIMESTAMP '2024-01-03 00:00:00'",
            "order_id"));
    assertEquals(
        List.of(
            "symbol=BTCUSDT&startTime=" + JAN_1 + "&endTime=" + (JAN_1 + DAY - 1) + "&limit=1000",
            "symbol=BTCUSDT&startTime="
                + (JAN_1 + DAY)
                + "&endTime="
                + (JAN_1 + 2 * DAY)
                + "&limit=1000"),
        queries("/api/v3/allOrders"));
  }

  @Test
  void updateTimeRangeOfThreeDaysIsThreeWindowsFetchedLazily() throws SQLException {
    for (int d = 0; d < 3; d++) {
      long start = JAN_1 + d * DAY;
      stub(
          signedGet("/api/v3/allOrders").withQueryParam("startTime", equalTo("" + start)),
          array(
              order("BTCUSDT", 10 + d, start - HOUR, start + HOUR, "FILLED"),
              order("BTCUSDT", 20 + d, start + 2 * HOUR, start + 2 * HOUR, "NEW")));
    }
    String sql =
        "SELECT order_id, update_time FROM orders WHERE symbol = 'BTCUSDT'"
            + " AND update_time >= TIMESTAMP '2024-01-01 00:00:00'"
            + " AND update_time < TIMESTAMP '2024-01-04 00:00:00'";
    try (ResultSet rs = conn.createStatement().executeQuery(sql)) {
      assertTrue(rs.next());
      assertEquals(10L, rs.getLong(1));
    }
    assertEquals(
        List.of(
            "symbol=BTCUSDT&startTime=" + JAN_1 + "&endTime=" + (JAN_1 + DAY - 1) + "&limit=1000"),
        queries("/api/v3/allOrders"));

    wm.resetRequests();
    assertEquals(List.of(10L, 20L, 11L, 21L, 12L, 22L), longs(sql, "order_id"));
    List<String> expected = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      expected.add(
          "symbol=BTCUSDT&startTime="
              + (JAN_1 + d * DAY)
              + "&endTime="
              + (JAN_1 + (d + 1) * DAY - 1)
              + "&limit=1000");
    }
    assertEquals(expected, queries("/api/v3/allOrders"));
  }

  @Test
  void recentOrderTimeRangeIsWindowsToNowSoLateUpdatesAreFound() throws SQLException {
    long now = JAN_1 + 3 * DAY + 6 * HOUR;
    serverTime(now);
    stub(signedGet("/api/v3/allOrders"), "[]");
    // Placed on Dec 31, updated Jan 1: in the first window, but placed before the range.
    stub(
        signedGet("/api/v3/allOrders").withQueryParam("startTime", equalTo("" + JAN_1)),
        array(
            order("BTCUSDT", 1, JAN_1 - HOUR, JAN_1 + HOUR, "CANCELED"),
            order("BTCUSDT", 2, JAN_1 + 2 * HOUR, JAN_1 + 2 * HOUR, "NEW")));
    // Placed on Jan 2, filled on Jan 4: only the window that runs to now sees it.
    stub(
        signedGet("/api/v3/allOrders").withQueryParam("startTime", equalTo("" + (JAN_1 + 3 * DAY))),
        array(order("BTCUSDT", 3, JAN_1 + DAY + HOUR, JAN_1 + 3 * DAY + HOUR, "FILLED")));
    assertEquals(
        List.of(2L, 3L),
        longs(
            "SELECT order_id FROM orders WHERE symbol = 'BTCUSDT'"
                + " AND order_time >= TIMESTAMP '2024-01-01 00:00:00'"
                + " AND order_time < TIMESTAMP '2024-01-03 00:00:00' ORDER BY order_id",
            "order_id"));
    List<String> sent = queries("/api/v3/allOrders");
    assertEquals(4, sent.size());
    for (int d = 0; d < 3; d++) {
      assertEquals(
          "symbol=BTCUSDT&startTime="
              + (JAN_1 + d * DAY)
              + "&endTime="
              + (JAN_1 + (d + 1) * DAY - 1)
              + "&limit=1000",
          sent.get(d));
    }
    String last = sent.get(3);
    assertTrue(
        last.startsWith("symbol=BTCUSDT&startTime=" + (JAN_1 + 3 * DAY) + "&endTime="), last);
    long end = Long.parseLong(last.replaceAll(".*endTime=(\\d+).*", "$1"));
    assertTrue(end >= now && end < now + 10_000, last);
  }

  @Test
  void olderOrderTimeRangePagesByOrderIdAndStopsPastTheUpperBound() throws SQLException {
    List<String> page = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      long t = JAN_1 - DAY + i * 5L * 60_000L; // every 5 minutes from Dec 31: past Jan 3 at the end
      page.add(order("BTCUSDT", 500 + i, t, t, "NEW"));
    }
    stub(
        signedGet("/api/v3/allOrders").withQueryParam("orderId", equalTo("0")),
        "[" + String.join(",", page) + "]");
    List<Long> ids =
        longs(
            "SELECT order_id FROM orders WHERE symbol = 'BTCUSDT'"
                + " AND order_time >= TIMESTAMP '2024-01-01 00:00:00'"
                + " AND order_time < TIMESTAMP '2024-01-03 00:00:00'",
            "order_id");
    assertEquals(2 * 24 * 12, ids.size());
    assertEquals(500L + 24 * 12, ids.get(0));
    // The page ends after Jan 3 and ids grow with order_time: no second page.
    assertEquals(List.of("symbol=BTCUSDT&orderId=0&limit=1000"), queries("/api/v3/allOrders"));
  }

  @Test
  void orderIdRangePagesFromItsLowerBoundLazily() throws SQLException {
    stub(
        signedGet("/api/v3/allOrders").withQueryParam("orderId", equalTo("100")),
        AccountFixtures.orders("ETHUSDT", 100, 1000, JAN_1));
    stub(
        signedGet("/api/v3/allOrders").withQueryParam("orderId", equalTo("1100")),
        AccountFixtures.orders("ETHUSDT", 1100, 3, JAN_1 + DAY));
    String sql = "SELECT order_id FROM orders WHERE symbol = 'ETHUSDT' AND order_id >= 100";
    try (ResultSet rs = conn.createStatement().executeQuery(sql)) {
      for (int i = 0; i < 5; i++) {
        assertTrue(rs.next());
      }
    }
    assertEquals(List.of("symbol=ETHUSDT&orderId=100&limit=1000"), queries("/api/v3/allOrders"));
    wm.resetRequests();
    assertEquals(1003, longs(sql, "order_id").size());
    assertEquals(
        List.of("symbol=ETHUSDT&orderId=100&limit=1000", "symbol=ETHUSDT&orderId=1100&limit=1000"),
        queries("/api/v3/allOrders"));
  }

  @Test
  void aFullWindowIsSplitInHalvesAndRepeatsAreDropped() throws SQLException {
    long mid = JAN_1 + DAY / 2 - 1;
    StringBuilder full = new StringBuilder("[");
    for (int i = 0; i < 1000; i++) {
      full.append(i == 0 ? "" : ",").append(order("BTCUSDT", i + 1, JAN_1 + i, JAN_1 + i, "NEW"));
    }
    stub(
        signedGet("/api/v3/allOrders")
            .withQueryParam("endTime", equalTo("" + (JAN_1 + DAY - 1)))
            .withQueryParam("startTime", equalTo("" + JAN_1)),
        full.append("]").toString());
    stub(
        signedGet("/api/v3/allOrders").withQueryParam("endTime", equalTo("" + mid)),
        AccountFixtures.orders("BTCUSDT", 1, 600, JAN_1));
    stub(
        signedGet("/api/v3/allOrders").withQueryParam("startTime", equalTo("" + (mid + 1))),
        array(order("BTCUSDT", 1001, mid + 5, mid + 5, "NEW")));
    List<Long> ids =
        longs(
            "SELECT order_id FROM orders WHERE symbol = 'BTCUSDT'"
                + " AND update_time BETWEEN TIMESTAMP '2024-01-01 00:00:00'"
                + " AND TIMESTAMP '2024-01-01 23:59:59.999'",
            "order_id");
    assertEquals(1001, ids.size());
    assertEquals(1001, ids.stream().distinct().count());
    assertEquals(
        List.of(
            "symbol=BTCUSDT&startTime=" + JAN_1 + "&endTime=" + (JAN_1 + DAY - 1) + "&limit=1000",
            "symbol=BTCUSDT&startTime=" + JAN_1 + "&endTime=" + mid + "&limit=1000",
            "symbol=BTCUSDT&startTime="
                + (mid + 1)
                + "&endTime="
                + (JAN_1 + DAY - 1)
                + "&limit=1000"),
        queries("/api/v3/allOrders"));
  }

  @Test
  void latestOrdersFirstIsOneRequestWithTheLimit() throws SQLException {
    stub(signedGet("/api/v3/allOrders"), AccountFixtures.orders("BTCUSDT", 91, 10, JAN_1));
    assertEquals(
        List.of(100L, 99L, 98L, 97L, 96L, 95L, 94L, 93L, 92L, 91L),
        longs(
            "SELECT order_id FROM orders WHERE symbol = 'BTCUSDT'"
                + " ORDER BY order_id DESC LIMIT 10",
            "order_id"));
    assertEquals(List.of("symbol=BTCUSDT&limit=10"), queries("/api/v3/allOrders"));
  }

  @Test
  void moreThanAPageOfLatestOrdersContinuesWithTheOlderOnesInOrder() throws SQLException {
    stub(
        signedGet("/api/v3/allOrders").withQueryParam("orderId", absent()),
        AccountFixtures.orders("BTCUSDT", 3, 1000, JAN_1));
    stub(
        signedGet("/api/v3/allOrders").withQueryParam("orderId", equalTo("0")),
        AccountFixtures.orders("BTCUSDT", 1, 2, JAN_1 - DAY));
    List<Long> ids =
        longs(
            "SELECT order_id FROM orders WHERE symbol = 'BTCUSDT'"
                + " ORDER BY order_id DESC LIMIT 1005",
            "order_id");
    assertEquals(1002, ids.size());
    assertEquals(1002L, ids.get(0));
    assertEquals(List.of(3L, 2L, 1L), ids.subList(999, 1002));
    assertEquals(
        List.of("symbol=BTCUSDT&limit=1000", "symbol=BTCUSDT&orderId=0&limit=1000"),
        queries("/api/v3/allOrders"));
  }

  @Test
  void unboundedOrdersPageTheWholeHistoryFromOrderIdZero() throws SQLException {
    stub(
        signedGet("/api/v3/allOrders").withQueryParam("orderId", equalTo("0")),
        AccountFixtures.orders("BTCUSDT", 5, 2, JAN_1));
    assertEquals(
        List.of(5L, 6L),
        longs(
            "SELECT order_id FROM orders WHERE symbol =" + " 'BTCUSDT' ORDER BY order_id",
            "order_id"));
    assertEquals(List.of("symbol=BTCUSDT&orderId=0&limit=1000"), queries("/api/v3/allOrders"));
  }

  @Test
  void ordersNeedASymbol() {
    SQLException e = failure(conn, "SELECT * FROM orders WHERE order_id = 1");
    assertEquals("0A000", e.getSQLState());
    assertTrue(
        e.getMessage().contains("orders needs symbol: WHERE symbol = 'BTCUSDT'"), e.getMessage());
  }

  // ---- open_orders ---------------------------------------------------------------------------

  @Test
  void openOrdersAskPerSymbolUpToThirteenAndOnceForAllBeyond() throws SQLException {
    String btc = order("BTCUSDT", 1, JAN_1, JAN_1, "NEW");
    String eth = order("ETHUSDT", 2, JAN_1, JAN_1, "NEW");
    stub(signedGet("/api/v3/openOrders").withQueryParam("symbol", absent()), array(btc, eth));
    stub(signedGet("/api/v3/openOrders").withQueryParam("symbol", equalTo("BTCUSDT")), array(btc));
    stub(signedGet("/api/v3/openOrders").withQueryParam("symbol", equalTo("ETHUSDT")), array(eth));
    assertEquals(2, longs("SELECT order_id FROM open_orders", "order_id").size());
    assertEquals(
        1, longs("SELECT order_id FROM open_orders WHERE symbol = 'ETHUSDT'", "order_id").size());
    assertEquals(
        2,
        longs(
                "SELECT order_id FROM open_orders WHERE symbol IN ('BTCUSDT'," + " 'ETHUSDT')",
                "order_id")
            .size());
    StringBuilder many = new StringBuilder("'BTCUSDT'");
    for (int i = 0; i < 13; i++) {
      many.append(", 'S").append(i).append("USDT'");
    }
    assertEquals(
        1,
        longs("SELECT order_id FROM open_orders WHERE symbol IN (" + many + ")", "order_id")
            .size());
    assertEquals(
        List.of("", "symbol=ETHUSDT", "symbol=BTCUSDT", "symbol=ETHUSDT", ""),
        queries("/api/v3/openOrders"));
  }

  // ---- my_trades -----------------------------------------------------------------------------

  @Test
  void thirtyHoursOfTradesAreTwoWindows() throws SQLException {
    stub(signedGet("/api/v3/myTrades").withQueryParam("startTime", equalTo("" + JAN_1)), "[]");
    stub(
        signedGet("/api/v3/myTrades").withQueryParam("startTime", equalTo("" + (JAN_1 + DAY))),
        array(
            trade("BTCUSDT", 70, 5, JAN_1 + DAY + HOUR),
            trade("BTCUSDT", 71, 5, JAN_1 + DAY + 2 * HOUR)));
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT * FROM my_trades"
                    + " WHERE symbol = 'BTCUSDT' AND trade_time >= TIMESTAMP '2024-01-01 00:00:00'"
                    + " AND trade_time < TIMESTAMP '2024-01-02 06:00:00'")) {
      assertTrue(rs.next());
      assertEquals(70L, rs.getLong("trade_id"));
      assertEquals(5L, rs.getLong("order_id"));
      assertEquals(new BigDecimal("16877.05000000"), rs.getBigDecimal("price"));
      assertEquals(new BigDecimal("29.87237850"), rs.getBigDecimal("quote_qty"));
      assertEquals(new BigDecimal("0.00000177"), rs.getBigDecimal("commission"));
      assertEquals("BTC", rs.getString("commission_asset"));
      assertEquals(JAN_1 + DAY + HOUR, rs.getObject("trade_time", Instant.class).toEpochMilli());
      assertTrue(rs.getBoolean("is_buyer"));
      assertFalse(rs.getBoolean("is_maker"));
      assertTrue(rs.next());
      assertFalse(rs.next());
    }
    assertEquals(
        List.of(
            "symbol=BTCUSDT&startTime=" + JAN_1 + "&endTime=" + (JAN_1 + DAY - 1) + "&limit=1000",
            "symbol=BTCUSDT&startTime="
                + (JAN_1 + DAY)
                + "&endTime="
                + (JAN_1 + 30 * HOUR - 1)
                + "&limit=1000"),
        queries("/api/v3/myTrades"));
  }

  @Test
  void afterTheFirstTradesTheIdCursorContinuesInsteadOfMoreWindows() throws SQLException {
    stub(
        signedGet("/api/v3/myTrades").withQueryParam("startTime", equalTo("" + JAN_1)),
        array(
            trade("BTCUSDT", 100, 1, JAN_1 + HOUR),
            trade("BTCUSDT", 101, 1, JAN_1 + HOUR),
            trade("BTCUSDT", 102, 2, JAN_1 + 2 * HOUR)));
    stub(
        signedGet("/api/v3/myTrades").withQueryParam("fromId", equalTo("103")),
        array(
            trade("BTCUSDT", 103, 3, JAN_1 + 29 * HOUR),
            trade("BTCUSDT", 104, 3, JAN_1 + 31 * HOUR)));
    assertEquals(
        List.of(100L, 101L, 102L, 103L),
        longs(
            "SELECT trade_id FROM my_trades"
                + " WHERE symbol = 'BTCUSDT' AND trade_time >= TIMESTAMP '2024-01-01 00:00:00'"
                + " AND trade_time < TIMESTAMP '2024-01-02 06:00:00'",
            "trade_id"));
    assertEquals(
        List.of(
            "symbol=BTCUSDT&startTime=" + JAN_1 + "&endTime=" + (JAN_1 + DAY - 1) + "&limit=1000",
            "symbol=BTCUSDT&fromId=103&limit=1000"),
        queries("/api/v3/myTrades"));
  }

  /** The request for the most recent fills: no cursor, no time. */
  private static MappingBuilder latestFills() {
    return signedGet("/api/v3/myTrades")
        .withQueryParam("limit", equalTo("1000"))
        .withQueryParam("startTime", absent())
        .withQueryParam("fromId", absent());
  }

  @Test
  void monthsWithoutFillsCostOneRequestNotOnePerDay() throws SQLException {
    // Sixty days to now (March 1st): the latest fills are from December, so none is in range.
    stub(
        latestFills(),
        array(
            trade("BTCUSDT", 40, 4, JAN_1 - 20 * DAY), trade("BTCUSDT", 41, 4, JAN_1 - 19 * DAY)));
    assertEquals(
        List.of(),
        longs(
            "SELECT trade_id FROM my_trades WHERE symbol = 'BTCUSDT'"
                + " AND trade_time >= TIMESTAMP '2024-01-01 00:00:00'",
            "trade_id"));
    assertEquals(List.of("symbol=BTCUSDT&limit=1000"), queries("/api/v3/myTrades"));
  }

  @Test
  void recentFillsReachingBackPastTheBoundAreTheWholeRange() throws SQLException {
    stub(
        latestFills(),
        array(
            trade("BTCUSDT", 40, 4, JAN_1 - DAY),
            trade("BTCUSDT", 41, 4, JAN_1 + 5 * DAY),
            trade("BTCUSDT", 42, 5, JAN_1 + 40 * DAY)));
    assertEquals(
        List.of(41L, 42L),
        longs(
            "SELECT trade_id FROM my_trades"
                + " WHERE symbol = 'BTCUSDT' AND trade_time >= TIMESTAMP '2024-01-01 00:00:00'"
                + " ORDER BY trade_id",
            "trade_id"));
    assertEquals(List.of("symbol=BTCUSDT&limit=1000"), queries("/api/v3/myTrades"));
  }

  @Test
  void aFullPageOfRecentFillsLeavesOnlyTheWindowsBeforeIt() throws SQLException {
    long oldest = JAN_1 + 36 * HOUR;
    String[] recent = new String[1000];
    for (int i = 0; i < recent.length; i++) {
      recent[i] = trade("BTCUSDT", 2000 + i, 9, oldest + i * 60_000L);
    }
    stub(latestFills(), array(recent));
    stub(signedGet("/api/v3/myTrades").withQueryParam("startTime", equalTo("" + JAN_1)), "[]");
    // The second window ends at the oldest recent fill and returns it again: it is read once.
    stub(
        signedGet("/api/v3/myTrades").withQueryParam("startTime", equalTo("" + (JAN_1 + DAY))),
        array(trade("BTCUSDT", 1500, 8, JAN_1 + 30 * HOUR), trade("BTCUSDT", 2000, 9, oldest)));
    List<Long> ids =
        longs(
            "SELECT trade_id FROM my_trades WHERE symbol = 'BTCUSDT'"
                + " AND trade_time >= TIMESTAMP '2024-01-01 00:00:00'",
            "trade_id");
    assertEquals(1001, ids.size());
    assertEquals(List.of(1500L, 2000L, 2001L), ids.subList(0, 3));
    assertEquals(2999L, ids.get(1000));
    assertEquals(
        List.of(
            "symbol=BTCUSDT&limit=1000",
            "symbol=BTCUSDT&startTime=" + JAN_1 + "&endTime=" + (JAN_1 + DAY - 1) + "&limit=1000",
            "symbol=BTCUSDT&startTime=" + (JAN_1 + DAY) + "&endTime=" + oldest + "&limit=1000"),
        queries("/api/v3/myTrades"));
  }

  @Test
  void tradesOfOneOrderAskByOrderId() throws SQLException {
    stub(
        signedGet("/api/v3/myTrades"),
        array(trade("BTCUSDT", 70, 5, JAN_1), trade("BTCUSDT", 71, 5, JAN_1 + 1)));
    assertEquals(
        List.of(70L, 71L),
        longs(
            "SELECT trade_id FROM my_trades WHERE symbol =" + " 'BTCUSDT' AND order_id = 5",
            "trade_id"));
    assertEquals(List.of("symbol=BTCUSDT&orderId=5&limit=1000"), queries("/api/v3/myTrades"));
  }

  @Test
  void tradeIdRangeIsFromIdAndLatestTradesAreOneRequest() throws SQLException {
    stub(
        signedGet("/api/v3/myTrades").withQueryParam("fromId", equalTo("500")),
        array(trade("BTCUSDT", 500, 9, JAN_1), trade("BTCUSDT", 650, 9, JAN_1 + 1)));
    stub(
        signedGet("/api/v3/myTrades").withQueryParam("limit", equalTo("3")),
        array(
            trade("BTCUSDT", 7, 1, JAN_1),
            trade("BTCUSDT", 8, 1, JAN_1 + 1),
            trade("BTCUSDT", 9, 1, JAN_1 + 2)));
    assertEquals(
        List.of(500L, 650L),
        longs(
            "SELECT trade_id FROM my_trades WHERE symbol =" + " 'BTCUSDT' AND trade_id >= 500",
            "trade_id"));
    assertEquals(
        List.of(9L, 8L, 7L),
        longs(
            "SELECT trade_id FROM my_trades WHERE symbol ="
                + " 'BTCUSDT' ORDER BY trade_time DESC LIMIT 3",
            "trade_id"));
    assertEquals(
        List.of("symbol=BTCUSDT&fromId=500&limit=1000", "symbol=BTCUSDT&limit=3"),
        queries("/api/v3/myTrades"));
  }

  // ---- the smaller tables --------------------------------------------------------------------

  @Test
  void listClientOrderIdEqualityIsOneGetOrderList() throws SQLException {
    stub(signedGet("/api/v3/orderList"), AccountFixtures.orderList(27, 1565245656253L, 4));
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT order_list_id, order_id"
                    + " FROM order_lists WHERE list_client_order_id = 'list_27' ORDER BY order_list_id DESC")) {
      assertTrue(rs.next());
      assertEquals(27L, rs.getLong(1));
    }
    assertEquals(List.of("origClientOrderId=list_27"), queries("/api/v3/orderList"));
    assertTrue(queries("/api/v3/allOrderList").isEmpty());
  }

  @Test
  void orderListsAreOneRowPerOrderOfAList() throws SQLException {
    stub(
        signedGet("/api/v3/allOrderList"),
        array(
            AccountFixtures.orderList(28, 1565245913407L, 2),
            AccountFixtures.orderList(29, 1565245913483L, 4)));
    stub(signedGet("/api/v3/orderList"), AccountFixtures.orderList(27, 1565245656253L, 4));
    stub(
        signedGet("/api/v3/openOrderList"),
        array(AccountFixtures.orderList(31, 1565246080644L, 4)));
    try (ResultSet rs = conn.createStatement().executeQuery("SELECT * FROM order_lists")) {
      assertTrue(rs.next());
      assertEquals(28L, rs.getLong("order_list_id"));
      assertEquals("OCO", rs.getString("contingency_type"));
      assertEquals("EXEC_STARTED", rs.getString("list_status_type"));
      assertEquals("EXECUTING", rs.getString("list_order_status"));
      assertEquals("LTCBTC", rs.getString("symbol"));
      assertEquals(1565245913407L, rs.getObject("transaction_time", Instant.class).toEpochMilli());
      assertEquals(2L, rs.getLong("order_id"));
      assertEquals("leg_a", rs.getString("client_order_id"));
      assertTrue(rs.next());
      assertEquals(3L, rs.getLong("order_id"));
      assertTrue(rs.next());
      assertTrue(rs.next());
      assertEquals(29L, rs.getLong("order_list_id"));
      assertFalse(rs.next());
    }
    assertEquals(
        List.of(4L, 5L),
        longs("SELECT order_id FROM order_lists" + " WHERE order_list_id = 27", "order_id"));
    assertEquals(List.of(4L, 5L), longs("SELECT order_id FROM open_order_lists", "order_id"));
    assertEquals(List.of("fromId=0&limit=1000"), queries("/api/v3/allOrderList"));
    assertEquals(List.of("orderListId=27"), queries("/api/v3/orderList"));
    assertEquals(List.of(""), queries("/api/v3/openOrderList"));
  }

  @Test
  void orderRateLimitsShowTheCounts() throws SQLException {
    stub(
        signedGet("/api/v3/rateLimit/order"),
        "[{\"rateLimitType\":\"ORDERS\","
            + "\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":50,\"count\":0},"
            + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,"
            + "\"limit\":160000,\"count\":12}]");
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT interval_unit, interval_num, limit_value, order_count FROM order_rate_limits")) {
      assertTrue(rs.next());
      assertEquals("SECOND", rs.getString(1));
      assertEquals(10, rs.getInt(2));
      assertEquals(50, rs.getInt(3));
      assertTrue(rs.next());
      assertEquals(160000, rs.getInt(3));
      assertEquals(12, rs.getInt(4));
      assertFalse(rs.next());
    }
    assertEquals(List.of(""), queries("/api/v3/rateLimit/order"));
  }

  @Test
  void preventedMatchesNeedAnOrderOrAMatchId() throws SQLException {
    stub(
        signedGet("/api/v3/myPreventedMatches"),
        "[{\"symbol\":\"BTCUSDT\","
            + "\"preventedMatchId\":1,\"takerOrderId\":5,\"makerSymbol\":\"BTCUSDT\","
            + "\"makerOrderId\":3,\"tradeGroupId\":1,\"selfTradePreventionMode\":\"EXPIRE_MAKER\","
            + "\"price\":\"1.100000\",\"makerPreventedQuantity\":\"1.300000\","
            + "\"transactTime\":1669101687094}]");
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT * FROM prevented_matches" + " WHERE symbol = 'BTCUSDT' AND order_id = 5")) {
      assertTrue(rs.next());
      assertEquals(5L, rs.getLong("order_id"));
      assertEquals(1L, rs.getLong("prevented_match_id"));
      assertEquals(3L, rs.getLong("maker_order_id"));
      assertEquals(new BigDecimal("1.300000"), rs.getBigDecimal("maker_prevented_qty"));
      assertEquals(1669101687094L, rs.getObject("transact_time", Instant.class).toEpochMilli());
      assertFalse(rs.next());
    }
    assertEquals(
        1,
        longs(
                "SELECT taker_order_id FROM prevented_matches"
                    + " WHERE symbol = 'BTCUSDT' AND prevented_match_id = 1",
                "taker_order_id")
            .size());
    SQLException e = failure(conn, "SELECT * FROM prevented_matches WHERE symbol = 'BTCUSDT'");
    assertEquals("0A000", e.getSQLState());
    assertTrue(
        e.getMessage().contains("prevented_matches needs order_id or prevented_match_id"),
        e.getMessage());
    assertEquals(
        List.of(
            "symbol=BTCUSDT&orderId=5&fromPreventedMatchId=0&limit=1000",
            "symbol=BTCUSDT&preventedMatchId=1"),
        queries("/api/v3/myPreventedMatches"));
  }

  @Test
  void sorAllocationsPageByAllocationId() throws SQLException {
    stub(
        signedGet("/api/v3/myAllocations"),
        "[{\"symbol\":\"BTCUSDT\",\"allocationId\":0,"
            + "\"allocationType\":\"SOR\",\"orderId\":1,\"orderListId\":-1,\"price\":\"1.00000000\","
            + "\"qty\":\"5.00000000\",\"quoteQty\":\"5.00000000\",\"commission\":\"0.00000000\","
            + "\"commissionAsset\":\"BTC\",\"time\":1687506878118,\"isBuyer\":true,"
            + "\"isMaker\":false,\"isAllocator\":false}]");
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery("SELECT * FROM sor_allocations WHERE symbol = 'BTCUSDT'")) {
      assertTrue(rs.next());
      assertEquals(0L, rs.getLong("allocation_id"));
      assertEquals("SOR", rs.getString("allocation_type"));
      assertEquals(new BigDecimal("5.00000000"), rs.getBigDecimal("qty"));
      assertEquals(1687506878118L, rs.getObject("allocation_time", Instant.class).toEpochMilli());
      assertFalse(rs.getBoolean("is_allocator"));
      assertFalse(rs.next());
    }
    assertEquals(
        List.of("symbol=BTCUSDT&fromAllocationId=0&limit=1000"), queries("/api/v3/myAllocations"));
  }

  @Test
  void commissionRatesFlattenTheNestedObjects() throws SQLException {
    stub(
        signedGet("/api/v3/account/commission"),
        "{\"symbol\":\"BTCUSDT\","
            + "\"standardCommission\":{\"maker\":\"0.00000010\",\"taker\":\"0.00000020\","
            + "\"buyer\":\"0.00000030\",\"seller\":\"0.00000040\"},"
            + "\"specialCommission\":{\"maker\":\"0.01000000\",\"taker\":\"0.02000000\","
            + "\"buyer\":\"0.03000000\",\"seller\":\"0.04000000\"},"
            + "\"taxCommission\":{\"maker\":\"0.00000112\",\"taker\":\"0.00000114\","
            + "\"buyer\":\"0.00000118\",\"seller\":\"0.00000116\"},"
            + "\"discount\":{\"enabledForAccount\":true,\"enabledForSymbol\":true,"
            + "\"discountAsset\":\"BNB\",\"discount\":\"0.75000000\"}}");
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery("SELECT * FROM commission_rates WHERE symbol = 'BTCUSDT'")) {
      assertTrue(rs.next());
      assertEquals("BTCUSDT", rs.getString("symbol"));
      assertEquals(new BigDecimal("0.00000020"), rs.getBigDecimal("standard_taker"));
      assertEquals(new BigDecimal("0.04000000"), rs.getBigDecimal("special_seller"));
      assertEquals(new BigDecimal("0.00000118"), rs.getBigDecimal("tax_buyer"));
      assertTrue(rs.getBoolean("discount_enabled_for_symbol"));
      assertEquals("BNB", rs.getString("discount_asset"));
      assertEquals(new BigDecimal("0.75000000"), rs.getBigDecimal("discount"));
      assertFalse(rs.next());
    }
    assertEquals(List.of("symbol=BTCUSDT"), queries("/api/v3/account/commission"));
  }

  @Test
  void orderAmendmentsNeedTheOrderIdAndKeepTheRequestedSymbol() throws SQLException {
    stub(
        signedGet("/api/v3/order/amendments"),
        "[{\"symbol\":\"BTCUSDT\",\"orderId\":9,"
            + "\"executionId\":22,\"origClientOrderId\":\"W0fJ9fiLKHOJutovPK3oJp\","
            + "\"newClientOrderId\":\"UQ1Np3bmQ71jJzsSDW9Vpi\",\"origQty\":\"5.00000000\","
            + "\"newQty\":\"4.00000000\",\"time\":1741669661670},{\"symbol\":\"BTCUDST\","
            + "\"orderId\":9,\"executionId\":25,\"origClientOrderId\":\"UQ1Np3bmQ71jJzsSDW9Vpi\","
            + "\"newClientOrderId\":\"5uS0r35ohuQyDlCzZuYXq2\",\"origQty\":\"4.00000000\","
            + "\"newQty\":\"3.00000000\",\"time\":1741672924895}]");
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT * FROM order_amendments"
                    + " WHERE symbol = 'BTCUSDT' AND order_id = 9 ORDER BY execution_id DESC")) {
      assertTrue(rs.next());
      assertEquals(25L, rs.getLong("execution_id"));
      assertEquals("BTCUSDT", rs.getString("symbol"));
      assertEquals(new BigDecimal("3.00000000"), rs.getBigDecimal("new_qty"));
      assertEquals(1741672924895L, rs.getObject("amend_time", Instant.class).toEpochMilli());
      assertTrue(rs.next());
      assertEquals(22L, rs.getLong("execution_id"));
      assertFalse(rs.next());
    }
    SQLException e = failure(conn, "SELECT * FROM order_amendments WHERE symbol = 'BTCUSDT'");
    assertEquals("0A000", e.getSQLState());
    assertTrue(e.getMessage().contains("order_amendments needs order_id"), e.getMessage());
    assertEquals(
        List.of("symbol=BTCUSDT&orderId=9&limit=1000"), queries("/api/v3/order/amendments"));
  }

  @Test
  void myFiltersAreOneRowPerFilterOfEachScope() throws SQLException {
    stub(
        signedGet("/api/v3/myFilters"),
        "{\"exchangeFilters\":[{\"filterType\":"
            + "\"EXCHANGE_MAX_NUM_ORDERS\",\"maxNumOrders\":1000}],\"symbolFilters\":[{"
            + "\"filterType\":\"MAX_NUM_ORDER_LISTS\",\"maxNumOrderLists\":20},{\"filterType\":"
            + "\"ICEBERG_PARTS\",\"limit\":10}],\"assetFilters\":[{\"filterType\":\"MAX_ASSET\","
            + "\"asset\":\"JPY\",\"limit\":\"1000000.00000000\"}]}");
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT symbol, filter_scope,"
                    + " filter_type, max_num_orders, max_num_order_lists, iceberg_parts_limit, asset,"
                    + " asset_limit FROM my_filters WHERE symbol = 'BTCUSDT'")) {
      assertTrue(rs.next());
      assertEquals("BTCUSDT", rs.getString(1));
      assertEquals("EXCHANGE", rs.getString(2));
      assertEquals(1000, rs.getInt(4));
      assertTrue(rs.next());
      assertEquals("SYMBOL", rs.getString(2));
      assertEquals(20, rs.getInt(5));
      assertTrue(rs.next());
      assertEquals(10, rs.getInt(6));
      assertTrue(rs.next());
      assertEquals("ASSET", rs.getString(2));
      assertEquals("MAX_ASSET", rs.getString(3));
      assertEquals("JPY", rs.getString(7));
      assertEquals(new BigDecimal("1000000.00000000"), rs.getBigDecimal(8));
      assertNull(rs.getObject(6));
      assertFalse(rs.next());
    }
    assertEquals(List.of("symbol=BTCUSDT"), queries("/api/v3/myFilters"));
  }

  // ---- credentials and secrets ---------------------------------------------------------------

  @Test
  void withoutCredentialsAnAccountTableFailsWith28000AndSendsNothing() throws SQLException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("BINANCE_API_KEY") == null
            && System.getenv("BINANCE_SECRET_KEY") == null
            && System.getenv("BINANCE_PRIVATE_KEY_FILE") == null);
    wm.resetRequests();
    try (Connection anonymous =
        DriverManager.getConnection("jdbc:binance:?baseUrl=" + wm.baseUrl() + "&maxRetries=0")) {
      for (String sql :
          List.of(
              "SELECT * FROM account",
              "SELECT * FROM orders WHERE symbol = 'BTCUSDT'"
                  + " AND update_time >= CURRENT_TIMESTAMP - INTERVAL '1' DAY",
              "SELECT * FROM my_trades WHERE symbol = 'BTCUSDT'"
                  + " AND trade_time >= CURRENT_TIMESTAMP - INTERVAL '1' DAY")) {
        SQLException e = failure(anonymous, sql);
        assertEquals("28000", e.getSQLState(), sql);
        assertTrue(e.getMessage().contains("apiKey"), e.getMessage());
      }
    }
    assertTrue(wm.getAllServeEvents().isEmpty(), "no request may be sent");
  }

  @Test
  void theSecretNeverShowsInAnErrorMessage() throws SQLException {
    wm.stubFor(
        signedGet("/api/v3/myTrades")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}")));
    SQLException e = failure(conn, "SELECT * FROM my_trades WHERE symbol = 'BTCUSDT'");
    assertEquals("28000", e.getSQLState());
    String signature =
        wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/myTrades")))
            .get(0)
            .queryParameter("signature")
            .firstValue();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      assertFalse(m.contains(SECRET), m);
      assertFalse(m.contains(signature), m);
      assertFalse(m.contains(API_KEY), m);
    }
    assertTrue(e.getMessage().contains("-1022"), e.getMessage());
  }
}
