package io.github.binancejdbc.adapter.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonToken;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.testing.FakeClock;
import io.github.binancejdbc.testing.WireMocks;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Backup hosts: where each request went when the first host refuses connections, answers 503 or
 * stalls, that the connection stays on the working host, and that an order is never sent to a
 * second host after an unknown outcome.
 */
class HostFailoverTest {
  @RegisterExtension static final WireMockExtension GOOD = WireMocks.lenient();

  @RegisterExtension static final WireMockExtension BAD = WireMocks.lenient();

  private static final String TIME_BODY = "{\"serverTime\":1704067210000}";
  private static final BodyReader<Long> SERVER_TIME =
      p -> {
        long t = -1;
        p.nextToken();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          p.nextToken();
          t = p.getLongValue();
        }
        return t;
      };
  private static final List<Param> ORDER =
      List.of(
          Param.of("symbol", "BTCUSDT"),
          Param.of("side", "BUY"),
          Param.of("type", "MARKET"),
          Param.of("quantity", "0.001"));

  private final FakeClock clock = new FakeClock(Instant.parse("2024-01-01T00:00:10Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final WeightGovernor governor = new WeightGovernor("test", clock, sleeper);
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  private BinanceHttp http(String baseUrl, int maxRetries) {
    BinanceConfig config =
        BinanceConfig.newBuilder()
            .baseUrl(baseUrl)
            .apiKey("key")
            .secretKey("secret")
            .maxRetries(maxRetries)
            .readTimeout(Duration.ofMillis(300))
            .clock(clock)
            .sleeper(sleeper)
            .build();
    BinanceHttp http = new BinanceHttp(config, governor);
    opened.add(http);
    return http;
  }

  private static String refusingHost() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  /** Accepts connections and never answers. */
  private String stallingHost() throws IOException {
    ServerSocket server = new ServerSocket(0);
    List<Socket> held = new ArrayList<>();
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  held.add(server.accept());
                }
              } catch (IOException closed) {
                // the test is over
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    opened.add(
        () -> {
          server.close();
          for (Socket s : held) {
            s.close();
          }
        });
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void goodServesTime() {
    GOOD.stubFor(get(urlEqualTo("/api/v3/time")).willReturn(okJson(TIME_BODY)));
  }

  @Test
  void getMovesFromARefusingHostToTheNextAtOnceAndStaysThere() throws IOException {
    goodServesTime();
    BinanceHttp http = http(refusingHost() + "," + GOOD.baseUrl(), 1);

    assertEquals(1704067210000L, http.get("/api/v3/time", List.of(), 1, SERVER_TIME));
    assertEquals(1704067210000L, http.get("/api/v3/time", List.of(), 1, SERVER_TIME));

    GOOD.verify(2, getRequestedFor(urlEqualTo("/api/v3/time")));
    assertEquals(List.of(), sleeper.sleeps(), "moving to an untried host needs no backoff");
    // Both attempts of the first request and the second request count against the one budget.
    assertEquals(3, governor.usedInWindow());
  }

  @Test
  void getMovesOffA503HostAndTriesItAgainOnlyAfterFiveMinutes() {
    goodServesTime();
    BAD.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
    BinanceHttp http = http(BAD.baseUrl() + "," + GOOD.baseUrl(), 2);

    http.get("/api/v3/time", List.of(), 1, SERVER_TIME);
    http.get("/api/v3/time", List.of(), 1, SERVER_TIME);
    BAD.verify(1, getRequestedFor(urlEqualTo("/api/v3/time")));
    GOOD.verify(2, getRequestedFor(urlEqualTo("/api/v3/time")));

    clock.advance(Hosts.STICKY_MILLIS);
    http.get("/api/v3/time", List.of(), 1, SERVER_TIME);
    BAD.verify(2, getRequestedFor(urlEqualTo("/api/v3/time")));
    GOOD.verify(3, getRequestedFor(urlEqualTo("/api/v3/time")));
  }

  @Test
  void getMovesOffAStallingHostAfterTheReadTimeout() throws IOException {
    goodServesTime();
    BinanceHttp http = http(stallingHost() + "," + GOOD.baseUrl(), 1);

    assertEquals(1704067210000L, http.get("/api/v3/time", List.of(), 1, SERVER_TIME));
    GOOD.verify(1, getRequestedFor(urlEqualTo("/api/v3/time")));
  }

  @Test
  void anHtmlErrorPageIsTheHostsFaultAJsonBinanceErrorIsNot() {
    goodServesTime();
    BAD.stubFor(
        get(urlEqualTo("/api/v3/time"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Blocked</body></html>")));
    BAD.stubFor(
        get(urlPathEqualTo("/api/v3/depth"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
    BinanceHttp http = http(BAD.baseUrl() + "," + GOOD.baseUrl(), 3);

    assertEquals(1704067210000L, http.get("/api/v3/time", List.of(), 1, SERVER_TIME));
    GOOD.verify(1, getRequestedFor(urlEqualTo("/api/v3/time")));

    // Five minutes later the first host is tried again; its JSON error is Binance's answer.
    clock.advance(Hosts.STICKY_MILLIS);
    BinanceException e =
        assertThrows(
            BinanceException.class,
            () -> http.get("/api/v3/depth", List.of(Param.of("symbol", "FOO")), 5, SERVER_TIME));
    assertEquals(-1121, e.vendorCode());
    GOOD.verify(0, getRequestedFor(urlPathEqualTo("/api/v3/depth")));
  }

  @Test
  void failoverStaysWithinMaxRetries() {
    BAD.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(504)));
    BinanceHttp http = http(BAD.baseUrl() + "," + GOOD.baseUrl(), 0);

    BinanceException e =
        assertThrows(
            BinanceException.class, () -> http.get("/api/v3/time", List.of(), 1, SERVER_TIME));
    assertTrue(e.getMessage().contains("HTTP 504"), e.getMessage());
    GOOD.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anOrderRefusedByTheFirstHostIsSentOnceToTheNext() throws IOException {
    goodServesTime();
    GOOD.stubFor(post(urlEqualTo("/api/v3/order")).willReturn(okJson("{\"orderId\":7}")));
    BinanceHttp http = http(refusingHost() + "," + GOOD.baseUrl(), 1);
    http.measureServerTime(); // moves to the second host
    clock.advance(Hosts.STICKY_MILLIS); // and back to the first for the order

    http.signed(Method.POST, "/api/v3/order", ORDER, 1, p -> p.nextToken());

    GOOD.verify(1, postRequestedFor(urlEqualTo("/api/v3/order")));
  }

  @Test
  void anOrderAnswered503IsNeverSentToASecondHost() {
    assertOrderStaysOnTheFirstHost(aResponse().withStatus(503));
  }

  @Test
  void anOrderThatStallsIsNeverSentToASecondHost() {
    assertOrderStaysOnTheFirstHost(okJson("{\"orderId\":7}").withFixedDelay(2_000));
  }

  private void assertOrderStaysOnTheFirstHost(ResponseDefinitionBuilder orderResponse) {
    BAD.stubFor(get(urlEqualTo("/api/v3/time")).willReturn(okJson(TIME_BODY)));
    BAD.stubFor(post(urlEqualTo("/api/v3/order")).willReturn(orderResponse));
    BinanceHttp http = http(BAD.baseUrl() + "," + GOOD.baseUrl(), 3);

    BinanceException e =
        assertThrows(
            BinanceException.class,
            () -> http.signed(Method.POST, "/api/v3/order", ORDER, 1, p -> p.nextToken()));

    assertTrue(e.outcomeUnknown(), e.getMessage());
    BAD.verify(1, postRequestedFor(urlEqualTo("/api/v3/order")));
    GOOD.verify(0, anyRequestedFor(anyUrl()));
  }

  /** A transport whose API host is BAD and whose market-data host is GOOD. */
  private BinanceHttp marketHttp() {
    BinanceConfig config =
        BinanceConfig.newBuilder()
            .baseUrl(BAD.baseUrl())
            .marketDataUrl(GOOD.baseUrl() + "/")
            .clock(clock)
            .sleeper(sleeper)
            .build();
    BinanceHttp http = new BinanceHttp(config, governor);
    opened.add(http);
    return http;
  }

  @Test
  void marketDataGoesToItsOwnHostWithItsOwnGovernorSignedAndOtherEndpointsKeepBaseUrl() {
    GOOD.stubFor(get(urlPathEqualTo("/api/v3/klines")).willReturn(okJson("[]")));
    BAD.stubFor(get(urlPathEqualTo("/api/v3/historicalTrades")).willReturn(okJson("[]")));
    BinanceHttp http = marketHttp();

    http.get("/api/v3/klines", List.of(Param.of("symbol", "BTCUSDT")), 2, p -> p.nextToken());
    http.get(
        "/api/v3/historicalTrades", List.of(Param.of("symbol", "BTCUSDT")), 25, p -> p.nextToken());

    GOOD.verify(1, getRequestedFor(urlEqualTo("/api/v3/klines?symbol=BTCUSDT")));
    BAD.verify(1, getRequestedFor(urlEqualTo("/api/v3/historicalTrades?symbol=BTCUSDT")));
    assertEquals(25, governor.usedInWindow(), "klines weighed on the market host's governor");
  }

  @Test
  void theMarketHostsGovernorReadsItsOwnLimitsOnceItsWeightPassesLearnAt() {
    GOOD.stubFor(get(urlPathEqualTo("/api/v3/klines")).willReturn(okJson("[]")));
    GOOD.stubFor(
        get(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT"))
            .willReturn(
                okJson(
                    "{\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\","
                        + "\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":5000}]}")));
    BinanceHttp http = marketHttp();
    // 50 pages of klines weigh 100: not yet worth reading the limits (weight 20).
    for (int i = 0; i < 50; i++) {
      http.get("/api/v3/klines", List.of(Param.of("symbol", "BTCUSDT")), 2, p -> p.nextToken());
    }
    GOOD.verify(0, getRequestedFor(urlPathEqualTo("/api/v3/exchangeInfo")));
    // Past 120 on the market host's governor (the API's own has spent nothing): read from it.
    for (int i = 0; i < 20; i++) {
      http.get("/api/v3/klines", List.of(Param.of("symbol", "BTCUSDT")), 2, p -> p.nextToken());
    }
    GOOD.verify(1, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT")));
    BAD.verify(0, anyRequestedFor(anyUrl()));
    assertEquals(5000, http.governors().get(1).limit(), "the market host's limit");
    assertEquals(5000, http.weightLimit());
    assertEquals(0, governor.usedInWindow(), "nothing charged to the API's own governor");
  }

  @Test
  void productionAndTestnetMainHostsStandForTheirPublishedLists() {
    assertEquals(
        List.of(
            "https://api.binance.com",
            "https://api-gcp.binance.com",
            "https://api1.binance.com",
            "https://api2.binance.com",
            "https://api3.binance.com",
            "https://api4.binance.com"),
        BinanceConfig.newBuilder().build().baseUrls());
    assertEquals(
        List.of("https://testnet.binance.vision", "https://api1.testnet.binance.vision"),
        BinanceConfig.newBuilder()
            .baseUrl("https://testnet.binance.vision/api")
            .build()
            .baseUrls());
    assertEquals(
        List.of("http://127.0.0.1:1", "https://api2.binance.com"),
        BinanceConfig.newBuilder()
            .baseUrl(" http://127.0.0.1:1/ , https://api2.binance.com,")
            .build()
            .baseUrls());
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class,
            () -> BinanceConfig.newBuilder().baseUrl("http://a,http://a/"));
    assertEquals("baseUrl lists http://a twice: name each host once", twice.getMessage());
  }

  @Test
  void everyHostOfAListSharesTheProcessGovernorOfItsFirstHost() {
    BinanceConfig list =
        BinanceConfig.newBuilder()
            .baseUrl("http://127.0.0.1:9/x-first,http://127.0.0.1:9/x-second")
            .build();
    BinanceConfig first = BinanceConfig.newBuilder().baseUrl("http://127.0.0.1:9/x-first").build();
    BinanceConfig second =
        BinanceConfig.newBuilder().baseUrl("http://127.0.0.1:9/x-second").build();
    try (BinanceHttp a = new BinanceHttp(list);
        BinanceHttp b = new BinanceHttp(first);
        BinanceHttp c = new BinanceHttp(second)) {
      assertSame(a.governor(), b.governor());
      assertNotSame(a.governor(), c.governor());
    }
  }
}
