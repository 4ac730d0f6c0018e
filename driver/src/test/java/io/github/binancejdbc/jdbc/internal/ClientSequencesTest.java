package io.github.binancejdbc.jdbc.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.binancejdbc.jdbc.MetadataTest;
import io.github.binancejdbc.testing.WireMocks;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Call sequences of real clients (DBeaver, Metabase, report and data-frame readers, plain JDBC
 * code), each run on a fresh connection, where lookups run without Calcite's connection, and again
 * after a statement that is not a lookup created it, in three JVM zones: the same values, errors
 * (SQLState, class, message) and requests on both, asserted as the JDBC specification and the
 * Binance API have them.
 */
class ClientSequencesTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.lenient();

  private static final List<String> ZONES = List.of("UTC", "America/New_York", "Asia/Kolkata");
  private static final String PRICE = "SELECT symbol, price FROM ticker_price WHERE symbol = ?";
  private static final String BTC_PRICE =
      "SELECT symbol, price FROM ticker_price WHERE symbol = 'BTCUSDT'";

  /** A history scan of 1m bars: two pages of 1000 (then none stubbed). */
  private static final String MINUTES =
      "SELECT open_time, close_price FROM klines WHERE symbol = ? AND timeframe = '1m'"
          + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'";

  private static final long JAN_1 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

  private TimeZone zone;

  @BeforeEach
  void stubs() {
    zone = TimeZone.getDefault();
    SimpleLookupTest.stubsWithKnownLimits(wm);
    for (String symbol : List.of("5", "NOPE")) {
      wm.stubFor(
          get(urlEqualTo("/api/v3/ticker/price?symbol=" + symbol))
              .willReturn(
                  aResponse()
                      .withStatus(400)
                      .withHeader("Content-Type", "application/json")
                      .withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
    }
    wm.stubFor(get(urlEqualTo("/api/v3/ping")).willReturn(okJson("{}")));
    wm.stubFor(
        get(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT")).willReturn(okJson(EXCHANGE_INFO)));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines"))
            .withQueryParam("interval", equalTo("1m"))
            .withQueryParam("startTime", equalTo(String.valueOf(JAN_1)))
            .willReturn(okJson(minutes(JAN_1, 1000))));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines"))
            .withQueryParam("interval", equalTo("1m"))
            .withQueryParam("startTime", equalTo(String.valueOf(JAN_1 + 999 * 60_000L + 1)))
            .willReturn(okJson(minutes(JAN_1 + 1000 * 60_000L, 1000))));
  }

  @AfterEach
  void restore() {
    TimeZone.setDefault(zone);
  }

  private static final String EXCHANGE_INFO =
      """
      {"timezone":"UTC","serverTime":1704067200000,"rateLimits":[],"exchangeFilters":[],
       "symbols":[{"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC",
        "baseAssetPrecision":8,"quoteAsset":"USDT","quotePrecision":8,"quoteAssetPrecision":8,
        "baseCommissionPrecision":8,"quoteCommissionPrecision":8,
        "orderTypes":["LIMIT","LIMIT_MAKER","MARKET"],"icebergAllowed":true,"ocoAllowed":true,
        "otoAllowed":false,"quoteOrderQtyMarketAllowed":true,"allowTrailingStop":true,
        "cancelReplaceAllowed":true,"amendAllowed":false,"isSpotTradingAllowed":true,
        "isMarginTradingAllowed":false,"filters":[],"permissions":[],
        "permissionSets":[["SPOT","MARGIN"]],"defaultSelfTradePreventionMode":"EXPIRE_MAKER",
        "allowedSelfTradePreventionModes":["EXPIRE_TAKER","EXPIRE_MAKER"]}]}
      """;

  /** {@code n} one-minute bars from {@code first}, closing at 1 + minutes since 2024-01-01. */
  private static String minutes(long first, int n) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      long open = first + i * 60_000L;
      b.append(i == 0 ? "" : ",")
          .append(
              String.format(
                  Locale.ROOT,
                  "[%d,\"1\",\"2\",\"0.5\",\"%d.5\",\"10\",%d,\"15\",7,\"5\",\"7.5\",\"0\"]",
                  open,
                  (open - JAN_1) / 60_000L,
                  open + 59_999));
    }
    return b.append(']').toString();
  }

  /** The first page of {@link #MINUTES} answered after {@code millis}. */
  private static void slowFirstPage(int millis) {
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines"))
            .withQueryParam("interval", equalTo("1m"))
            .withQueryParam("startTime", equalTo(String.valueOf(JAN_1)))
            .willReturn(okJson(minutes(JAN_1, 1000)).withFixedDelay(millis)));
  }

  // ---------------------------------------------------------------------------------------------
  // The harness

  /** A client's calls on connection {@code c}; what they show goes to {@code out}. */
  @FunctionalInterface
  private interface Sequence {
    void run(Connection c, StringBuilder out) throws Exception;
  }

  /**
   * Runs {@code sequence} in every zone on a fresh connection (lookups without Calcite's
   * connection) and on one whose Calcite connection a planned statement has created: the same
   * output and requests on both.
   */
  private static void onBothPaths(Sequence sequence) throws Exception {
    onBothPaths(ZONES, sequence);
  }

  /** As {@link #onBothPaths(Sequence)}, in these zones only (for what reads no time value). */
  private static void onBothPaths(List<String> zones, Sequence sequence) throws Exception {
    for (String z : zones) {
      TimeZone.setDefault(TimeZone.getTimeZone(z));
      String fresh = run(sequence, false);
      String opened = run(sequence, true);
      assertEquals(fresh, opened, z);
    }
  }

  private static String run(Sequence sequence, boolean openFirst) throws Exception {
    wm.resetRequests();
    StringBuilder out = new StringBuilder();
    try (Connection c = connect()) {
      if (openFirst) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (VALUES (1), (2))")) {
          assertTrue(rs.next());
          assertEquals(2, rs.getInt(1));
        }
      }
      assertEquals(openFirst, opened(c));
      sequence.run(c, out);
    }
    return out + "\nrequests " + requests();
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:binance:?baseUrl="
            + wm.baseUrl()
            + "&maxRetries=0&cacheSize=0&maxConcurrentRequests=1&exchangeInfoTtl=0");
  }

  static boolean opened(Connection c) {
    return ((ConnectionProxy) Proxy.getInvocationHandler(c)).isOpened();
  }

  private static List<String> requests() {
    List<String> urls = new ArrayList<>();
    for (ServeEvent e : wm.getAllServeEvents()) {
      urls.add(e.getRequest().getUrl());
    }
    Collections.reverse(urls);
    return urls;
  }

  /** What {@code call} throws: SQLState, class and message, asserted to be one short line. */
  private static SQLException fails(Call call) {
    SQLException e = assertThrows(SQLException.class, call::run);
    assertNotNull(e.getSQLState(), e.toString());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(e.getMessage().contains("Internal error"), e.getMessage());
    return e;
  }

  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }

  private static String error(SQLException e) {
    return e.getSQLState() + " " + e.getClass().getSimpleName() + " " + e.getMessage();
  }

  // ---------------------------------------------------------------------------------------------
  // DBeaver

  @Test
  void dbeaverOpensAConnectionAndRunsALookupFromTheEditor() throws Exception {
    onBothPaths(
        (c, out) -> {
          // Connecting: the probes DBeaver makes before its first query.
          assertTrue(c.getAutoCommit());
          c.setAutoCommit(true);
          assertEquals(Connection.TRANSACTION_NONE, c.getTransactionIsolation());
          c.setReadOnly(false);
          assertTrue(c.isReadOnly(), "no trading: read-only whatever is set");
          assertEquals(0, c.getNetworkTimeout());
          ExecutorService executor = Executors.newSingleThreadExecutor();
          try {
            c.setNetworkTimeout(executor, 20_000);
          } finally {
            executor.shutdown();
          }
          assertEquals(20_000, c.getNetworkTimeout());
          assertTrue(c.isValid(5));
          // The editor's statement: forward-only, read-only, a fetch size and max rows.
          try (Statement s =
              c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(200);
            s.setMaxRows(200);
            assertTrue(s.execute(BTC_PRICE));
            ResultSet rs = s.getResultSet();
            assertEquals(-1, s.getUpdateCount());
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
            assertTrue(rs.next());
            assertEquals("BTCUSDT", rs.getString(1));
            assertEquals(new BigDecimal("43251.12000000"), rs.getBigDecimal(2));
            assertFalse(rs.next());
            assertFalse(s.getMoreResults());
            assertTrue(rs.isClosed(), "getMoreResults() closes the current result set");
            assertEquals(-1, s.getUpdateCount());
            assertNull(s.getWarnings());
            s.clearWarnings();
            assertEquals(200, s.getMaxRows());
            assertEquals(200, s.getFetchSize());
          }
          // Then the navigator: metadata, which needs no request.
          DatabaseMetaData md = c.getMetaData();
          assertEquals("\"", md.getIdentifierQuoteString());
          assertFalse(md.supportsTransactions());
          assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
          assertTrue(
              md.supportsResultSetConcurrency(
                  ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
          assertEquals(Connection.TRANSACTION_NONE, md.getDefaultTransactionIsolation());
          assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
          assertTrue(md.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT));
          assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, md.getResultSetHoldability());
          assertFalse(md.ownUpdatesAreVisible(ResultSet.TYPE_FORWARD_ONLY));
          assertFalse(md.othersInsertsAreVisible(ResultSet.TYPE_FORWARD_ONLY));
          assertFalse(md.deletesAreDetected(ResultSet.TYPE_FORWARD_ONLY));
          out.append(MetadataTest.column(md.getCatalogs(), "TABLE_CAT"));
          out.append(MetadataTest.column(md.getSchemas(), "TABLE_SCHEM"));
          List<String> tables =
              MetadataTest.column(md.getTables(null, "binance", "%", null), "TABLE_NAME");
          assertTrue(
              tables.contains("ticker_price") && tables.contains("klines"), tables::toString);
          out.append(tables);
          List<String> columns =
              MetadataTest.column(md.getColumns(null, "binance", "ticker_price", "%"), "TYPE_NAME");
          assertEquals(List.of("VARCHAR", "DECIMAL"), columns);
          assertEquals("binance", c.getSchema());
          c.setSchema("binance");
          // The same lookup once more, now that the metadata created Calcite's connection.
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(BTC_PRICE)) {
            assertTrue(rs.next());
            assertEquals("43251.12000000", rs.getString(2));
          }
        });
    assertEquals(
        List.of(
            "/api/v3/ping",
            "/api/v3/ticker/price?symbol=BTCUSDT",
            "/api/v3/ticker/price?symbol=BTCUSDT"),
        requests());
  }

  @Test
  void scrollableOrUpdatableStatementsAreForwardOnlyReadOnlyWithAWarning() throws Exception {
    onBothPaths(
        List.of("UTC"),
        (c, out) -> {
          boolean before = opened(c);
          // Forward-only and read-only, as DBeaver and JasperReports ask: lookups as before.
          try (Statement s =
                  c.createStatement(
                      ResultSet.TYPE_FORWARD_ONLY,
                      ResultSet.CONCUR_READ_ONLY,
                      ResultSet.HOLD_CURSORS_OVER_COMMIT);
              PreparedStatement ps =
                  c.prepareStatement(
                      PRICE, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            assertEquals("BTCUSDT 43251.12000000\n", values(s.executeQuery(BTC_PRICE)));
            ps.setString(1, "ETHUSDT");
            assertEquals("ETHUSDT 2250.5\n", values(ps.executeQuery()));
            assertEquals(before, opened(c), "lookups need no Calcite connection");
            assertNull(c.getWarnings());
          }
          try (Statement s =
                  c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE);
              PreparedStatement ps =
                  c.prepareStatement(
                      PRICE, ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            SQLWarning w = c.getWarnings();
            assertNotNull(w);
            assertEquals("01S02", w.getSQLState());
            assertEquals(
                "Result sets are forward-only and read-only: the statement gives"
                    + " TYPE_FORWARD_ONLY, CONCUR_READ_ONLY result sets instead of the type and"
                    + " concurrency asked for",
                w.getMessage());
            assertNotNull(w.getNextWarning());
            c.clearWarnings();
            assertNull(c.getWarnings());
            ResultSet rs = s.executeQuery(BTC_PRICE);
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
            assertEquals("BTCUSDT 43251.12000000\n", values(rs));
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, s.getResultSetType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, s.getResultSetConcurrency());
            ps.setString(1, "BTCUSDT");
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, ps.executeQuery().getType());
          }
          SQLException bad = fails(() -> c.createStatement(42, ResultSet.CONCUR_READ_ONLY));
          assertEquals("22023", bad.getSQLState());
          assertEquals("Result set type 42 is not a ResultSet.TYPE_ constant", bad.getMessage());
        });
    assertEquals(
        List.of(
            "/api/v3/ticker/price?symbol=BTCUSDT",
            "/api/v3/ticker/price?symbol=ETHUSDT",
            "/api/v3/ticker/price?symbol=BTCUSDT",
            "/api/v3/ticker/price?symbol=BTCUSDT"),
        requests());
  }

  @Test
  void aStatementRunsALookupThenAPlannedQueryThenALookupAgain() throws Exception {
    onBothPaths(
        (c, out) -> {
          try (Statement s = c.createStatement()) {
            ResultSet first = s.executeQuery(BTC_PRICE);
            assertTrue(first.next());
            assertEquals("43251.12000000", first.getString("price"));
            ResultSet planned =
                s.executeQuery(
                    "SELECT symbol, price FROM ticker_price WHERE symbol = 'ETHUSDT'"
                        + " ORDER BY price");
            assertTrue(opened(c), "a planned query needs Calcite's connection");
            assertTrue(first.isClosed(), "executing again closes the last result set");
            assertTrue(planned.next());
            assertEquals("2250.5", planned.getString(2));
            ResultSet again = s.executeQuery(BTC_PRICE);
            assertTrue(planned.isClosed());
            assertTrue(again.next());
            assertEquals("43251.12000000", again.getString(2));
            assertFalse(again.next());
            assertEquals(s, again.getStatement());
            assertEquals(c, s.getConnection());
          }
        });
    assertEquals(
        List.of(
            "/api/v3/ticker/price?symbol=BTCUSDT",
            "/api/v3/ticker/price?symbol=ETHUSDT",
            "/api/v3/ticker/price?symbol=BTCUSDT"),
        requests());
  }

  @Test
  void aPreparedLookupIsReusedWithClearParametersAndEverySetter() throws Exception {
    onBothPaths(
        (c, out) -> {
          try (PreparedStatement ps = c.prepareStatement(PRICE)) {
            ParameterMetaData pm = ps.getParameterMetaData();
            assertEquals(1, pm.getParameterCount());
            assertEquals(Types.VARCHAR, pm.getParameterType(1));
            assertEquals("VARCHAR", pm.getParameterTypeName(1));
            assertEquals(ParameterMetaData.parameterModeIn, pm.getParameterMode(1));
            SQLException e = fails(() -> pm.getParameterType(2));
            assertEquals("07009", e.getSQLState());
            assertEquals(
                "Parameter index 2 is out of range: parameters are numbered from 1 to the number"
                    + " of ? in the statement (ParameterMetaData.getParameterCount())",
                e.getMessage());
            ResultSetMetaData md = ps.getMetaData();
            assertEquals(2, md.getColumnCount());
            assertEquals("DECIMAL", md.getColumnTypeName(2));
            assertEquals("07009", fails(() -> md.getColumnType(3)).getSQLState());

            ps.setString(1, "BTCUSDT");
            out.append(values(ps.executeQuery()));
            ps.clearParameters();
            SQLException unbound = fails(ps::executeQuery);
            assertEquals("07001", unbound.getSQLState());
            assertEquals(
                "A ? parameter has no value: call setXxx(index, value) for every ? before"
                    + " executing",
                unbound.getMessage());
            SQLException index = fails(() -> ps.setString(2, "X"));
            assertEquals("07009", index.getSQLState());
            assertTrue(index.getMessage().startsWith("Parameter index 2 is out of range"));
            ps.setObject(1, "ETHUSDT");
            out.append(values(ps.executeQuery()));
            ps.setObject(1, "BTCUSDT", Types.VARCHAR);
            out.append(values(ps.executeQuery()));
            ps.setObject(1, "ETHUSDT", JDBCType.VARCHAR);
            out.append(values(ps.executeQuery()));
            ps.setNString(1, "BTCUSDT");
            out.append(values(ps.executeQuery()));
            // A number where the symbol belongs is sent as its text, which Binance refuses.
            ps.setInt(1, 5);
            SQLException number = fails(ps::executeQuery);
            assertEquals(-1121, number.getErrorCode());
            ps.setObject(1, 5L);
            assertEquals(error(number), error(fails(ps::executeQuery)));
            // No symbol is NULL: no row, and nothing asked.
            ps.setObject(1, null);
            out.append(values(ps.executeQuery()));
            ps.setNull(1, Types.VARCHAR);
            out.append(values(ps.executeQuery()));
            ps.setString(1, null);
            out.append(values(ps.executeQuery()));
          }
          assertEquals(
              """
              BTCUSDT 43251.12000000
              ETHUSDT 2250.5
              BTCUSDT 43251.12000000
              ETHUSDT 2250.5
              BTCUSDT 43251.12000000



              """,
              out.toString());
        });
    assertEquals(7, requests().size(), requests()::toString);
    assertEquals("/api/v3/ticker/price?symbol=5", requests().get(5));
  }

  @Test
  void aSymbolThatDoesNotExistIsBinancesErrorOnEveryPath() throws Exception {
    onBothPaths(
        (c, out) -> {
          try (PreparedStatement ps = c.prepareStatement(PRICE)) {
            ps.setString(1, "NOPE");
            SQLException e =
                fails(
                    () -> {
                      try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                      }
                    });
            assertInstanceOf(SQLDataException.class, e);
            assertEquals("22023", e.getSQLState());
            assertEquals(-1121, e.getErrorCode());
            assertEquals(
                "Binance API error -1121 (HTTP 400) on GET /api/v3/ticker/price: Invalid symbol."
                    + " [symbol=NOPE] (hint: check the symbol in the symbols table)",
                e.getMessage());
            // The statement is still usable.
            ps.setString(1, "BTCUSDT");
            assertEquals("BTCUSDT 43251.12000000\n", values(ps.executeQuery()));
          }
          try (Statement s = c.createStatement()) {
            SQLException e =
                fails(() -> s.executeQuery("SELECT price FROM ticker_price WHERE symbol = 'NOPE'"));
            assertEquals(-1121, e.getErrorCode());
            out.append(error(e));
          }
        });
    assertEquals(
        List.of(
            "/api/v3/ticker/price?symbol=NOPE",
            "/api/v3/ticker/price?symbol=BTCUSDT",
            "/api/v3/ticker/price?symbol=NOPE"),
        requests());
  }

  @Test
  void everyColumnTypeReadsTheSameInEveryZone() throws Exception {
    onBothPaths(
        (c, out) -> {
          try (Statement s = c.createStatement()) {
            ResultSet rs =
                s.executeQuery(
                    "SELECT symbol, base_asset_precision, iceberg_allowed, oto_allowed,"
                        + " is_spot_trading_allowed FROM symbols WHERE symbol = 'BTCUSDT'");
            ResultSetMetaData md = rs.getMetaData();
            assertEquals("VARCHAR INTEGER BOOLEAN", types(md, 3));
            assertTrue(rs.next());
            assertEquals(8, rs.getInt(2));
            assertEquals(Integer.valueOf(8), rs.getObject(2));
            assertTrue(rs.getBoolean(3));
            assertEquals(true, rs.getObject(3));
            assertEquals("true", rs.getString(3));
            assertFalse(rs.getBoolean(4));
            assertFalse(rs.wasNull());
            assertEquals(false, rs.getObject("oto_allowed"));
            assertEquals(true, rs.getObject(5, Boolean.class));
            assertEquals(8, rs.getObject(2, Integer.class));
            assertEquals(8L, rs.getObject(2, Long.class));
            assertEquals("BTCUSDT", rs.getObject(1, Object.class));
            assertFalse(rs.next());

            rs =
                s.executeQuery(
                    "SELECT open_time, close_price, trade_count, close_time FROM klines"
                        + " WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
                        + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'");
            assertEquals("TIMESTAMP DECIMAL BIGINT TIMESTAMP", types(rs.getMetaData(), 4));
            assertTrue(rs.next());
            // The UTC wall clock in every JVM zone.
            assertEquals("2024-01-01 00:00:00.0", rs.getTimestamp(1).toString());
            assertEquals("2024-01-01 00:59:59.999", rs.getTimestamp(4).toString());
            assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), rs.getObject(1, LocalDateTime.class));
            assertEquals(Instant.ofEpochMilli(JAN_1), rs.getObject(1, Instant.class));
            assertEquals(Timestamp.valueOf("2024-01-01 00:00:00"), rs.getObject(1));
            assertEquals("2024-01-01 00:00:00.000", rs.getString(1));
            assertEquals(new BigDecimal("42050.5"), rs.getBigDecimal(2));
            assertEquals(100L, rs.getLong(3));
            assertEquals(Long.valueOf(100), rs.getObject(3));
            assertEquals(100L, rs.getObject(3, Long.class));
            assertEquals(100, rs.getObject(3, Integer.class));
            assertEquals(42050.5, rs.getObject(2, Double.class));
            assertTrue(rs.next());
            assertEquals("2024-01-01 01:00:00.0", rs.getTimestamp("open_time").toString());
            assertFalse(rs.next());
            rs =
                s.executeQuery(
                    "SELECT mins, price, close_time FROM avg_price WHERE symbol = 'BTCUSDT'");
            assertTrue(rs.next());
            out.append(rs.getMetaData().getColumnTypeName(1)).append(' ').append(rs.getObject(1));
            out.append(' ').append(rs.getString(2)).append(' ').append(rs.getTimestamp(3));
            assertFalse(rs.next());
          }
          assertEquals("INTEGER 5 43250.01234567 2024-01-01 00:00:00.0", out.toString());
        });
  }

  private static String types(ResultSetMetaData md, int n) throws SQLException {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      b.append(i == 1 ? "" : " ").append(md.getColumnTypeName(i));
    }
    return b.toString();
  }

  @Test
  void aDataFrameReaderRunsALookupAndReadsEachColumnByItsType() throws Exception {
    onBothPaths(
        (c, out) -> {
          // Spark's schema probe, then the read (JayDeBeApi/pandas: execute, getResultSet, the
          // update count, then each column through the getter of its type).
          String sql =
              "SELECT open_time, close_price, trade_count FROM klines WHERE symbol = 'BTCUSDT'"
                  + " AND timeframe = '1h' AND open_time >= TIMESTAMP '2024-01-01 00:00:00'";
          try (PreparedStatement probe =
                  c.prepareStatement("SELECT * FROM (" + sql + ") SPARK_GEN_SUBQ_0 WHERE 1=0");
              ResultSet rs = probe.executeQuery()) {
            assertEquals("TIMESTAMP DECIMAL BIGINT", types(rs.getMetaData(), 3));
            assertFalse(rs.next());
          }
          try (PreparedStatement ps =
              c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            assertTrue(ps.execute());
            ResultSet rs = ps.getResultSet();
            assertEquals(-1, ps.getUpdateCount());
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
              for (int i = 1; i <= md.getColumnCount(); i++) {
                Object v =
                    switch (md.getColumnType(i)) {
                      case Types.TIMESTAMP -> rs.getTimestamp(i);
                      case Types.DECIMAL -> rs.getBigDecimal(i);
                      case Types.BIGINT -> rs.getLong(i);
                      default -> rs.getObject(i);
                    };
                out.append(v).append(rs.wasNull() ? " null" : "").append(' ');
              }
              out.append('\n');
            }
            rs.close();
            assertFalse(ps.getMoreResults());
          }
          assertEquals(
              """
              2024-01-01 00:00:00.0 42050.5 100\s
              2024-01-01 01:00:00.0 42150 90\s
              """,
              out.toString());
        });
    assertEquals(
        List.of("/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=" + JAN_1 + "&limit=1000"),
        requests());
  }

  @Test
  void aServerThatDropsTheConnectionIsTheSameErrorOnEveryPath() throws Exception {
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker/price?symbol=DOWN"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker/price?symbol=BUSY"))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":-1008,\"msg\":\"Server is currently overloaded.\"}")));
    onBothPaths(
        List.of("UTC"),
        (c, out) -> {
          try (PreparedStatement ps = c.prepareStatement(PRICE)) {
            for (String symbol : List.of("DOWN", "BUSY")) {
              ps.setString(1, symbol);
              SQLException e = fails(() -> values(ps.executeQuery()));
              out.append(error(e)).append(' ').append(e.getErrorCode()).append('\n');
            }
            ps.setString(1, "BTCUSDT");
            out.append(values(ps.executeQuery()));
          }
          assertEquals(
              "58030 SQLTransientException I/O error on GET /api/v3/ticker/price:"
                  + " java.net.SocketException: Connection reset [symbol=DOWN] (no retry allowed)"
                  + " 0\n"
                  + "58000 SQLTransientException Binance API error -1008 (HTTP 503) on GET"
                  + " /api/v3/ticker/price: Server is currently overloaded. [symbol=BUSY] (no"
                  + " retry allowed) -1008\n"
                  + "BTCUSDT 43251.12000000\n",
              out.toString());
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Metabase

  @Test
  void metabaseRunsAPreparedLookupWithATimeoutAndReadsEveryColumn() throws Exception {
    onBothPaths(
        (c, out) -> {
          try (PreparedStatement ps = c.prepareStatement(PRICE)) {
            ps.setQueryTimeout(60);
            ps.setString(1, "BTCUSDT");
            ResultSet rs = ps.executeQuery();
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(2, md.getColumnCount());
            assertEquals("symbol", md.getColumnLabel(1));
            assertEquals("price", md.getColumnName(2));
            assertEquals(Types.DECIMAL, md.getColumnType(2));
            assertEquals("java.math.BigDecimal", md.getColumnClassName(2));
            assertTrue(rs.isBeforeFirst());
            assertFalse(rs.isAfterLast());
            assertEquals(0, rs.getRow());
            SQLException noRow = fails(() -> rs.getString(1));
            assertEquals("24000", noRow.getSQLState());
            assertEquals("No current row: call next() before reading a value", noRow.getMessage());
            assertTrue(rs.next());
            assertEquals(1, rs.getRow());
            assertTrue(rs.isFirst());
            assertFalse(rs.isBeforeFirst());
            for (int i = 1; i <= md.getColumnCount(); i++) {
              out.append(rs.getObject(i)).append(' ');
            }
            assertEquals(new BigDecimal("43251.12000000"), rs.getObject(2));
            SQLException last = fails(rs::isLast);
            assertEquals("0A000", last.getSQLState());
            assertEquals(
                "ResultSet.isLast is not supported: result sets are forward-only and read-only"
                    + " (read them with next())",
                last.getMessage());
            assertFalse(rs.next());
            assertTrue(rs.isAfterLast());
            assertEquals(0, rs.getRow());
            SQLException afterEnd = fails(() -> rs.getString(1));
            assertEquals("24000", afterEnd.getSQLState());
            assertEquals(
                "No current row: next() returned false, every row has been read",
                afterEnd.getMessage());
            assertFalse(rs.isClosed());
            rs.close();
            assertTrue(rs.isClosed());
            assertEquals(60, ps.getQueryTimeout());
          }
          // Metabase's LIMIT on a question: planned by Calcite on both paths.
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT symbol, price FROM ticker_price WHERE symbol = ? LIMIT 1")) {
            ps.setQueryTimeout(60);
            ps.setString(1, "ETHUSDT");
            out.append(values(ps.executeQuery()));
          }
          assertEquals("BTCUSDT 43251.12000000 ETHUSDT 2250.5\n", out.toString());
        });
    assertEquals(
        List.of("/api/v3/ticker/price?symbol=BTCUSDT", "/api/v3/ticker/price?symbol=ETHUSDT"),
        requests());
  }

  // ---------------------------------------------------------------------------------------------
  // Closing, in any order

  @Test
  void closingAConnectionClosesItsStatementsAndTheirResultSets() throws Exception {
    onBothPaths(
        (c, out) -> {
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(BTC_PRICE);
          PreparedStatement ps = c.prepareStatement(PRICE);
          ps.setString(1, "ETHUSDT");
          ResultSet prs = ps.executeQuery();
          Statement unused = c.createStatement();
          c.close();
          assertTrue(c.isClosed());
          assertTrue(s.isClosed());
          assertTrue(rs.isClosed());
          assertTrue(ps.isClosed());
          assertTrue(prs.isClosed());
          assertTrue(unused.isClosed());
          SQLException e = fails(() -> s.executeQuery(BTC_PRICE));
          assertEquals("55000", e.getSQLState());
          assertEquals(
              "Statement is closed: create another one from an open connection", e.getMessage());
          assertEquals(error(e), error(fails(ps::executeQuery)));
          SQLException closedRs = fails(rs::next);
          assertEquals("24000", closedRs.getSQLState());
          assertEquals(error(closedRs), error(fails(() -> prs.getString(1))));
          SQLException conn = fails(c::createStatement);
          assertEquals("08003", conn.getSQLState());
          assertEquals("Connection is closed", conn.getMessage());
          assertFalse(c.isValid(1));
          out.append(error(closedRs));
        });
    assertEquals(
        List.of("/api/v3/ticker/price?symbol=BTCUSDT", "/api/v3/ticker/price?symbol=ETHUSDT"),
        requests());
  }

  @Test
  void aResultSetReadAfterItsStatementClosedSaysSo() throws Exception {
    onBothPaths(
        (c, out) -> {
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(BTC_PRICE);
          assertTrue(rs.next());
          SQLException column = fails(() -> rs.getString(3));
          assertEquals("07009", column.getSQLState());
          assertEquals(
              "Column index 3 is out of range: columns are numbered from 1 to"
                  + " ResultSetMetaData.getColumnCount()",
              column.getMessage());
          SQLException label = fails(() -> rs.getString("nope"));
          assertEquals("42703", label.getSQLState());
          assertEquals(
              "Column 'nope' is not in this result set: use a label of"
                  + " ResultSetMetaData.getColumnLabel",
              label.getMessage());
          assertEquals("07009", fails(() -> rs.getMetaData().getColumnType(3)).getSQLState());
          assertEquals("0A000", fails(rs::previous).getSQLState());
          assertEquals(
              "ResultSet.updateString is not supported: result sets are forward-only and"
                  + " read-only (read them with next())",
              fails(() -> rs.updateString(1, "x")).getMessage());
          s.close();
          s.close();
          assertTrue(rs.isClosed());
          SQLException closed = fails(rs::next);
          assertEquals("24000", closed.getSQLState());
          assertEquals(
              "ResultSet is closed (closing its statement or connection, or executing the"
                  + " statement again, closes it): read the rows first",
              closed.getMessage());
          assertEquals("55000", fails(s::getResultSet).getSQLState());
          assertEquals("22023", fails(() -> c.createStatement().setFetchSize(-1)).getSQLState());
          SQLException timeout = fails(() -> c.createStatement().setQueryTimeout(-1));
          assertEquals("22023", timeout.getSQLState());
          assertEquals("Query timeout must not be negative, but was -1", timeout.getMessage());
          try (PreparedStatement ps = c.prepareStatement(PRICE)) {
            SQLException text = fails(() -> ps.executeQuery(BTC_PRICE));
            assertEquals("0A000", text.getSQLState());
            out.append(error(text));
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Cancel and timeout

  @Test
  void cancelFromAnotherThreadStopsTheScanAndTheStatementRunsAgain() throws Exception {
    onBothPaths(
        (c, out) -> {
          try (PreparedStatement ps = c.prepareStatement(MINUTES)) {
            ps.setString(1, "BTCUSDT");
            // A cancel while nothing runs changes nothing.
            ps.cancel();
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
              other
                  .submit(
                      () -> {
                        ps.cancel();
                        return null;
                      })
                  .get(5, TimeUnit.SECONDS);
            } finally {
              other.shutdown();
            }
            SQLException e =
                fails(
                    () -> {
                      while (rs.next()) {
                        // the rest of the page at most, then the cancel
                      }
                    });
            assertInstanceOf(SQLTimeoutException.class, e);
            assertEquals("57014", e.getSQLState());
            assertEquals("Statement was cancelled", e.getMessage());
            // A cancel stops the execution it interrupted, not the next one.
            ResultSet again = ps.executeQuery();
            int n = 0;
            while (again.next() && n < 1500) {
              n++;
            }
            assertEquals(1500, n);
            assertEquals("2024-01-02 01:00:00.0", again.getTimestamp(1).toString());
          }
        });
    String first = "/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=" + JAN_1 + "&limit=1000";
    String second =
        "/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime="
            + (JAN_1 + 999 * 60_000L + 1)
            + "&limit=1000";
    assertEquals(List.of(first, first, second), requests());
  }

  @Test
  void aTimedOutStatementRunsAgainWithoutTheTimeout() throws Exception {
    slowFirstPage(1100);
    onBothPaths(
        List.of("UTC"),
        (c, out) -> {
          try (Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            String sql = MINUTES.replace("?", "'BTCUSDT'");
            SQLException e =
                fails(
                    () -> {
                      try (ResultSet rs = s.executeQuery(sql)) {
                        while (rs.next()) {
                          Thread.sleep(1);
                        }
                      }
                    });
            assertInstanceOf(SQLTimeoutException.class, e);
            assertEquals("57014", e.getSQLState());
            out.append(error(e)).append('\n');
            s.setQueryTimeout(0);
            try (ResultSet rs = s.executeQuery(BTC_PRICE)) {
              assertTrue(rs.next());
              assertEquals("43251.12000000", rs.getString(2));
            }
          }
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Faults the lookup path (LookupStatement) once had

  @Test
  void getResultSetAfterAnotherCallStillAnswersTheLastExecution() throws Exception {
    onBothPaths(
        (c, out) -> {
          try (Statement s = c.createStatement()) {
            assertTrue(s.execute(BTC_PRICE));
            assertEquals(0, s.getQueryTimeout());
            ResultSet rs = s.getResultSet();
            assertNotNull(rs);
            assertEquals(-1, s.getUpdateCount());
            assertTrue(rs.next());
            assertEquals("43251.12000000", rs.getString(2));
          }
        });
  }

  @Test
  void aClosedStatementRefusesGetResultSetAlsoAfterAnotherCallMovedIt() throws Exception {
    onBothPaths(
        (c, out) -> {
          Statement s = c.createStatement();
          assertTrue(s.execute(BTC_PRICE));
          ResultSet rs = s.getResultSet();
          assertEquals(0, s.getQueryTimeout()); // a call that moves the lookup to Calcite's
          s.close();
          assertTrue(s.isClosed());
          assertTrue(rs.isClosed());
          for (SQLException e :
              List.of(fails(s::getResultSet), fails(s::getUpdateCount), fails(s::getMoreResults))) {
            assertEquals("55000", e.getSQLState(), e.getMessage());
          }
        });
  }

  @Test
  void getMoreResultsWithCloseCurrentResultClosesIt() throws Exception {
    onBothPaths(
        (c, out) -> {
          try (Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery(BTC_PRICE);
            assertFalse(s.getMoreResults(Statement.CLOSE_CURRENT_RESULT));
            assertTrue(rs.isClosed());
            assertEquals(-1, s.getUpdateCount());
          }
        });
  }

  @Test
  void cancelDoesNotWaitForTheFirstPage() throws Exception {
    slowFirstPage(600);
    onBothPaths(
        List.of("UTC"),
        (c, out) -> {
          try (PreparedStatement ps = c.prepareStatement(MINUTES)) {
            ps.setString(1, "BTCUSDT");
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
              Future<Long> took =
                  other.submit(
                      () -> {
                        Thread.sleep(150);
                        long start = System.nanoTime();
                        ps.cancel();
                        return (System.nanoTime() - start) / 1_000_000;
                      });
              SQLException e =
                  fails(
                      () -> {
                        try (ResultSet rs = ps.executeQuery()) {
                          while (rs.next()) {
                            // until the cancel
                          }
                        }
                      });
              assertEquals("57014", e.getSQLState());
              assertTrue(took.get(5, TimeUnit.SECONDS) < 300, "cancel() waited");
            } finally {
              other.shutdown();
            }
          }
        });
  }

  @Test
  void aCancelledStatementThatMovedToCalcitesRunsAgain() throws Exception {
    onBothPaths(
        List.of("UTC"),
        (c, out) -> {
          try (PreparedStatement ps = c.prepareStatement(MINUTES)) {
            ps.setQueryTimeout(60);
            ps.setString(1, "BTCUSDT");
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next());
            ps.cancel();
            assertEquals(
                "57014",
                fails(
                        () -> {
                          while (rs.next()) {
                            // until the cancel
                          }
                        })
                    .getSQLState());
            ResultSet again = ps.executeQuery();
            assertTrue(again.next());
            assertEquals("2024-01-01 00:00:00.0", again.getTimestamp(1).toString());
          }
        });
  }

  @Test
  void closeOnCompletionClosesTheStatementWithItsResultSet() throws Exception {
    onBothPaths(
        List.of("UTC"),
        (c, out) -> {
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(BTC_PRICE);
          s.closeOnCompletion();
          assertTrue(s.isCloseOnCompletion());
          assertEquals("BTCUSDT 43251.12000000\n", values(rs));
          assertTrue(s.isClosed());
        });
  }

  // ---------------------------------------------------------------------------------------------

  /** Every row as its values separated by spaces, one line each; the result set closed. */
  private static String values(ResultSet rs) throws SQLException {
    StringBuilder b = new StringBuilder();
    try (rs) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          b.append(i == 1 ? "" : " ").append(rs.getString(i));
        }
        b.append('\n');
      }
    }
    return b.length() == 0 ? "\n" : b.toString();
  }
}
