package io.github.binancejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.BinanceSchema;
import io.github.binancejdbc.fixture.FixtureData;
import io.github.binancejdbc.fixture.FixtureExchange;
import io.github.binancejdbc.testing.Rows;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fetching klines ahead: the fixture's 2,880 one-minute bars are three pages (1000, 1000, 880).
 * Read to the end, every page is asked once, as one page after another would ask it; a range open
 * to the present sends no page that starts after the server's present. The clock is fixed at the
 * last bar (WireMock sends no {@code Date}: the server's present is then the clock less a minute),
 * so the schema is mounted in Calcite directly, as the driver mounts it.
 */
class KlinesFetchAheadTest {
  private static final long T0 = FixtureData.KLINES_1M_START;
  private static final long MINUTE = FixtureData.MINUTE;
  private static final String OPEN_RANGE =
      "SELECT open_time, close_price FROM binance.klines WHERE symbol = 'BTCUSDT'"
          + " AND timeframe = '1m' AND open_time >= TIMESTAMP '2024-01-01 00:00:00'";

  private FixtureExchange exchange;

  @AfterEach
  void stop() {
    if (exchange != null) {
      exchange.close();
    }
  }

  private List<String> read(String sql, int maxConcurrent) throws Exception {
    BinanceConfig config =
        BinanceConfig.newBuilder()
            .baseUrl(exchange.baseUrl())
            .maxRetries(0)
            .cacheSizeBytes(0)
            .maxConcurrentRequests(maxConcurrent)
            // The last bar opens at T0 + 2879 minutes; the present is a minute after that.
            .clock(Clock.fixed(Instant.ofEpochMilli(T0 + 2880 * MINUTE + 60_000), ZoneOffset.UTC))
            .build();
    Properties props = new Properties();
    props.setProperty("timeZone", "UTC");
    props.setProperty("lex", "JAVA");
    try (BinanceSchema schema = new BinanceSchema(config);
        Connection conn = DriverManager.getConnection("jdbc:calcite:", props)) {
      conn.unwrap(CalciteConnection.class).getRootSchema().add(BinanceSchema.NAME, schema);
      return Rows.lines(conn, sql);
    }
  }

  private static String page(long start) {
    return "symbol=BTCUSDT&interval=1m&startTime=" + start + "&limit=1000";
  }

  @Test
  void aRangeOpenToThePresentAsksNoPagePastIt() throws Exception {
    exchange = FixtureExchange.start();
    List<String> rows = read(OPEN_RANGE, 8);
    assertEquals(2880, rows.size());
    // The third page went out with the second; the fourth would start after the present.
    assertEquals(
        // (A page starts a millisecond after the last bar of the page before it.)
        List.of(page(T0), page(T0 + 999 * MINUTE + 1), page(T0 + 1999 * MINUTE + 1)),
        sorted(exchange.queries("/api/v3/klines")));
  }

  @Test
  void readToTheEndEveryPageIsAskedOnceAsOneAfterAnotherWouldAskIt() throws Exception {
    exchange = FixtureExchange.start();
    List<String> sequential = read(OPEN_RANGE, 1);
    List<String> oneByOne = exchange.queries("/api/v3/klines");
    exchange.resetRequests();
    assertEquals(sequential, read(OPEN_RANGE, 8), "the same rows in the same order");
    assertEquals(sorted(oneByOne), sorted(exchange.queries("/api/v3/klines")));
    assertEquals(3, oneByOne.size(), oneByOne.toString());
  }

  private static List<String> sorted(List<String> queries) {
    List<String> out = new ArrayList<>(queries);
    out.sort(null);
    return out;
  }
}
