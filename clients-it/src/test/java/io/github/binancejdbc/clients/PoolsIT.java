package io.github.binancejdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mchange.v2.c3p0.ComboPooledDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HikariCP and c3p0 (Metabase's pool) pooling the driver: borrow and return connections several
 * times, let the pools test, reset and roll back what they borrowed, query through them, close.
 */
class PoolsIT {
  @RegisterExtension static final OfflineBinance exchange = new OfflineBinance();

  /** c3p0 logs through java.util.logging when slf4j has only the no-op binding. */
  private static final Logger C3P0 = Logger.getLogger("com.mchange");

  static {
    C3P0.setLevel(Level.WARNING);
  }

  private static final String DEPTH =
      "SELECT side, level, price, qty FROM order_book"
          + " WHERE symbol = ? AND level <= 5 ORDER BY side, level";

  /** The first ask and bid of BTCUSDT's book as the exchange sends them (before any test). */
  private static String firstAsk;

  private static String firstBid;

  private static BigDecimal ethLastPrice;

  @BeforeAll
  static void book() {
    Object depth = exchange.json("/api/v3/depth?symbol=BTCUSDT&limit=5");
    firstAsk = JsonText.at(depth, "asks", 0, 0);
    firstBid = JsonText.at(depth, "bids", 0, 0);
    ethLastPrice =
        new BigDecimal(
            JsonText.at(exchange.json("/api/v3/ticker/24hr?symbol=ETHUSDT"), "lastPrice"));
  }

  /** Borrows a connection, changes what tools change, queries, and returns it. */
  private static List<String> borrowAndQuery(DataSource ds, boolean dirty) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = ds.getConnection()) {
      assertTrue(c.isValid(2));
      if (dirty) {
        // What a tool leaves behind: the pool must put it back (rollback, autocommit, read-only).
        c.setAutoCommit(false);
        c.setReadOnly(false);
      }
      try (PreparedStatement ps = c.prepareStatement(DEPTH)) {
        ps.setString(1, "BTCUSDT");
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(rs.getString(1) + rs.getInt(2) + "@" + rs.getBigDecimal(3).toPlainString());
          }
        }
      }
      c.getTransactionIsolation();
      c.getWarnings();
      c.clearWarnings();
    }
    return rows;
  }

  private static void assertBook(List<String> rows) {
    assertEquals(10, rows.size());
    assertEquals("ASK1@" + firstAsk, rows.get(0));
    assertEquals("BID1@" + firstBid, rows.get(5));
  }

  @Test
  void hikariBorrowsReturnsResetsAndCloses() throws Exception {
    HikariConfig config = new HikariConfig();
    config.setDriverClassName("io.github.binancejdbc.jdbc.BinanceDriver");
    config.setJdbcUrl(exchange.url());
    config.setPoolName("binance-hikari");
    config.setMaximumPoolSize(3);
    config.setMinimumIdle(1);
    config.setSchema("binance");
    config.setReadOnly(true);
    config.setConnectionTimeout(5_000);
    config.setValidationTimeout(1_000);
    List<Connection> physical = new ArrayList<>();
    try (HikariDataSource ds = new HikariDataSource(config)) {
      for (int i = 0; i < 4; i++) {
        assertBook(borrowAndQuery(ds, i % 2 == 1));
      }
      try (Connection c = ds.getConnection()) {
        assertTrue(c.getAutoCommit(), "reset after a dirty return");
        assertTrue(c.isReadOnly(), "reset after a dirty return");
        assertEquals("binance", c.getSchema());
        physical.add(c.unwrap(Connection.class));
      }
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        List<Future<List<String>>> parallel = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          parallel.add(pool.submit(() -> borrowAndQuery(ds, false)));
        }
        for (Future<List<String>> f : parallel) {
          assertBook(f.get());
        }
      } finally {
        pool.shutdown();
      }
      assertTrue(ds.getHikariPoolMXBean().getTotalConnections() <= 3);
      assertEquals(0, ds.getHikariPoolMXBean().getActiveConnections());
    }
    assertTrue(physical.get(0).isClosed(), "the pool closed its connections");
    assertEquals(
        Collections.nCopies(10, "symbol=BTCUSDT&limit=5"), exchange.queries("/api/v3/depth"));
  }

  @Test
  void c3p0BorrowsTestsAndRunsMetabaseStyleStatements() throws Exception {
    ComboPooledDataSource ds = new ComboPooledDataSource();
    try {
      ds.setDriverClass("io.github.binancejdbc.jdbc.BinanceDriver");
      ds.setJdbcUrl(exchange.url());
      ds.setMinPoolSize(1);
      ds.setInitialPoolSize(1);
      ds.setMaxPoolSize(3);
      ds.setAcquireRetryAttempts(1);
      ds.setCheckoutTimeout(5_000);
      ds.setTestConnectionOnCheckout(true);
      ds.setTestConnectionOnCheckin(true);
      ds.setMaxStatements(20);
      for (int i = 0; i < 4; i++) {
        assertBook(borrowAndQuery(ds, i % 2 == 1));
      }
      try (Connection c = ds.getConnection()) {
        assertTrue(c.getAutoCommit(), "reset after a dirty return");
        // Metabase's sql-jdbc connection set-up, each step in its own try as Metabase does.
        try {
          c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
        } catch (SQLException ignored) {
          // Metabase ignores a driver without that level.
        }
        c.setReadOnly(true);
        c.setAutoCommit(true);
        c.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT symbol, last_price, close_time"
                    + " FROM ticker_24hr WHERE symbol IN (?, ?) ORDER BY symbol",
                ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY,
                ResultSet.CLOSE_CURSORS_AT_COMMIT)) {
          ps.setFetchDirection(ResultSet.FETCH_FORWARD);
          ps.setFetchSize(500);
          ps.setMaxRows(2000);
          assertEquals(2, ps.getParameterMetaData().getParameterCount());
          ps.setString(1, "BTCUSDT");
          ps.setString(2, "ETHUSDT");
          try (ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(
                List.of("symbol:VARCHAR", "last_price:DECIMAL", "close_time:TIMESTAMP"),
                List.of(
                    md.getColumnLabel(1) + ":" + md.getColumnTypeName(1),
                    md.getColumnLabel(2) + ":" + md.getColumnTypeName(2),
                    md.getColumnLabel(3) + ":" + md.getColumnTypeName(3)));
            assertTrue(rs.next());
            assertEquals("BTCUSDT", rs.getString(1));
            assertTrue(rs.next());
            assertEquals("ETHUSDT", rs.getString(1));
            assertEquals(ethLastPrice, rs.getBigDecimal(2));
            assertFalse(rs.next());
          }
        }
        // Metabase's sync probe of every table: answered without a request.
        try (Statement s = c.createStatement()) {
          s.setQueryTimeout(15);
          try (ResultSet rs =
              s.executeQuery(
                  "SELECT TRUE AS \"_\" FROM \"binance\".\"klines\" WHERE 1 <> 1 LIMIT 0")) {
            assertFalse(rs.next());
          }
        }
      }
      // c3p0 checks connections in asynchronously (testConnectionOnCheckin).
      for (int i = 0; i < 50 && ds.getNumBusyConnectionsDefaultUser() > 0; i++) {
        Thread.sleep(100);
      }
      assertEquals(0, ds.getNumBusyConnectionsDefaultUser());
      assertEquals(0, ds.getNumFailedCheckoutsDefaultUser());
      assertEquals(0, ds.getNumFailedCheckinsDefaultUser());
    } finally {
      ds.close();
    }
    assertEquals(
        Collections.nCopies(4, "symbol=BTCUSDT&limit=5"), exchange.queries("/api/v3/depth"));
    assertEquals(
        List.of("symbols=%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D"),
        exchange.queries("/api/v3/ticker/24hr"));
    assertEquals(List.of(), exchange.queries("/api/v3/klines"));
  }
}
