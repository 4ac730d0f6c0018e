package io.github.binancejdbc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.simulator.BinanceSimulator;
import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trading end to end: the shaded driver jar, loaded alone as a tool would, against the offline
 * exchange, with faults injected between them. Each failure case counts the orders that reached the
 * exchange: never a duplicate, never a silently lost one.
 */
class ShadedTradingIT {
  static BinanceSimulator sim;
  static URLClassLoader loader;
  static Driver driver;

  @BeforeAll
  static void start() throws Exception {
    sim = BinanceSimulator.builder().port(0).build().start();
    start0();
  }

  /** Loads the shaded driver alone into its own class loader. */
  static void start0() throws Exception {
    File jar = new File(System.getProperty("shaded.jar"));
    assertTrue(jar.isFile(), "no shaded jar " + jar);
    loader =
        new URLClassLoader(new URL[] {jar.toURI().toURL()}, ClassLoader.getPlatformClassLoader());
    for (Driver d : ServiceLoader.load(Driver.class, loader)) {
      if (d.getClass().getName().equals("io.github.binancejdbc.jdbc.BinanceDriver")) {
        driver = d;
      }
    }
    assertTrue(driver != null && driver.getClass().getClassLoader() == loader);
  }

  @AfterAll
  static void stop() throws Exception {
    sim.close();
    loader.close();
  }

  @BeforeEach
  void noFaults() {
    sim.faults().reset();
  }

  static Connection connect(String extra) throws SQLException {
    Properties p = new Properties();
    p.setProperty("apiKey", BinanceSimulator.DEMO_API_KEY);
    p.setProperty("secretKey", BinanceSimulator.DEMO_SECRET_KEY);
    return driver.connect("jdbc:binance:?baseUrl=" + sim.baseUrl() + extra, p);
  }

  static String one(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      String v = rs.getString(1);
      assertFalse(rs.next(), sql);
      return v;
    }
  }

  static long ordersWithClientId(Connection c, String symbol, String clientId) throws SQLException {
    return Long.parseLong(
        one(
            c,
            "SELECT COUNT(*) FROM orders WHERE symbol = '"
                + symbol
                + "' AND client_order_id = '"
                + clientId
                + "'"));
  }

  static String place(String symbol, String clientId, String price) {
    return "SELECT status, outcome, note FROM TABLE(place_order(symbol => '"
        + symbol
        + "',"
        + " side => 'BUY', order_type => 'LIMIT', quantity => 0.01, price => "
        + price
        + ","
        + " time_in_force => 'GTC', new_client_order_id => '"
        + clientId
        + "'))";
  }

  @Test
  void placeSeeInOpenOrdersCancelSeeCanceled() throws SQLException {
    try (Connection c = connect("&trading=true")) {
      BigDecimal lockedBefore = sim.locked("demo", "USDT");
      assertEquals(
          "NEW",
          one(
              c,
              "SELECT status FROM TABLE(place_order(symbol => 'BTCUSDT',"
                  + " side => 'BUY', order_type => 'LIMIT', quantity => 0.01, price => 40000,"
                  + " time_in_force => 'GTC', new_client_order_id => 'e2e-1'))"));
      assertEquals(
          0, new BigDecimal("400").compareTo(sim.locked("demo", "USDT").subtract(lockedBefore)));
      assertEquals(
          "e2e-1 NEW 40000.00000000",
          one(
              c,
              "SELECT client_order_id || ' ' || status"
                  + " || ' ' || CAST(price AS VARCHAR) FROM open_orders WHERE symbol = 'BTCUSDT'"
                  + " AND client_order_id = 'e2e-1'"));
      assertEquals(
          "CANCELED",
          one(
              c,
              "SELECT status FROM TABLE(cancel_order(symbol => 'BTCUSDT',"
                  + " orig_client_order_id => 'e2e-1'))"));
      assertEquals(
          "CANCELED",
          one(
              c,
              "SELECT status FROM orders WHERE symbol = 'BTCUSDT'"
                  + " AND client_order_id = 'e2e-1'"));
      assertEquals(0, lockedBefore.compareTo(sim.locked("demo", "USDT")));
      assertEquals(
          "0",
          one(
              c,
              "SELECT COUNT(*) FROM open_orders WHERE symbol = 'BTCUSDT'"
                  + " AND client_order_id = 'e2e-1'"));
    }
  }

  @Test
  void readOnlyConnectionPlacesNothing() throws SQLException {
    try (Connection c = connect("")) {
      SQLException e =
          assertThrows(SQLException.class, () -> one(c, place("BTCUSDT", "e2e-ro", "40000")));
      assertEquals("42501", e.getSQLState());
      assertEquals(0, ordersWithClientId(c, "BTCUSDT", "e2e-ro"));
    }
  }

  @Test
  void a5xxAfterExecutionIsReportedAsPlacedOnce() throws SQLException {
    try (Connection c = connect("&trading=true")) {
      sim.faults().failNextAfterExecution(1, 503, "/api/v3/order");
      try (ResultSet rs = c.createStatement().executeQuery(place("BTCUSDT", "e2e-5xx", "40001"))) {
        assertTrue(rs.next());
        assertEquals("NEW", rs.getString("status"));
        assertEquals("PLACED", rs.getString("outcome"));
        assertTrue(rs.getString("note").contains("HTTP 503"), rs.getString("note"));
      }
      assertEquals(1, ordersWithClientId(c, "BTCUSDT", "e2e-5xx"));
    }
  }

  @Test
  void aConnectionDroppedBeforeExecutionIsReportedAsNotPlacedAndARetryPlacesOnce()
      throws SQLException {
    try (Connection c = connect("&trading=true&recvWindow=1500")) {
      sim.faults().dropNext(1, "/api/v3/order");
      SQLException e =
          assertThrows(SQLException.class, () -> one(c, place("BTCUSDT", "e2e-drop", "40002")));
      assertTrue(
          e.getMessage().contains("it was not placed; running the statement again is" + " safe"),
          e.getMessage());
      assertEquals(0, ordersWithClientId(c, "BTCUSDT", "e2e-drop"));
      assertEquals(
          "NEW", one(c, "SELECT status FROM (" + place("BTCUSDT", "e2e-drop", "40002") + ")"));
      assertEquals(1, ordersWithClientId(c, "BTCUSDT", "e2e-drop"));
    }
  }

  @Test
  void aTimeoutWhileTheExchangeStillExecutesIsReconciledToOneOrder() throws SQLException {
    try (Connection c = connect("&trading=true&readTimeout=700")) {
      sim.faults().delayNext(1, Duration.ofMillis(1500), "/api/v3/order");
      try (ResultSet rs = c.createStatement().executeQuery(place("BTCUSDT", "e2e-slow", "40003"))) {
        assertTrue(rs.next());
        assertEquals("PLACED", rs.getString("outcome"));
        assertTrue(rs.getString("note").contains("I/O error"), rs.getString("note"));
      }
      assertEquals(1, ordersWithClientId(c, "BTCUSDT", "e2e-slow"));
    }
  }

  @Test
  void backendTimeoutCodesAreReconciledNotResent() throws SQLException {
    try (Connection c = connect("&trading=true&recvWindow=1500")) {
      sim.faults().failNextWithCode("/api/v3/order", -1007);
      SQLException e =
          assertThrows(SQLException.class, () -> one(c, place("BTCUSDT", "e2e-1007", "40004")));
      assertTrue(e.getMessage().contains("it was not placed"), e.getMessage());
      assertEquals(0, ordersWithClientId(c, "BTCUSDT", "e2e-1007"));
    }
  }

  @Test
  void clockSkewIsResyncedOnceAndTheOrderPlacedOnce() throws SQLException {
    try (Connection c = connect("&trading=true")) {
      assertEquals("0", one(c, "SELECT COUNT(*) FROM open_orders WHERE symbol = 'ETHBTC'"));
      sim.faults().clockSkew(Duration.ofSeconds(-8));
      assertEquals(
          "NEW",
          one(
              c,
              "SELECT status FROM TABLE(place_order(symbol => 'ETHBTC',"
                  + " side => 'BUY', order_type => 'LIMIT', quantity => 0.1, price => 0.01,"
                  + " time_in_force => 'GTC', new_client_order_id => 'e2e-skew'))"));
      assertEquals(1, ordersWithClientId(c, "ETHBTC", "e2e-skew"));
    } finally {
      sim.faults().clockSkew(Duration.ZERO);
    }
  }
}
