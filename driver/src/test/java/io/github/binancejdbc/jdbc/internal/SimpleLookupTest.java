package io.github.binancejdbc.jdbc.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.binancejdbc.adapter.client.Sleeper;
import io.github.binancejdbc.adapter.client.WeightGovernor;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link SimpleLookup} against Calcite's own preparation of the same statements: the same metadata,
 * parameters, rows, requests and errors; the lookup path taken exactly for the accepted shape
 * (Calcite's parser never sees those statements).
 */
class SimpleLookupTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.lenient();

  private Connection conn;

  @BeforeEach
  void connect() throws SQLException {
    // Limits known up front: the requests compared are the statement's own.
    WeightGovernor.forBaseUrl(wm.baseUrl(), Clock.systemUTC(), Sleeper.SYSTEM)
        .setLimit("REQUEST_WEIGHT", "MINUTE", 1, WeightGovernor.DEFAULT_LIMIT);
    // Both paths must send the same requests: no closed bars kept from the first run.
    conn =
        DriverManager.getConnection(
            "jdbc:binance:?baseUrl=" + wm.baseUrl() + "&maxRetries=0&cacheSize=0");
    stubs(wm);
  }

  /**
   * {@link #stubs}, with the rate limits known up front, so that the requests a test compares are
   * its statements' own (no exchangeInfo asked for the limits).
   */
  static void stubsWithKnownLimits(WireMockExtension wm) {
    WeightGovernor.forBaseUrl(wm.baseUrl(), Clock.systemUTC(), Sleeper.SYSTEM)
        .setLimit("REQUEST_WEIGHT", "MINUTE", 1, WeightGovernor.DEFAULT_LIMIT);
    stubs(wm);
  }

  /** A ticker, an average price and two hourly bars. */
  static void stubs(WireMockExtension wm) {
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker/price?symbol=BTCUSDT"))
            .willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"43251.12000000\"}")));
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker/price?symbol=ETHUSDT"))
            .willReturn(okJson("{\"symbol\":\"ETHUSDT\",\"price\":\"2250.5\"}")));
    wm.stubFor(
        get(urlEqualTo("/api/v3/avgPrice?symbol=BTCUSDT"))
            .willReturn(
                okJson("{\"mins\":5,\"price\":\"43250.01234567\",\"closeTime\":1704067200000}")));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines"))
            .willReturn(
                okJson(
                    "[[1704067200000,\"42000.1\",\"42100\",\"41900\",\"42050.5\",\"12.5\","
                        + "1704070799999,\"525000.25\",100,\"6.25\",\"262500.125\",\"0\"],"
                        + "[1704070800000,\"42050.5\",\"42200\",\"42000\",\"42150\",\"10\","
                        + "1704074399999,\"421000\",90,\"5\",\"210500\",\"0\"]]")));
  }

  @AfterEach
  void close() throws SQLException {
    SimpleLookup.enabled = true;
    conn.close();
  }

  static final List<String> LOOKUPS =
      List.of(
          "SELECT price FROM ticker_price WHERE symbol = 'BTCUSDT'",
          "SELECT symbol, price FROM ticker_price WHERE symbol = 'BTCUSDT'",
          "select PRICE ,Symbol from BINANCE.Ticker_Price where SYMBOL='BTCUSDT'",
          "SELECT price FROM ticker_price WHERE symbol = 'NOPE'",
          "SELECT price, mins FROM avg_price WHERE symbol = 'BTCUSDT'",
          "SELECT open_time, close_price, symbol FROM klines WHERE symbol = 'BTCUSDT'"
              + " AND timeframe = '1h'",
          "SELECT close_price FROM klines WHERE timeframe = '1h' AND symbol = 'BTCUSDT'",
          "SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
              + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
              + " AND open_time < TIMESTAMP '2024-01-01 02:00:00.000'",
          "SELECT close_price FROM klines WHERE open_time > TIMESTAMP '2024-01-01 00:00:00.5'"
              + " AND symbol = 'BTCUSDT' AND open_time <= TIMESTAMP '2024-01-01 01:00:00'"
              + " AND timeframe = '1h'",
          "SELECT close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
              + " AND open_time = TIMESTAMP '2024-01-01 01:00:00'",
          "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
              + " AND open_time < TIMESTAMP '2024-01-01 01:00:00'",
          "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
              + " AND open_time >= TIMESTAMP '2024-01-01 01:00:00'",
          "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
              + " AND close_time > TIMESTAMP '2024-01-01 01:00:00'",
          // A required key missing: the same error from the scan on both paths.
          "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT'");

  static final List<String> OTHERS =
      List.of(
          "SELECT price FROM ticker_price WHERE symbol = 'BTCUSDT' ORDER BY price",
          "SELECT \"price\" FROM ticker_price WHERE symbol = 'BTCUSDT'",
          "SELECT price, price FROM ticker_price WHERE symbol = 'BTCUSDT'",
          "SELECT * FROM ticker_price WHERE symbol = 'BTCUSDT'",
          "SELECT price FROM ticker_price WHERE symbol = 'BTC USDT'",
          "SELECT price FROM ticker_price WHERE symbol = 'BTCUSDT' OR symbol = 'ETHUSDT'",
          "SELECT price FROM ticker_price WHERE symbol = 'BTCUSDT' AND symbol = 'ETHUSDT'",
          "SELECT price FROM ticker_price WHERE price = 1",
          "SELECT price FROM ticker_price WHERE symbol = 'BTCUSDT';",
          "SELECT price FROM ticker_price WHERE symbol = 'BTCUSDT' -- latest",
          "SELECT price AS p FROM ticker_price WHERE symbol = 'BTCUSDT'",
          "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
              + " AND open_time > TIMESTAMP '2024-13-45 00:00:00'",
          "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
              + " AND open_time > TIMESTAMP '2024-01-01 00:00:00' AND open_time > TIMESTAMP"
              + " '2024-01-01 00:30:00'",
          "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
              + " AND open_time > TIMESTAMP '2024-01-01 00:00:00.1234'",
          "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
              + " AND open_time <> TIMESTAMP '2024-01-01 00:00:00'",
          "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
              + " AND open_time > '2024-01-01 00:00:00'",
          "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
              + " AND open_time > ?");

  @Test
  void lookupsAnswerAsCalciteDoesWithoutCalcitesParser() throws SQLException {
    for (String sql : LOOKUPS) {
      String calcite = run(sql, false, 1);
      String lookup = run(sql, true, 0);
      assertEquals(calcite, lookup, sql);
    }
  }

  @Test
  void everythingElseIsPlannedByCalcite() throws SQLException {
    for (String sql : OTHERS) {
      // Some never reach the parser (the driver refuses a second statement after ';' first).
      int parses = sql.endsWith(";") ? 0 : 1;
      String calcite = run(sql, false, parses);
      assertEquals(calcite, run(sql, true, parses), sql);
    }
  }

  @Test
  @SuppressWarnings("try") // the hook is only held, for the block's duration
  void maxRowsIsPlannedByCalcite() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.setMaxRows(1);
      AtomicInteger parsed = new AtomicInteger();
      try (Hook.Closeable h = Hook.PARSE_TREE.addThread(count(parsed));
          ResultSet rs = s.executeQuery(LOOKUPS.get(0))) {
        assertTrue(rs.next());
        assertEquals("43251.12000000", rs.getBigDecimal(1).toPlainString());
      }
      assertEquals(1, parsed.get());
    }
  }

  @Test
  @SuppressWarnings("try") // the hook is only held, for the block's duration
  void preparedLookupHasCalcitesParametersAndRerunsWithNewValues() throws SQLException {
    String sql = "SELECT symbol, price FROM ticker_price WHERE symbol = ?";
    List<String> seen = new ArrayList<>();
    for (boolean enabled : new boolean[] {false, true}) {
      SimpleLookup.enabled = enabled;
      wm.resetRequests();
      AtomicInteger parsed = new AtomicInteger();
      StringBuilder out = new StringBuilder();
      try (Hook.Closeable h = Hook.PARSE_TREE.addThread(count(parsed));
          PreparedStatement ps = conn.prepareStatement(sql)) {
        out.append(LookupStatementTest.parameters(ps.getParameterMetaData()));
        for (String symbol : List.of("BTCUSDT", "ETHUSDT", "BTCUSDT")) {
          ps.setString(1, symbol);
          try (ResultSet rs = ps.executeQuery()) {
            out.append('\n').append(describe(rs));
          }
        }
      }
      out.append('\n').append(requests());
      assertEquals(enabled ? 0 : 1, parsed.get());
      seen.add(out.toString());
    }
    assertEquals(seen.get(0), seen.get(1));
    assertTrue(
        seen.get(1).contains("String:ETHUSDT|ETHUSDT BigDecimal:2250.5|2250.5"), seen.get(1));
    assertTrue(seen.get(1).contains("/api/v3/ticker/price?symbol=ETHUSDT"), seen.get(1));
  }

  /**
   * Metadata, rows (or the error) and requests of {@code sql}, checking that Calcite's parser ran
   * {@code parses} times.
   */
  @SuppressWarnings("try") // the hook is only held, for the block's duration
  private String run(String sql, boolean enabled, int parses) throws SQLException {
    SimpleLookup.enabled = enabled;
    wm.resetRequests();
    AtomicInteger parsed = new AtomicInteger();
    String result;
    try (Hook.Closeable h = Hook.PARSE_TREE.addThread(count(parsed));
        Statement s = conn.createStatement()) {
      try (ResultSet rs = s.executeQuery(sql)) {
        result = describe(rs);
      } catch (SQLException e) {
        result =
            "error " + e.getSQLState() + " " + e.getClass().getSimpleName() + " " + e.getMessage();
      }
    }
    assertEquals(parses, parsed.get(), (enabled ? "lookup on: " : "lookup off: ") + sql);
    return result + "\n" + requests();
  }

  private static Consumer<Object> count(AtomicInteger parsed) {
    return x -> parsed.incrementAndGet();
  }

  private static String requests() {
    List<String> urls = new ArrayList<>();
    for (ServeEvent e : wm.getAllServeEvents()) {
      urls.add(e.getRequest().getUrl());
    }
    java.util.Collections.reverse(urls);
    return urls.toString();
  }

  private static String describe(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    StringBuilder b = new StringBuilder(LookupStatementTest.columns(md));
    while (rs.next()) {
      for (int i = 1; i <= md.getColumnCount(); i++) {
        Object o = rs.getObject(i);
        b.append(o == null ? "null" : o.getClass().getSimpleName() + ":" + o)
            .append('|')
            .append(rs.getString(i))
            .append(' ');
      }
      b.append('\n');
    }
    return b.toString();
  }

  @Test
  void parsesOnlyTheAcceptedShape() {
    LookupSql.Parsed p =
        LookupSql.parse(
            " SELECT a, B_2 FROM s.T WHERE k = 'X-1.y' AND j=?"
                + " AND t>=timestamp '2024-02-29 23:59:59.5' AND t < TIMESTAMP '1970-01-01 00:00:00' ",
            "binance");
    assertNotNull(p);
    assertEquals(List.of("a", "b_2"), p.columns());
    assertEquals("s", p.schema());
    assertEquals("t", p.table());
    assertEquals(
        List.of(
            new LookupSql.Condition("k", "=", "X-1.y"),
            new LookupSql.Condition("j", "=", null),
            new LookupSql.Condition("t", ">=", 1709251199500L),
            new LookupSql.Condition("t", "<", 0L)),
        p.conditions());
    assertEquals("binance", LookupSql.parse("SELECT a FROM t WHERE k = 'x'", "binance").schema());
    for (String sql :
        List.of(
            "SELECT a FROM t",
            "SELECT a FROM t WHERE k = ''",
            "SELECT a FROM t WHERE k = 'x' AND",
            "SELECT a FROM t WHERE k = 'x''y'",
            "SELECT a FROM t WHERE k = 'x' OR j = 'y'",
            "SELECT a FROM t WHERE k = 1",
            "SELECT 1a FROM t WHERE k = 'x'",
            "SELECT a FROM t WHERE k = 'x' LIMIT 1",
            "SELECT a FROM t WHERE k = 'é'",
            "SELECT value FROM t WHERE k = 'x'",
            "SELECT a FROM t WHERE k = 'x' /* c */",
            "SELECT a FROM a.b.t WHERE k = 'x'",
            "EXPLAIN PLAN FOR SELECT a FROM t WHERE k = 'x'",
            "SELECT a FROM t WHERE t > TIMESTAMP '2023-02-29 00:00:00'",
            "SELECT a FROM t WHERE t > TIMESTAMP '2024-01-01'",
            "SELECT a FROM t WHERE t > TIMESTAMP '2024-01-01 0:00:00'",
            "SELECT a FROM t WHERE t != 'x'",
            "SELECT a FROM t WHERE t >= DATE '2024-01-01'")) {
      assertNull(LookupSql.parse(sql, "binance"), sql);
    }
    assertNull(LookupSql.parse("SELECT a FROM t WHERE k = 'x'", null));
  }

  /** Every table or column name Calcite's parser reserves is one the lookup leaves to Calcite. */
  @Test
  void reservedNamesOfTheSchemaAreLeftToCalcite() throws SQLException {
    SqlAbstractParserImpl.Metadata parser = SqlParser.create("").getMetadata();
    List<String> names = new ArrayList<>();
    try (ResultSet rs = conn.getMetaData().getColumns(null, "binance", "%", "%")) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
        names.add(rs.getString("COLUMN_NAME"));
      }
    }
    assertTrue(names.size() > 100, names.toString());
    List<String> missing = new ArrayList<>();
    for (String n : names) {
      if (parser.isReservedWord(n.toUpperCase(Locale.ROOT))
          && !LookupSql.RESERVED.contains(n)
          && !missing.contains(n)) {
        missing.add(n);
      }
    }
    assertEquals(List.of(), missing);
  }
}
