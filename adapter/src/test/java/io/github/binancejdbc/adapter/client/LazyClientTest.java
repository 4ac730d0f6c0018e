package io.github.binancejdbc.adapter.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.testing.FakeClock;
import io.github.binancejdbc.testing.WireMocks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A connection's OkHttp client is made by its first request, not when the transport is built, so
 * that connecting and preparing never wait for the shared client's TLS set-up.
 */
class LazyClientTest {
  @RegisterExtension static final WireMockExtension WM = WireMocks.strict();

  /** Reads {"serverTime": n}: start, name, value. */
  private static final BodyReader<Long> SERVER_TIME =
      p -> {
        p.nextToken();
        p.nextToken();
        p.nextToken();
        return p.getLongValue();
      };

  private final FakeClock clock = new FakeClock(Instant.parse("2024-01-01T00:00:10Z"));

  private BinanceHttp http() {
    BinanceConfig config =
        BinanceConfig.newBuilder()
            .baseUrl(WM.baseUrl())
            .clock(clock)
            .sleeper(new RecordingSleeper(clock))
            .readTimeout(Duration.ofSeconds(7))
            .build();
    return new BinanceHttp(config, new WeightGovernor(WM.baseUrl(), clock, config.sleeper()));
  }

  @Test
  void theClientIsMadeByTheFirstRequestAndKeptForTheNext() {
    WM.stubFor(get("/api/v3/time").willReturn(okJson("{\"serverTime\":1704067210000}")));
    BinanceHttp http = http();
    try {
      assertNull(http.builtClient(), "building the transport made a client");

      assertEquals(1704067210000L, http.get("/api/v3/time", List.of(), 1, SERVER_TIME));
      OkHttpClient first = http.builtClient();
      assertNotNull(first);
      assertEquals(7000, first.readTimeoutMillis());
      assertEquals(false, first.retryOnConnectionFailure());

      http.get("/api/v3/time", List.of(), 1, SERVER_TIME);
      assertSame(first, http.builtClient());
      WM.verify(2, getRequestedFor(urlEqualTo("/api/v3/time")));
    } finally {
      http.close();
    }
  }

  @Test
  void closingBeforeAnyRequestMakesNoClientAndLaterRequestsFailWith08003() {
    BinanceHttp http = http();
    http.close();

    BinanceException e =
        assertThrows(
            BinanceException.class, () -> http.get("/api/v3/time", List.of(), 1, SERVER_TIME));

    assertEquals("08003", e.sqlState());
    assertNull(http.builtClient());
    WM.verify(0, getRequestedFor(urlEqualTo("/api/v3/time")));
  }
}
