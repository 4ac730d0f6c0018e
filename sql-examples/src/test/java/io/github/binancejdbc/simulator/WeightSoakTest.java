package io.github.binancejdbc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The weight soak, behind its own command (it runs for minutes):
 *
 * <pre>
 * flock /tmp/mvn.lock mvn -o -B -pl sql-examples -am test -Dtest=WeightSoakTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dsoak.minutes=10
 * </pre>
 *
 * <p>16 connections read as fast as they can from a server whose limit is 300 request weight per
 * minute, far below their demand. The process-wide governor must learn the limit before the
 * minute's weight passes 120 (while it cannot yet bind) and keep them all within it: no 429, no
 * ban, and at least 95 % of the budget used in every whole minute. The figures are printed and go
 * into the README's reliability section.
 */
@EnabledIfSystemProperty(named = "soak.minutes", matches = "\\d+")
class WeightSoakTest {
  static final int LIMIT = 300;
  static final int CONNECTIONS = 16;
  static final String[] QUERIES = {
    "SELECT price FROM avg_price WHERE symbol = 'BTCUSDT'",
    "SELECT close_price FROM klines WHERE symbol = 'ETHUSDT' AND timeframe = '1m'"
        + " ORDER BY open_time DESC LIMIT 5",
    "SELECT last_price FROM ticker_24hr WHERE symbol = 'BNBUSDT'",
    "SELECT price FROM order_book WHERE symbol = 'BTCUSDT' AND level <= 5",
    "SELECT price FROM trades WHERE symbol = 'ETHBTC' ORDER BY trade_id DESC LIMIT 10",
  };

  @Test
  void sixteenConnectionsStayWithinASmallSharedBudget() throws Exception {
    long minutes = Long.getLong("soak.minutes");
    try (BinanceSimulator sim =
        BinanceSimulator.builder().port(0).weightLimit(LIMIT).build().start()) {
      long end = System.currentTimeMillis() + minutes * 60_000;
      AtomicLong statements = new AtomicLong();
      Map<String, Long> failures = new ConcurrentHashMap<>();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < CONNECTIONS; t++) {
        int id = t;
        Thread thread =
            new Thread(
                () -> {
                  Properties p = new Properties();
                  try (Connection c =
                          DriverManager.getConnection("jdbc:binance:?baseUrl=" + sim.baseUrl(), p);
                      Statement s = c.createStatement()) {
                    for (int i = id; System.currentTimeMillis() < end; i++) {
                      try (ResultSet rs = s.executeQuery(QUERIES[i % QUERIES.length])) {
                        while (rs.next()) {
                          rs.getString(1);
                        }
                        statements.incrementAndGet();
                      } catch (SQLException e) {
                        failures.merge(e.getSQLState() + " " + e.getMessage(), 1L, Long::sum);
                      }
                    }
                  } catch (SQLException e) {
                    failures.merge("connect " + e.getMessage(), 1L, Long::sum);
                  }
                },
                "soak-" + t);
        thread.start();
        threads.add(thread);
      }
      for (Thread t : threads) {
        t.join();
      }
      RequestLimiter.Stats stats = sim.limitStats();
      SortedMap<Long, Long> byMinute = stats.admittedByMinute();
      // Whole minutes only: the first and the last are cut by the start and the end.
      List<Long> whole = new ArrayList<>(byMinute.values());
      if (whole.size() > 2) {
        whole = whole.subList(1, whole.size() - 1);
      }
      long used = whole.stream().mapToLong(Long::longValue).sum();
      double share = whole.isEmpty() ? 0 : 100.0 * used / (LIMIT * (double) whole.size());
      long worst = whole.stream().mapToLong(Long::longValue).min().orElse(0);
      System.out.printf(
          Locale.ROOT,
          "SOAK connections=%d minutes=%d limit=%d/min statements=%d"
              + " http429=%d http418=%d wholeMinutes=%d budgetShare=%.1f%% worstMinute=%d/%d"
              + " failures=%s byMinute=%s%n",
          CONNECTIONS,
          minutes,
          LIMIT,
          statements.get(),
          stats.rateLimited(),
          stats.banned(),
          whole.size(),
          share,
          worst,
          LIMIT,
          failures,
          byMinute.values());
      assertEquals(0, stats.rateLimited(), "429s");
      assertEquals(0, stats.banned(), "418s");
      assertEquals(Map.of(), failures);
      assertTrue(share >= 95.0, "budget share " + share);
    }
  }
}
