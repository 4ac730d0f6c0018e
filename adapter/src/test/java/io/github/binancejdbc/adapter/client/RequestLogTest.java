package io.github.binancejdbc.adapter.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.testing.FakeClock;
import io.github.binancejdbc.testing.WireMocks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The request log behind {@code api_requests} and the counters behind {@code api_usage}: every
 * attempt logged with its status, weight and rows, no secret in it, bounded, and the hook a cache
 * calls to record an answer it served.
 */
class RequestLogTest {
  @RegisterExtension static final WireMockExtension WM = WireMocks.lenient();

  private final FakeClock clock = new FakeClock(Instant.parse("2024-01-01T00:00:00Z"));
  private final WeightGovernor governor =
      new WeightGovernor(WM.baseUrl(), clock, new RecordingSleeper(clock));

  private BinanceHttp http() {
    BinanceConfig config =
        BinanceConfig.newBuilder()
            .baseUrl(WM.baseUrl())
            .apiKey("log-test-api-key")
            .secretKey("log-test-secret")
            .maxRetries(0)
            .clock(clock)
            .sleeper(new RecordingSleeper(clock))
            .build();
    return new BinanceHttp(config, governor);
  }

  @Test
  void everyAttemptIsLoggedWithStatusWeightAndRowsButNoSignature() {
    WM.stubFor(
        get(urlPathEqualTo("/api/v3/time"))
            .willReturn(okJson("{\"serverTime\":" + clock.millis() + "}")));
    WM.stubFor(
        get(urlPathEqualTo("/api/v3/myTrades"))
            .willReturn(okJson("[1,2,3]").withHeader("X-MBX-USED-WEIGHT-1M", "77")));
    WM.stubFor(
        get(urlPathEqualTo("/api/v3/depth"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
    try (BinanceHttp http = http()) {
      List<Integer> ints =
          http.signed(
              BinanceHttp.Method.GET,
              "/api/v3/myTrades",
              List.of(Param.of("symbol", "BTCUSDT"), Param.of("apiKey", "leak")),
              20,
              p -> {
                p.nextToken();
                List<Integer> out = new java.util.ArrayList<>();
                while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                  out.add(p.getIntValue());
                }
                return out;
              });
      assertEquals(List.of(1, 2, 3), ints);
      assertThrows(
          BinanceException.class,
          () -> http.get("/api/v3/depth", List.of(Param.of("symbol", "FOO")), 5, p -> null));

      List<RequestLog.Entry> log = http.requestLog().snapshot();
      assertEquals(3, log.size());
      RequestLog.Entry time = log.get(0);
      assertEquals("/api/v3/time", time.endpoint());
      assertEquals(1, time.weight());
      RequestLog.Entry trades = log.get(1);
      assertEquals(WM.baseUrl(), trades.baseUrl());
      assertEquals("GET", trades.method());
      assertEquals("/api/v3/myTrades", trades.endpoint());
      assertEquals("symbol=BTCUSDT&recvWindow=5000&timestamp=" + clock.millis(), trades.query());
      assertEquals(20, trades.weight());
      assertEquals(200, trades.httpStatus());
      assertEquals(3, trades.rows());
      assertEquals(clock.millis(), trades.timeMillis());
      assertFalse(trades.fromCache());
      RequestLog.Entry depth = log.get(2);
      assertEquals("symbol=FOO", depth.query());
      assertEquals(400, depth.httpStatus());
      assertNull(depth.rows());
      for (RequestLog.Entry e : log) {
        assertFalse(e.toString().contains("log-test-api-key"), e.toString());
        assertFalse(e.toString().contains("signature"), e.toString());
        assertFalse(e.toString().contains("leak"), e.toString());
      }
      assertEquals(1, http.requestLog().firstNumber());
      assertArrayEquals(new long[] {3, 26, 0, 0}, governor.totals());
      assertEquals(77, governor.serverUsedInWindow());
      clock.advance(60_000);
      assertEquals(-1, governor.serverUsedInWindow(), "a new window has no server count yet");
    }
  }

  @Test
  void anAnswerServedFromTheCacheIsLoggedAndCountedAsSavedWithoutSending() {
    try (BinanceHttp http = http()) {
      http.servedFromCache(
          BinanceHttp.Method.GET,
          "/api/v3/klines",
          List.of(Param.of("symbol", "BTCUSDT"), Param.of("interval", "1d")),
          2,
          false,
          365);
      RequestLog.Entry e = http.requestLog().snapshot().get(0);
      assertTrue(e.fromCache());
      assertNull(e.httpStatus());
      assertEquals(365, e.rows());
      assertEquals(2, e.weight());
      assertEquals("symbol=BTCUSDT&interval=1d", e.query());
      assertArrayEquals(new long[] {0, 0, 1, 2}, governor.totals());
    }
    assertEquals(0, WM.getAllServeEvents().size());
  }

  @Test
  void theLogKeepsTheLastThousand() {
    RequestLog log = new RequestLog();
    for (int i = 0; i < RequestLog.CAPACITY + 5; i++) {
      log.add(new RequestLog.Entry(i, "b", "GET", "/p", "n=" + i, 1, 200, 0, null, false));
    }
    List<RequestLog.Entry> kept = log.snapshot();
    assertEquals(RequestLog.CAPACITY, kept.size());
    assertEquals("n=5", kept.get(0).query());
    assertEquals(6, log.firstNumber());
  }
}
