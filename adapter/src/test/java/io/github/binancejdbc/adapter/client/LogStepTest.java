package io.github.binancejdbc.adapter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogStepTest {
  private final StepFixture f = new StepFixture();
  private final RequestLog log = new RequestLog();

  @Test
  void aSentAttemptIsLoggedWithoutItsSecretsAndWithItsStatusTimeAndRows() throws IOException {
    Call call =
        f.call(
            Method.GET,
            "/api/v3/allOrders",
            true,
            f.hosts("http://a"),
            Param.of("symbol", "BTCUSDT"),
            Param.of("signature", "abc"));
    Step sent =
        (c, next) -> {
          c.sentAt = f.clock.millis();
          f.clock.advance(35);
          c.status = 200;
          c.rows = 3;
          return StepFixture.ok(List.of(1, 2, 3));
        };

    Step.Chain.of(new LogStep(log, f.clock), sent).proceed(call);

    RequestLog.Entry e = log.snapshot().get(0);
    assertEquals(
        new RequestLog.Entry(
            f.clock.millis() - 35,
            "http://a",
            "GET",
            "/api/v3/allOrders",
            "symbol=BTCUSDT",
            2,
            200,
            35,
            3,
            false),
        e);
  }

  @Test
  void anAttemptThatFailedAfterSendingIsLoggedWithoutStatus() {
    Call call = f.get("/api/v3/klines");
    Step failing =
        (c, next) -> {
          c.sentAt = f.clock.millis();
          throw new IOException("reset");
        };

    assertThrows(
        IOException.class, () -> Step.Chain.of(new LogStep(log, f.clock), failing).proceed(call));

    assertEquals(1, log.snapshot().size());
    assertEquals(null, log.snapshot().get(0).httpStatus());
  }

  @Test
  void anAttemptRefusedBeforeSendingIsNotLogged() {
    Step refused =
        (c, next) -> {
          throw new IllegalStateException("banned");
        };

    assertThrows(
        IllegalStateException.class,
        () -> Step.Chain.of(new LogStep(log, f.clock), refused).proceed(f.get("/api/v3/klines")));

    assertEquals(List.of(), log.snapshot());
  }
}
