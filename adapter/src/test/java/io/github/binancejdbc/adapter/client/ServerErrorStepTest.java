package io.github.binancejdbc.adapter.client;

import static io.github.binancejdbc.adapter.client.StepFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import java.io.IOException;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class ServerErrorStepTest {
  private final StepFixture f = new StepFixture();

  private Reply run(Call call, Reply reply) throws IOException {
    return Step.Chain.of(new ServerErrorStep(), new StepFixture.Script(reply)).proceed(call);
  }

  private Call post() {
    return f.call(
        Method.POST, "/api/v3/order", true, f.hosts("http://a"), Param.of("symbol", "BTCUSDT"));
  }

  @Test
  void anAnswerPassesThrough() throws IOException {
    assertEquals("rows", run(f.get("/api/v3/klines"), StepFixture.ok("rows")).answer());
  }

  @Test
  void aGetIsRetriedAfterA5xxAndGivesUpAsSystemError() {
    Retry r =
        assertThrows(
            Retry.class, () -> run(f.get("/api/v3/klines"), error(500, "<html>oops</html>")));

    assertTrue(r.counted);
    assertEquals(Retry.BACKOFF, r.waitMillis);
    assertSame(SqlState.SYSTEM_ERROR, r.giveUpState);
    assertTrue(r.failure().getMessage().contains("HTTP 500"), r.failure().getMessage());
    assertTrue(r.failure().getMessage().contains("GET /api/v3/klines"), r.failure().getMessage());
  }

  @Test
  void aPostAfterA5xxHasAnUnknownOutcomeAndIsNeverRetried() {
    BinanceException e =
        assertThrows(BinanceException.class, () -> run(post(), error(503, "Service Unavailable")));

    assertTrue(e.outcomeUnknown());
    assertEquals("58000", e.state().code());
    assertTrue(
        e.getMessage().endsWith(" (execution status unknown: the request may have been executed)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("POST /api/v3/order"), e.getMessage());
  }

  @Test
  void aPostRefusedWithMinus1007HasAnUnknownOutcome() {
    BinanceException e =
        assertThrows(
            BinanceException.class,
            () ->
                run(
                    post(),
                    error(
                        400,
                        "{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend"
                            + " server. Send status unknown; execution status unknown.\"}")));

    assertTrue(e.outcomeUnknown());
    assertEquals(-1007, e.vendorCode());
  }

  @Test
  void aPostRefusedForABadParameterIsThatError() {
    BinanceException e =
        assertThrows(
            BinanceException.class,
            () -> run(post(), error(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));

    assertFalse(e.outcomeUnknown());
    assertEquals("22023", e.state().code());
    assertEquals(-1121, e.vendorCode());
    assertTrue(
        e.getMessage()
            .startsWith(
                "Binance API error -1121 (HTTP 400) on POST /api/v3/order: Invalid symbol."),
        e.getMessage());
  }

  @Test
  void aGetRefusedForAPassingReasonIsRetriedWithItsOwnState() {
    Retry r =
        assertThrows(
            Retry.class,
            () ->
                run(
                    f.get("/api/v3/klines"),
                    error(400, "{\"code\":-1008,\"msg\":\"Server is currently overloaded.\"}")));

    assertEquals(-1008, r.failure().vendorCode());
    assertSame(r.failure().state(), r.giveUpState);
  }

  @Test
  void aGetRefusedForGoodIsNotRetried() {
    BinanceException e =
        assertThrows(
            BinanceException.class,
            () ->
                run(
                    f.get("/api/v3/klines"),
                    error(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));

    assertEquals("22023", e.state().code());
  }

  @Test
  void anUnreadableAnswerIsRetriedForAGetAndUnknownForAPost() {
    BinanceException why = BinanceException.internal("Unexpected response: cut short", null);
    Reply unreadable = Reply.unreadable(200, Headers.of(), why);

    Retry r = assertThrows(Retry.class, () -> run(f.get("/api/v3/klines"), unreadable));
    assertSame(why, r.failure);
    assertSame(SqlState.INTERNAL_ERROR, r.giveUpState);

    BinanceException e = assertThrows(BinanceException.class, () -> run(post(), unreadable));
    assertTrue(e.outcomeUnknown());
    assertEquals(
        "Unexpected response: cut short (execution status unknown: the request may have"
            + " been executed)",
        e.getMessage());
  }
}
