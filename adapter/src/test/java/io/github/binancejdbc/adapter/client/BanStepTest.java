package io.github.binancejdbc.adapter.client;

import static io.github.binancejdbc.adapter.client.StepFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.adapter.error.BinanceException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BanStepTest {
  private final StepFixture f = new StepFixture();

  private BinanceException banned(Reply reply) {
    return assertThrows(
        BinanceException.class,
        () ->
            Step.Chain.of(new BanStep(f.clock), new StepFixture.Script(reply))
                .proceed(f.get("/api/v3/klines")));
  }

  @Test
  void a418HaltsTheHostForRetryAfter() {
    BinanceException e =
        banned(
            error(
                418,
                "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until"
                    + " 1704067290000.\"}",
                "Retry-After",
                "60"));

    Instant until = f.clock.instant().plusSeconds(60);
    assertEquals("53000", e.state().code());
    assertEquals(-1003, e.vendorCode());
    assertTrue(
        e.getMessage()
            .startsWith(
                "The IP is banned by Binance until "
                    + until
                    + "; all requests to http://a are halted until then ("),
        e.getMessage());
    assertEquals(until, f.governor.bannedUntil());
    // Nothing more may be sent: the next acquire is refused at once.
    BinanceException next = assertThrows(BinanceException.class, () -> f.governor.acquire(1));
    assertTrue(next.getMessage().contains("nothing was sent"), next.getMessage());
  }

  @Test
  void withoutRetryAfterTheMessagesTimeCounts() {
    // 1704067290000 is 2024-01-01T00:01:30Z, 80 s after the fixture's clock.
    banned(
        error(
            418,
            "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned"
                + " until 1704067290000.\"}"));

    assertEquals(Instant.parse("2024-01-01T00:01:30Z"), f.governor.bannedUntil());
  }

  @Test
  void withNeitherTheDefaultBanApplies() {
    BinanceException e = banned(error(418, "I'm a teapot"));

    assertEquals(418, e.vendorCode());
    assertEquals(
        f.clock.instant().plusSeconds(WeightGovernor.DEFAULT_BAN_SECONDS),
        f.governor.bannedUntil());
  }
}
