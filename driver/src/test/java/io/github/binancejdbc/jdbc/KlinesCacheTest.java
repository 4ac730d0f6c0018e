package io.github.binancejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.BinanceSchema;
import io.github.binancejdbc.adapter.cache.HistoryCache;
import io.github.binancejdbc.fixture.FixtureData;
import io.github.binancejdbc.fixture.FixtureExchange;
import io.github.binancejdbc.testing.Rows;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cache of closed klines: a range read twice costs its requests once, in the same connection
 * and in a new one; a range partly held fetches only the rest; the open bar is always fetched
 * again; {@code cacheSize=0} keeps nothing. Each test has its own fixture exchange, hence its own
 * base URL and its own shared cache. The build runs this class in UTC, New York and Kolkata.
 */
class KlinesCacheTest {
  private static final long JAN_1 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
  private static final long JAN_10 = Instant.parse("2024-01-10T00:00:00Z").toEpochMilli();
  private static final long JAN_12 = Instant.parse("2024-01-12T00:00:00Z").toEpochMilli();
  private static final long JAN_15 = Instant.parse("2024-01-15T00:00:00Z").toEpochMilli();
  private static final long FEB_1 = Instant.parse("2024-02-01T00:00:00Z").toEpochMilli();
  private static final long HOUR = 3_600_000L;

  private static final String KLINES = "/api/v3/klines";
  private static final String JAN_FEB =
      "SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
          + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
          + " AND open_time < TIMESTAMP '2024-03-01 00:00:00'";

  private FixtureExchange exchange;

  @AfterEach
  void stop() {
    if (exchange != null) {
      exchange.close();
    }
  }

  private Connection connect(String extra) throws SQLException {
    return DriverManager.getConnection(exchange.jdbcUrl() + "&maxRetries=0" + extra);
  }

  /** The row count and from_cache of each klines request the connection logged. */
  private static List<String> fetchedPages(Connection conn) throws SQLException {
    return Rows.lines(
        conn,
        "SELECT row_count, from_cache FROM api_requests"
            + " WHERE endpoint = '/api/v3/klines' ORDER BY request_number");
  }

  private static String range(long from, long to) {
    return "SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT'"
        + " AND timeframe = '1h' AND open_time >= TIMESTAMP '"
        + ts(from)
        + "'"
        + " AND open_time < TIMESTAMP '"
        + ts(to)
        + "'";
  }

  private static String ts(long millis) {
    return java.time.format.DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm:ss", java.util.Locale.ROOT)
        .format(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC));
  }

  @Test
  void aClosedRangeReadTwiceCostsNothingTheSecondTimeAndInANewConnection() throws SQLException {
    exchange = FixtureExchange.start();
    List<String> first;
    try (Connection conn = connect("")) {
      first = Rows.lines(conn, JAN_FEB);
      assertEquals(1440, first.size());
      assertEquals(2, exchange.requestCount(KLINES));
      // The fetches log the rows of their pages.
      assertEquals(List.of("1000|false", "440|false"), fetchedPages(conn));
      exchange.resetRequests();
      assertEquals(first, Rows.lines(conn, JAN_FEB));
      assertEquals(0, exchange.requestCount(KLINES));
    }
    try (Connection conn = connect("")) {
      assertEquals(first, Rows.lines(conn, JAN_FEB));
      assertEquals(0, exchange.requestCount(), "a new connection: served by the shared cache");
      // The bill shows it: two requests served from the cache, the weight they saved.
      assertEquals(
          List.of(
              "/api/v3/klines|symbol=BTCUSDT&interval=1h&startTime=1704067200000"
                  + "&endTime=1707663600000&limit=1000|2|1000|true",
              "/api/v3/klines|symbol=BTCUSDT&interval=1h&startTime=1707663600001"
                  + "&endTime=1709251199999&limit=440|2|440|true"),
          Rows.lines(
              conn,
              "SELECT endpoint, query_string, weight, row_count, from_cache"
                  + " FROM api_requests ORDER BY request_number"));
      assertEquals(
          List.of("4|8"), Rows.lines(conn, "SELECT requests_saved, weight_saved FROM api_usage"));
      assertEquals(0, exchange.requestCount());
    }
    HistoryCache cache = HistoryCache.existing(exchange.baseUrl());
    assertNotNull(cache);
    // Two pages held, each served twice; klines weigh 2.
    assertEquals(4, cache.savedRequests());
    assertEquals(8, cache.savedWeight());
  }

  @Test
  void barsKeptByAQueryOfTwoColumnsAnswerEveryColumnLater() throws SQLException {
    exchange = FixtureExchange.start();
    List<String> fresh;
    try (Connection conn = connect("&cacheSize=0")) {
      fresh = Rows.lines(conn, JAN_FEB);
    }
    exchange.resetRequests();
    try (Connection conn = connect("")) {
      List<String> two =
          Rows.lines(conn, JAN_FEB.replace("SELECT *", "SELECT open_time, close_price"));
      assertEquals(1440, two.size());
      assertEquals(2, exchange.requestCount(KLINES));
      assertEquals(List.of("1000|false", "440|false"), fetchedPages(conn));
      exchange.resetRequests();
      // Every column of the kept bars, read again from the pages' bytes: as a fresh fetch gives.
      assertEquals(fresh, Rows.lines(conn, JAN_FEB));
      assertEquals(0, exchange.requestCount(KLINES));
    }
  }

  @Test
  void cacheSizeZeroKeepsNothing() throws SQLException {
    exchange = FixtureExchange.start();
    try (Connection conn = connect("&cacheSize=0")) {
      List<String> first = Rows.lines(conn, JAN_FEB);
      assertEquals(2, exchange.requestCount(KLINES));
      exchange.resetRequests();
      assertEquals(first, Rows.lines(conn, JAN_FEB));
      assertEquals(2, exchange.requestCount(KLINES));
    }
    assertEquals(0, HistoryCache.existing(exchange.baseUrl()).savedRequests());
  }

  @Test
  void aScanLargerThanHalfTheCacheIsStreamedWithoutBeingKept() throws SQLException {
    exchange = FixtureExchange.start();
    // 1 MB: two months of hourly bars (1440, about 860 KB kept) would take more than half.
    try (Connection conn = connect("&cacheSize=1")) {
      List<String> first = Rows.lines(conn, JAN_FEB);
      assertEquals(1440, first.size());
      assertEquals(2, exchange.requestCount(KLINES));
      // The fetches log the rows of their pages.
      assertEquals(List.of("1000|false", "440|false"), fetchedPages(conn));
      exchange.resetRequests();
      assertEquals(first, Rows.lines(conn, JAN_FEB));
      assertEquals(2, exchange.requestCount(KLINES), "not kept: fetched again");
      // Two weeks (336 bars, about 200 KB) are kept.
      exchange.resetRequests();
      List<String> weeks = Rows.lines(conn, range(JAN_1, JAN_15));
      assertEquals(336, weeks.size());
      assertEquals(1, exchange.requestCount(KLINES));
      exchange.resetRequests();
      assertEquals(weeks, Rows.lines(conn, range(JAN_1, JAN_15)));
      assertEquals(0, exchange.requestCount(KLINES));
    }
  }

  @Test
  void aRangePartlyHeldFetchesOnlyTheRest() throws SQLException {
    exchange = FixtureExchange.start();
    try (Connection conn = connect("")) {
      Rows.lines(conn, range(JAN_1, JAN_15));
      assertEquals(
          List.of(
              "symbol=BTCUSDT&interval=1h&startTime="
                  + JAN_1
                  + "&endTime="
                  + (JAN_15 - 1)
                  + "&limit=1000"),
          exchange.queries(KLINES));
      exchange.resetRequests();
      List<String> all = Rows.lines(conn, range(JAN_1, FEB_1));
      assertEquals(31 * 24, all.size());
      assertEquals(
          List.of(
              "symbol=BTCUSDT&interval=1h&startTime="
                  + JAN_15
                  + "&endTime="
                  + (FEB_1 - 1)
                  + "&limit=1000"),
          exchange.queries(KLINES));
      try (Connection uncached = connect("&cacheSize=0")) {
        assertEquals(Rows.lines(uncached, range(JAN_1, FEB_1)), all);
      }
    }
  }

  @Test
  void aSmallHeldPartInsideOnePageIsFetchedThroughNotAround() throws SQLException {
    exchange = FixtureExchange.start();
    try (Connection conn = connect("")) {
      Rows.lines(conn, range(JAN_10, JAN_12));
      exchange.resetRequests();
      // 216 bars, 48 held, 480 bars: one page through, two around.
      List<String> all = Rows.lines(conn, range(JAN_1, FEB_1));
      assertEquals(31 * 24, all.size());
      assertEquals(
          List.of(
              "symbol=BTCUSDT&interval=1h&startTime="
                  + JAN_1
                  + "&endTime="
                  + (FEB_1 - 1)
                  + "&limit=1000"),
          exchange.queries(KLINES));
    }
  }

  @Test
  void heldBarsAnswerAnyProjectionAsTheApiWould() throws SQLException {
    exchange = FixtureExchange.start();
    try (Connection conn = connect("");
        Connection uncached = connect("&cacheSize=0")) {
      // Held from a query that reads one column; read back with every column.
      Rows.lines(conn, range(JAN_1, FEB_1));
      exchange.resetRequests();
      String sql = JAN_FEB.replace("2024-03-01", "2024-02-01");
      assertEquals(Rows.lines(uncached, sql), Rows.lines(conn, sql));
      assertEquals(1, exchange.requestCount(KLINES), "only the uncached connection asked");
    }
  }

  @Test
  void timeZoneAndUiKlinesAreHeldApart() throws SQLException {
    exchange = FixtureExchange.start();
    try (Connection conn = connect("")) {
      Rows.lines(conn, range(JAN_1, FEB_1));
      exchange.resetRequests();
      Rows.lines(
          conn,
          range(JAN_1, FEB_1).replace("timeframe = '1h'", "timeframe = '1h' AND time_zone = '8'"));
      Rows.lines(conn, range(JAN_1, FEB_1).replace("FROM klines", "FROM ui_klines"));
      assertEquals(1, exchange.requestCount(KLINES));
      assertEquals(1, exchange.requestCount("/api/v3/uiKlines"));
      assertTrue(exchange.queries(KLINES).get(0).contains("timeZone=8"));
    }
  }

  @Test
  void theOpenBarIsFetchedAgainAndTheClosedOnesAreNot() throws SQLException {
    exchange = FixtureExchange.start();
    // WireMock sends no Date header: the server's time is then our clock less a minute. A clock
    // at 2024-03-31 23:59:30 + 1 min makes the 23:00 bar open (it closes at 23:59:59.999). The
    // driver takes no clock, so the schema is mounted in Calcite directly, as the driver does.
    BinanceConfig config =
        BinanceConfig.newBuilder()
            .baseUrl(exchange.baseUrl())
            .maxRetries(0)
            .clock(Clock.fixed(Instant.ofEpochMilli(FixtureData.NOW + 60_000), ZoneOffset.UTC))
            .build();
    long eightPm = Instant.parse("2024-03-31T20:00:00Z").toEpochMilli();
    String sql =
        "SELECT open_time, close_price FROM binance.klines WHERE symbol = 'BTCUSDT'"
            + " AND timeframe = '1h' AND open_time >= TIMESTAMP '2024-03-31 20:00:00'";
    java.util.Properties props = new java.util.Properties();
    props.setProperty("timeZone", "UTC");
    props.setProperty("lex", "JAVA");
    try (BinanceSchema schema = new BinanceSchema(config);
        Connection conn = DriverManager.getConnection("jdbc:calcite:", props)) {
      conn.unwrap(CalciteConnection.class).getRootSchema().add(BinanceSchema.NAME, schema);
      List<String> first = Rows.lines(conn, sql);
      assertEquals(4, first.size());
      assertEquals(
          List.of("symbol=BTCUSDT&interval=1h&startTime=" + eightPm + "&limit=1000"),
          exchange.queries(KLINES));
      exchange.resetRequests();
      assertEquals(first, Rows.lines(conn, sql));
      assertEquals(
          List.of("symbol=BTCUSDT&interval=1h&startTime=" + (eightPm + 3 * HOUR) + "&limit=1000"),
          exchange.queries(KLINES));
    }
  }

  @Test
  void aPageCutShortByLimitHoldsOnlyTheBarsItHas() throws SQLException {
    exchange = FixtureExchange.start();
    try (Connection conn = connect("")) {
      Rows.lines(conn, range(JAN_1, FEB_1) + " ORDER BY open_time LIMIT 5");
      assertEquals(
          List.of(
              "symbol=BTCUSDT&interval=1h&startTime="
                  + JAN_1
                  + "&endTime="
                  + (FEB_1 - 1)
                  + "&limit=5"),
          exchange.queries(KLINES));
      exchange.resetRequests();
      assertEquals(31 * 24, Rows.lines(conn, range(JAN_1, FEB_1)).size());
      // Held up to the fifth bar's open time: the rest starts a millisecond later.
      assertEquals(
          List.of(
              "symbol=BTCUSDT&interval=1h&startTime="
                  + (JAN_1 + 4 * HOUR + 1)
                  + "&endTime="
                  + (FEB_1 - 1)
                  + "&limit=1000"),
          exchange.queries(KLINES));
    }
  }
}
