package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.binancejdbc.testing.WireMocks;
import java.net.ServerSocket;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What BI tools rely on beyond queries: setMaxRows as LIMIT, read-only connections, an isValid that
 * asks the server, refused writes, and errors that say everything at once.
 */
class JdbcBehaviourTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.lenient();

  private static final long NEWEST = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

  @BeforeEach
  void stubs() {
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/time"))
            .willReturn(okJson("{\"serverTime\":" + System.currentTimeMillis() + "}")));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/exchangeInfo"))
            .willReturn(okJson(RealPayloadsTest.EXCHANGE_INFO)));
  }

  private static Connection connect(String extra) throws SQLException {
    Properties p = new Properties();
    p.setProperty("apiKey", "test-key");
    p.setProperty("secretKey", "test-secret-xyz");
    return DriverManager.getConnection(
        "jdbc:binance:?maxRetries=0&baseUrl=" + wm.baseUrl() + extra, p);
  }

  private static List<String> queries(String path) {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : wm.findAll(getRequestedFor(urlPathEqualTo(path)))) {
      out.add(r.getUrl().substring(r.getUrl().indexOf('?') + 1));
    }
    return out;
  }

  private static void stubNewest(int n) {
    wm.stubFor(
        get(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=" + n))
            .willReturn(okJson(Bars.klines(NEWEST - (n - 1) * 60_000L, n, 60_000))));
  }

  private static final String UNORDERED =
      "SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1m'";

  private static List<Long> opens(ResultSet rs) throws SQLException {
    List<Long> out = new ArrayList<>();
    while (rs.next()) {
      out.add(rs.getObject(1, Instant.class).toEpochMilli());
    }
    rs.close();
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // setMaxRows

  @Test
  void maxRowsOfAPreparedStatementIsOneRequestForTheNewestRows() throws SQLException {
    stubNewest(200);
    try (Connection c = connect("");
        PreparedStatement ps = c.prepareStatement(UNORDERED)) {
      ps.setMaxRows(200);
      List<Long> opens = opens(ps.executeQuery());
      assertEquals(200, opens.size());
      assertTrue(opens.contains(NEWEST));
      assertEquals(200, ps.getMaxRows());
    }
    assertEquals(List.of("symbol=BTCUSDT&interval=1m&limit=200"), queries("/api/v3/klines"));
  }

  @Test
  void maxRowsFollowsEachExecutionOfAPreparedStatementWithItsParameters() throws SQLException {
    stubNewest(5);
    stubNewest(3);
    try (Connection c = connect("");
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT open_time FROM klines WHERE symbol = ?"
                    + " AND timeframe = ? ORDER BY open_time DESC")) {
      ps.setString(1, "BTCUSDT");
      ps.setString(2, "1m");
      ps.setQueryTimeout(30);
      ps.setLargeMaxRows(5);
      assertEquals(
          List.of(NEWEST, NEWEST - 60_000, NEWEST - 120_000, NEWEST - 180_000, NEWEST - 240_000),
          opens(ps.executeQuery()));
      ps.setMaxRows(3);
      assertEquals(List.of(NEWEST, NEWEST - 60_000, NEWEST - 120_000), opens(ps.executeQuery()));
      assertEquals(30, ps.getQueryTimeout());
    }
    assertEquals(
        List.of("symbol=BTCUSDT&interval=1m&limit=5", "symbol=BTCUSDT&interval=1m&limit=3"),
        queries("/api/v3/klines"));
  }

  @Test
  void maxRowsUnderAnExistingLimitAndAboveIt() throws SQLException {
    stubNewest(2);
    stubNewest(4);
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      s.setMaxRows(4);
      assertEquals(2, opens(s.executeQuery(UNORDERED + " LIMIT 2")).size());
      assertEquals(4, opens(s.executeQuery(UNORDERED + " LIMIT 10")).size());
    }
    assertEquals(
        List.of("symbol=BTCUSDT&interval=1m&limit=2", "symbol=BTCUSDT&interval=1m&limit=4"),
        queries("/api/v3/klines"));
  }

  @Test
  void maxRowsOnAnAggregateLimitsRowsNotTheScan() throws SQLException {
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines"))
            .willReturn(okJson(Bars.klines(NEWEST, 3, Bars.HOUR))));
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      s.setMaxRows(1);
      try (ResultSet rs =
          s.executeQuery(
              "SELECT COUNT(*) FROM klines WHERE symbol = 'BTCUSDT'"
                  + " AND timeframe = '1h' AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
                  + " AND open_time <= TIMESTAMP '2024-01-01 02:00:00'")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getInt(1));
        assertFalse(rs.next());
      }
    }
    assertEquals(
        List.of(
            "symbol=BTCUSDT&interval=1h&startTime="
                + NEWEST
                + "&endTime="
                + (NEWEST + 2 * Bars.HOUR)
                + "&limit=1000"),
        queries("/api/v3/klines"));
  }

  @Test
  void maxRowsOnTheOrderBookAsksForTheSmallestDepth() throws SQLException {
    wm.stubFor(
        get(urlEqualTo("/api/v3/depth?symbol=BTCUSDT&limit=5"))
            .willReturn(
                okJson(
                    "{\"lastUpdateId\":7,\"bids\":[[\"4.00\",\"1.0\"],[\"3.99\",\"2.0\"]],"
                        + "\"asks\":[[\"4.01\",\"1.0\"]]}")));
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      s.setMaxRows(5);
      try (ResultSet rs =
          s.executeQuery(
              "SELECT side, level, price FROM order_book" + " WHERE symbol = 'BTCUSDT'")) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        assertEquals(3, n);
      }
    }
    assertEquals(List.of("symbol=BTCUSDT&limit=5"), queries("/api/v3/depth"));
  }

  // ---------------------------------------------------------------------------------------------
  // Read-only

  private static final String PLACE =
      "CALL place_order(symbol => 'BTCUSDT', side => 'BUY',"
          + " order_type => 'LIMIT', quantity => 0.001, price => 20000, time_in_force => 'GTC')";

  @Test
  void setReadOnlyRefusesProceduresAndSendsNothing() throws SQLException {
    try (Connection c = connect("&trading=true")) {
      assertFalse(c.isReadOnly());
      assertFalse(c.getMetaData().isReadOnly());
      c.setReadOnly(true);
      assertTrue(c.isReadOnly());
      assertTrue(c.getMetaData().isReadOnly());
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> {
                try (ResultSet rs = c.createStatement().executeQuery(PLACE)) {
                  rs.next();
                }
              });
      assertEquals("25006", e.getSQLState());
      assertEquals(
          "place_order changes orders and this connection was set read-only"
              + " (Connection.setReadOnly(true)): call setReadOnly(false) to allow it. Nothing was"
              + " sent.",
          e.getMessage());
      try (CallableStatement cs = c.prepareCall("{call cancel_order(?, ?)}")) {
        cs.setString(1, "BTCUSDT");
        cs.setLong(2, 12345L);
        SQLException e2 = assertThrows(SQLException.class, () -> cs.executeQuery().next());
        assertEquals("25006", e2.getSQLState());
      }
      c.setReadOnly(false);
      assertFalse(c.isReadOnly());
    }
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void withoutTradingTheConnectionIsReadOnlyWhateverIsSet() throws SQLException {
    try (Connection c = connect("")) {
      assertTrue(c.isReadOnly());
      c.setReadOnly(false);
      assertTrue(c.isReadOnly());
    }
  }

  @Test
  void readOnlyStillAllowsTestOrders() throws SQLException {
    wm.stubFor(post(urlPathEqualTo("/api/v3/order/test")).willReturn(okJson("{}")));
    try (Connection c = connect("&trading=true")) {
      c.setReadOnly(true);
      try (ResultSet rs =
          c.createStatement().executeQuery(PLACE.replace("place_order", "test_order"))) {
        assertTrue(rs.next());
      }
    }
    assertEquals(1, wm.findAll(postRequestedFor(urlPathEqualTo("/api/v3/order/test"))).size());
  }

  // ---------------------------------------------------------------------------------------------
  // Writes

  /** The statement's first keyword in upper case, after white space and one leading comment. */
  private static String firstWord(String sql) {
    return sql.replaceAll("(?s)^\\s*(/\\*.*?\\*/|--[^\\n]*\\n)?\\s*", "")
        .split("\\s", -1)[0]
        .toUpperCase(java.util.Locale.ROOT);
  }

  @Test
  void writeStatementsFailAtOnceWithOneLine() throws SQLException {
    try (Connection c = connect("&trading=true");
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "UPDATE open_orders SET price = 1 WHERE order_id = 5",
              "  insert into klines (symbol) values ('X')",
              "/* grid edit */ DELETE FROM open_orders WHERE order_id = 5",
              "-- merge\nMERGE INTO account_balances USING (VALUES 1) v ON TRUE"
                  + " WHEN MATCHED THEN UPDATE SET asset = 'X'")) {
        SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql));
        assertEquals("25006", e.getSQLState(), sql);
        String word = firstWord(sql);
        assertEquals(
            word
                + " is not supported: the tables are read-only views of the exchange;"
                + " place, amend and cancel orders with the procedures, e.g. CALL place_order(...)"
                + " or CALL cancel_order(...)",
            e.getMessage());
        assertThrows(SQLException.class, () -> c.prepareStatement(sql));
        assertThrows(SQLException.class, () -> s.execute(sql));
      }
    }
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void aCallMayBeRunWithExecuteUpdateOnceAlsoPreparedAsACall() throws SQLException {
    wm.stubFor(post(urlPathEqualTo("/api/v3/order/test")).willReturn(okJson("{}")));
    try (Connection c = connect("&trading=true");
        Statement s = c.createStatement()) {
      assertEquals(-1, s.executeUpdate(PLACE.replace("place_order", "test_order")));
      // Also prepared as a call: its text becomes a query of the procedure, still a CALL.
      try (CallableStatement cs =
          c.prepareCall(
              "{" + PLACE.replace("place_order", "test_order").replace("CALL", "call") + "}")) {
        assertEquals(-1, cs.executeUpdate());
      }
      // A closed statement says so first, whatever the SQL.
      Statement t = c.createStatement();
      t.close();
      SQLException closed =
          assertThrows(SQLException.class, () -> t.executeUpdate("SELECT 1 FROM ticker_price"));
      assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
      assertEquals("55000", closed.getSQLState());
    }
    assertEquals(2, wm.findAll(postRequestedFor(urlPathEqualTo("/api/v3/order/test"))).size());
  }

  @Test
  void aQueryGivenToExecuteUpdateOrAddBatchIsRefusedBeforeAnythingIsSent() throws SQLException {
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/ticker/price"))
            .willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"43251.12000000\"}")));
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "SELECT price FROM ticker_price WHERE symbol = 'BTCUSDT'",
              "  with t AS (SELECT 1 AS x) SELECT x FROM t",
              "/* a probe */ VALUES 1",
              "EXPLAIN PLAN FOR SELECT * FROM ticker_price")) {
        String word = firstWord(sql);
        for (String method : List.of("executeUpdate", "executeLargeUpdate", "addBatch")) {
          SQLException e =
              assertThrows(
                  SQLException.class,
                  () -> {
                    switch (method) {
                      case "executeUpdate" -> s.executeUpdate(sql);
                      case "executeLargeUpdate" -> s.executeLargeUpdate(sql);
                      default -> s.addBatch(sql);
                    }
                  },
                  method + " " + sql);
          assertEquals("07003", e.getSQLState(), sql);
          assertEquals(
              method
                  + " cannot run "
                  + word
                  + ", which returns rows: use executeQuery or execute (only CALL of a procedure"
                  + " may be run with "
                  + method
                  + ")",
              e.getMessage());
        }
      }
      SQLException none = assertThrows(SQLException.class, () -> s.executeUpdate((String) null));
      assertEquals("42601", none.getSQLState());
      assertEquals("SQL text is null", none.getMessage());
      try (PreparedStatement ps =
          c.prepareStatement("SELECT price FROM ticker_price WHERE symbol = ?")) {
        ps.setString(1, "BTCUSDT");
        SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
        assertEquals("07003", e.getSQLState());
        assertEquals(
            "executeUpdate cannot run SELECT, which returns rows: use executeQuery or execute"
                + " (only CALL of a procedure may be run with executeUpdate)",
            e.getMessage());
        assertEquals("07003", assertThrows(SQLException.class, ps::addBatch).getSQLState());
        // The statement still runs as a query.
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals("43251.12000000", rs.getBigDecimal(1).toPlainString());
        }
      }
    }
    // Only the query run by executeQuery was sent.
    assertEquals(1, wm.getAllServeEvents().size());
  }

  // ---------------------------------------------------------------------------------------------
  // isValid

  @Test
  void isValidPingsTheServerAndChecksTheKeyOnce() throws SQLException {
    wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).willReturn(okJson("{}")));
    wm.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).willReturn(okJson("[]")));
    try (Connection c = connect("")) {
      assertTrue(c.isValid(5));
      assertTrue(c.isValid(0));
    }
    assertEquals(2, wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/ping"))).size());
    List<LoggedRequest> signed = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/openOrders")));
    assertEquals(1, signed.size());
    assertTrue(
        signed.get(0).getUrl().startsWith("/api/v3/openOrders?symbol=BTCUSDT&recvWindow="),
        signed.get(0).getUrl());
    assertEquals("test-key", signed.get(0).getHeader("X-MBX-APIKEY"));
  }

  @Test
  void isValidIsFalseForARejectedKey() throws SQLException {
    wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).willReturn(okJson("{}")));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/openOrders"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}")));
    try (Connection c = connect("")) {
      assertFalse(c.isValid(5));
    }
  }

  @Test
  void isValidAcceptsAKeyThatReachedABusinessError() throws SQLException {
    wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).willReturn(okJson("{}")));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/openOrders"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
    try (Connection c = connect("")) {
      assertTrue(c.isValid(5));
    }
  }

  @Test
  void isValidIsFalseForADeadHostAWrongUrlAndAClosedConnection() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:binance:?maxRetries=0&baseUrl=http://127.0.0.1:" + port)) {
      assertFalse(c.isValid(2));
      SQLException e = assertThrows(SQLException.class, () -> c.isValid(-1));
      assertEquals("22023", e.getSQLState());
    }
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/ping"))
            .willReturn(aResponse().withStatus(404).withBody("<html>not here</html>")));
    Connection c =
        DriverManager.getConnection("jdbc:binance:?maxRetries=0&baseUrl=" + wm.baseUrl());
    assertFalse(c.isValid(2));
    c.close();
    assertFalse(c.isValid(2));
  }

  @Test
  void isValidAnswersWithinItsTimeout() throws SQLException {
    wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).willReturn(okJson("{}").withFixedDelay(5_000)));
    try (Connection c =
        DriverManager.getConnection("jdbc:binance:?maxRetries=0&baseUrl=" + wm.baseUrl())) {
      long start = System.nanoTime();
      assertFalse(c.isValid(1));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 3_000, "isValid(1) took " + millis + " ms");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Errors

  @Test
  void aQueryMissingSeveralKeysNamesThemAllAtOnce() throws SQLException {
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> {
                try (ResultSet rs = s.executeQuery("SELECT * FROM klines")) {
                  rs.next();
                }
              });
      assertEquals("0A000", e.getSQLState());
      assertEquals(
          "klines needs symbol and timeframe: WHERE symbol = 'BTCUSDT' AND timeframe =" + " '1h'",
          e.getMessage());
      e =
          assertThrows(
              SQLException.class,
              () -> {
                try (ResultSet rs = s.executeQuery("SELECT * FROM klines WHERE timeframe = '1d'")) {
                  rs.next();
                }
              });
      assertEquals("klines needs symbol: WHERE symbol = 'BTCUSDT'", e.getMessage());
    }
    assertEquals(0, wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/klines"))).size());
  }

  @Test
  void metadataListsTheFunctionsThatWork() throws SQLException {
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      String time = c.getMetaData().getTimeDateFunctions();
      String numeric = c.getMetaData().getNumericFunctions();
      String string = c.getMetaData().getStringFunctions();
      assertTrue(time.contains("CURRENT_TIMESTAMP") && time.contains("TIMESTAMPADD"), time);
      assertTrue(numeric.contains("ROUND") && numeric.contains("ABS"), numeric);
      assertTrue(string.contains("UPPER"), string);
      for (String sql :
          List.of(
              "SELECT CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP, LOCALTIME, LOCALTIMESTAMP",
              "SELECT EXTRACT(YEAR FROM TIMESTAMP '2024-01-01 00:00:00'),"
                  + " FLOOR(TIMESTAMP '2024-01-01 05:00:00' TO DAY),"
                  + " CEIL(TIMESTAMP '2024-01-01 05:00:00' TO DAY),"
                  + " TIMESTAMPADD(HOUR, 1, TIMESTAMP '2024-01-01 00:00:00'),"
                  + " TIMESTAMPDIFF(HOUR, TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-02"
                  + " 00:00:00')",
              "SELECT YEAR(DATE '2024-01-01'), QUARTER(DATE '2024-01-01'), MONTH(DATE '2024-01-01'),"
                  + " WEEK(DATE '2024-01-01'), DAYOFYEAR(DATE '2024-01-01'),"
                  + " DAYOFMONTH(DATE '2024-01-01'), DAYOFWEEK(DATE '2024-01-01'),"
                  + " HOUR(TIMESTAMP '2024-01-01 05:06:07'), MINUTE(TIMESTAMP '2024-01-01 05:06:07'),"
                  + " SECOND(TIMESTAMP '2024-01-01 05:06:07')",
              "SELECT ABS(-1), ACOS(1), ASIN(0), ATAN(0), ATAN2(1, 1), CEILING(1.5), COS(0), COT(1),"
                  + " DEGREES(1), EXP(1), FLOOR(1.5), LN(2), LOG10(100), MOD(5, 3), PI, POWER(2, 3),"
                  + " RADIANS(90), RAND(), ROUND(1.25, 1), SIGN(-2), SIN(0), SQRT(4), TAN(0),"
                  + " TRUNCATE(1.25, 1)",
              "SELECT CHAR_LENGTH('ab'), CHARACTER_LENGTH('ab'), INITCAP('ab'),"
                  + " LOWER('A'), OVERLAY('abc' PLACING 'x' FROM 2), POSITION('b' IN 'abc'),"
                  + " REPLACE('ab', 'a', 'c'), SUBSTRING('abc' FROM 2), TRIM(' a '), UPPER('a')")) {
        try (ResultSet rs = s.executeQuery(sql)) {
          assertTrue(rs.next(), sql);
        }
      }
    }
  }
}
