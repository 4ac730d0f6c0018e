package io.github.binancejdbc.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ./bench}: runs the clients side by side against one {@link BenchServer} and prints, per
 * case, the median over alternating rounds (each run a fresh JVM, timed from process start to exit)
 * and the ratio to the official connector (above 1 = faster than the connector). The rows each
 * client read are compared; a mismatch is reported as a failure.
 *
 * <p>Options: {@code --rounds N} (default 3), {@code --cases 1,2,3,4,5} (default all), {@code
 * --driver-properties k=v,k=v} (extra connection properties for the driver).
 *
 * <p>The driver runs twice: from its thin jar with its dependencies on the benchmark's class path
 * (as a Maven project gets it; the ratios of the goals are this row's), and, when the system
 * property {@code bench.driver.jar} names it, from the shaded jar alone with the benchmark's own
 * classes (as DBeaver and other tools get it). On the long class path {@code DriverManager} opens
 * every jar and loads every driver it lists (Calcite's, Avatica's, H2's).
 */
public final class Harness {
  static final List<String> CLIENTS = clients();
  static final String SHADED_JAR = System.getProperty("bench.driver.jar", "");
  static final long MINUTE = 60_000L;

  private final PrintStream out = new PrintStream(System.out, true, UTF_8);
  private final BenchServer server;
  private final int rounds;
  private final String driverProperties;
  private boolean failed;

  private Harness(BenchServer server, int rounds, String driverProperties) {
    this.server = server;
    this.rounds = rounds;
    this.driverProperties = driverProperties;
  }

  public static void main(String[] args) throws Exception {
    int rounds = 3;
    Set<String> cases = new TreeSet<>(List.of("1", "2", "3", "4", "5"));
    String driverProperties = "";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--cases" -> cases = new TreeSet<>(Arrays.asList(args[++i].split(",", -1)));
        case "--driver-properties" -> driverProperties = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    // Without it the JDK server's separate header and body writes meet delayed ACKs: 40 ms a call.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try (BenchServer server = new BenchServer()) {
      Harness h = new Harness(server, rounds, driverProperties);
      h.header();
      long t0 = BenchServer.DATA_START + 365L * 24 * 60 * MINUTE;
      if (cases.contains("1")) {
        h.table(
            "(1) 1,000,000 1m klines (open_time, close_price), no added latency",
            0,
            List.of("scan", "" + t0, "" + (t0 + 1_000_000 * MINUTE)),
            "2",
            "");
      }
      if (cases.contains("2")) {
        h.table(
            "(2) 50,000 1m klines, 50 ms added per request",
            50,
            List.of("scan", "" + t0, "" + (t0 + 50_000 * MINUTE)),
            "8",
            "");
      }
      if (cases.contains("3")) {
        h.table(
            "(3) JVM start to first row: one ticker price, then exit", 0, List.of("first"), "", "");
      }
      if (cases.contains("4")) {
        h.table(
            "(4) 500 repeated point queries (ticker price of one symbol), median per query",
            0,
            List.of("point", "500"),
            "",
            "micros");
      }
      if (cases.contains("5")) {
        h.bigScan(t0);
      }
      if (h.failed) {
        System.exit(1);
      }
    }
  }

  private void header() {
    out.printf(
        Locale.ROOT,
        "binance-jdbc benchmark: java %s (%s), %s %s, %d cores, %d MiB max heap"
            + " per client (JVM default unless stated)%n",
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    out.printf(
        Locale.ROOT,
        "rounds: %d, alternating client order; times are whole processes"
            + " (JVM start to exit) unless stated%n%n",
        rounds);
  }

  record Run(double seconds, String result, long requests, long weight) {}

  /**
   * One case: every client {@code rounds} times, order alternating, then the table. With {@code
   * metric} set, the client's own figure of that name (e.g. micros per query) is reported instead
   * of the process time.
   */
  private void table(
      String title, long delay, List<String> caseArgs, String inFlight, String metric)
      throws Exception {
    server.delayMillis(delay);
    Map<String, List<Run>> runs = new LinkedHashMap<>();
    for (String c : CLIENTS) {
      runs.put(c, new ArrayList<>());
    }
    for (int r = 0; r < rounds; r++) {
      List<String> order = new ArrayList<>(CLIENTS);
      if (r % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      for (String c : order) {
        List<String> a = new ArrayList<>(caseArgs);
        if (!inFlight.isEmpty()) {
          a.add(inFlight);
        }
        runs.get(c).add(run(c, a, List.of()));
      }
    }
    out.println(title);
    String unit = metric.isEmpty() ? "seconds" : metric;
    out.printf(
        Locale.ROOT, "| client | median %s | rounds | requests | weight | vs connector |%n", unit);
    out.println("|---|---|---|---|---|---|");
    double ref = median(runs.get("connector"), metric);
    String expected = null;
    for (String c : CLIENTS) {
      List<Run> rs = runs.get(c);
      double m = median(rs, metric);
      List<String> all = new ArrayList<>();
      for (Run run : rs) {
        all.add(format(value(run, metric), metric));
      }
      String label =
          c.equals("okhttp") && !inFlight.isEmpty()
              ? "okhttp+jackson (" + inFlight + " in flight)"
              : label(c);
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %d | %d | %.2f |%n",
          label,
          format(m, metric),
          String.join(" ", all),
          rs.get(0).requests(),
          rs.get(0).weight(),
          ref / m);
      for (Run run : rs) {
        String comparable = run.result().replaceAll("micros=\\d+ ", "");
        if (expected == null) {
          expected = comparable;
        } else if (!expected.equals(comparable)) {
          failed = true;
          out.println("  MISMATCH: " + c + " read " + comparable + ", expected " + expected);
        }
      }
    }
    out.println("  rows: " + expected);
    out.println();
  }

  /** (5) The driver alone: 10,000,000 bars under -Xmx64m (memory must stay flat). */
  private void bigScan(long t0) throws Exception {
    server.delayMillis(0);
    long to = t0 + 10_000_000L * MINUTE;
    Run r = run("driver", List.of("scan", "" + t0, "" + to, "1"), List.of("-Xmx64m"));
    out.println("(5) 10,000,000 1m klines through the driver under -Xmx64m");
    out.printf(
        Locale.ROOT,
        "| client | seconds | requests | result |%n|---|---|---|---|%n"
            + "| binance-jdbc -Xmx64m | %.2f | %d | %s |%n%n",
        r.seconds(),
        r.requests(),
        r.result());
  }

  private static List<String> clients() {
    return System.getProperty("bench.driver.jar", "").isEmpty()
        ? List.of("connector", "okhttp", "driver")
        : List.of("connector", "okhttp", "driver", "driver-jar");
  }

  private static String label(String c) {
    return switch (c) {
      case "connector" -> "binance-connector-java 3.4.1 (sequential, Jackson streaming)";
      case "okhttp" -> "okhttp+jackson";
      case "driver-jar" -> "binance-jdbc, shaded jar alone";
      default -> "binance-jdbc";
    };
  }

  private static double value(Run r, String metric) {
    if (metric.isEmpty()) {
      return r.seconds();
    }
    for (String part : r.result().split(" ", -1)) {
      if (part.startsWith(metric + "=")) {
        return Double.parseDouble(part.substring(metric.length() + 1));
      }
    }
    throw new IllegalStateException("no " + metric + " in " + r.result());
  }

  private static String format(double v, String metric) {
    return metric.isEmpty()
        ? String.format(Locale.ROOT, "%.2f", v)
        : String.format(Locale.ROOT, "%.0f", v);
  }

  private static double median(List<Run> runs, String metric) {
    double[] v = runs.stream().mapToDouble(r -> value(r, metric)).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private Run run(String client, List<String> args, List<String> jvmArgs) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    if (!driverProperties.isEmpty()) {
      cmd.add("-Dbench.driver.properties=" + driverProperties);
    }
    cmd.add("-cp");
    String classPath = System.getProperty("java.class.path");
    if (client.equals("driver-jar")) {
      // The benchmark's classes (the first entry) and the shaded jar, nothing else.
      classPath =
          classPath.split(java.io.File.pathSeparator, -1)[0]
              + java.io.File.pathSeparator
              + SHADED_JAR;
    }
    cmd.add(classPath);
    if (client.startsWith("driver")) {
      cmd.add(DriverClient.class.getName());
    } else {
      cmd.add(Client.class.getName());
      cmd.add(client);
    }
    cmd.add(args.get(0));
    cmd.add(server.baseUrl());
    cmd.addAll(args.subList(1, args.size()));
    long req0 = server.requests.get();
    long w0 = server.weight.get();
    long start = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String result = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          result = line.substring(7);
        }
      }
    }
    int exit = p.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0 || result == null) {
      failed = true;
      result = "FAILED (exit " + exit + ")";
    }
    return new Run(seconds, result, server.requests.get() - req0, server.weight.get() - w0);
  }
}
