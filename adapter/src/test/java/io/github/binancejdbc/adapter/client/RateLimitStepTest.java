package io.github.binancejdbc.adapter.client;

import static io.github.binancejdbc.adapter.client.StepFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.binancejdbc.adapter.error.SqlState;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class RateLimitStepTest {
  private final StepFixture f = new StepFixture();

  private Retry limited(Reply reply) {
    return assertThrows(
        Retry.class,
        () ->
            Step.Chain.of(new RateLimitStep(), new StepFixture.Script(reply))
                .proceed(f.get("/api/v3/klines")));
  }

  @Test
  void a429PausesTheGovernorAndRetriesAfterRetryAfter() throws IOException {
    Retry r =
        limited(
            error(
                429,
                "{\"code\":-1003,\"msg\":\"Too much request weight used;"
                    + " current limit is 300 request weight per 1 MINUTE.\"}",
                "Retry-After",
                "7"));

    assertEquals(7000, r.waitMillis);
    assertSame(SqlState.RATE_LIMITED, r.giveUpState);
    assertEquals(-1003, r.failure().vendorCode());
    assertEquals(300, f.governor.limit());
    // The pause holds every request to the host: the next acquire sleeps the 7 s away.
    f.governor.acquire(1);
    assertEquals(java.util.List.of(7000L), f.sleeper.sleeps());
  }

  @Test
  void withoutRetryAfterOrABinanceBodyItWaitsASecondAndSaysMinus1003() {
    Retry r = limited(error(429, "", "Retry-After", "Tue, 01 Jan 2030 00:00:00 GMT"));

    assertEquals(1000, r.waitMillis);
    assertEquals(-1003, r.failure().vendorCode());
    assertEquals("53000", r.failure().state().code());
  }

  @Test
  void otherStatusesPassThrough() throws IOException {
    assertEquals(
        418,
        Step.Chain.of(new RateLimitStep(), new StepFixture.Script(error(418, "")))
            .proceed(f.get("/api/v3/klines"))
            .status());
  }
}
