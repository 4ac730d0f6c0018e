package io.github.binancejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.binancejdbc.fixture.FixtureExchange;
import io.github.binancejdbc.testing.Rows;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trades and aggregate trades kept by id in the shared cache: a repeated id range costs nothing, a
 * range partly held fetches only the rest, and the bill shows what the cache answered. Each test
 * reads its own symbol (the cache is shared by every connection to one base URL in the JVM).
 */
class TradesCacheTest {
  private static final String TRADES = "/api/v3/historicalTrades";
  private static final String AGG = "/api/v3/aggTrades";

  private FixtureExchange exchange;

  @BeforeEach
  void start() {
    exchange = FixtureExchange.start();
  }

  @AfterEach
  void stop() {
    exchange.close();
  }

  private Connection connect(String extra) throws SQLException {
    return DriverManager.getConnection(exchange.jdbcUrl() + "&maxRetries=0" + extra);
  }

  private long firstTradeId(String symbol) {
    return exchange.data().trades(symbol).get(0).id();
  }

  private static String trades(String symbol, long from, long to) {
    return "SELECT * FROM trades WHERE symbol = '"
        + symbol
        + "' AND trade_id BETWEEN "
        + from
        + " AND "
        + to;
  }

  @Test
  void aTradeIdRangeReadTwiceCostsNothingTheSecondTimeAndInANewConnection() throws SQLException {
    long first = firstTradeId("BTCUSDT");
    String sql = trades("BTCUSDT", first, first + 2499);
    List<String> rows;
    try (Connection conn = connect("")) {
      rows = Rows.lines(conn, sql);
      assertEquals(2500, rows.size());
      assertEquals(
          List.of(
              "symbol=BTCUSDT&fromId=" + first + "&limit=1000",
              "symbol=BTCUSDT&fromId=" + (first + 1000) + "&limit=1000",
              "symbol=BTCUSDT&fromId=" + (first + 2000) + "&limit=500"),
          exchange.queries(TRADES).stream().sorted().toList());
      exchange.resetRequests();
      assertEquals(rows, Rows.lines(conn, sql));
      assertEquals(0, exchange.requestCount());
    }
    try (Connection conn = connect("")) {
      assertEquals(rows, Rows.lines(conn, sql));
      assertEquals(0, exchange.requestCount(), "a new connection: served by the shared cache");
      assertEquals(
          List.of(
              TRADES + "|symbol=BTCUSDT&fromId=" + first + "&limit=1000|25|1000|true",
              TRADES + "|symbol=BTCUSDT&fromId=" + (first + 1000) + "&limit=1000|25|1000|true",
              TRADES + "|symbol=BTCUSDT&fromId=" + (first + 2000) + "&limit=500|25|500|true"),
          Rows.lines(
              conn,
              "SELECT endpoint, query_string, weight, row_count, from_cache"
                  + " FROM api_requests ORDER BY request_number"));
      assertEquals(
          List.of("6|150"), Rows.lines(conn, "SELECT requests_saved, weight_saved FROM api_usage"));
    }
    try (Connection off = connect("&cacheSize=0")) {
      exchange.resetRequests();
      assertEquals(rows, Rows.lines(off, sql), "the same rows without the cache");
      assertEquals(3, exchange.requestCount(TRADES));
    }
  }

  @Test
  void aTradeIdRangePartlyHeldFetchesOnlyTheRest() throws SQLException {
    long first = firstTradeId("ETHUSDT");
    try (Connection conn = connect("")) {
      Rows.lines(conn, trades("ETHUSDT", first + 100, first + 1599));
      exchange.resetRequests();
      List<String> rows = Rows.lines(conn, trades("ETHUSDT", first, first + 1999));
      assertEquals(2000, rows.size());
      // The 100 ids before the held ones, then the 400 after: never the 1500 held.
      assertEquals(
          List.of(
              "symbol=ETHUSDT&fromId=" + first + "&limit=100",
              "symbol=ETHUSDT&fromId=" + (first + 1600) + "&limit=400"),
          exchange.queries(TRADES));
      // A few held ids between two gaps that one page covers are fetched through: fewer requests.
      exchange.resetRequests();
      Rows.lines(conn, trades("ETHUSDT", first + 2100, first + 2199));
      exchange.resetRequests();
      assertEquals(900, Rows.lines(conn, trades("ETHUSDT", first + 2000, first + 2899)).size());
      assertEquals(
          List.of("symbol=ETHUSDT&fromId=" + (first + 2000) + "&limit=900"),
          exchange.queries(TRADES));
      try (Connection off = connect("&cacheSize=0")) {
        assertEquals(Rows.lines(off, trades("ETHUSDT", first, first + 1999)), rows);
      }
    }
  }

  @Test
  void anAggregateIdRangeReadTwiceCostsNothingTheSecondTime() throws SQLException {
    long first = exchange.data().aggTrades("BNBUSDT").get(0).id();
    String sql =
        "SELECT agg_trade_id, price, first_trade_id FROM agg_trades"
            + " WHERE symbol = 'BNBUSDT' AND agg_trade_id >= "
            + first
            + " AND agg_trade_id < "
            + (first + 1200);
    try (Connection conn = connect("")) {
      List<String> rows = Rows.lines(conn, sql);
      assertEquals(1200, rows.size());
      assertEquals(
          List.of(
              "symbol=BNBUSDT&fromId=" + first + "&limit=1000",
              "symbol=BNBUSDT&fromId=" + (first + 1000) + "&limit=200"),
          exchange.queries(AGG).stream().sorted().toList());
      exchange.resetRequests();
      assertEquals(rows, Rows.lines(conn, sql));
      assertEquals(0, exchange.requestCount());
    }
  }

  @Test
  void theNewestTradeIsKeptOnlyOnceALaterOneExists() throws SQLException {
    List<?> all = exchange.data().trades("ETHUSDT");
    long newest = exchange.data().trades("ETHUSDT").get(all.size() - 1).id();
    String sql =
        "SELECT trade_id FROM trades WHERE symbol = 'ETHUSDT' AND trade_id >= " + (newest - 4);
    try (Connection conn = connect("")) {
      List<String> rows = Rows.lines(conn, sql);
      assertEquals(5, rows.size());
      assertEquals(
          List.of("symbol=ETHUSDT&fromId=" + (newest - 4) + "&limit=1000"),
          exchange.queries(TRADES));
      exchange.resetRequests();
      // The four older ones are held; the newest is asked for again.
      assertEquals(rows, Rows.lines(conn, sql));
      assertEquals(
          List.of("symbol=ETHUSDT&fromId=" + newest + "&limit=1000"), exchange.queries(TRADES));
    }
  }
}
