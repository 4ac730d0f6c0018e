package io.github.binancejdbc.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server that answers the few public endpoints the benchmark uses, rendering each kline
 * page from a formula in memory (no disk, no database), so that the server is never what is
 * measured. An optional delay per request stands for the round trip to Binance; it is slept on the
 * request's own thread, and the pool has a thread for every request a client can have in flight
 * (the driver's {@code maxConcurrentRequests} is at most 64), so that no request waits for
 * another's delay, as none does at Binance. Requests and their weight are counted so the benchmark
 * can show what each client spent.
 */
final class BenchServer implements AutoCloseable {
  /** First and last bar the server knows (2017-01-01 .. 2040-01-01 UTC). */
  static final long DATA_START = 1_483_228_800_000L;

  static final long DATA_END = 2_208_988_800_000L;

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(128);
  private volatile long delayMillis;
  final AtomicLong requests = new AtomicLong();
  final AtomicLong weight = new AtomicLong();

  BenchServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void delayMillis(long millis) {
    this.delayMillis = millis;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      requests.incrementAndGet();
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      String path = ex.getRequestURI().getPath();
      Map<String, String> q = query(ex.getRequestURI().getRawQuery());
      byte[] body;
      int status = 200;
      int w = 1;
      switch (path) {
        case "/api/v3/klines", "/api/v3/uiKlines" -> {
          w = 2;
          body = klines(q);
        }
        case "/api/v3/ticker/price" -> {
          w = q.containsKey("symbol") ? 2 : 4;
          body = tickerPrice(q.get("symbol"));
        }
        case "/api/v3/ping" -> body = "{}".getBytes(UTF_8);
        case "/api/v3/exchangeInfo" -> {
          // The driver reads the limits once before its first weighed request, as on Binance.
          w = 20;
          body =
              ("{\"timezone\":\"UTC\",\"serverTime\":"
                      + System.currentTimeMillis()
                      + ",\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":"
                      + "\"MINUTE\",\"intervalNum\":1,\"limit\":6000},{\"rateLimitType\":\"ORDERS\","
                      + "\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":100},{\"rateLimitType\":"
                      + "\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,\"limit\":200000},"
                      + "{\"rateLimitType\":\"RAW_REQUESTS\",\"interval\":\"MINUTE\",\"intervalNum\":5,"
                      + "\"limit\":61000}],\"exchangeFilters\":[],\"symbols\":[]}")
                  .getBytes(UTF_8);
        }
        case "/api/v3/time" ->
            body = ("{\"serverTime\":" + System.currentTimeMillis() + "}").getBytes(UTF_8);
        default -> {
          status = 404;
          body = "{\"code\":-1000,\"msg\":\"not served by the benchmark server\"}".getBytes(UTF_8);
          System.err.println("bench server: no route for " + ex.getRequestURI());
        }
      }
      long used = weight.addAndGet(w);
      ex.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
      // Usage far below the limit: the governor never waits, the weight is still reported.
      ex.getResponseHeaders().add("X-MBX-USED-WEIGHT-1M", Long.toString(used % 1000));
      ex.sendResponseHeaders(status, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> m = new HashMap<>();
    if (raw == null) {
      return m;
    }
    for (String kv : raw.split("&", -1)) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        m.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), UTF_8));
      }
    }
    return m;
  }

  private static byte[] tickerPrice(String symbol) {
    if (symbol == null) {
      return ("[{\"symbol\":\"BTCUSDT\",\"price\":\"43251.12000000\"},"
              + "{\"symbol\":\"ETHUSDT\",\"price\":\"2301.55000000\"}]")
          .getBytes(UTF_8);
    }
    return ("{\"symbol\":\"" + symbol + "\",\"price\":\"43251.12000000\"}").getBytes(UTF_8);
  }

  static long intervalMillis(String interval) {
    long n = Long.parseLong(interval.substring(0, interval.length() - 1));
    return n
        * switch (interval.charAt(interval.length() - 1)) {
          case 's' -> 1_000L;
          case 'm' -> 60_000L;
          case 'h' -> 3_600_000L;
          case 'd' -> 86_400_000L;
          default -> throw new IllegalArgumentException("interval " + interval);
        };
  }

  /** Binance's paging: from startTime up, or the latest {@code limit} bars up to endTime. */
  static byte[] klines(Map<String, String> q) {
    long step = intervalMillis(q.getOrDefault("interval", "1m"));
    int limit = Math.min(1000, Integer.parseInt(q.getOrDefault("limit", "500")));
    long end =
        Math.min(DATA_END - 1, Long.parseLong(q.getOrDefault("endTime", "" + Long.MAX_VALUE)));
    long first;
    if (q.containsKey("startTime")) {
      long start = Math.max(DATA_START, Long.parseLong(q.get("startTime")));
      first = DATA_START + Math.floorDiv(start - DATA_START + step - 1, step) * step;
    } else {
      long last = DATA_START + Math.floorDiv(end - DATA_START, step) * step;
      first = Math.max(DATA_START, last - (long) (limit - 1) * step);
    }
    StringBuilder sb = new StringBuilder(limit * 200);
    sb.append('[');
    int n = 0;
    for (long t = first; t <= end && n < limit; t += step, n++) {
      if (n > 0) {
        sb.append(',');
      }
      bar(sb, t, step);
    }
    sb.append(']');
    return sb.toString().getBytes(UTF_8);
  }

  /** One bar, a deterministic function of its open time, in Binance's layout. */
  static void bar(StringBuilder sb, long t, long step) {
    long m = t / 60_000L;
    long close = 2_000_000_000_000L + (m * 7919L % 1_000_000_000_000L);
    long open = close - (m % 977) * 1_000_000L;
    long high = Math.max(open, close) + (m % 13) * 10_000_000L;
    long low = Math.min(open, close) - (m % 17) * 10_000_000L;
    long volume = (m % 100_003) * 1_234_567L;
    sb.append('[').append(t).append(',');
    fixed(sb, open).append(',');
    fixed(sb, high).append(',');
    fixed(sb, low).append(',');
    fixed(sb, close).append(',');
    fixed(sb, volume).append(',');
    sb.append(t + step - 1).append(',');
    fixed(sb, volume * 3).append(',');
    sb.append(m % 5000).append(',');
    fixed(sb, volume / 2).append(',');
    fixed(sb, volume * 3 / 2).append(",\"0\"]");
  }

  /** {@code "123.45600000"}: a non-negative value in units of 1e-8, quoted, 8 decimals. */
  static StringBuilder fixed(StringBuilder sb, long units) {
    sb.append('"').append(units / 100_000_000L).append('.');
    String frac = Long.toString(units % 100_000_000L);
    for (int i = frac.length(); i < 8; i++) {
      sb.append('0');
    }
    return sb.append(frac).append('"');
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
