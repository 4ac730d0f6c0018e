package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a query costs: EXPLAIN names the requests a scan will send and their weight without sending
 * any, and {@code api_requests} / {@code api_usage} show what was sent, also without a request. The
 * build runs this class under UTC, America/New_York and Asia/Kolkata (request_time is UTC wall
 * clock in each).
 */
class QueryCostTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  static final String API_KEY = "cost-test-api-key-0123456789";
  static final String SECRET = "cost-test-secret-S3CR3T-abcdef";
  static final long JAN_1 = 1704067200000L; // 2024-01-01T00:00Z
  static final long MAR_1 = 1709251200000L; // 2024-03-01T00:00Z

  private Connection conn;

  @BeforeEach
  void connect() throws SQLException {
    KnownLimits.of(wm.baseUrl());
    Properties p = new Properties();
    p.setProperty("apiKey", API_KEY);
    p.setProperty("secretKey", SECRET);
    conn =
        DriverManager.getConnection("jdbc:binance:?baseUrl=" + wm.baseUrl() + "&maxRetries=0", p);
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private String explain(String sql) throws SQLException {
    try (ResultSet rs = conn.createStatement().executeQuery("EXPLAIN PLAN FOR " + sql)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  /** The requests and weight items of the one Binance scan in {@code plan}. */
  private static String bill(String plan) {
    int at = plan.indexOf("requests=[");
    assertTrue(at >= 0, plan);
    int end = plan.indexOf(')', plan.indexOf("weight=[", at));
    return plan.substring(at, end);
  }

  @Test
  void explainCountsTheKlinesPagesOfARangeAndTheExecutionSendsThem() throws SQLException {
    String sql =
        "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
            + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
            + " AND open_time < TIMESTAMP '2024-03-01 00:00:00'";
    String plan = explain(sql);
    assertTrue(
        plan.contains(
            "filter=[[symbol IN ['BTCUSDT'], timeframe IN ['1h'], open_time IN"
                + " [1704067200000..1709251200000)]], fields=[[3]], requests=["),
        plan);
    assertEquals(
        "requests=[[GET /api/v3/klines?symbol=BTCUSDT&interval=1h"
            + "&startTime=1704067200000&endTime=1709251199999&limit=1000 x 2 (weight 2 each)]],"
            + " weight=[4]",
        bill(plan));
    wm.verify(0, anyRequestedFor(anyUrl()));

    // The execution sends what EXPLAIN said: 1440 bars in 2 pages.
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines"))
            .willReturn(okJson(Bars.klines(JAN_1, 1000, Bars.HOUR))));
    // The second page starts after the first page's last bar.
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines"))
            .withQueryParam(
                "startTime",
                com.github.tomakehurst.wiremock.client.WireMock.notMatching(Long.toString(JAN_1)))
            .willReturn(okJson(Bars.klines(JAN_1 + 1000 * Bars.HOUR, 440, Bars.HOUR))));
    int rows = 0;
    try (ResultSet rs = conn.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        rows++;
      }
    }
    assertEquals(1440, rows);
    wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v3/klines")));
  }

  @Test
  void explainShowsParametersAndPerExecutionExpressionsWithoutEvaluatingThem() throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "EXPLAIN PLAN FOR SELECT close_price FROM"
                + " klines WHERE symbol = ? AND timeframe = '1d' AND open_time >= ?")) {
      ps.setString(1, "ETHUSDT");
      ps.setTimestamp(2, java.sql.Timestamp.valueOf("2024-01-01 00:00:00"));
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(
            "requests=[[GET /api/v3/klines?symbol=?0&interval=1d&startTime=?1"
                + "&limit=1000 x pages of 1000 until the latest bar (weight 2 each)]],"
                + " weight=[2 per request]",
            bill(rs.getString(1)));
      }
    }
    String plan =
        explain(
            "SELECT close_price FROM klines WHERE symbol = 'BTCUSDT'"
                + " AND timeframe = '1h' AND open_time >= CURRENT_TIMESTAMP - INTERVAL '7' DAY");
    assertTrue(
        bill(plan)
            .startsWith(
                "requests=[[GET /api/v3/klines?symbol=BTCUSDT&interval=1h"
                    + "&startTime={CAST(-(CURRENT_TIMESTAMP, 604800000:INTERVAL DAY)):TIMESTAMP(3) NOT NULL}"
                    + "&limit=1000 x pages of 1000 until the latest bar (weight 2 each)]]"),
        plan);
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void explainOfTheLatestBarsIsOneRequest() throws SQLException {
    assertEquals(
        "requests=[[GET /api/v3/klines?symbol=BTCUSDT&interval=1h&limit=24 x 1"
            + " (weight 2)]], weight=[2]",
        bill(
            explain(
                "SELECT close_price FROM klines WHERE"
                    + " symbol = 'BTCUSDT' AND timeframe = '1h' ORDER BY open_time DESC LIMIT 24")));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void explainWeighsTheOrderBookByItsSmallestLimit() throws SQLException {
    assertEquals(
        "requests=[[GET /api/v3/depth?symbol=BTCUSDT&limit=5 x 1 (weight 5)]]," + " weight=[5]",
        bill(
            explain(
                "SELECT price FROM order_book WHERE symbol = 'BTCUSDT'"
                    + " AND side = 'BID' ORDER BY price DESC LIMIT 5")));
    assertEquals(
        "requests=[[GET /api/v3/depth?symbol=BTCUSDT&limit=5000 x 1 (weight 250)]],"
            + " weight=[250]",
        bill(explain("SELECT price FROM order_book WHERE symbol = 'BTCUSDT'")));
    assertEquals(
        "requests=[[GET /api/v3/depth?symbol=BTCUSDT&limit=500 x 1 (weight 25)]]," + " weight=[25]",
        bill(
            explain(
                "SELECT price FROM order_book WHERE symbol = 'BTCUSDT'" + " AND level <= 500")));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void explainWeighsTheTickerByItsSymbols() throws SQLException {
    assertEquals(
        "requests=[[GET /api/v3/ticker/24hr x 1 (weight 80)]], weight=[80]",
        bill(explain("SELECT last_price FROM ticker_24hr")));
    assertEquals(
        "requests=[[GET /api/v3/ticker/24hr?symbol=BTCUSDT x 1 (weight 2)]]," + " weight=[2]",
        bill(explain("SELECT last_price FROM ticker_24hr WHERE symbol =" + " 'BTCUSDT'")));
    assertEquals(
        "requests=[[GET /api/v3/ticker/24hr?symbols=[\"BTCUSDT\",\"ETHUSDT\"] x 1"
            + " (weight 2)]], weight=[2]",
        bill(
            explain(
                "SELECT last_price FROM ticker_24hr WHERE" + " symbol IN ('ETHUSDT', 'BTCUSDT')")));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void explainOfMyTradesCountsItsDayWindowsAndSignsThem() throws SQLException {
    assertEquals(
        "requests=[[GET /api/v3/myTrades?symbol=BTCUSDT&startTime=1704067200000"
            + "&endTime=1704153599999&limit=1000&recvWindow=5000&timestamp={now}"
            + "&signature={signature} x at most 3 (weight 20 each), GET /api/v3/myTrades"
            + "?symbol=BTCUSDT&fromId={last id + 1}&limit=1000&recvWindow=5000&timestamp={now}"
            + "&signature={signature} x then pages of 1000 until the range ends (weight 20 each),"
            + " a window that fills a page is split in two]], weight=[at most 60 + 20 per request]",
        bill(
            explain(
                "SELECT qty FROM my_trades WHERE symbol = 'BTCUSDT'"
                    + " AND trade_time >= TIMESTAMP '2024-01-01 00:00:00'"
                    + " AND trade_time < TIMESTAMP '2024-01-04 00:00:00'")));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void explainOfATradeIdRangeCountsItsPagesAndTheExecutionSendsThem() throws SQLException {
    String sql =
        "SELECT trade_id FROM trades WHERE symbol = 'BTCUSDT'"
            + " AND trade_id BETWEEN 5000 AND 7499";
    assertEquals(
        "requests=[[GET /api/v3/historicalTrades?symbol=BTCUSDT&fromId=5000&limit=1000"
            + " x at most 3 (weight 25 each), fetched ahead; ids the cache holds are not asked]],"
            + " weight=[at most 75]",
        bill(explain(sql)));
    wm.verify(0, anyRequestedFor(anyUrl()));
    for (long from = 5000; from < 7500; from += 1000) {
      StringBuilder page = new StringBuilder("[");
      for (long id = from; id < Math.min(from + 1000, 7500); id++) {
        page.append(id == from ? "" : ",")
            .append("{\"id\":")
            .append(id)
            .append(",\"price\":" + "\"1.0\",\"qty\":\"1.0\",\"quoteQty\":\"1.0\",\"time\":")
            .append(JAN_1 + id)
            .append(",\"isBuyerMaker\":true,\"isBestMatch\":true}");
      }
      wm.stubFor(
          get(urlEqualTo(
                  "/api/v3/historicalTrades?symbol=BTCUSDT&fromId="
                      + from
                      + "&limit="
                      + Math.min(1000, 7500 - from)))
              .willReturn(okJson(page + "]")));
    }
    try (ResultSet rs = conn.createStatement().executeQuery(sql)) {
      drain(rs);
    }
    wm.verify(3, getRequestedFor(urlPathEqualTo("/api/v3/historicalTrades")));
  }

  @Test
  void explainOfTradesShowsTheTimeLookupAndTheNewestTrades() throws SQLException {
    assertEquals(
        "requests=[[GET /api/v3/aggTrades?symbol=BTCUSDT&startTime=1704067200000"
            + "&limit=1 x 1 (weight 4), GET /api/v3/historicalTrades?symbol=BTCUSDT"
            + "&fromId={first id at startTime}&limit=1000 x pages of 1000 until the newest trade"
            + " (weight 25 each)]], weight=[4 + 25 per request]",
        bill(
            explain(
                "SELECT price FROM trades WHERE symbol = 'BTCUSDT'"
                    + " AND trade_time >= TIMESTAMP '2024-01-01 00:00:00'")));
    assertEquals(
        "requests=[[GET /api/v3/trades?symbol=BTCUSDT&limit=10 x 1 (weight 25)]]," + " weight=[25]",
        bill(
            explain(
                "SELECT price FROM trades WHERE symbol = 'BTCUSDT'"
                    + " ORDER BY trade_id DESC LIMIT 10")));
    assertEquals(
        "requests=[[GET /api/v3/aggTrades?symbol=BTCUSDT&startTime=1704067200000"
            + "&endTime=1704070799999&limit=1000 x 1 (weight 4), GET /api/v3/aggTrades"
            + "?symbol=BTCUSDT&fromId={last id + 1}&limit=1000 x then pages of 1000 until the range"
            + " ends (weight 4 each)]], weight=[4 + 4 per request]",
        bill(
            explain(
                "SELECT price FROM agg_trades WHERE symbol = 'BTCUSDT'"
                    + " AND trade_time >= TIMESTAMP '2024-01-01 00:00:00'"
                    + " AND trade_time < TIMESTAMP '2024-01-01 01:00:00'")));
    assertEquals(
        "requests=[[GET /api/v3/aggTrades?symbol=BTCUSDT&limit=5 x 1 (weight 4)]]," + " weight=[4]",
        bill(
            explain(
                "SELECT price FROM agg_trades WHERE symbol = 'BTCUSDT'"
                    + " ORDER BY agg_trade_id DESC LIMIT 5")));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void explainOfOrdersAndOrderListsShowsTheirSignedRequests() throws SQLException {
    String signed = "&recvWindow=5000&timestamp={now}&signature={signature}";
    assertEquals(
        "requests=[[GET /api/v3/order?symbol=BTCUSDT&orderId=42"
            + signed
            + " x 1 (weight 4)]], weight=[4]",
        bill(explain("SELECT status FROM orders" + " WHERE symbol = 'BTCUSDT' AND order_id = 42")));
    assertEquals(
        "requests=[[GET /api/v3/allOrders?symbol=BTCUSDT&limit=10"
            + signed
            + " x 1 (weight 20)]], weight=[20]",
        bill(
            explain(
                "SELECT status FROM orders"
                    + " WHERE symbol = 'BTCUSDT' ORDER BY order_id DESC LIMIT 10")));
    assertEquals(
        "requests=[[GET /api/v3/allOrders?symbol=BTCUSDT&startTime=1704067200000"
            + "&endTime=1704153599999&limit=1000"
            + signed
            + " x 3 (weight 20 each), one per 24 h"
            + " window; a window that fills a page is split in two]], weight=[60]",
        bill(
            explain(
                "SELECT status FROM orders WHERE symbol = 'BTCUSDT'"
                    + " AND update_time >= TIMESTAMP '2024-01-01 00:00:00'"
                    + " AND update_time < TIMESTAMP '2024-01-04 00:00:00'")));
    assertEquals(
        "requests=[[GET /api/v3/allOrders?symbol=BTCUSDT&orderId=100&limit=1000"
            + signed
            + " x pages of 1000 until the range ends (weight 20 each), final orders the"
            + " cache holds are not asked]], weight=[20 per request]",
        bill(explain("SELECT status FROM orders WHERE symbol = 'BTCUSDT' AND order_id >= 100")));
    assertEquals(
        "requests=[[GET /api/v3/allOrderList?fromId=7&limit=1000"
            + signed
            + " x pages of 1000 until the range ends (weight 20 each)]], weight=[20 per request]",
        bill(explain("SELECT order_id FROM order_lists WHERE order_list_id >= 7")));
    assertEquals(
        "requests=[[GET /api/v3/orderList?orderListId=7" + signed + " x 1 (weight 4)]], weight=[4]",
        bill(explain("SELECT order_id FROM order_lists WHERE order_list_id = 7")));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  /** The requests and weight items of the scan of {@code table} in {@code plan}. */
  private static String billOf(String plan, String table) {
    int at = plan.indexOf("table=[[binance, " + table + "]]");
    assertTrue(at >= 0, plan);
    return bill(plan.substring(at));
  }

  @Test
  void explainOfALookupJoinShowsTheInnerScanPerOuterRow() throws SQLException {
    String klines =
        explain(
            "SELECT s.symbol, k.close_price FROM symbols s JOIN klines k"
                + " ON k.symbol = s.symbol WHERE s.quote_asset = 'USDT' AND k.timeframe = '1d'"
                + " AND k.open_time >= TIMESTAMP '2024-01-01 00:00:00'"
                + " AND k.open_time < TIMESTAMP '2024-01-11 00:00:00'");
    assertTrue(klines.contains("BinanceLookupJoin"), klines);
    assertEquals(
        "requests=[[GET /api/v3/klines?symbol={outer symbol}&interval=1d"
            + "&startTime=1704067200000&endTime=1704931199999&limit=1000 x at most 100 (weight 2"
            + " each), counted per batch of 100 outer rows]], weight=[at most 200]",
        billOf(klines, "klines"));
    String fills =
        explain(
            "SELECT o.order_id, t.trade_id FROM orders o JOIN my_trades t"
                + " ON t.order_id = o.order_id AND t.symbol = o.symbol WHERE o.symbol = 'ETHUSDT'");
    assertEquals(
        "requests=[[GET /api/v3/myTrades?symbol={outer symbol}&fromId=0&limit=1000"
            + "&recvWindow=5000&timestamp={now}&signature={signature} x per outer symbol: 1 or more"
            + " (pages of 1000 until the range ends) (weight 20 each), one pass over the symbol's"
            + " fills for the 100 orders]], weight=[20 per request]",
        billOf(fills, "my_trades"));
    assertEquals(
        "requests=[[GET /api/v3/myTrades?symbol=ETHUSDT&orderId={each}&limit=1000"
            + "&recvWindow=5000&timestamp={now}&signature={signature} x at most 3 (weight 5 each),"
            + " then pages of 1000 for an order with more fills]], weight=[at most 15]",
        bill(
            explain(
                "SELECT trade_id FROM my_trades WHERE symbol = 'ETHUSDT'"
                    + " AND order_id IN (7, 8, 9)")));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void explainOfTheAccountIsOneSignedRequest() throws SQLException {
    assertEquals(
        "requests=[[GET /api/v3/account?recvWindow=5000&timestamp={now}"
            + "&signature={signature} x 1 (weight 20), one per statement for account and"
            + " account_balances together]], weight=[20]",
        bill(explain("SELECT asset FROM account_balances")));
    String plan = explain("SELECT klines.open_time FROM klines WHERE symbol = 'BTCUSDT'");
    assertTrue(
        plan.contains(
            "requests=[[none: klines needs timeframe, the execution fails"
                + " without sending]], weight=[0]"),
        plan);
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void explainOfExchangeInfoAndSystemTables() throws SQLException {
    assertEquals(
        "requests=[[GET /api/v3/exchangeInfo x 1 (weight 20)]], weight=[20]",
        bill(explain("SELECT symbol FROM symbols")));
    assertEquals(
        "requests=[[none]], weight=[0]", bill(explain("SELECT endpoint FROM api_requests")));
    // LIMIT 0 leaves no scan at all: the engine folds it to no rows.
    String plan =
        explain(
            "SELECT close_price FROM klines WHERE symbol = 'BTCUSDT'"
                + " AND timeframe = '1h' LIMIT 0");
    assertFalse(plan.contains("BinanceTableScan"), plan);
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void apiRequestsListsWhatWasSentWithoutSecretsAndSendsNothing() throws SQLException {
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines"))
            .willReturn(
                okJson(Bars.klines(JAN_1, 3, Bars.HOUR)).withHeader("X-MBX-USED-WEIGHT-1M", "42")));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/time"))
            .willReturn(okJson("{\"serverTime\":" + System.currentTimeMillis() + "}")));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/account")).willReturn(okJson(AccountFixtures.account())));
    long minute = System.currentTimeMillis() / 60_000;
    long[] usageBefore = usage();
    LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    try (Statement st = conn.createStatement()) {
      drain(
          st.executeQuery(
              "SELECT close_price FROM klines WHERE symbol = 'BTCUSDT'"
                  + " AND timeframe = '1h' ORDER BY open_time DESC LIMIT 3"));
      drain(st.executeQuery("SELECT asset FROM account_balances"));
    }
    LocalDateTime after = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(1);
    int sent = wm.getAllServeEvents().size();

    List<String> rows = new ArrayList<>();
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT request_number,"
                    + " request_time, base_url, http_method, endpoint, query_string, weight, http_status,"
                    + " millis, row_count, from_cache FROM api_requests ORDER BY request_number")) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        LocalDateTime t = rs.getTimestamp("request_time").toLocalDateTime();
        assertFalse(
            t.isBefore(before) || t.isAfter(after), t + " not in [" + before + ", " + after + "]");
        assertEquals(t, rs.getObject("request_time", LocalDateTime.class));
        assertEquals(wm.baseUrl(), rs.getString("base_url"));
        assertTrue(rs.getLong("millis") >= 0);
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          all.append(rs.getString(i)).append('|');
        }
        assertFalse(all.toString().contains(API_KEY), all.toString());
        assertFalse(all.toString().contains(SECRET), all.toString());
        assertFalse(all.toString().contains("signature"), all.toString());
        String query = rs.getString("query_string").replaceAll("timestamp=\\d+", "timestamp=T");
        Object count = rs.getObject("row_count");
        rows.add(
            rs.getLong("request_number")
                + " "
                + rs.getString("http_method")
                + " "
                + rs.getString("endpoint")
                + " "
                + query
                + " "
                + rs.getInt("weight")
                + " "
                + rs.getInt("http_status")
                + " "
                + count
                + " "
                + rs.getBoolean("from_cache"));
      }
    }
    assertEquals(
        List.of(
            "1 GET /api/v3/klines symbol=BTCUSDT&interval=1h&limit=3 2 200 3 false",
            "2 GET /api/v3/time  1 200 null false",
            "3 GET /api/v3/account recvWindow=5000&timestamp=T 20 200 null false"),
        rows);

    long[] usageAfter = usage();
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT base_url, used_weight_server,"
                    + " weight_limit, window_seconds, requests_saved, weight_saved, banned_until"
                    + " FROM api_usage")) {
      assertTrue(rs.next());
      assertEquals(wm.baseUrl(), rs.getString(1));
      // The last answer that carried the header (klines) said 42; nothing later did. When the
      // test ran across a minute boundary the klines answer may belong to the old minute (no
      // server count yet in the new one) or to the new one: either is right then.
      Object used = rs.getObject(2);
      if (System.currentTimeMillis() / 60_000 == minute) {
        assertEquals(Long.valueOf(42), used);
      } else {
        assertTrue(used == null || Long.valueOf(42).equals(used), "used weight " + used);
      }
      assertEquals(6000, rs.getInt(3));
      assertEquals(60, rs.getInt(4));
      assertEquals(0, rs.getLong(5));
      assertEquals(0, rs.getLong(6));
      assertNull(rs.getTimestamp(7));
      assertFalse(rs.next());
    }
    assertEquals(3, usageAfter[0] - usageBefore[0], "requests_sent grew by the 3 requests");
    assertEquals(23, usageAfter[1] - usageBefore[1], "weight_sent grew by 2 + 1 + 20");
    assertTrue(
        usageAfter[2] >= 23 || System.currentTimeMillis() / 60_000 != minute,
        "used_weight_driver counts this minute: " + usageAfter[2]);
    // Reading the system tables sent nothing.
    assertEquals(sent, wm.getAllServeEvents().size());
  }

  /** {requests_sent, weight_sent, used_weight_driver} of the one base URL. */
  private long[] usage() throws SQLException {
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery("SELECT requests_sent, weight_sent, used_weight_driver FROM api_usage")) {
      assertTrue(rs.next());
      long[] out = {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
      assertFalse(rs.next());
      return out;
    }
  }

  private static void drain(ResultSet rs) throws SQLException {
    try (rs) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
  }
}
