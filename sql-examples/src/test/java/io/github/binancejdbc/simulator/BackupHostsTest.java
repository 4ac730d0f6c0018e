package io.github.binancejdbc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.testing.Rows;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver against the simulator when the first host of {@code baseUrl} refuses connections,
 * stalls or answers 503, and the simulator's side of the newer market-data tables. The simulator is
 * reached under two names ({@code 127.0.0.1} and {@code localhost}): two hosts of one exchange, so
 * an order sent to both would show up twice.
 */
class BackupHostsTest {
  static BinanceSimulator sim;

  @BeforeAll
  static void start() {
    sim = BinanceSimulator.builder().port(0).build().start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void clearFaults() {
    sim.faults().reset();
  }

  private static Connection connect(String baseUrl) throws SQLException {
    Properties p = new Properties();
    p.setProperty("baseUrl", baseUrl);
    p.setProperty("apiKey", BinanceSimulator.DEMO_API_KEY);
    p.setProperty("secretKey", BinanceSimulator.DEMO_SECRET_KEY);
    p.setProperty("trading", "true");
    p.setProperty("maxRetries", "1");
    p.setProperty("readTimeout", "700");
    return DriverManager.getConnection("jdbc:binance:", p);
  }

  private static String refusingHost() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  private static String otherName() {
    return "http://localhost:" + sim.port();
  }

  private static String placeLimitBuy(Connection conn, String clientId) throws SQLException {
    List<String> r =
        Rows.lines(
            conn,
            "SELECT status FROM TABLE(place_order(symbol => 'BTCUSDT',"
                + " side => 'BUY', order_type => 'LIMIT', quantity => 0.001, price => 50000,"
                + " time_in_force => 'GTC', new_client_order_id => '"
                + clientId
                + "'))");
    assertEquals(1, r.size(), r.toString());
    return r.get(0);
  }

  private static long ordersWithClientId(Connection conn, String clientId) throws SQLException {
    return Rows.lines(
            conn,
            "SELECT order_id FROM open_orders WHERE symbol = 'BTCUSDT'"
                + " AND client_order_id = '"
                + clientId
                + "'")
        .size();
  }

  @Test
  void theNewerMarketDataTablesAgainstTheSimulator() throws SQLException {
    try (Connection conn = connect(sim.baseUrl())) {
      assertEquals(List.of("true"), Rows.lines(conn, "SELECT answered FROM ping"));
      assertEquals(
          List.of("BTCUSDT|PRICE_RANGE|5|0.2|5|0.2"),
          Rows.lines(
              conn,
              "SELECT symbol,"
                  + " rule_type, bid_limit_mult_up, bid_limit_mult_down, ask_limit_mult_up,"
                  + " ask_limit_mult_down FROM execution_rules WHERE symbol = 'BTCUSDT'"));
      assertTrue(Rows.lines(conn, "SELECT symbol FROM execution_rules").contains("ETHBTC"));
      // The simulated exchange sets no reference prices: -2043, a row of NULLs.
      assertEquals(
          List.of("BTCUSDT|null|null"),
          Rows.lines(
              conn,
              "SELECT symbol, reference_price,"
                  + " reference_time FROM reference_prices WHERE symbol = 'BTCUSDT'"));
      assertEquals(
          List.of("BTCUSDT|null"),
          Rows.lines(
              conn,
              "SELECT symbol, calculation_type"
                  + " FROM reference_price_calculations WHERE symbol = 'BTCUSDT'"));
      assertEquals(
          List.of(),
          Rows.lines(
              conn,
              "SELECT * FROM block_trades WHERE symbol = 'BTCUSDT'"
                  + " ORDER BY trade_id DESC LIMIT 5"));
    }
  }

  @Test
  void dailyKlinesOfATimeZoneOpenAtThatZonesMidnight() throws SQLException {
    try (Connection conn = connect(sim.baseUrl())) {
      List<String> eight =
          Rows.lines(
              conn,
              "SELECT time_zone, open_time FROM klines"
                  + " WHERE symbol = 'BTCUSDT' AND timeframe = '1d' AND time_zone = '8'"
                  + " ORDER BY open_time DESC LIMIT 3");
      List<String> utc =
          Rows.lines(
              conn,
              "SELECT time_zone, open_time FROM klines"
                  + " WHERE symbol = 'BTCUSDT' AND timeframe = '1d' ORDER BY open_time DESC LIMIT 3");
      assertEquals(3, eight.size());
      assertEquals(3, utc.size());
      for (int i = 0; i < 3; i++) {
        assertTrue(eight.get(i).matches("8\\|\\S+ 16:00:00\\.000"), eight.get(i));
        assertTrue(utc.get(i).matches("0\\|\\S+ 00:00:00\\.000"), utc.get(i));
      }
    }
  }

  @Test
  void readsAndOrdersWorkWhenTheFirstHostRefusesConnections() throws Exception {
    try (Connection conn = connect(refusingHost() + "," + sim.baseUrl())) {
      assertEquals(
          3,
          Rows.lines(
                  conn,
                  "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT'"
                      + " AND timeframe = '1h' ORDER BY open_time DESC LIMIT 3")
              .size());
      assertEquals("NEW", placeLimitBuy(conn, "refused-1"));
      assertEquals(1, ordersWithClientId(conn, "refused-1"));
    }
  }

  @Test
  void aReadMovesOffAStallingHost() throws SQLException {
    sim.faults().delayNext(1, Duration.ofSeconds(3), "/api/v3/depth");
    try (Connection conn = connect(sim.baseUrl() + "," + otherName())) {
      assertEquals(
          5,
          Rows.lines(
                  conn,
                  "SELECT price FROM order_book WHERE symbol = 'BTCUSDT'"
                      + " AND side = 'BID' AND level <= 5")
              .size());
    }
  }

  @Test
  void aReadMovesOffA503Host() throws SQLException {
    sim.faults().failNext(1, 503, "/api/v3/ticker/price");
    try (Connection conn = connect(sim.baseUrl() + "," + otherName())) {
      assertEquals(
          1, Rows.lines(conn, "SELECT price FROM ticker_price WHERE symbol = 'BTCUSDT'").size());
    }
  }

  @Test
  void anOrderAnswered503AfterExecutionIsReconciledNeverSentToTheOtherHost() throws Exception {
    try (Connection conn = connect(sim.baseUrl() + "," + otherName())) {
      sim.faults().failNextAfterExecution(1, 503, "/api/v3/order");
      assertEquals("NEW", placeLimitBuy(conn, "unknown-1"));
      assertEquals(1, ordersWithClientId(conn, "unknown-1"));
    }
  }
}
