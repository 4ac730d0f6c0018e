package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.binancejdbc.testing.WireMocks;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pushdown bar: each query costs exactly the requests listed in the issue, with the exact query
 * strings, and returns the right rows.
 */
class PushdownTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  /** This class counts requests: the limits are known up front (see {@link KnownLimits}). */
  @BeforeEach
  void limitsAreKnown() {
    KnownLimits.of(wm.baseUrl());
  }

  private static final long JAN_1 = 1704067200000L; // 2024-01-01T00:00Z
  private static final long MAR_1 = 1709251200000L; // 2024-03-01T00:00Z

  private Connection conn;

  @BeforeEach
  void connect() throws SQLException {
    // The requests each query sends are asserted: no closed bars kept between tests.
    conn =
        DriverManager.getConnection(
            "jdbc:binance:?baseUrl=" + wm.baseUrl() + "&maxRetries=0&cacheSize=0");
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private List<String> queries(String path) {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : wm.findAll(getRequestedFor(urlPathEqualTo(path)))) {
      out.add(r.getUrl().substring(r.getUrl().indexOf('?') + 1));
    }
    return out;
  }

  @Test
  void klinesTimeRangeIsTwoRequestsWithStartAndEndTime() throws SQLException {
    long secondStart = JAN_1 + 999 * Bars.HOUR + 1;
    wm.stubFor(
        get(urlEqualTo(
                "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime="
                    + JAN_1
                    + "&endTime="
                    + (MAR_1 - 1)
                    + "&limit=1000"))
            .willReturn(okJson(Bars.klines(JAN_1, 1000, Bars.HOUR))));
    wm.stubFor(
        get(urlEqualTo(
                "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime="
                    + secondStart
                    + "&endTime="
                    + (MAR_1 - 1)
                    + "&limit=1000"))
            .willReturn(okJson(Bars.klines(JAN_1 + 1000 * Bars.HOUR, 440, Bars.HOUR))));

    int rows = 0;
    long previous = 0;
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT * FROM klines WHERE symbol='BTCUSDT' AND timeframe='1h'"
                    + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
                    + " AND open_time < TIMESTAMP '2024-03-01 00:00:00'")) {
      while (rs.next()) {
        long open = rs.getObject("open_time", Instant.class).toEpochMilli();
        assertEquals(JAN_1 + rows * Bars.HOUR, open);
        assertTrue(open > previous);
        previous = open;
        if (rows == 0) {
          assertEquals("BTCUSDT", rs.getString("symbol"));
          assertEquals("1h", rs.getString("timeframe"));
          assertEquals(new BigDecimal("40000.00000000"), rs.getBigDecimal("open_price"));
          assertEquals("40000.00000000", rs.getString("open_price"));
          assertEquals(
              LocalDateTime.of(2024, 1, 1, 0, 59, 59, 999_000_000),
              rs.getObject("close_time", LocalDateTime.class));
          assertEquals(new BigDecimal("420000.12345678"), rs.getBigDecimal("quote_volume"));
        }
        rows++;
      }
    }
    assertEquals(1440, rows);
    assertEquals(2, queries("/api/v3/klines").size());
  }

  @Test
  void latestTenIsOneRequestWithLimitTen() throws SQLException {
    long last = JAN_1 + 99 * Bars.HOUR;
    wm.stubFor(
        get(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=10"))
            .willReturn(okJson(Bars.klines(last - 9 * Bars.HOUR, 10, Bars.HOUR))));
    List<Long> opens = new ArrayList<>();
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
                    + " ORDER BY open_time DESC LIMIT 10")) {
      while (rs.next()) {
        opens.add(rs.getObject(1, Instant.class).toEpochMilli());
      }
    }
    assertEquals(10, opens.size());
    assertEquals(last, opens.get(0));
    assertEquals(last - 9 * Bars.HOUR, opens.get(9));
    assertEquals(List.of("symbol=BTCUSDT&interval=1h&limit=10"), queries("/api/v3/klines"));
  }

  @Test
  void limitParameterIsPushedToo() throws SQLException {
    wm.stubFor(
        get(urlEqualTo("/api/v3/klines?symbol=ETHUSDT&interval=1d&limit=3"))
            .willReturn(okJson(Bars.klines(JAN_1, 3, 24 * Bars.HOUR))));
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT open_time FROM klines WHERE symbol = ? AND timeframe = ?"
                + " ORDER BY open_time DESC LIMIT ?")) {
      ps.setString(1, "ETHUSDT");
      ps.setString(2, "1d");
      ps.setInt(3, 3);
      try (ResultSet rs = ps.executeQuery()) {
        int n = 0;
        while (rs.next()) {
          assertEquals(
              JAN_1 + (2 - n) * 24L * Bars.HOUR, rs.getObject(1, Instant.class).toEpochMilli());
          n++;
        }
        assertEquals(3, n);
      }
    }
    assertEquals(List.of("symbol=ETHUSDT&interval=1d&limit=3"), queries("/api/v3/klines"));
  }

  @Test
  void limitParameterBoundAsLongWorks() throws SQLException {
    // jOOQ and others bind LIMIT with setLong; Calcite types the parameter INTEGER.
    wm.stubFor(
        get(urlEqualTo("/api/v3/klines?symbol=ETHUSDT&interval=1d&limit=2"))
            .willReturn(okJson(Bars.klines(JAN_1, 2, 24 * Bars.HOUR))));
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT open_time FROM klines"
                + " WHERE symbol = 'ETHUSDT' AND timeframe = '1d' ORDER BY open_time DESC LIMIT ?")) {
      ps.setLong(1, 2L);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertTrue(rs.next());
        assertFalse(rs.next());
      }
      ps.setObject(1, 2L);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
      }
      ps.setBigDecimal(1, new BigDecimal("2"));
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
      }
    }
    assertEquals(3, queries("/api/v3/klines").size());
  }

  @Test
  void tickerSymbolInListIsOneRequest() throws SQLException {
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker/24hr?symbols=%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D"))
            .willReturn(
                okJson(
                    "["
                        + ticker("BTCUSDT", "42000.10")
                        + ","
                        + ticker("ETHUSDT", "2200.5")
                        + "]")));
    List<String> rows = new ArrayList<>();
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT symbol, last_price, trade_count, close_time FROM ticker_24hr"
                    + " WHERE symbol IN ('BTCUSDT', 'ETHUSDT') ORDER BY symbol")) {
      while (rs.next()) {
        rows.add(
            rs.getString(1)
                + " "
                + rs.getBigDecimal(2).toPlainString()
                + " "
                + rs.getLong(3)
                + " "
                + rs.getObject(4, LocalDateTime.class));
      }
    }
    assertEquals(
        List.of("BTCUSDT 42000.10 77 2024-01-02T00:00", "ETHUSDT 2200.5 77 2024-01-02T00:00"),
        rows);
    assertEquals(1, queries("/api/v3/ticker/24hr").size());
  }

  @Test
  void klinesSymbolInListIsOneStreamPerSymbol() throws SQLException {
    wm.stubFor(
        get(urlEqualTo(
                "/api/v3/klines?symbol=BTCUSDT&interval=1d&startTime="
                    + JAN_1
                    + "&endTime="
                    + (JAN_1 + 2 * 24 * Bars.HOUR)
                    + "&limit=1000"))
            .willReturn(okJson(Bars.klines(JAN_1, 3, 24 * Bars.HOUR))));
    wm.stubFor(
        get(urlEqualTo(
                "/api/v3/klines?symbol=ETHUSDT&interval=1d&startTime="
                    + JAN_1
                    + "&endTime="
                    + (JAN_1 + 2 * 24 * Bars.HOUR)
                    + "&limit=1000"))
            .willReturn(okJson(Bars.klines(JAN_1, 3, 24 * Bars.HOUR))));
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT symbol, COUNT(*) FROM klines WHERE symbol IN ('BTCUSDT','ETHUSDT')"
                    + " AND timeframe = '1d' AND open_time BETWEEN TIMESTAMP '2024-01-01 00:00:00'"
                    + " AND TIMESTAMP '2024-01-03 00:00:00' GROUP BY symbol ORDER BY symbol")) {
      assertTrue(rs.next());
      assertEquals("BTCUSDT", rs.getString(1));
      assertEquals(3, rs.getLong(2));
      assertTrue(rs.next());
      assertEquals("ETHUSDT", rs.getString(1));
      assertEquals(3, rs.getLong(2));
      assertFalse(rs.next());
    }
    assertEquals(2, queries("/api/v3/klines").size());
  }

  private static final String BOOK =
      "{\"lastUpdateId\":9,\"bids\":[[\"4.00\",\"1\"],"
          + "[\"3.99\",\"2\"],[\"3.98\",\"3\"],[\"3.97\",\"4\"],[\"3.96\",\"5\"]],"
          + "\"asks\":[[\"4.01\",\"6\"],[\"4.02\",\"7\"],[\"4.03\",\"8\"],[\"4.04\",\"9\"],"
          + "[\"4.05\",\"10\"]]}";

  @Test
  void bestPricesOfOneSideInTheirNaturalOrderAskForTheSmallestDepth() throws SQLException {
    wm.stubFor(get(urlPathEqualTo("/api/v3/depth")).willReturn(okJson(BOOK)));
    List<String> bids = new ArrayList<>();
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT price FROM order_book"
                    + " WHERE symbol = 'BTCUSDT' AND side = 'BID' ORDER BY price DESC LIMIT 5")) {
      while (rs.next()) {
        bids.add(rs.getString(1));
      }
    }
    assertEquals(List.of("4.00", "3.99", "3.98", "3.97", "3.96"), bids);
    List<String> asks = new ArrayList<>();
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT price FROM order_book"
                    + " WHERE symbol = 'BTCUSDT' AND side = 'ASK' ORDER BY price LIMIT 3")) {
      while (rs.next()) {
        asks.add(rs.getString(1));
      }
    }
    assertEquals(List.of("4.01", "4.02", "4.03"), asks);
    // The worst bids first are not the book's order: the whole book is read and sorted.
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT price FROM order_book"
                    + " WHERE symbol = 'BTCUSDT' AND side = 'BID' ORDER BY price LIMIT 2")) {
      assertTrue(rs.next());
      assertEquals("3.96", rs.getString(1));
    }
    assertEquals(
        List.of("symbol=BTCUSDT&limit=5", "symbol=BTCUSDT&limit=3", "symbol=BTCUSDT&limit=5000"),
        queries("/api/v3/depth"));
  }

  @Test
  void orderBookTopFiveLevelsAsksForLimitFive() throws SQLException {
    wm.stubFor(
        get(urlEqualTo("/api/v3/depth?symbol=BTCUSDT&limit=5"))
            .willReturn(
                okJson(
                    "{\"lastUpdateId\":1027024,\"bids\":[[\"4.00000000\",\"431.00000000\"],"
                        + "[\"3.99000000\",\"9.00000000\"],[\"3.98000000\",\"1.00000000\"],"
                        + "[\"3.97000000\",\"2.00000000\"],[\"3.96000000\",\"3.00000000\"]],"
                        + "\"asks\":[[\"4.00000200\",\"12.00000000\"],[\"4.01000000\",\"1.00000000\"],"
                        + "[\"4.02000000\",\"1.00000000\"],[\"4.03000000\",\"1.00000000\"],"
                        + "[\"4.04000000\",\"1.00000000\"]]}")));
    List<String> rows = new ArrayList<>();
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT side, level, price, qty, last_update_id FROM order_book"
                    + " WHERE symbol='BTCUSDT' AND level <= 5")) {
      while (rs.next()) {
        rows.add(
            rs.getString(1)
                + rs.getInt(2)
                + "@"
                + rs.getString(3)
                + "x"
                + rs.getString(4)
                + "#"
                + rs.getLong(5));
      }
    }
    assertEquals(10, rows.size());
    assertEquals("BID1@4.00000000x431.00000000#1027024", rows.get(0));
    assertEquals("ASK1@4.00000200x12.00000000#1027024", rows.get(5));
    assertEquals(List.of("symbol=BTCUSDT&limit=5"), queries("/api/v3/depth"));
  }

  @Test
  void tradesFromIdUseHistoricalTradesLazily() throws SQLException {
    StringBuilder page = new StringBuilder("[");
    for (int i = 0; i < 1000; i++) {
      long id = 5000L + i;
      page.append(i == 0 ? "" : ",")
          .append("{\"id\":")
          .append(id)
          .append(
              ",\"price\":\"42000.01000000\",\"qty\":\"0.00100000\",\"quoteQty\":\"42.00001000\","
                  + "\"time\":")
          .append(JAN_1 + i)
          .append(",\"isBuyerMaker\":true,\"isBestMatch\":true}");
    }
    page.append(']');
    wm.stubFor(
        get(urlEqualTo("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=5000&limit=1000"))
            .willReturn(okJson(page.toString())));
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT trade_id, price, is_buyer_maker FROM trades"
                    + " WHERE symbol='BTCUSDT' AND trade_id >= 5000")) {
      for (int i = 0; i < 3; i++) {
        assertTrue(rs.next());
        assertEquals(5000 + i, rs.getLong(1));
        assertEquals(new BigDecimal("42000.01000000"), rs.getBigDecimal(2));
        assertTrue(rs.getBoolean(3));
      }
    }
    assertEquals(
        List.of("symbol=BTCUSDT&fromId=5000&limit=1000"), queries("/api/v3/historicalTrades"));
  }

  @Test
  void newestTradesWithLimitUseRecentTrades() throws SQLException {
    wm.stubFor(
        get(urlEqualTo("/api/v3/trades?symbol=BTCUSDT&limit=2"))
            .willReturn(
                okJson(
                    "[{\"id\":7,\"price\":\"1.0\",\"qty\":\"2.0\",\"quoteQty\":\"2.0\","
                        + "\"time\":1,\"isBuyerMaker\":false,\"isBestMatch\":true},{\"id\":8,\"price\":\"1.5\","
                        + "\"qty\":\"2.0\",\"quoteQty\":\"3.0\",\"time\":2,\"isBuyerMaker\":true,"
                        + "\"isBestMatch\":true}]")));
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT trade_id FROM trades WHERE symbol='BTCUSDT' ORDER BY trade_id DESC LIMIT 2")) {
      assertTrue(rs.next());
      assertEquals(8, rs.getLong(1));
      assertTrue(rs.next());
      assertEquals(7, rs.getLong(1));
      assertFalse(rs.next());
    }
    assertEquals(List.of("symbol=BTCUSDT&limit=2"), queries("/api/v3/trades"));
  }

  @Test
  void aggTradesTimeRangeUsesStartAndEndTime() throws SQLException {
    wm.stubFor(
        get(urlEqualTo(
                "/api/v3/aggTrades?symbol=BTCUSDT&startTime="
                    + JAN_1
                    + "&endTime="
                    + (JAN_1 + 59_999)
                    + "&limit=1000"))
            .willReturn(
                okJson(
                    "[{\"a\":26129,\"p\":\"0.01633102\",\"q\":\"4.70443515\",\"f\":27781,"
                        + "\"l\":27781,\"T\":"
                        + (JAN_1 + 5)
                        + ",\"m\":true,\"M\":true},{\"a\":26130,\"p\":"
                        + "\"0.01633103\",\"q\":\"1.00000000\",\"f\":27782,\"l\":27783,\"T\":"
                        + (JAN_1 + 7)
                        + ",\"m\":false,\"M\":true}]")));
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT agg_trade_id, qty, first_trade_id, last_trade_id FROM agg_trades"
                    + " WHERE symbol='BTCUSDT' AND trade_time >= TIMESTAMP '2024-01-01 00:00:00'"
                    + " AND trade_time < TIMESTAMP '2024-01-01 00:01:00'")) {
      assertTrue(rs.next());
      assertEquals(26129, rs.getLong(1));
      assertEquals(new BigDecimal("4.70443515"), rs.getBigDecimal(2));
      assertTrue(rs.next());
      assertEquals(27783, rs.getLong(4));
      assertFalse(rs.next());
    }
    assertEquals(1, queries("/api/v3/aggTrades").size());
  }

  @Test
  void missingSymbolFailsWithTheColumnAndAnExample() throws SQLException {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> {
              try (ResultSet rs = conn.createStatement().executeQuery("SELECT * FROM klines")) {
                rs.next();
              }
            });
    assertTrue(e instanceof SQLFeatureNotSupportedException, e.toString());
    assertEquals("0A000", e.getSQLState());
    assertEquals(
        "klines needs symbol and timeframe: WHERE symbol = 'BTCUSDT' AND timeframe =" + " '1h'",
        e.getMessage());
    SQLException tf =
        assertThrows(
            SQLException.class,
            () -> {
              try (ResultSet rs =
                  conn.createStatement()
                      .executeQuery("SELECT * FROM klines WHERE symbol = 'BTCUSDT'")) {
                rs.next();
              }
            });
    assertEquals("klines needs timeframe: WHERE timeframe = '1h'", tf.getMessage());
    wm.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void probesThatCannotReturnRowsSendNothing() throws SQLException {
    try (Statement s = conn.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT * FROM klines WHERE 1 <> 1")) {
        assertFalse(rs.next());
        assertEquals(14, rs.getMetaData().getColumnCount());
      }
      try (ResultSet rs = s.executeQuery("SELECT TRUE AS _ FROM klines WHERE 1 <> 1 LIMIT 0")) {
        assertFalse(rs.next());
      }
      try (ResultSet rs = s.executeQuery("SELECT * FROM klines LIMIT 0")) {
        assertFalse(rs.next());
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT * FROM order_book WHERE symbol = 'BTCUSDT' AND level > 5 AND level < 3")) {
        assertFalse(rs.next());
      }
    }
    wm.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void readingFiveRowsOfAnUnboundedScanIsOneRequest() throws SQLException {
    wm.stubFor(
        get(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=0&limit=1000"))
            .willReturn(okJson(Bars.klines(1502942400000L, 1000, 60_000))));
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT open_time FROM klines WHERE symbol='BTCUSDT' AND timeframe='1m'")) {
      for (int i = 0; i < 5; i++) {
        assertTrue(rs.next());
        assertEquals(
            Instant.ofEpochMilli(1502942400000L + i * 60_000L), rs.getObject(1, Instant.class));
      }
    }
    assertEquals(1, queries("/api/v3/klines").size());
  }

  @Test
  void explainShowsWhatWasPushed() throws SQLException {
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "EXPLAIN PLAN FOR SELECT * FROM klines WHERE symbol='BTCUSDT' AND timeframe='1h'"
                    + " ORDER BY open_time DESC LIMIT 10")) {
      assertTrue(rs.next());
      String plan = rs.getString(1);
      assertTrue(
          plan.contains(
              "BinanceTableScan(table=[[binance, klines]],"
                  + " filter=[[symbol IN ['BTCUSDT'], timeframe IN ['1h']]], order=[DESC], fetch=[10],"
                  + " requests=[[GET /api/v3/klines?symbol=BTCUSDT&interval=1h&limit=10 x 1"
                  + " (weight 2)]], weight=[2])"),
          plan);
      assertFalse(plan.contains("EnumerableSort"), plan);
    }
    wm.verify(0, getRequestedFor(anyUrl()));
  }

  @Test
  void descendingBeyondOnePagePagesBackwardsWithEndTime() throws SQLException {
    long newest = JAN_1 + 1499 * Bars.HOUR;
    long firstOfNewestPage = newest - 999 * Bars.HOUR;
    wm.stubFor(
        get(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=1000"))
            .willReturn(okJson(Bars.klines(firstOfNewestPage, 1000, Bars.HOUR))));
    wm.stubFor(
        get(urlEqualTo(
                "/api/v3/klines?symbol=BTCUSDT&interval=1h&endTime="
                    + (firstOfNewestPage - 1)
                    + "&limit=200"))
            .willReturn(okJson(Bars.klines(firstOfNewestPage - 200 * Bars.HOUR, 200, Bars.HOUR))));
    long expected = newest;
    int n = 0;
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT open_time FROM klines"
                    + " WHERE symbol='BTCUSDT' AND timeframe='1h' ORDER BY open_time DESC LIMIT 1200")) {
      while (rs.next()) {
        assertEquals(expected, rs.getObject(1, Instant.class).toEpochMilli());
        expected -= Bars.HOUR;
        n++;
      }
    }
    assertEquals(1200, n);
    assertEquals(2, queries("/api/v3/klines").size());
  }

  @Test
  void tradeTimeBoundBecomesATradeIdThroughOneAggTradesLookup() throws SQLException {
    wm.stubFor(
        get(urlEqualTo("/api/v3/aggTrades?symbol=BTCUSDT&startTime=" + JAN_1 + "&limit=1"))
            .willReturn(
                okJson(
                    "[{\"a\":900,\"p\":\"1.0\",\"q\":\"1.0\",\"f\":12345,\"l\":12347,"
                        + "\"T\":"
                        + (JAN_1 + 3)
                        + ",\"m\":true,\"M\":true}]")));
    wm.stubFor(
        get(urlEqualTo("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=12345&limit=1000"))
            .willReturn(
                okJson(
                    "[{\"id\":12345,\"price\":\"1.0\",\"qty\":\"1.0\",\"quoteQty\":"
                        + "\"1.0\",\"time\":"
                        + (JAN_1 + 3)
                        + ",\"isBuyerMaker\":true,\"isBestMatch\":true},"
                        + "{\"id\":12346,\"price\":\"1.0\",\"qty\":\"2.0\",\"quoteQty\":\"2.0\",\"time\":"
                        + (JAN_1 + 3)
                        + ",\"isBuyerMaker\":true,\"isBestMatch\":true}]")));
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT trade_id, qty FROM trades"
                    + " WHERE symbol='BTCUSDT' AND trade_time >= TIMESTAMP '2024-01-01 00:00:00'")) {
      assertTrue(rs.next());
      assertEquals(12345, rs.getLong(1));
      assertTrue(rs.next());
      assertEquals(new BigDecimal("2.0"), rs.getBigDecimal(2));
      assertFalse(rs.next());
    }
    assertEquals(
        List.of("symbol=BTCUSDT&startTime=" + JAN_1 + "&limit=1"), queries("/api/v3/aggTrades"));
    assertEquals(
        List.of("symbol=BTCUSDT&fromId=12345&limit=1000"), queries("/api/v3/historicalTrades"));
  }

  @Test
  void orOfParameterEqualitiesIsOneStreamPerValue() throws SQLException {
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker/price?symbols=%5B%22BNBUSDT%22%2C%22ETHBTC%22%5D"))
            .willReturn(
                okJson(
                    "[{\"symbol\":\"BNBUSDT\",\"price\":\"600.1\"},"
                        + "{\"symbol\":\"ETHBTC\",\"price\":\"0.05\"}]")));
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT symbol, price FROM ticker_price WHERE symbol = ? OR symbol = ? ORDER BY symbol")) {
      ps.setString(1, "ETHBTC");
      ps.setString(2, "BNBUSDT");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("BNBUSDT", rs.getString(1));
        assertTrue(rs.next());
        assertEquals(new BigDecimal("0.05"), rs.getBigDecimal(2));
        assertFalse(rs.next());
      }
    }
    assertEquals(1, queries("/api/v3/ticker/price").size());
  }

  @Test
  void maxRowsIsPushedAsALimit() throws SQLException {
    long newest = 1704067200000L;
    wm.stubFor(
        get(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=200"))
            .willReturn(okJson(Bars.klines(newest - 199 * 60_000L, 200, 60_000))));
    try (Statement s = conn.createStatement()) {
      // As DBeaver's data viewer does: the newest 200 bars in one request, as LIMIT 200 would.
      s.setMaxRows(200);
      int n = 0;
      long last = 0;
      try (ResultSet rs =
          s.executeQuery(
              "SELECT open_time FROM klines WHERE symbol='BTCUSDT' AND timeframe='1m'")) {
        while (rs.next()) {
          n++;
          last = rs.getObject(1, Instant.class).toEpochMilli();
        }
      }
      assertEquals(200, n);
      assertEquals(newest, last);
    }
    assertEquals(List.of("symbol=BTCUSDT&interval=1m&limit=200"), queries("/api/v3/klines"));
  }

  @Test
  void relativeTimeBoundsAreEvaluatedAtExecutionAndPushed() throws SQLException {
    wm.stubFor(get(urlPathEqualTo("/api/v3/klines")).willReturn(okJson("[]")));
    long before = System.currentTimeMillis();
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT * FROM klines WHERE symbol='BTCUSDT'"
                + " AND timeframe='1m' AND open_time >= CURRENT_TIMESTAMP - INTERVAL '1' DAY")) {
      for (int run = 0; run < 2; run++) {
        try (ResultSet rs = ps.executeQuery()) {
          assertFalse(rs.next());
        }
      }
    }
    long after = System.currentTimeMillis();
    List<String> sent = queries("/api/v3/klines");
    assertEquals(2, sent.size());
    for (String q : sent) {
      assertTrue(q.matches("symbol=BTCUSDT&interval=1m&startTime=\\d+&limit=1000"), q);
      long start = Long.parseLong(q.replaceAll(".*startTime=(\\d+).*", "$1"));
      assertTrue(
          start >= before - 86_400_000L - 1000 && start <= after - 86_400_000L + 1000,
          "startTime " + start + " is not a day before now");
    }
  }

  @Test
  void closeTimeBoundsNarrowTheOpenTimeRequest() throws SQLException {
    // Bars closing on 2024-01-01 between 05:00 and 07:00 open between 04:00:00.001 and 07:00.
    wm.stubFor(
        get(urlEqualTo(
                "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime="
                    + (JAN_1 + 4 * Bars.HOUR + 1)
                    + "&endTime="
                    + (JAN_1 + 7 * Bars.HOUR)
                    + "&limit=1000"))
            .willReturn(okJson(Bars.klines(JAN_1 + 5 * Bars.HOUR, 3, Bars.HOUR))));
    List<Long> closes = new ArrayList<>();
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT close_time FROM klines"
                    + " WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
                    + " AND close_time BETWEEN TIMESTAMP '2024-01-01 05:00:00' AND TIMESTAMP '2024-01-01 07:00:00'")) {
      while (rs.next()) {
        closes.add(rs.getObject(1, Instant.class).toEpochMilli());
      }
    }
    assertEquals(List.of(JAN_1 + 6 * Bars.HOUR - 1, JAN_1 + 7 * Bars.HOUR - 1), closes);
    assertEquals(1, queries("/api/v3/klines").size());
  }

  static String ticker(String symbol, String last) {
    return "{\"symbol\":\""
        + symbol
        + "\",\"priceChange\":\"-94.99999800\",\"priceChangePercent\":"
        + "\"-95.960\",\"weightedAvgPrice\":\"0.29628482\",\"prevClosePrice\":\"0.10002000\","
        + "\"lastPrice\":\""
        + last
        + "\",\"lastQty\":\"200.00000000\",\"bidPrice\":\"4.00000000\","
        + "\"bidQty\":\"100.00000000\",\"askPrice\":\"4.00000200\",\"askQty\":\"100.00000000\","
        + "\"openPrice\":\"99.00000000\",\"highPrice\":\"100.00000000\",\"lowPrice\":\"0.10000000\","
        + "\"volume\":\"8913.30000000\",\"quoteVolume\":\"15.30000000\",\"openTime\":1703980800000,"
        + "\"closeTime\":1704153600000,\"firstId\":28385,\"lastId\":28460,\"count\":77}";
  }
}
