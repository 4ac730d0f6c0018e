package io.github.binancejdbc.examples;

import io.github.binancejdbc.simulator.BinanceSimulator;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The README's main command: starts the offline exchange on a free loopback port, connects through
 * the driver with the simulator's demo key and {@code trading=true}, and prints every example with
 * its result.
 *
 * <p>Arguments: {@code [examples-dir]} (default {@code sql-examples/queries}), or {@code --url
 * jdbc:binance:...} to run against another server (keys from the environment variables, as the
 * driver reads them; trading examples then need {@code trading=true} in the URL).
 */
public final class RunExamples {
  private RunExamples() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dir = Path.of("sql-examples", "queries");
    String url = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--url") && i + 1 < args.length) {
        url = args[++i];
      } else {
        dir = Path.of(args[i]);
      }
    }
    if (url != null) {
      try (Connection c = DriverManager.getConnection(url)) {
        runAll(c, dir, out);
      }
      return;
    }
    try (BinanceSimulator sim = BinanceSimulator.builder().port(0).build().start()) {
      out.println(
          "Offline Binance simulator on "
              + sim.baseUrl()
              + " (market time "
              + sim.marketTime()
              + ")");
      try (Connection c = connect(sim)) {
        runAll(c, dir, out);
      }
    }
  }

  /** A trading connection to the simulator with its demo key. */
  public static Connection connect(BinanceSimulator sim) throws SQLException {
    Properties p = new Properties();
    p.setProperty("apiKey", BinanceSimulator.DEMO_API_KEY);
    p.setProperty("secretKey", BinanceSimulator.DEMO_SECRET_KEY);
    return DriverManager.getConnection(
        "jdbc:binance:?baseUrl=" + sim.baseUrl() + "&trading=true", p);
  }

  static void runAll(Connection c, Path dir, PrintStream out) throws Exception {
    for (Path f : Examples.files(dir)) {
      out.println();
      out.println("=".repeat(100));
      out.println("== " + f.getFileName());
      out.println("=".repeat(100));
      out.print(Examples.run(c, f));
    }
  }
}
