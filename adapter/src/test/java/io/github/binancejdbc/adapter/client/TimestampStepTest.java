package io.github.binancejdbc.adapter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampStepTest {
  private final StepFixture f = new StepFixture();
  private final int[] asked = {0};
  private final ServerClock serverClock =
      new ServerClock(
          f.clock,
          () -> {
            asked[0]++;
            f.clock.advance(100);
            return f.clock.millis() + 1000;
          });

  private List<Param> params(Call call) throws IOException {
    Step.Chain.of(
            new TimestampStep(serverClock, 5000),
            new StepFixture.Script(StepFixture.ok(null), StepFixture.ok(null)))
        .proceed(call);
    return call.params();
  }

  @Test
  void aSignedCallGetsRecvWindowAndATimestampOnTheServersClock() throws IOException {
    Call call =
        f.call(
            Method.POST, "/api/v3/order", true, f.hosts("http://a"), Param.of("symbol", "BTCUSDT"));
    long start = f.clock.millis();

    List<Param> params = params(call);

    // Asked once, our time the middle of the 100 ms round trip: offset 1000 + 50.
    assertEquals(1, asked[0]);
    assertEquals(
        List.of(
            Param.of("symbol", "BTCUSDT"),
            Param.of("recvWindow", 5000),
            Param.of("timestamp", start + 100 + 1050)),
        params);

    f.clock.advance(7);
    assertEquals(Param.of("timestamp", start + 107 + 1050), params(call).get(2));
    assertEquals(1, asked[0]);
  }

  @Test
  void anUnsignedCallKeepsItsParameters() throws IOException {
    Call call = f.get("/api/v3/klines", Param.of("symbol", "BTCUSDT"));

    assertSame(call.query, params(call));
    assertEquals(0, asked[0]);
  }
}
