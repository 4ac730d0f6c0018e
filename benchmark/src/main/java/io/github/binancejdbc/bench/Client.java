package io.github.binancejdbc.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.spot.Market;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One client run in a fresh JVM: {@code Client <client> <case> <baseUrl> [args]}. Clients: {@code
 * connector} (the official binance-connector-java) and {@code okhttp} (hand-written OkHttp +
 * Jackson streaming reader with pages in flight); the driver's is {@link DriverClient}. Cases:
 * {@code scan <fromMillis> <toMillis> <inFlight>} streams the 1m klines of BTCUSDT in [from, to)
 * and prints a checksum; {@code first} reads one price and exits; {@code point <n>} runs n point
 * queries after a warm-up and prints the median microseconds per query. Results go to stdout as one
 * {@code RESULT} line, which the harness compares across clients.
 */
public final class Client {
  static final String SYMBOL = "BTCUSDT";
  private static final JsonFactory JSON = new JsonFactory();

  private Client() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, UTF_8);
    String client = args[0];
    String kase = args[1];
    String base = args[2];
    String result =
        switch (kase) {
          case "scan" ->
              scan(
                      client,
                      base,
                      Long.parseLong(args[3]),
                      Long.parseLong(args[4]),
                      Integer.parseInt(args[5]))
                  .toString();
          case "first" -> first(client, base);
          case "point" -> point(client, base, Integer.parseInt(args[3]));
          default -> throw new IllegalArgumentException("case " + kase);
        };
    out.println("RESULT " + result);
    out.flush();
    // Non-daemon pools (OkHttp, the connector) must not hold the process open.
    System.exit(0);
  }

  static Sum scan(String client, String base, long from, long to, int inFlight) throws Exception {
    return switch (client) {
      case "connector" -> connectorScan(base, from, to);
      case "okhttp" -> okhttpScan(base, from, to, inFlight);
      default -> throw new IllegalArgumentException("client " + client);
    };
  }

  // ---- the official connector: paged by startTime, one page after another, Jackson parse ----

  static Sum connectorScan(String base, long from, long to) throws IOException {
    Market market = new SpotClientImpl(base).createMarket();
    Sum sum = new Sum();
    long cursor = from;
    while (cursor < to) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("symbol", SYMBOL);
      p.put("interval", "1m");
      p.put("startTime", cursor);
      p.put("endTime", to - 1);
      p.put("limit", 1000);
      String page = market.klines(p);
      long last;
      int n;
      try (JsonParser parser = JSON.createParser(page)) {
        long[] lastAndCount = readPage(parser, sum, false);
        last = lastAndCount[0];
        n = (int) lastAndCount[1];
      }
      if (n < 1000) {
        break;
      }
      cursor = last + 1;
    }
    return sum;
  }

  /** Reads {@code [[openTime,"o","h","l","c",...],...]}; returns {last open time, bars}. */
  static long[] readPage(JsonParser p, Sum sum, boolean fromChars) throws IOException {
    if (p.nextToken() != JsonToken.START_ARRAY) {
      throw new IOException("not an array: " + p.currentToken());
    }
    long last = -1;
    long n = 0;
    while (p.nextToken() == JsonToken.START_ARRAY) {
      p.nextToken();
      long open = p.getLongValue();
      p.nextToken();
      p.nextToken();
      p.nextToken();
      p.nextToken();
      BigDecimal close =
          fromChars
              ? new BigDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
              : new BigDecimal(p.getText());
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
      }
      sum.add(open, close);
      last = open;
      n++;
    }
    return new long[] {last, n};
  }

  // ---- hand-written OkHttp + Jackson streaming, pages fetched ahead ----

  static Sum okhttpScan(String base, long from, long to, int inFlight) throws Exception {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(64);
    OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher).build();
    long pageSpan = 1000L * 60_000L;
    ArrayDeque<CompletableFuture<byte[]>> window = new ArrayDeque<>();
    long next = from;
    Sum sum = new Sum();
    while (next < to || !window.isEmpty()) {
      while (next < to && window.size() < inFlight) {
        window.add(
            fetch(
                http,
                base
                    + "/api/v3/klines?symbol="
                    + SYMBOL
                    + "&interval=1m&startTime="
                    + next
                    + "&endTime="
                    + (to - 1)
                    + "&limit=1000"));
        next += pageSpan;
      }
      byte[] body = window.poll().get(60, TimeUnit.SECONDS);
      try (JsonParser p = JSON.createParser(body)) {
        readPage(p, sum, true);
      }
    }
    return sum;
  }

  static CompletableFuture<byte[]> fetch(OkHttpClient http, String url) {
    CompletableFuture<byte[]> f = new CompletableFuture<>();
    http.newCall(new Request.Builder().url(url).build())
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                f.completeExceptionally(e);
              }

              @Override
              public void onResponse(Call call, Response response) throws IOException {
                try (response) {
                  f.complete(response.body().bytes());
                }
              }
            });
    return f;
  }

  // ---- JVM start to first row, and repeated point queries ----

  static String first(String client, String base) throws Exception {
    return "price=" + pointQueries(client, base, 1, 0)[0];
  }

  static String point(String client, String base, int n) throws Exception {
    String[] r = pointQueries(client, base, n, 50);
    return "micros=" + r[1] + " price=" + r[0];
  }

  /** {price, median microseconds of the timed queries}. */
  static String[] pointQueries(String client, String base, int n, int warmup) throws Exception {
    long[] micros = new long[n];
    String price = null;
    switch (client) {
      case "connector" -> {
        Market market = new SpotClientImpl(base).createMarket();
        for (int i = -warmup; i < n; i++) {
          long t0 = System.nanoTime();
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("symbol", SYMBOL);
          String body = market.tickerSymbol(p);
          price = priceOf(body);
          if (i >= 0) {
            micros[i] = (System.nanoTime() - t0) / 1000;
          }
        }
      }
      case "okhttp" -> {
        OkHttpClient http = new OkHttpClient();
        for (int i = -warmup; i < n; i++) {
          long t0 = System.nanoTime();
          try (Response r =
              http.newCall(
                      new Request.Builder()
                          .url(base + "/api/v3/ticker/price?symbol=" + SYMBOL)
                          .build())
                  .execute()) {
            price = priceOf(r.body().string());
          }
          if (i >= 0) {
            micros[i] = (System.nanoTime() - t0) / 1000;
          }
        }
      }
      default -> throw new IllegalArgumentException("client " + client);
    }
    Arrays.sort(micros);
    return new String[] {price, Long.toString(micros[n / 2])};
  }

  static String priceOf(String body) throws IOException {
    try (JsonParser p = JSON.createParser(body)) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("price")) {
          p.nextToken();
          return new BigDecimal(p.getText()).toPlainString();
        }
      }
    }
    throw new IOException("no price in " + body);
  }
}
