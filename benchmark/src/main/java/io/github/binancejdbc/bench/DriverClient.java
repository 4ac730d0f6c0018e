package io.github.binancejdbc.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Properties;
import java.util.TimeZone;

/**
 * The driver's client run in a fresh JVM: {@code DriverClient <case> <baseUrl> [args]}, the cases
 * of {@link Client}. It uses nothing but {@code java.sql} and the JDK, so that it runs with either
 * the thin driver jar and its dependencies or the shaded jar alone on the class path.
 */
public final class DriverClient {
  private DriverClient() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, UTF_8);
    String kase = args[0];
    String base = args[1];
    String result =
        switch (kase) {
          case "scan" -> scan(base, Long.parseLong(args[2]), Long.parseLong(args[3])).toString();
          case "first" -> "price=" + pointQueries(base, 1, 0)[0];
          case "point" -> {
            String[] r = pointQueries(base, Integer.parseInt(args[2]), 50);
            yield "micros=" + r[1] + " price=" + r[0];
          }
          default -> throw new IllegalArgumentException("case " + kase);
        };
    out.println("RESULT " + result);
    out.flush();
    System.exit(0);
  }

  static Connection connect(String base) throws Exception {
    Properties props = new Properties();
    props.setProperty("baseUrl", base);
    String extra = System.getProperty("bench.driver.properties", "");
    for (String kv : extra.split(",", -1)) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        props.setProperty(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return DriverManager.getConnection("jdbc:binance:", props);
  }

  static String ts(long millis) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
        .format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
  }

  static Sum scan(String base, long from, long to) throws Exception {
    Sum sum = new Sum();
    try (Connection c = connect(base);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT open_time, close_price FROM klines"
                    + " WHERE symbol = '"
                    + Client.SYMBOL
                    + "' AND timeframe = '1m'"
                    + " AND open_time >= TIMESTAMP '"
                    + ts(from)
                    + "'"
                    + " AND open_time < TIMESTAMP '"
                    + ts(to)
                    + "'")) {
      Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      while (rs.next()) {
        sum.add(rs.getTimestamp(1, utc).getTime(), rs.getBigDecimal(2));
      }
    }
    return sum;
  }

  /** {price, median microseconds of the timed queries}. */
  static String[] pointQueries(String base, int n, int warmup) throws Exception {
    long[] micros = new long[n];
    String price = null;
    try (Connection c = connect(base);
        PreparedStatement ps =
            c.prepareStatement("SELECT price FROM ticker_price WHERE symbol = ?")) {
      for (int i = -warmup; i < n; i++) {
        long t0 = System.nanoTime();
        ps.setString(1, Client.SYMBOL);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          price = rs.getBigDecimal(1).toPlainString();
        }
        if (i >= 0) {
          micros[i] = (System.nanoTime() - t0) / 1000;
        }
      }
    }
    Arrays.sort(micros);
    return new String[] {price, Long.toString(micros[n / 2])};
  }
}
