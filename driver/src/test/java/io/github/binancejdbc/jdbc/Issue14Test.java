package io.github.binancejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.fixture.FixtureData;
import io.github.binancejdbc.fixture.FixtureExchange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The repros of issue 14 (wrong answers and runaway scans found by random SQL) and of issue 11
 * items 5 and 9 (scans from absurd keys; silently empty where an error belongs), each against the
 * fixture exchange: the rows, and every request sent (path, query string, count).
 */
class Issue14Test {
  private static final List<String> ZONES = List.of("UTC", "America/New_York", "Asia/Kolkata");
  private static FixtureExchange exchange;
  private static Connection conn;

  @BeforeAll
  static void start() throws SQLException {
    exchange = FixtureExchange.start();
    // The requests each query sends are asserted: no closed bars kept between tests.
    conn = DriverManager.getConnection(exchange.jdbcUrl() + "&maxRetries=0&cacheSize=0");
    // A first query costs its own request only: the rate limits are read once a minute's weight
    // would pass 120. The tests here spend more than that, so the limits are read now, by a query
    // of them (every exchangeInfo read sets them), and never land in the requests a test asserts.
    assertEquals(1, column("SELECT price FROM ticker_price WHERE symbol = 'BTCUSDT'").size());
    assertEquals(0, exchange.requestCount("/api/v3/exchangeInfo"), "a first query read the limits");
    assertEquals(4, column("SELECT rate_limit_type FROM rate_limits").size());
    assertEquals(1, exchange.requestCount("/api/v3/exchangeInfo"), "the rate limits were read");
  }

  @AfterAll
  static void stop() throws SQLException {
    try {
      conn.close();
    } finally {
      exchange.close();
    }
  }

  @BeforeEach
  void reset() {
    exchange.resetRequests();
  }

  private static List<String> column(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = conn.createStatement()) {
      s.setQueryTimeout(10);
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          StringJoiner row = new StringJoiner("|");
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            row.add(String.valueOf(rs.getString(i)));
          }
          out.add(row.toString());
        }
      }
    }
    return out;
  }

  private static List<String> sent() {
    List<String> out = new ArrayList<>();
    for (FixtureExchange.FixtureRequest r : exchange.requests()) {
      out.add(r.path() + "?" + r.query());
    }
    return out;
  }

  private static SQLException fails(String sql) {
    return assertThrows(SQLException.class, () -> column(sql));
  }

  // 1. A page limit is never computed <= 0; an empty intersection of bounds sends nothing.

  @Test
  void idBoundAfterTheTimeBoundIsEmptyWithoutAHistoricalTradesRequest() throws SQLException {
    List<String> rows =
        column(
            "SELECT trade_id FROM trades WHERE symbol='ETHUSDT'"
                + " AND trade_id >= 1350002000 AND trade_time <= TIMESTAMP '2024-03-31 15:00:00'"
                + " ORDER BY trade_id DESC");
    assertEquals(List.of(), rows);
    // One lookup turns the time bound into a trade id, which lies below the id bound: done.
    assertEquals(List.of("/api/v3/aggTrades?symbol=ETHUSDT&endTime=1711897200000&limit=1"), sent());
  }

  @Test
  void disjointIdBoundsSendNoRequest() throws SQLException {
    assertEquals(
        List.of(),
        column(
            "SELECT trade_id FROM trades WHERE symbol='ETHUSDT'"
                + " AND trade_id >= 1350002000 AND trade_id < 1350001000 ORDER BY trade_id DESC"));
    assertEquals(
        List.of(),
        column(
            "SELECT open_time FROM klines WHERE symbol='ETHUSDT'"
                + " AND timeframe='1h' AND open_time >= TIMESTAMP '2024-02-01 00:00:00'"
                + " AND close_time < TIMESTAMP '2024-02-01 00:00:00'"));
    assertEquals(List.of(), sent());
  }

  // 2. An IN (sub-query) on the key column keeps the outer scan's bound.

  @Test
  void inSubQueryOnTradeIdKeepsTheOuterIdBound() throws SQLException {
    List<String> rows =
        column(
            "SELECT COUNT(*) FROM trades WHERE symbol='BTCUSDT'"
                + " AND trade_id >= 1350002900 AND trade_time <= TIMESTAMP '2024-03-31 14:05:00'"
                + " AND trade_id IN (SELECT trade_id FROM trades WHERE symbol='ETHUSDT'"
                + " AND trade_id >= 1350002900 AND trade_time <= TIMESTAMP '2024-03-31 14:05:00')");
    assertEquals(List.of("0"), rows);
    List<String> sent = sent();
    assertEquals(2, sent.size(), sent.toString());
    assertTrue(
        sent.contains("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=1350002900&limit=1000"),
        sent.toString());
    assertTrue(
        sent.contains("/api/v3/historicalTrades?symbol=ETHUSDT&fromId=1350002900&limit=1000"),
        sent.toString());
  }

  @Test
  void inSubQueryOnOpenTimeKeepsTheOuterTimeBounds() throws SQLException {
    List<String> rows =
        column(
            "SELECT COUNT(*) FROM klines WHERE symbol='BTCUSDT'"
                + " AND timeframe='1h' AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
                + " AND close_time <= TIMESTAMP '2024-01-02 00:00:00' AND open_time IN (SELECT open_time"
                + " FROM klines WHERE symbol='ETHUSDT' AND timeframe='1h'"
                + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
                + " AND close_time <= TIMESTAMP '2024-01-02 00:00:00')");
    assertEquals(List.of("24"), rows);
    List<String> sent = sent();
    assertEquals(2, sent.size(), sent.toString());
    for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
      assertTrue(
          sent.contains(
              "/api/v3/klines?symbol="
                  + symbol
                  + "&interval=1h&startTime=1704067200000&endTime=1704153600000&limit=1000"),
          sent.toString());
    }
  }

  // 3. agg_trades with an id and a time bound: the time bound opens the scan.

  @Test
  void aggTradesLooseIdBoundAndHourRangeIsOneRequest() throws SQLException {
    long expected =
        exchange.data().aggTrades("BTCUSDT").stream()
            .filter(a -> a.time() >= 1711915200000L && a.time() < 1711918800000L)
            .count();
    assertTrue(expected > 0);
    assertEquals(
        List.of(String.valueOf(expected)),
        column(
            "SELECT COUNT(*) FROM agg_trades"
                + " WHERE symbol='BTCUSDT' AND agg_trade_id >= 1"
                + " AND trade_time >= TIMESTAMP '2024-03-31 20:00:00'"
                + " AND trade_time < TIMESTAMP '2024-03-31 21:00:00'"));
    assertEquals(
        List.of(
            "/api/v3/aggTrades?symbol=BTCUSDT&startTime=1711915200000"
                + "&endTime=1711918799999&limit=1000"),
        sent());
  }

  @Test
  void aggTradesOrderedLimitWithLooseIdBoundIsOneSmallRequest() throws SQLException {
    List<String> expected = new ArrayList<>();
    for (FixtureData.AggTrade a : exchange.data().aggTrades("BTCUSDT")) {
      if (a.time() >= 1711915200000L && expected.size() < 5) {
        expected.add(String.valueOf(a.id()));
      }
    }
    assertEquals(
        expected,
        column(
            "SELECT agg_trade_id FROM agg_trades WHERE symbol='BTCUSDT'"
                + " AND agg_trade_id >= 1 AND trade_time >= TIMESTAMP '2024-03-31 20:00:00'"
                + " ORDER BY agg_trade_id LIMIT 5"));
    assertEquals(
        List.of("/api/v3/aggTrades?symbol=BTCUSDT&startTime=1711915200000&limit=5"), sent());
  }

  @Test
  void aggTradesTighterIdBoundCostsAtMostOneExtraRequest() throws SQLException {
    // The time bound reaches far below the id bound: one page by time, then by id.
    assertEquals(
        List.of("10"),
        column(
            "SELECT COUNT(*) FROM agg_trades WHERE symbol='BTCUSDT'"
                + " AND agg_trade_id BETWEEN 2900001500 AND 2900001509"
                + " AND trade_time >= TIMESTAMP '2024-03-31 14:00:00'"));
    assertEquals(
        List.of(
            "/api/v3/aggTrades?symbol=BTCUSDT&startTime=1711893600000&limit=1000",
            "/api/v3/aggTrades?symbol=BTCUSDT&fromId=2900001500&limit=10"),
        sent());
  }

  // 4. A decimal bound on an id column is pushed, rounded to the ids it admits.

  @Test
  void decimalBoundOnTradeIdIsPushedAsTheNextWholeId() throws SQLException {
    List<String> rows =
        column(
            "SELECT trade_id FROM trades WHERE symbol='ETHUSDT'" + " AND trade_id > 1350002990.5");
    assertEquals(9, rows.size());
    assertEquals("1350002991", rows.get(0));
    assertEquals(
        List.of("/api/v3/historicalTrades?symbol=ETHUSDT&fromId=1350002991&limit=1000"), sent());
    assertEquals(
        List.of("1350002999"),
        column(
            "SELECT trade_id FROM trades"
                + " WHERE symbol='ETHUSDT' AND trade_id >= 1350002998.01 AND trade_id < 1350003000.0"
                + " AND trade_id <> 1350002998"));
  }

  // 5, 6. Window frames Calcite computes wrongly are refused, never answered wrongly.

  @Test
  void rangeFrameWithOffsetOverDescendingOrderIsRefused() throws SQLException {
    SQLException e =
        fails(
            "SELECT open_time, COUNT(*) OVER (ORDER BY open_time DESC"
                + " RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM klines"
                + " WHERE symbol='BTCUSDT' AND timeframe='1h'"
                + " AND open_time < TIMESTAMP '2024-01-01 04:00:00'");
    assertEquals("0A000", e.getSQLState());
    assertTrue(
        e.getMessage().startsWith("RANGE window frames with an offset over a descending"),
        e.getMessage());
    assertEquals(List.of(), sent());
    // The ascending form is right: the bar itself and the one an hour before.
    assertEquals(
        List.of(
            "2024-01-01 00:00:00|1",
            "2024-01-01 01:00:00|2",
            "2024-01-01 02:00:00|2",
            "2024-01-01 03:00:00|2"),
        column(
            "SELECT CAST(open_time AS VARCHAR(19)), COUNT(*) OVER (ORDER BY open_time"
                + " RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM klines"
                + " WHERE symbol='BTCUSDT' AND timeframe='1h'"
                + " AND open_time < TIMESTAMP '2024-01-01 04:00:00' ORDER BY open_time"));
  }

  @Test
  void rangeFrameWithNumericOffsetOnDecimalKeyIsRefused() {
    SQLException e =
        fails(
            "SELECT COUNT(*) OVER (ORDER BY close_price RANGE BETWEEN 1"
                + " PRECEDING AND 1 FOLLOWING) FROM klines WHERE symbol='BTCUSDT' AND timeframe='1h'");
    assertEquals("0A000", e.getSQLState());
    assertTrue(e.getMessage().contains("over a DECIMAL column are not supported"), e.getMessage());
    assertEquals(List.of(), sent());
  }

  // 7. AVG of a DECIMAL is exact to its scale.

  @Test
  void avgOfDecimalIsExactToItsScale() throws SQLException {
    List<FixtureData.Kline> week = exchange.data().klines("BTCUSDT", "1d").subList(0, 7);
    BigDecimal sum = BigDecimal.ZERO;
    for (FixtureData.Kline k : week) {
      sum = sum.add(k.quoteVolume());
    }
    BigDecimal avg = sum.divide(BigDecimal.valueOf(7), 8, RoundingMode.HALF_UP);
    // 16 significant digits (what Calcite's division keeps) would not give this value.
    assertTrue(avg.precision() > 16, avg.toPlainString());
    assertEquals(
        List.of(avg.toPlainString() + "|7"),
        column(
            "SELECT AVG(quote_volume),"
                + " COUNT(*) FROM klines WHERE symbol='BTCUSDT' AND timeframe='1d'"
                + " AND open_time < TIMESTAMP '2023-01-08 00:00:00'"));
    // Grouped, DISTINCT and empty inputs keep their meaning.
    assertEquals(
        List.of("null"),
        column(
            "SELECT AVG(quote_volume) FROM klines"
                + " WHERE symbol='BTCUSDT' AND timeframe='1d' AND open_time < TIMESTAMP '2000-01-01'"));
    assertEquals(
        List.of("BTCUSDT|" + avg.toPlainString()),
        column(
            "SELECT symbol,"
                + " AVG(DISTINCT quote_volume) FROM klines WHERE symbol='BTCUSDT' AND timeframe='1d'"
                + " AND open_time < TIMESTAMP '2023-01-08 00:00:00' GROUP BY symbol"));
  }

  // 8. A timestamp string means the same wherever Calcite evaluates it.

  @Test
  void isoTimestampStringWorksWhereCalciteEvaluatesIt() throws SQLException {
    TimeZone saved = TimeZone.getDefault();
    try {
      for (String zone : ZONES) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        exchange.resetRequests();
        List<LocalDateTime> opens = new ArrayList<>();
        List<Boolean> flags = new ArrayList<>();
        try (Statement s = conn.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "SELECT open_time,"
                        + " open_time >= '2024-01-01T01:00:00' FROM klines WHERE symbol='BTCUSDT'"
                        + " AND timeframe='1h' AND open_time < '2024-01-01T03:00:00'")) {
          while (rs.next()) {
            opens.add(rs.getObject(1, LocalDateTime.class));
            flags.add(rs.getBoolean(2));
          }
        }
        assertEquals(
            List.of(
                LocalDateTime.parse("2024-01-01T00:00"),
                LocalDateTime.parse("2024-01-01T01:00"),
                LocalDateTime.parse("2024-01-01T02:00")),
            opens,
            zone);
        assertEquals(List.of(false, true, true), flags, zone);
        assertEquals(
            List.of(
                "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=0"
                    + "&endTime=1704077999999&limit=1000"),
            sent(),
            zone);
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  // Issue 11 item 9: silently empty where an error belongs.

  @Test
  void castOfANonTimestampStringIsAnError() {
    SQLException e =
        fails(
            "SELECT open_time FROM klines WHERE symbol='BTCUSDT'"
                + " AND timeframe='1h' AND open_time >= CAST('x' AS TIMESTAMP)");
    assertEquals("22007", e.getSQLState());
    assertTrue(e.getMessage().startsWith("'x' is not a timestamp"), e.getMessage());
    SQLException implicit =
        fails(
            "SELECT open_time FROM klines WHERE symbol='BTCUSDT'"
                + " AND timeframe='1h' AND open_time >= 'yesterday'");
    assertEquals("22007", implicit.getSQLState());
    assertEquals(List.of(), sent());
  }

  @Test
  void divisionByZeroInAPushedBoundIsAnError() {
    SQLException e = fails("SELECT level FROM order_book WHERE symbol='BTCUSDT' AND level <= 5/0");
    assertEquals("22012", e.getSQLState());
    assertTrue(e.getMessage().contains("/ by zero"), e.getMessage());
    assertEquals(List.of(), sent());
  }

  // Issue 11 item 5: no key predicate degrades into a scan from the beginning of history.

  @Test
  void boundPastEveryBigintIsEmptyWithoutARequest() throws SQLException {
    assertEquals(
        List.of(),
        column(
            "SELECT trade_id FROM trades WHERE symbol='ETHUSDT'"
                + " AND trade_id >= 9223372036854775808"));
    assertEquals(
        List.of(),
        column(
            "SELECT agg_trade_id FROM agg_trades WHERE symbol='ETHUSDT'"
                + " AND agg_trade_id > 99999999999999999999999 ORDER BY agg_trade_id DESC"));
    assertEquals(
        List.of(),
        column(
            "SELECT trade_id FROM trades WHERE symbol='ETHUSDT'"
                + " AND trade_id <= -9223372036854775809"));
    assertEquals(List.of(), sent());
  }

  @Test
  void longInListOnTradeIdIsSmallRangeLookups() throws SQLException {
    StringJoiner in = new StringJoiner(",", "(", ")");
    List<String> expected = new ArrayList<>();
    for (long id = 1350000000L; id < 1350003000L; id += 10) {
      in.add(String.valueOf(id));
      expected.add(String.valueOf(id));
    }
    in.add("7");
    List<String> rows =
        column(
            "SELECT trade_id FROM trades WHERE symbol='ETHUSDT'"
                + " AND trade_id IN "
                + in
                + " ORDER BY trade_id");
    assertEquals(expected, rows);
    assertEquals(
        List.of(
            // Id 7 is long gone: the one row at or after it is 1350000000, which is wanted too.
            "/api/v3/historicalTrades?symbol=ETHUSDT&fromId=7&limit=1",
            "/api/v3/historicalTrades?symbol=ETHUSDT&fromId=1350000010&limit=991",
            "/api/v3/historicalTrades?symbol=ETHUSDT&fromId=1350001010&limit=991",
            "/api/v3/historicalTrades?symbol=ETHUSDT&fromId=1350002010&limit=981"),
        sent());
  }

  @Test
  void inListOnAggTradeIdBackwardsIsSmallRangeLookups() throws SQLException {
    assertEquals(
        List.of("1020000900", "1020000005", "1020000001"),
        column(
            "SELECT agg_trade_id"
                + " FROM agg_trades WHERE symbol='ETHUSDT' AND agg_trade_id IN (1020000001, 1020000005,"
                + " 1020000900) ORDER BY agg_trade_id DESC"));
    assertEquals(List.of("/api/v3/aggTrades?symbol=ETHUSDT&fromId=1020000001&limit=900"), sent());
  }

  // Found by the random differential test: backward pages at the ends of history.

  @Test
  void descendingScanFromAnIdPastTheNewestTradeReadsFromTheNewest() throws SQLException {
    // ETHUSDT's newest trade is 1350002999; its newest aggregate 1020001815.
    assertEquals(
        List.of("1350002999", "1350002998"),
        column(
            "SELECT trade_id FROM trades"
                + " WHERE symbol='ETHUSDT' AND trade_id > 1350000100 AND trade_id <= 1350003005"
                + " ORDER BY trade_id DESC LIMIT 2"));
    assertEquals(
        List.of(
            "/api/v3/historicalTrades?symbol=ETHUSDT&fromId=1350003004&limit=2",
            "/api/v3/trades?symbol=ETHUSDT&limit=2"),
        sent());
    exchange.resetRequests();
    long newest =
        exchange
            .data()
            .aggTrades("ETHUSDT")
            .get(exchange.data().aggTrades("ETHUSDT").size() - 1)
            .id();
    assertEquals(
        List.of(String.valueOf(newest)),
        column(
            "SELECT agg_trade_id FROM agg_trades"
                + " WHERE symbol='ETHUSDT' AND agg_trade_id <= "
                + (newest + 3)
                + " ORDER BY agg_trade_id DESC LIMIT 1"));
    assertEquals(
        List.of(
            "/api/v3/aggTrades?symbol=ETHUSDT&fromId=" + (newest + 3) + "&limit=1",
            "/api/v3/aggTrades?symbol=ETHUSDT&limit=1"),
        sent());
  }

  @Test
  void descendingScanEndsAtTheFirstTrade() throws SQLException {
    // Without an id bound the scan pages down to the first trade, then stops (it looped
    // forever: below the first trade Binance answers from the first trade on).
    List<String> rows =
        column(
            "SELECT trade_id FROM trades WHERE symbol='BNBUSDT'"
                + " AND trade_time < TIMESTAMP '2024-03-31 23:57:59.999' ORDER BY trade_id DESC");
    assertEquals(
        exchange.data().trades("BNBUSDT").stream().filter(t -> t.time() < 1711929479999L).count(),
        rows.size());
    assertEquals("720000000", rows.get(rows.size() - 1));
    List<String> sent = sent();
    // The time-to-id lookup, then pages down to the first trade (the last one reaches below it).
    assertEquals("/api/v3/aggTrades?symbol=BNBUSDT&endTime=1711929479998&limit=1", sent.get(0));
    assertTrue(
        sent.get(sent.size() - 1)
            .startsWith("/api/v3/historicalTrades?symbol=BNBUSDT&fromId=719999"),
        sent.toString());
    assertEquals(4, sent.size(), sent.toString());
  }
}
