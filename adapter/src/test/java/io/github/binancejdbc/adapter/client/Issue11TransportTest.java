package io.github.binancejdbc.adapter.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonToken;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.testing.FakeClock;
import io.github.binancejdbc.testing.WireMocks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11 in the transport: an unreadable 2xx is an unknown outcome for an order and a retry for a
 * read; the catalogue's retryable flag decides GET retries of 4xx answers; the governor learns the
 * limits before the first request, from 429 messages and from order-count headers.
 */
class Issue11TransportTest {
  @RegisterExtension static final WireMockExtension WM = WireMocks.lenient();

  private static final BodyReader<String> OBJECT =
      p -> {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new IllegalStateException("expected an object but found " + p.currentToken());
        }
        p.skipChildren();
        return "ok";
      };

  private final FakeClock clock = new FakeClock(Instant.parse("2024-01-01T00:00:10Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);

  private BinanceHttp http(WeightGovernor governor) {
    BinanceConfig config =
        BinanceConfig.newBuilder()
            .baseUrl(WM.baseUrl())
            .apiKey("k")
            .secretKey("s")
            .clock(clock)
            .sleeper(sleeper)
            .maxRetries(2)
            .build();
    return new BinanceHttp(config, governor);
  }

  private WeightGovernor governor(boolean learns) {
    return new WeightGovernor(WM.baseUrl(), clock, sleeper, learns);
  }

  @Test
  void anUnreadable2xxToAnOrderIsAnUnknownOutcomeAndIsNotResent() {
    WM.stubFor(
        get(urlPathEqualTo("/api/v3/time"))
            .willReturn(okJson("{\"serverTime\":" + clock.millis() + "}")));
    String[] bodies = {
      "{\"symbol\":\"BTCUSDT\",\"orderId\":", "<html>502 Bad Gateway</html>", "", "[1,2]", "   "
    };
    try (BinanceHttp http = http(governor(false))) {
      for (String body : bodies) {
        WM.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(okJson(body)));
        BinanceException e =
            assertThrows(
                BinanceException.class,
                () ->
                    http.signed(
                        Method.POST,
                        "/api/v3/order",
                        List.of(Param.of("symbol", "BTCUSDT")),
                        1,
                        OBJECT),
                body);
        assertTrue(e.outcomeUnknown(), body);
        assertEquals("58000", e.sqlState(), body);
        assertTrue(
            e.getMessage().startsWith("Unexpected response from POST /api/v3/order: "),
            e.getMessage());
        assertTrue(
            e.getMessage()
                .endsWith("(execution status unknown: the request may have been" + " executed)"),
            e.getMessage());
      }
    }
    WM.verify(bodies.length, postRequestedFor(urlPathEqualTo("/api/v3/order")));
  }

  @Test
  void anEmptyOrUnreadable2xxToAReadIsAskedAgainThenFailsClearly() {
    WM.stubFor(get(urlEqualTo("/api/v3/ping")).willReturn(aResponse().withStatus(200)));
    try (BinanceHttp http = http(governor(false))) {
      BinanceException e =
          assertThrows(
              BinanceException.class, () -> http.get("/api/v3/ping", List.of(), 1, OBJECT));
      assertEquals("XX000", e.sqlState());
      assertFalse(e.outcomeUnknown());
      assertEquals(
          "Unexpected response from GET /api/v3/ping: an empty body with HTTP 200"
              + " (gave up after 3 attempts)",
          e.getMessage());
    }
    WM.verify(3, getRequestedFor(urlEqualTo("/api/v3/ping")));
    assertEquals(List.of(250L, 500L), sleeper.sleeps());
  }

  @Test
  void aGetIsRetriedOnlyWhenTheCatalogueSaysTheCodeMayPass() {
    WM.stubFor(
        get(urlEqualTo("/api/v3/avgPrice?symbol=X"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
    WM.stubFor(
        get(urlEqualTo("/api/v3/avgPrice?symbol=Y"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"code\":-1001,\"msg\":\"Internal error; unable to process your request.\"}")));
    try (BinanceHttp http = http(governor(false))) {
      BinanceException bad =
          assertThrows(
              BinanceException.class,
              () -> http.get("/api/v3/avgPrice", List.of(Param.of("symbol", "X")), 2, OBJECT));
      assertEquals(-1121, bad.vendorCode());
      BinanceException busy =
          assertThrows(
              BinanceException.class,
              () -> http.get("/api/v3/avgPrice", List.of(Param.of("symbol", "Y")), 2, OBJECT));
      assertEquals(-1001, busy.vendorCode());
      assertEquals("58000", busy.sqlState());
      assertTrue(busy.getMessage().endsWith("(gave up after 3 attempts)"), busy.getMessage());
    }
    WM.verify(1, getRequestedFor(urlEqualTo("/api/v3/avgPrice?symbol=X")));
    WM.verify(3, getRequestedFor(urlEqualTo("/api/v3/avgPrice?symbol=Y")));
  }

  private static final String LIMITS =
      "{\"timezone\":\"UTC\",\"rateLimits\":[{\"rateLimitType\":"
          + "\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":60},"
          + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":2},"
          + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,\"limit\":5},"
          + "{\"rateLimitType\":\"RAW_REQUESTS\",\"interval\":\"MINUTE\",\"intervalNum\":5,"
          + "\"limit\":1000}],\"symbols\":[]}";

  @Test
  void theLimitsAreReadBeforeTheWindowsWeightPassesLearnAtAndThenKeepItWithinThem() {
    WM.stubFor(get(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT")).willReturn(okJson(LIMITS)));
    WM.stubFor(get(urlEqualTo("/api/v3/ping")).willReturn(okJson("{}")));
    WM.stubFor(get(urlEqualTo("/api/v3/avgPrice")).willReturn(okJson("{}")));
    WeightGovernor g = governor(true);
    try (BinanceHttp http = http(g)) {
      // Reads that keep the window at or below LEARN_AT (120) go out on the default limit: reading
      // the limits (weight 20) would cost more than they do.
      for (int i = 0; i < 6; i++) {
        http.get("/api/v3/avgPrice", List.of(), 20, OBJECT);
      }
      assertEquals(WeightGovernor.DEFAULT_LIMIT, g.limit());
      assertFalse(g.limitsKnown());
      WM.verify(0, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT")));
      // A ping (a connection check) never asks, even beyond LEARN_AT.
      http.get("/api/v3/ping", List.of(), 1, OBJECT);
      assertFalse(g.limitsKnown());
      // 121 + 1 > 120: the limits are read first.
      http.get("/api/v3/avgPrice", List.of(), 1, OBJECT);
      assertEquals(60, g.limit());
      assertEquals(1000, g.rawLimit());
      assertArrayEquals(new int[] {2, 5}, g.orderLimits());
    }
    WM.verify(1, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT")));
    WM.verify(1, getRequestedFor(urlEqualTo("/api/v3/ping")));
    WM.verify(7, getRequestedFor(urlEqualTo("/api/v3/avgPrice")));
  }

  @Test
  void theServersCountOfOtherClientsReadsTheLimitsOnlyPastHalfTheAssumedLimit() {
    WM.stubFor(get(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT")).willReturn(okJson(LIMITS)));
    WM.stubFor(
        get(urlEqualTo("/api/v3/avgPrice?symbol=A"))
            .willReturn(okJson("{}").withHeader("X-MBX-USED-WEIGHT-1M", "2999")));
    WM.stubFor(
        get(urlEqualTo("/api/v3/avgPrice?symbol=B"))
            .willReturn(okJson("{}").withHeader("X-MBX-USED-WEIGHT-1M", "3001")));
    WeightGovernor g = governor(true);
    try (BinanceHttp http = http(g)) {
      // Other clients on the IP have used 2999 of the assumed 6000: not yet a reason to pay 20.
      http.get("/api/v3/avgPrice", List.of(Param.of("symbol", "A")), 2, OBJECT);
      http.get("/api/v3/avgPrice", List.of(Param.of("symbol", "B")), 2, OBJECT);
      assertEquals(3001, g.usedInWindow());
      WM.verify(0, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT")));
      // Past half of it: the next request reads the limits first (and is then over them: it waits
      // for the next minute).
      http.get("/api/v3/avgPrice", List.of(Param.of("symbol", "A")), 2, OBJECT);
      assertEquals(60, g.limit());
      assertEquals(List.of(50_000L), sleeper.sleeps());
    }
    WM.verify(1, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT")));
  }

  @Test
  void aLimitsReadCutShortOnThisSideIsAskedForAgain() {
    WeightGovernor g = governor(true);
    assertFalse(g.needsLimits(2, false), "2 of 120: not due");
    assertTrue(g.needsLimits(121, false), "past 120: due, this caller reads");
    // Interrupted (a page fetched ahead, cancelled): the next due request reads them.
    g.limitsRead(false);
    assertTrue(g.needsLimits(121, false));
    g.limitsRead(true);
    // Read (or failed at the server): never asked again, whatever is due.
    assertFalse(g.needsLimits(121, true));
  }

  @Test
  void theLimitsAreReadBeforeTheFirstOrderAndThenKeepItWithinThem() {
    WM.stubFor(get(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT")).willReturn(okJson(LIMITS)));
    WM.stubFor(get(urlEqualTo("/api/v3/avgPrice")).willReturn(okJson("{}")));
    WM.stubFor(
        get(urlPathEqualTo("/api/v3/time"))
            .willReturn(okJson("{\"serverTime\":" + clock.millis() + "}")));
    WM.stubFor(post(urlPathEqualTo("/api/v3/order/test")).willReturn(okJson("{}")));
    WM.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(okJson("{}")));
    WeightGovernor g = governor(true);
    try (BinanceHttp http = http(g)) {
      http.get("/api/v3/avgPrice", List.of(), 2, OBJECT);
      // A test order creates no order: no read yet.
      http.signed(Method.POST, "/api/v3/order/test", List.of(), 1, OBJECT);
      WM.verify(0, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT")));
      http.signed(Method.POST, "/api/v3/order", List.of(), 1, OBJECT);
      assertEquals(60, g.limit());
      // avgPrice 2 + the clock sync 1 + test 1 + exchangeInfo 20 + order 1 = 25: 35 more fit
      // this minute, 36 do not.
      assertEquals(25, g.usedInWindow());
      http.get("/api/v3/avgPrice", List.of(), 35, OBJECT);
      assertEquals(List.of(), sleeper.sleeps());
      http.get("/api/v3/avgPrice", List.of(), 1, OBJECT);
      assertEquals(List.of(50_000L), sleeper.sleeps());
    }
    WM.verify(1, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT")));
    WM.verify(1, postRequestedFor(urlPathEqualTo("/api/v3/order")));
  }

  @Test
  void aStatedLimitInA429IsAdopted() {
    WeightGovernor g = governor(false);
    g.onRateLimited(
        5,
        "Too much request weight used; current limit is 300 request weight per 1"
            + " MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.");
    assertEquals(300, g.limit());
    g.onRateLimited(1, "Too many new orders; current limit is 50 orders per 10 SECOND.");
    assertEquals(50, g.orderLimits()[0]);
    g.onRateLimited(1, "Too many requests; current limit is 6100 requests per 5 MINUTE.");
    assertEquals(6100, g.rawLimit());
  }

  @Test
  void orderWindowsWaitForTheShortOneAndRefuseWhenTheDayIsFull() {
    WeightGovernor g = governor(false);
    g.setLimit("ORDERS", "SECOND", 10, 2);
    g.setLimit("ORDERS", "DAY", 1, 4);
    g.onOrderCountHeader("10S", 1);
    g.acquire(1, 1);
    assertEquals(List.of(), sleeper.sleeps());
    g.acquire(1, 1); // 2 + 1 > 2: waits for 00:00:20
    assertEquals(List.of(10_000L), sleeper.sleeps());
    g.onOrderCountHeader("1D", 4);
    BinanceException e = assertThrows(BinanceException.class, () -> g.acquire(1, 1));
    assertEquals("53000", e.sqlState());
    assertTrue(
        e.getMessage().startsWith("The account's order limit of 4 per day is reached"),
        e.getMessage());
    assertEquals(0, LimitLearner.newOrders(Method.GET, "/api/v3/order"));
    assertEquals(3, LimitLearner.newOrders(Method.POST, "/api/v3/orderList/otoco"));
  }

  @Test
  void anAnswerCrossingAWindowBoundaryNeitherBlocksNorOverrunsTheNextWindow() {
    WeightGovernor g = governor(false);
    g.setLimit("REQUEST_WEIGHT", "MINUTE", 1, 100);
    long w0 = g.acquire(10, 0); // sent at 00:00:10, answered after 00:01:00
    clock.advance(50_000);
    // The answer reports the old window's count: adopting it would block the new minute.
    g.onUsedWeightHeader(100, w0);
    // The request was still in flight at the boundary: the server may count it in this window.
    assertEquals(10, g.usedInWindow());
    g.done(10, w0);
    assertEquals(10, g.usedInWindow());
    long w1 = g.acquire(5, 0);
    g.onUsedWeightHeader(40, w1);
    assertEquals(40, g.usedInWindow());
    g.done(5, w1);
    assertEquals(List.of(), sleeper.sleeps());
  }
}
