package io.github.binancejdbc.simulator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar binance-jdbc-simulator-<version>.jar [options]}: runs the simulator until
 * killed, after printing one line with its URL and the demo API key.
 */
public final class Main {
  static {
    // Before anything logs (USAGE below already loads BinanceSimulator and its logger): the
    // command line prints its one line itself; the log is for warnings.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  private static final String USAGE =
      String.join(
          "\n",
          "Usage: java -jar binance-jdbc-simulator.jar [options]",
          "  --port N                 port to listen on (default 8089; 0 picks one)",
          "  --host ADDR              address to bind (default 127.0.0.1)",
          "  --seed N                 seed of the generated market (default "
              + BinanceSimulator.DEFAULT_SEED
              + ")",
          "  --market-time ISO        where history ends (default "
              + BinanceSimulator.DEFAULT_MARKET_TIME
              + ")",
          "  --weight-limit N         REQUEST_WEIGHT per minute and IP (default 6000)",
          "  --hmac-key KEY:SECRET    accept another HMAC key (repeatable)",
          "  --ed25519-key KEY:FILE   accept an Ed25519 key, public key PEM file (repeatable)",
          "  --rsa-key KEY:FILE       accept an RSA key, public key PEM file (repeatable)",
          "  --no-demo-keys           do not accept the demo and documentation keys",
          "The demo secret key is the public constant BinanceSimulator.DEMO_SECRET_KEY",
          "(see the README's simulator section); GET /sim/info shows the demo API key.");

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    BinanceSimulator.Builder b = BinanceSimulator.builder().port(8089);
    List<String> errors = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--help") || a.equals("-h")) {
          System.out.println(USAGE);
          return;
        }
        if (a.equals("--no-demo-keys")) {
          b.withoutDemoKeys();
          continue;
        }
        if (i + 1 >= args.length) {
          errors.add("missing value after " + a);
          break;
        }
        String v = args[++i];
        switch (a) {
          case "--port" -> b.port(Integer.parseInt(v));
          case "--host" -> b.host(v);
          case "--seed" -> b.seed(Long.parseLong(v));
          case "--market-time" -> b.marketTime(Instant.parse(v));
          case "--weight-limit" -> b.weightLimit(Integer.parseInt(v));
          case "--hmac-key" -> b.apiKey(ApiKey.hmac(before(v), after(v)));
          case "--ed25519-key", "--rsa-key" ->
              b.apiKey(ApiKey.fromPem(before(v), Path.of(after(v))));
          default -> errors.add("unknown option " + a);
        }
      }
    } catch (RuntimeException e) {
      errors.add(e.getMessage());
    }
    if (!errors.isEmpty()) {
      System.err.println(String.join("\n", errors));
      System.err.println(USAGE);
      System.exit(2);
    }
    BinanceSimulator sim = b.build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "binance-simulator-shutdown"));
    // The one line a user (or a script) needs; an application may print, a library may not.
    System.out.println(
        "Binance simulator listening on "
            + sim.baseUrl()
            + " (market time "
            + sim.marketTime()
            + ", seed "
            + sim.seed()
            + "); demo API key "
            + BinanceSimulator.DEMO_API_KEY
            + " (its secret is the public constant BinanceSimulator.DEMO_SECRET_KEY, see the README)");
    new CountDownLatch(1).await();
  }

  private static String before(String v) {
    int i = v.indexOf(':');
    if (i <= 0) {
      throw new IllegalArgumentException("expected KEY:VALUE but got " + v);
    }
    return v.substring(0, i);
  }

  private static String after(String v) {
    return v.substring(v.indexOf(':') + 1);
  }
}
