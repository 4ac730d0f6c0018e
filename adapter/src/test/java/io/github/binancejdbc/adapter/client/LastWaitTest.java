package io.github.binancejdbc.adapter.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.testing.FakeClock;
import io.github.binancejdbc.testing.WireMocks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link BinanceHttp#takeLastWait()}: the server's time to answer (request written to headers
 * read), per thread, taken once.
 */
class LastWaitTest {
  @RegisterExtension static final WireMockExtension WM = WireMocks.lenient();

  private static final BodyReader<Void> SKIP =
      (JsonParser p) -> {
        p.nextToken();
        p.skipChildren();
        return null;
      };

  @Test
  void theServersTimeToAnswerIsMeasuredOnTheSendingThreadAndTakenOnce() throws Exception {
    WM.stubFor(get(urlEqualTo("/api/v3/avgPrice")).willReturn(okJson("{}").withFixedDelay(200)));
    WM.stubFor(get(urlEqualTo("/api/v3/ping")).willReturn(okJson("{}")));
    FakeClock clock = new FakeClock(Instant.parse("2024-01-01T00:00:10Z"));
    BinanceConfig config =
        BinanceConfig.newBuilder()
            .baseUrl(WM.baseUrl())
            .clock(clock)
            .sleeper(new RecordingSleeper(clock))
            .build();
    try (BinanceHttp http =
        new BinanceHttp(config, new WeightGovernor(WM.baseUrl(), clock, Sleeper.SYSTEM))) {
      BinanceHttp.takeLastWait();
      assertEquals(-1, BinanceHttp.takeLastWait(), "nothing answered yet");
      http.get("/api/v3/ping", List.of(), 1, SKIP);
      long fast = BinanceHttp.takeLastWait();
      assertTrue(fast >= 0 && fast < 200_000_000L, "ping waited " + fast + " ns");
      assertEquals(0, fast % 1_000_000, "whole milliseconds: " + fast);
      assertEquals(-1, BinanceHttp.takeLastWait(), "taken once");
      http.get("/api/v3/avgPrice", List.of(), 2, SKIP);
      // Measured on this thread: another thread sees nothing.
      long[] other = new long[1];
      Thread t = new Thread(() -> other[0] = BinanceHttp.takeLastWait());
      t.start();
      t.join();
      assertEquals(-1, other[0]);
      long slow = BinanceHttp.takeLastWait();
      // Millisecond clocks: at least 199 of the server's 200 ms.
      assertTrue(slow >= 199_000_000L, "avgPrice waited " + slow + " ns, the server 200 ms");
    }
  }
}
