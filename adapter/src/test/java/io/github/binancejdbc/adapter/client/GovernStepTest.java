package io.github.binancejdbc.adapter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import java.io.IOException;
import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class GovernStepTest {
  private final StepFixture f = new StepFixture();

  @Test
  void theWeightIsCountedBeforeSendingAndTheServersCountAdoptedAfter() throws IOException {
    Call call = f.get("/api/v3/klines");
    long[] usedWhenSent = {-1};
    Step server =
        (c, next) -> {
          usedWhenSent[0] = f.governor.usedInWindow();
          return Reply.answered(
              200,
              Headers.of("X-MBX-USED-WEIGHT-1M", "40", "Date", "Mon, 01 Jan 2024 00:00:09 GMT"),
              "rows");
        };

    Step.Chain.of(new GovernStep(f.clock), server).proceed(call);

    assertEquals(2, usedWhenSent[0]);
    assertEquals(40, f.governor.usedInWindow());
    assertEquals(40, call.usedWeight);
    assertEquals(f.clock.millis(), call.sentAt);
    assertEquals(1704067209000L, f.governor.serverDateMillis());
  }

  @Test
  void aFullWindowIsWaitedOutBeforeSending() throws IOException {
    f.governor.onUsedWeightHeader(WeightGovernor.DEFAULT_LIMIT - 1);

    Step.Chain.of(new GovernStep(f.clock), new StepFixture.Script(StepFixture.ok(null)))
        .proceed(f.get("/api/v3/klines"));

    // The fixture's clock is 10 s into the minute: the next window starts 50 s later.
    assertEquals(List.of(50_000L), f.sleeper.sleeps());
  }

  @Test
  void anOrderCreatesOneUnfilledOrderAndItsWeightIsCounted() throws IOException {
    Call call = f.call(Method.POST, "/api/v3/order", true, f.hosts("http://a"));

    Step.Chain.of(
            new GovernStep(f.clock),
            new StepFixture.Script(
                Reply.answered(
                    200,
                    Headers.of("X-MBX-ORDER-COUNT-10S", "7", "X-MBX-ORDER-COUNT-1D", "9"),
                    null)))
        .proceed(call);

    assertEquals(1, call.newOrders);
    assertEquals(2, f.governor.usedInWindow());
  }

  @Test
  void anIoFailureStillReleasesTheWeightInFlight() {
    Call call = f.get("/api/v3/klines");

    assertThrows(
        IOException.class,
        () ->
            Step.Chain.of(new GovernStep(f.clock), new StepFixture.Script(new IOException("reset")))
                .proceed(call));

    assertEquals(2, f.governor.usedInWindow());
    assertEquals(f.clock.millis(), call.sentAt);
  }
}
