package io.github.binancejdbc.examples;

import io.github.binancejdbc.simulator.BinanceSimulator;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * {@code ./bench}: how fast and how lean large scans are, against the embedded simulator on
 * loopback (so it measures the driver and the engine, not the internet). Each case runs three
 * times; the last run is reported with rows per second and the peak old-generation heap, which
 * stays flat when rows stream instead of being collected. Not a test: numbers vary by machine.
 */
public final class Bench {
  private Bench() {}

  record Case(String name, String sql) {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Case[] cases = {
      new Case(
          "1 year of 1h klines (8760 rows, 9 requests)",
          "SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
              + " AND open_time >= TIMESTAMP '2024-06-30 00:00:00'"
              + " AND open_time < TIMESTAMP '2025-06-30 00:00:00'"),
      new Case(
          "200 days of 1m klines (288000 rows, 288 requests)",
          "SELECT open_time, close_price, volume FROM klines WHERE symbol = 'ETHUSDT'"
              + " AND timeframe = '1m' AND open_time >= TIMESTAMP '2024-12-12 00:00:00'"
              + " AND open_time < TIMESTAMP '2025-06-30 00:00:00'"),
      new Case(
          "aggregate: daily VWAP over 200 days of 1h klines",
          "SELECT FLOOR(open_time TO DAY), SUM(quote_volume) / SUM(volume) FROM klines"
              + " WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
              + " AND open_time >= TIMESTAMP '2024-12-12 00:00:00' GROUP BY FLOOR(open_time TO DAY)"),
      new Case(
          "latest 10 bars, 100 times (one request each)",
          "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1d'"
              + " ORDER BY open_time DESC LIMIT 10"),
      new Case(
          "same, 100 times through one PreparedStatement",
          "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1d'"
              + " ORDER BY open_time DESC LIMIT 10"),
    };
    try (BinanceSimulator sim =
            BinanceSimulator.builder().port(0).weightLimit(1_000_000).build().start();
        Connection c = RunExamples.connect(sim)) {
      out.printf(
          Locale.ROOT, "%-52s %9s %10s %12s %10s%n", "case", "rows", "ms", "rows/s", "peak MiB");
      for (Case k : cases) {
        int repeat = k.name().contains("100 times") ? 100 : 1;
        boolean prepared = k.name().contains("PreparedStatement");
        long rows = 0;
        long ms = 0;
        long peak = 0;
        for (int run = 0; run < 3; run++) {
          System.gc();
          resetPeaks();
          long start = System.nanoTime();
          rows = 0;
          if (prepared) {
            try (java.sql.PreparedStatement ps = c.prepareStatement(k.sql())) {
              for (int i = 0; i < repeat; i++) {
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    rs.getString(1);
                    rows++;
                  }
                }
              }
            }
          } else {
            for (int i = 0; i < repeat; i++) {
              try (Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery(k.sql())) {
                while (rs.next()) {
                  rs.getString(1);
                  rows++;
                }
              }
            }
          }
          ms = (System.nanoTime() - start) / 1_000_000;
          peak = peakOldGenMiB();
        }
        out.printf(
            Locale.ROOT,
            "%-52s %9d %10d %12.0f %10d%n",
            k.name(),
            rows,
            ms,
            rows * 1000.0 / Math.max(1, ms),
            peak);
      }
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
  }

  private static long peakOldGenMiB() {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      String n = p.getName();
      if (n.contains("Old Gen") || n.contains("Tenured")) {
        peak = Math.max(peak, p.getPeakUsage().getUsed());
      }
    }
    return peak / (1024 * 1024);
  }
}
