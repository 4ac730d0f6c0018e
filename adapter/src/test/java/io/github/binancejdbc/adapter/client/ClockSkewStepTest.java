package io.github.binancejdbc.adapter.client;

import static io.github.binancejdbc.adapter.client.StepFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ClockSkewStepTest {
  private static final String SKEW =
      "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}";
  private final StepFixture f = new StepFixture();
  private final int[] asked = {0};
  private final ServerClock serverClock =
      new ServerClock(
          f.clock,
          () -> {
            asked[0]++;
            return f.clock.millis() + 4000;
          });

  @Test
  void aSignedRequestRejectedForItsTimestampResyncsOnceAndGoesAgainUncounted() throws IOException {
    Call call = f.call(Method.POST, "/api/v3/order", true, f.hosts("http://a"));

    Retry r =
        assertThrows(
            Retry.class,
            () ->
                Step.Chain.of(
                        new ClockSkewStep(serverClock), new StepFixture.Script(error(400, SKEW)))
                    .proceed(call));

    assertFalse(r.counted);
    assertEquals(1, asked[0]);
    assertEquals(4000L, serverClock.offsetMillis());
    // The second -1021 of the same call is the caller's.
    assertEquals(
        400,
        Step.Chain.of(new ClockSkewStep(serverClock), new StepFixture.Script(error(400, SKEW)))
            .proceed(call)
            .status());
    assertEquals(1, asked[0]);
  }

  @Test
  void anUnsignedRequestIsNotResynced() throws IOException {
    assertEquals(
        400,
        Step.Chain.of(new ClockSkewStep(serverClock), new StepFixture.Script(error(400, SKEW)))
            .proceed(f.get("/api/v3/klines"))
            .status());
    assertEquals(0, asked[0]);
  }
}
