package io.github.binancejdbc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real driver, pointed at the simulator, sees the same data as the REST answers. */
class DriverEndToEndTest {
  static BinanceSimulator sim;
  static TestClient client;
  static Connection conn;

  @BeforeAll
  static void start() throws SQLException {
    sim = BinanceSimulator.builder().build().start();
    client = new TestClient(sim.baseUrl());
    Properties p = new Properties();
    p.setProperty("baseUrl", sim.baseUrl());
    conn = DriverManager.getConnection("jdbc:binance:", p);
  }

  @AfterAll
  static void stop() throws SQLException {
    conn.close();
    sim.close();
  }

  @Test
  void klinesOverTwoDaysMatchTheRestAnswer() throws SQLException {
    JsonNode rows =
        client
            .get(
                "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime="
                    + Instant.parse("2021-01-01T00:00:00Z").toEpochMilli()
                    + "&limit=48")
            .json();
    try (Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT open_price, close_price, trade_count FROM klines"
                    + " WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
                    + " AND open_time >= TIMESTAMP '2021-01-01 00:00:00'"
                    + " AND open_time < TIMESTAMP '2021-01-03 00:00:00' ORDER BY open_time")) {
      int i = 0;
      while (rs.next()) {
        JsonNode r = rows.get(i++);
        assertEquals(0, new BigDecimal(r.get(1).asText()).compareTo(rs.getBigDecimal(1)));
        assertEquals(0, new BigDecimal(r.get(4).asText()).compareTo(rs.getBigDecimal(2)));
        assertEquals(r.get(8).asLong(), rs.getLong(3));
      }
      assertEquals(48, i);
    }
  }

  @Test
  void everyDailyBarSinceListingIsPaged() throws SQLException {
    long days =
        (Instant.parse("2025-06-30T00:00:00Z").toEpochMilli()
                - Instant.parse("2017-07-14T00:00:00Z").toEpochMilli())
            / 86_400_000L;
    try (Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*), SUM(trade_count) FROM klines"
                    + " WHERE symbol = 'ETHBTC' AND timeframe = '1d'")) {
      assertTrue(rs.next());
      assertEquals(days, rs.getLong(1));
      long lastId =
          client.get("/api/v3/trades?symbol=ETHBTC&limit=1").json().get(0).get("id").asLong();
      assertEquals(lastId + 1, rs.getLong(2));
    }
  }

  @Test
  void tradesAggTradesBookAndTickers() throws SQLException {
    JsonNode last = client.get("/api/v3/trades?symbol=ETHUSDT&limit=3").json();
    try (Statement s = conn.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT trade_id, price FROM trades WHERE symbol = 'ETHUSDT'"
                  + " ORDER BY trade_id DESC LIMIT 3")) {
        for (int i = 2; i >= 0; i--) {
          assertTrue(rs.next());
          assertEquals(last.get(i).get("id").asLong(), rs.getLong(1));
          assertEquals(
              0, new BigDecimal(last.get(i).get("price").asText()).compareTo(rs.getBigDecimal(2)));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT COUNT(*), MIN(first_trade_id), MAX(last_trade_id)"
                  + " FROM agg_trades WHERE symbol = 'BNBUSDT'"
                  + " AND trade_time >= TIMESTAMP '2024-05-05 05:00:00'"
                  + " AND trade_time < TIMESTAMP '2024-05-05 05:10:00'")) {
        assertTrue(rs.next());
        JsonNode bars =
            client
                .get(
                    "/api/v3/klines?symbol=BNBUSDT&interval=5m&limit=2&startTime="
                        + Instant.parse("2024-05-05T05:00:00Z").toEpochMilli())
                .json();
        long trades = bars.get(0).get(8).asLong() + bars.get(1).get(8).asLong();
        assertEquals(trades, rs.getLong(3) - rs.getLong(2) + 1);
        assertTrue(rs.getLong(1) > 0 && rs.getLong(1) <= trades);
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT COUNT(*) FROM order_book WHERE symbol = 'BTCUSDT'" + " AND level <= 5")) {
        assertTrue(rs.next());
        assertEquals(10, rs.getLong(1));
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM symbols")) {
        assertTrue(rs.next());
        assertEquals(5, rs.getLong(1));
      }
      try (ResultSet rs =
          s.executeQuery("SELECT trade_count FROM ticker_24hr WHERE symbol = 'ETHBTC'")) {
        assertTrue(rs.next());
        assertEquals(
            client.get("/api/v3/ticker/24hr?symbol=ETHBTC").json().get("count").asLong(),
            rs.getLong(1));
      }
    }
  }
}
