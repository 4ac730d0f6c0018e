package io.github.binancejdbc.clients;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small Binance on loopback for the client programs: WireMock with realistic bodies.
 *
 * <p>{@code /api/v3/klines} is answered like Binance does from a fixed history: bars of BTCUSDT and
 * ETHUSDT exist from {@link #LISTED} (2024-01-01T00:00Z) until {@link #NOW} (2024-03-01T00:00Z);
 * {@code startTime}, {@code endTime} and {@code limit} select them as the real endpoint does, so
 * any query shape a client sends gets the right rows. The other endpoints are fixed bodies. Every
 * server fails the test on a request it has no stub for.
 */
final class FakeBinance {
  static final long LISTED = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
  static final long NOW = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
  static final long MINUTE = 60_000L;
  static final long HOUR = 3_600_000L;
  static final long DAY = 24 * HOUR;

  static final String API_KEY = "it-api-key";
  static final String SECRET_KEY = "it-secret-key-not-a-real-one";

  private static final Map<String, Long> INTERVALS =
      Map.of(
          "1m",
          MINUTE,
          "5m",
          5 * MINUTE,
          "15m",
          15 * MINUTE,
          "1h",
          HOUR,
          "4h",
          4 * HOUR,
          "1d",
          DAY);
  private static final Map<String, BigDecimal> BASE_PRICE =
      Map.of(
          "BTCUSDT", new BigDecimal("40000.00000000"), "ETHUSDT", new BigDecimal("2200.00000000"));

  private FakeBinance() {}

  /** A WireMock server on a free loopback port that knows how to answer klines. */
  static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(
            wireMockConfig()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .extensions(new KlinesTransformer()))
        .failOnUnmatchedRequests(true)
        .build();
  }

  /** Stubs the public market data endpoints the clients' queries reach. */
  static void stubMarketData(WireMockExtension wm) {
    // Connection.isValid asks the server.
    wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).willReturn(okJson("{}")));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/exchangeInfo"))
            .willReturn(okJson(resource("/exchangeInfo.json"))));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines"))
            .willReturn(aResponse().withTransformers(KlinesTransformer.NAME)));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/ticker/24hr"))
            .withQueryParam("symbol", equalTo("BTCUSDT"))
            .willReturn(okJson(ticker("BTCUSDT", "61234.56000000"))));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/ticker/24hr"))
            .withQueryParam("symbols", equalTo("[\"BTCUSDT\",\"ETHUSDT\"]"))
            .willReturn(
                okJson(
                    "["
                        + ticker("BTCUSDT", "61234.56000000")
                        + ","
                        + ticker("ETHUSDT", "3390.10000000")
                        + "]")));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/depth"))
            .withQueryParam("symbol", equalTo("BTCUSDT"))
            .withQueryParam("limit", equalTo("5"))
            .willReturn(
                okJson(
                    "{\"lastUpdateId\":45386170712,"
                        + "\"bids\":[[\"61234.55000000\",\"1.24010000\"],[\"61234.54000000\",\"0.00400000\"],"
                        + "[\"61234.10000000\",\"0.12000000\"],[\"61233.99000000\",\"0.35000000\"],"
                        + "[\"61233.50000000\",\"2.00000000\"]],"
                        + "\"asks\":[[\"61234.56000000\",\"3.10510000\"],[\"61234.57000000\",\"0.00200000\"],"
                        + "[\"61234.80000000\",\"0.01000000\"],[\"61235.00000000\",\"0.50000000\"],"
                        + "[\"61236.01000000\",\"0.08000000\"]]}")));
  }

  /** Stubs what a signed {@code test_order} needs: server time and the order test endpoint. */
  static void stubTestOrder(WireMockExtension wm) {
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/time"))
            .willReturn(okJson("{\"serverTime\":" + System.currentTimeMillis() + "}")));
    wm.stubFor(post(urlPathEqualTo("/api/v3/order/test")).willReturn(okJson("{}")));
  }

  /** The query strings of the GET requests made to {@code path}, in order. */
  static List<String> queries(WireMockExtension wm, String path) {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : wm.findAll(getRequestedFor(urlPathEqualTo(path)))) {
      int q = r.getUrl().indexOf('?');
      out.add(q < 0 ? "" : r.getUrl().substring(q + 1));
    }
    return out;
  }

  /** The JDBC URL of the driver for this server. */
  static String url(WireMockExtension wm) {
    return "jdbc:binance:?maxRetries=0&baseUrl=" + wm.baseUrl();
  }

  /** Open price of the bar opening at {@code open}: the symbol's base plus one per hour listed. */
  static BigDecimal openPrice(String symbol, long open) {
    return BASE_PRICE.get(symbol).add(BigDecimal.valueOf((open - LISTED) / HOUR));
  }

  static String ticker(String symbol, String last) {
    return "{\"symbol\":\""
        + symbol
        + "\",\"priceChange\":\"1234.56000000\","
        + "\"priceChangePercent\":\"2.057\",\"weightedAvgPrice\":\"60512.33016447\","
        + "\"prevClosePrice\":\"60000.01000000\",\"lastPrice\":\""
        + last
        + "\","
        + "\"lastQty\":\"0.00044000\",\"bidPrice\":\"61234.55000000\",\"bidQty\":\"1.24010000\","
        + "\"askPrice\":\"61234.56000000\",\"askQty\":\"3.10510000\","
        + "\"openPrice\":\"60000.00000000\",\"highPrice\":\"61500.00000000\","
        + "\"lowPrice\":\"59800.12000000\","
        + "\"volume\":\"21750.84226000\",\"quoteVolume\":\"1316171633.30140740\","
        + "\"openTime\":1709164800000,\"closeTime\":1709251199999,\"firstId\":3482000000,"
        + "\"lastId\":3483234567,\"count\":1234568}";
  }

  static String resource(String name) {
    try (InputStream in = FakeBinance.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers {@code GET /api/v3/klines} from the fixed history, with Binance's paging rules. */
  static final class KlinesTransformer implements ResponseDefinitionTransformerV2 {
    static final String NAME = "binance-klines";

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      Request r = serveEvent.getRequest();
      String symbol = param(r, "symbol");
      Long interval = INTERVALS.get(param(r, "interval"));
      if (symbol == null || !BASE_PRICE.containsKey(symbol)) {
        return error(-1121, "Invalid symbol.");
      }
      if (interval == null) {
        return error(-1120, "Invalid interval.");
      }
      int limit = param(r, "limit") == null ? 500 : Integer.parseInt(param(r, "limit"));
      if (limit < 1 || limit > 1000) {
        return error(
            -1100,
            "Illegal characters found in parameter 'limit'; legal range is" + " '[1, 1000]'.");
      }
      long lastOpen = NOW - interval;
      Long start = param(r, "startTime") == null ? null : Long.parseLong(param(r, "startTime"));
      Long end = param(r, "endTime") == null ? null : Long.parseLong(param(r, "endTime"));
      long hi = Math.min(lastOpen, end == null ? lastOpen : floor(end, interval));
      List<Long> opens = new ArrayList<>();
      if (start != null) {
        for (long o = Math.max(LISTED, ceil(start, interval));
            o <= hi && opens.size() < limit;
            o += interval) {
          opens.add(o);
        }
      } else {
        long lo = Math.max(LISTED, hi - (limit - 1) * interval);
        for (long o = lo; o <= hi; o += interval) {
          opens.add(o);
        }
      }
      StringBuilder sb = new StringBuilder("[");
      for (long open : opens) {
        sb.append(sb.length() > 1 ? "," : "").append(kline(symbol, open, interval));
      }
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(200)
          .withHeader("Content-Type", "application/json;charset=UTF-8")
          .withBody(sb.append(']').toString())
          .build();
    }

    private static long floor(long t, long interval) {
      return LISTED + Math.floorDiv(t - LISTED, interval) * interval;
    }

    private static long ceil(long t, long interval) {
      long f = floor(t, interval);
      return f == t ? t : f + interval;
    }

    private static String param(Request r, String name) {
      QueryParameter p = r.queryParameter(name);
      return p.isPresent() ? p.firstValue() : null;
    }

    private static ResponseDefinition error(int code, String msg) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(400)
          .withHeader("Content-Type", "application/json;charset=UTF-8")
          .withBody("{\"code\":" + code + ",\"msg\":\"" + msg + "\"}")
          .build();
    }

    static String kline(String symbol, long open, long interval) {
      BigDecimal o = openPrice(symbol, open);
      return String.format(
          Locale.ROOT,
          "[%d,\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",%d,\"%s\",%d,\"%s\",\"%s\",\"0\"]",
          open,
          o.toPlainString(),
          o.add(new BigDecimal("12.50000000")).toPlainString(),
          o.subtract(new BigDecimal("7.25000000")).toPlainString(),
          o.add(new BigDecimal("1.00000000")).toPlainString(),
          "10.50000000",
          open + interval - 1,
          "420000.12345678",
          (open - LISTED) / interval % 1000 + 100,
          "5.25000000",
          "210000.00000000");
    }
  }
}
