package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.adapter.client.Sleeper;
import io.github.binancejdbc.adapter.client.WeightGovernor;
import io.github.binancejdbc.testing.Rows;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SQL faces of ping, executionRules, referencePrice(/calculation) and historicalBlockTrades:
 * rows, the exact requests and their weight. Bodies follow the shapes Binance documents.
 */
class Issue12TablesTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  private static final String RULES =
      """
      {"symbolRules":[
        {"symbol":"BAZUSD","rules":[{"ruleType":"PRICE_RANGE","bidLimitMultUp":"1.0001",
          "bidLimitMultDown":"0.9999","askLimitMultUp":"1.0002","askLimitMultDown":"0.9998"}]},
        {"symbol":"BNBBTC","rules":[{"ruleType":"PRICE_RANGE","bidLimitMultUp":"5",
          "bidLimitMultDown":"0.2","askLimitMultUp":"5","askLimitMultDown":"0.2"}]}]}
      """;
  private static final String NO_REFERENCE_PRICE =
      "{\"code\":-2043,\"msg\":\"This symbol doesn't have a reference price.\"}";

  private Connection conn;

  @BeforeEach
  void connect() throws SQLException {
    // Each test stubs its own history on one base URL: nothing kept between them.
    conn =
        DriverManager.getConnection(
            "jdbc:binance:?baseUrl=" + wm.baseUrl() + "&maxRetries=0&cacheSize=0");
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private List<String> rows(String sql) throws SQLException {
    return Rows.lines(conn, sql);
  }

  /** The request weight {@code sql} counted on this base URL's governor. */
  private long weightOf(String sql) throws SQLException {
    WeightGovernor governor =
        WeightGovernor.forBaseUrl(wm.baseUrl(), Clock.systemUTC(), Sleeper.SYSTEM);
    long minute = System.currentTimeMillis() / 60_000;
    long before = governor.usedInWindow();
    rows(sql);
    long after = governor.usedInWindow();
    Assumptions.assumeTrue(
        minute == System.currentTimeMillis() / 60_000,
        "the weight window rolled over during the query");
    return after - before;
  }

  private void stub(String url, String body) {
    wm.stubFor(get(urlEqualTo(url)).willReturn(okJson(body)));
  }

  private void stubStatus(String url, int status, String body) {
    wm.stubFor(
        get(urlEqualTo(url))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  /** The driver's version, its JDBC numbers and the User-Agent come from one build resource. */
  @Test
  void theDriverVersionIsTheBuildsAndTheUserAgentCarriesIt() throws SQLException {
    stub("/api/v3/ping", "{}");
    java.sql.DatabaseMetaData md = conn.getMetaData();
    String version = md.getDriverVersion();
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version);
    String[] numbers = version.split("[.-]", -1);
    assertEquals(Integer.parseInt(numbers[0]), md.getDriverMajorVersion());
    assertEquals(Integer.parseInt(numbers[1]), md.getDriverMinorVersion());
    rows("SELECT answered FROM ping");
    wm.verify(
        1,
        getRequestedFor(urlEqualTo("/api/v3/ping"))
            .withHeader(
                "User-Agent",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                    "binance-jdbc/" + version)));
  }

  @Test
  void pingIsOneRowOfWhetherTheServerAnsweredAndTheRoundTrip() throws SQLException {
    stub("/api/v3/ping", "{}");
    assertEquals(1, weightOf("SELECT * FROM ping"));
    try (ResultSet rs =
        conn.createStatement().executeQuery("SELECT answered, round_trip_ms, failure FROM ping")) {
      assertTrue(rs.next());
      assertTrue(rs.getBoolean(1));
      assertTrue(rs.getLong(2) >= 0);
      assertEquals(null, rs.getString(3));
      assertTrue(!rs.next());
    }
    wm.verify(2, getRequestedFor(urlEqualTo("/api/v3/ping")));
  }

  @Test
  void aServerThatFailsIsAPingRowNotAFailedQuery() throws SQLException {
    wm.stubFor(get(urlEqualTo("/api/v3/ping")).willReturn(aResponse().withStatus(503)));
    List<String> rows = rows("SELECT answered, failure FROM ping");
    assertEquals(1, rows.size());
    assertTrue(rows.get(0).startsWith("false|"), rows.get(0));
    assertTrue(rows.get(0).contains("HTTP 503"), rows.get(0));
  }

  @Test
  void executionRulesForAllSymbolsOneSymbolAListAndAStatus() throws SQLException {
    stub("/api/v3/executionRules", RULES);
    assertEquals(40, weightOf("SELECT * FROM execution_rules"));
    assertEquals(
        List.of(
            "BAZUSD|PRICE_RANGE|1.0001|0.9999|1.0002|0.9998|null",
            "BNBBTC|PRICE_RANGE|5|0.2|5|0.2|null"),
        rows(
            "SELECT symbol, rule_type, bid_limit_mult_up, bid_limit_mult_down, ask_limit_mult_up,"
                + " ask_limit_mult_down, symbol_status FROM execution_rules ORDER BY symbol"));

    stub("/api/v3/executionRules?symbol=BAZUSD", RULES);
    assertEquals(2, weightOf("SELECT * FROM execution_rules WHERE symbol = 'BAZUSD'"));
    stub("/api/v3/executionRules?symbols=%5B%22BAZUSD%22%2C%22BNBBTC%22%5D", RULES);
    assertEquals(4, weightOf("SELECT * FROM execution_rules WHERE symbol IN ('BNBBTC', 'BAZUSD')"));
    stub("/api/v3/executionRules?symbolStatus=TRADING", RULES);
    assertEquals(
        List.of("BNBBTC|TRADING"),
        rows(
            "SELECT symbol, symbol_status"
                + " FROM execution_rules WHERE symbol_status = 'TRADING' AND symbol = 'BNBBTC'"));

    wm.verify(2, getRequestedFor(urlEqualTo("/api/v3/executionRules")));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v3/executionRules?symbol=BAZUSD")));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v3/executionRules?symbolStatus=TRADING")));
  }

  @Test
  void executionRuleMultipliersAreExactDecimals() throws SQLException {
    stub("/api/v3/executionRules?symbol=BAZUSD", RULES);
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT bid_limit_mult_up" + " FROM execution_rules WHERE symbol = 'BAZUSD'")) {
      assertTrue(rs.next());
      assertEquals(0, new java.math.BigDecimal("1.0001").compareTo(rs.getBigDecimal(1)));
      assertEquals(java.sql.Types.DECIMAL, rs.getMetaData().getColumnType(1));
    }
  }

  @Test
  void aSymbolWithoutReferencePriceIsARowOfNulls() throws SQLException {
    stub(
        "/api/v3/referencePrice?symbol=BAZUSD",
        "{\"symbol\":\"BAZUSD\",\"referencePrice\":\"10.00\",\"timestamp\":1770736694138}");
    stub(
        "/api/v3/referencePrice?symbol=BNBBTC",
        "{\"symbol\":\"BNBBTC\",\"referencePrice\":null,\"timestamp\":1770736694138}");
    stubStatus("/api/v3/referencePrice?symbol=ETHBTC", 400, NO_REFERENCE_PRICE);

    assertEquals(
        6,
        weightOf(
            "SELECT * FROM reference_prices" + " WHERE symbol IN ('BAZUSD', 'BNBBTC', 'ETHBTC')"));
    assertEquals(
        List.of(
            "BAZUSD|10.00|2026-02-10 15:18:14.138",
            "BNBBTC|null|2026-02-10 15:18:14.138",
            "ETHBTC|null|null"),
        rows(
            "SELECT symbol, reference_price, reference_time FROM reference_prices"
                + " WHERE symbol IN ('BAZUSD', 'BNBBTC', 'ETHBTC') ORDER BY symbol"));
  }

  @Test
  void referencePriceCalculationsOfBothTypesAndOfNone() throws SQLException {
    stub(
        "/api/v3/referencePrice/calculation?symbol=BAZUSD",
        "{\"symbol\":\"BAZUSD\","
            + "\"calculationType\":\"ARITHMETIC_MEAN\",\"bucketCount\":10,\"bucketWidthMs\":1000}");
    stub(
        "/api/v3/referencePrice/calculation?symbol=BNBBTC",
        "{\"symbol\":\"BNBBTC\","
            + "\"calculationType\":\"EXTERNAL\",\"externalCalculationId\":42}");
    stubStatus("/api/v3/referencePrice/calculation?symbol=ETHBTC", 400, NO_REFERENCE_PRICE);

    assertEquals(
        List.of(
            "BAZUSD|ARITHMETIC_MEAN|10|1000|null",
            "BNBBTC|EXTERNAL|null|null|42",
            "ETHBTC|null|null|null|null"),
        rows(
            "SELECT symbol, calculation_type, bucket_count, bucket_width_ms,"
                + " external_calculation_id FROM reference_price_calculations"
                + " WHERE symbol IN ('BAZUSD', 'BNBBTC', 'ETHBTC') ORDER BY symbol"));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v3/referencePrice/calculation?symbol=ETHBTC")));
  }

  @Test
  void referencePricesNeedASymbolAndOtherErrorsStillFail() throws SQLException {
    SQLException missing =
        assertThrows(SQLException.class, () -> rows("SELECT * FROM reference_prices"));
    assertEquals("0A000", missing.getSQLState());
    assertTrue(
        missing.getMessage().contains("reference_prices needs symbol"), missing.getMessage());

    stubStatus(
        "/api/v3/referencePrice?symbol=NOPE", 400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
    SQLException invalid =
        assertThrows(
            SQLException.class, () -> rows("SELECT * FROM reference_prices WHERE symbol = 'NOPE'"));
    assertEquals(-1121, invalid.getErrorCode());
  }

  /** Block trades {@code from}, {@code from + 1}, ..., ids spaced by {@code step}. */
  private static String blockTrades(long from, int count, long step) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      long id = from + i * step;
      sb.append(i > 0 ? "," : "")
          .append("{\"id\":")
          .append(id)
          .append(",\"price\":\"0.052\",\"qty\":\"5838\",\"quoteQty\":\"303.576\",\"time\":")
          .append(1772506983321L + id)
          .append(",\"isBuyerMaker\":true}");
    }
    return sb.append(']').toString();
  }

  @Test
  void blockTradesPageForwardsFromTheLowerIdBound() throws SQLException {
    stub(
        "/api/v3/historicalBlockTrades?symbol=BNBBTC&fromId=582&limit=1000",
        blockTrades(582, 3, 1));
    assertEquals(
        25,
        weightOf("SELECT * FROM block_trades WHERE symbol = 'BNBBTC'" + " AND trade_id >= 582"));
    assertEquals(
        List.of(
            "BNBBTC|582|0.052|5838|303.576|2026-03-03 03:03:03.903|true",
            "BNBBTC|583|0.052|5838|303.576|2026-03-03 03:03:03.904|true"),
        rows(
            "SELECT symbol, trade_id, price, qty, quote_qty, trade_time, is_buyer_maker"
                + " FROM block_trades WHERE symbol = 'BNBBTC' AND trade_id BETWEEN 582 AND 583"));
  }

  @Test
  void newestBlockTradesReadTheRangeOnceAndKeepTheTail() throws SQLException {
    stub(
        "/api/v3/historicalBlockTrades?symbol=BNBBTC&fromId=0&limit=1000",
        blockTrades(10, 1000, 3));
    stub(
        "/api/v3/historicalBlockTrades?symbol=BNBBTC&fromId=3008&limit=1000",
        blockTrades(4000, 2, 1));

    assertEquals(
        List.of("4001", "4000", "3007"),
        rows(
            "SELECT trade_id FROM block_trades"
                + " WHERE symbol = 'BNBBTC' ORDER BY trade_id DESC LIMIT 3"));
    assertEquals(
        3, rows("SELECT trade_id FROM block_trades WHERE symbol = 'BNBBTC' LIMIT 3").size());
    wm.verify(
        2,
        getRequestedFor(
            urlEqualTo("/api/v3/historicalBlockTrades?symbol=BNBBTC&fromId=0&limit=1000")));
    wm.verify(
        2,
        getRequestedFor(
            urlEqualTo("/api/v3/historicalBlockTrades?symbol=BNBBTC&fromId=3008&limit=1000")));
  }

  @Test
  void blockTradesAreKeptByIdExceptTheNewest() throws SQLException {
    // A server of its own: its base URL's cache is this test's alone.
    com.github.tomakehurst.wiremock.WireMockServer own =
        new com.github.tomakehurst.wiremock.WireMockServer(
            com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
    own.start();
    try {
      String path = "/api/v3/historicalBlockTrades?symbol=ETHBTC&fromId=";
      own.stubFor(
          get(urlEqualTo(path + "100&limit=1000")).willReturn(okJson(blockTrades(100, 1000, 2))));
      own.stubFor(
          get(urlEqualTo(path + "2099&limit=1000")).willReturn(okJson(blockTrades(2100, 3, 5))));
      own.stubFor(
          get(urlEqualTo(path + "2110&limit=1000")).willReturn(okJson(blockTrades(2110, 1, 5))));
      String sql =
          "SELECT trade_id, price FROM block_trades WHERE symbol = 'ETHBTC'"
              + " AND trade_id >= 100";
      String url = "jdbc:binance:?baseUrl=" + own.baseUrl() + "&maxRetries=0";
      List<String> first;
      try (Connection c = DriverManager.getConnection(url)) {
        first = Rows.lines(c, sql);
      }
      assertEquals(1003, first.size());
      assertEquals("2110|0.052", first.get(1002));
      own.resetRequests();
      try (Connection c = DriverManager.getConnection(url)) {
        assertEquals(first, Rows.lines(c, sql));
      }
      // A new connection: ids 100..2109 are held; only the newest (2110, the end of a short
      // page) is asked for again.
      own.verify(1, getRequestedFor(urlEqualTo(path + "2110&limit=1000")));
      own.verify(0, getRequestedFor(urlEqualTo(path + "100&limit=1000")));
      own.verify(0, getRequestedFor(urlEqualTo(path + "2099&limit=1000")));
    } finally {
      own.stop();
    }
  }

  @Test
  void blockTradesStopAtTheUpperIdBound() throws SQLException {
    stub(
        "/api/v3/historicalBlockTrades?symbol=BNBBTC&fromId=0&limit=1000",
        blockTrades(10, 1000, 3));
    assertEquals(
        List.of("13", "10"),
        rows(
            "SELECT trade_id FROM block_trades"
                + " WHERE symbol = 'BNBBTC' AND trade_id <= 14 ORDER BY trade_id DESC"));
    wm.verify(
        1,
        getRequestedFor(
            urlEqualTo("/api/v3/historicalBlockTrades?symbol=BNBBTC&fromId=0&limit=1000")));
  }

  @Test
  void exchangeInfoTablesAskForTheSymbolsStatusOrPermissionTheQueryNames() throws SQLException {
    String info = RealPayloadsTest.EXCHANGE_INFO;
    stub("/api/v3/exchangeInfo?symbolStatus=TRADING", info);
    stub("/api/v3/exchangeInfo?symbols=%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D", info);
    stub("/api/v3/exchangeInfo?symbol=BTCUSDT", info);
    stub("/api/v3/exchangeInfo?permissions=TRD_GRP_004", info);

    assertEquals(20, weightOf("SELECT symbol FROM symbols WHERE status = 'TRADING'"));
    assertEquals(
        List.of("BTCUSDT", "ETHUSDT"),
        rows(
            "SELECT symbol FROM symbols"
                + " WHERE symbol IN ('ETHUSDT', 'BTCUSDT') ORDER BY symbol"));
    assertEquals(6, rows("SELECT filter_type FROM symbol_filters WHERE symbol = 'BTCUSDT'").size());
    assertEquals(
        List.of("BTCUSDT|TRD_GRP_004", "ETHUSDT|TRD_GRP_004"),
        rows(
            "SELECT symbol,"
                + " permission FROM symbols WHERE permission = 'TRD_GRP_004' ORDER BY symbol"));

    wm.verify(1, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo?symbolStatus=TRADING")));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT")));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo?permissions=TRD_GRP_004")));
    wm.verify(0, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo")));
  }

  @Test
  void anUnknownSymbolOrAStatusBinanceCannotFilterReadsTheWholeExchangeInfoOnce()
      throws SQLException {
    stubStatus(
        "/api/v3/exchangeInfo?symbol=NOPE", 400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
    stub("/api/v3/exchangeInfo", RealPayloadsTest.EXCHANGE_INFO);

    assertEquals(List.of(), rows("SELECT symbol FROM symbols WHERE symbol = 'NOPE'"));
    assertEquals(List.of(), rows("SELECT symbol FROM symbols WHERE status = 'END_OF_DAY'"));
    // The whole answer is cached now: a symbol or a status is read from it.
    assertEquals(List.of("ETHUSDT"), rows("SELECT symbol FROM symbols WHERE symbol = 'ETHUSDT'"));
    assertEquals(2, rows("SELECT symbol FROM symbols WHERE status = 'TRADING'").size());

    wm.verify(1, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo?symbol=NOPE")));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo")));
  }

  @Test
  void aLowerCaseSymbolIsRefusedBeforeAnythingIsSent() {
    SQLException e =
        assertThrows(
            SQLException.class, () -> rows("SELECT * FROM ticker_price WHERE symbol = 'btcusdt'"));
    assertEquals("22023", e.getSQLState());
    assertEquals(
        "Symbols are upper case: 'btcusdt' matches no symbol; write 'BTCUSDT'", e.getMessage());
    assertThrows(
        SQLException.class,
        () -> rows("SELECT * FROM klines WHERE symbol = 'ethBtc' AND timeframe = '1d'"));
  }
}
