package io.github.binancejdbc.adapter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import io.github.binancejdbc.adapter.error.BinanceException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class IoFailureStepTest {
  private final StepFixture f = new StepFixture();

  private static Step.Chain chain(boolean closed, IOException e) {
    return Step.Chain.of(new IoFailureStep(() -> closed), new StepFixture.Script(e));
  }

  @Test
  void aGetIsRetriedOnTheNextHostAtOnce() {
    Hosts hosts = f.hosts("http://a", "http://b");
    Call call = f.call(Method.GET, "/api/v3/klines", false, hosts, Param.of("symbol", "BTCUSDT"));
    call.tried.add("http://a");

    Retry r =
        assertThrows(
            Retry.class, () -> chain(false, new SocketTimeoutException("timeout")).proceed(call));

    assertEquals("http://b", hosts.current());
    assertEquals(0, r.waitMillis);
    assertEquals("58030", r.giveUpState().code());
    assertEquals(
        "I/O error on GET /api/v3/klines: java.net.SocketTimeoutException: timeout"
            + " [symbol=BTCUSDT]",
        r.failure().getMessage());
  }

  @Test
  void aGetOnItsOnlyHostWaitsTheBackoff() {
    Call call = f.get("/api/v3/klines");
    call.tried.add("http://a");

    Retry r =
        assertThrows(
            Retry.class, () -> chain(false, new SocketTimeoutException("timeout")).proceed(call));

    assertEquals(Retry.BACKOFF, r.waitMillis);
  }

  @Test
  void aPostThatNeverLeftGoesToAnUntriedHostUncounted() {
    Hosts hosts = f.hosts("http://a", "http://b");
    Call call = f.call(Method.POST, "/api/v3/order", true, hosts);
    call.tried.add("http://a");

    Retry r =
        assertThrows(
            Retry.class, () -> chain(false, new ConnectException("refused")).proceed(call));

    assertEquals(false, r.counted);
    assertEquals("http://b", hosts.current());
  }

  @Test
  void aPostThatMayHaveLeftHasAnUnknownOutcome() {
    Hosts hosts = f.hosts("http://a", "http://b");
    Call call = f.call(Method.POST, "/api/v3/order", true, hosts);
    call.tried.add("http://a");

    BinanceException e =
        assertThrows(
            BinanceException.class,
            () -> chain(false, new SocketTimeoutException("timeout")).proceed(call));

    assertTrue(e.outcomeUnknown());
    assertEquals("58000", e.state().code());
    assertEquals("http://a", hosts.current());
    assertEquals(
        "I/O error on POST /api/v3/order: java.net.SocketTimeoutException: timeout"
            + " (execution status unknown: the request may have been executed)",
        e.getMessage());
  }

  @Test
  void aPostRefusedByEveryHostHasAnUnknownOutcomeToo() {
    Call call = f.call(Method.POST, "/api/v3/order", true, f.hosts("http://a"));
    call.tried.add("http://a");

    BinanceException e =
        assertThrows(
            BinanceException.class,
            () -> chain(false, new ConnectException("refused")).proceed(call));

    assertTrue(e.outcomeUnknown());
  }

  @Test
  void aClosedConnectionEndsTheCall() {
    IOException cause = new IOException("Canceled");
    BinanceException e =
        assertThrows(
            BinanceException.class, () -> chain(true, cause).proceed(f.get("/api/v3/klines")));

    assertEquals("08003", e.state().code());
    assertEquals("The connection is closed", e.getMessage());
    assertSame(cause, e.getCause());
  }

  @Test
  void anInterruptedThreadEndsTheCallAsCanceled() {
    Thread.currentThread().interrupt();
    try {
      BinanceException e =
          assertThrows(
              BinanceException.class,
              () -> chain(false, new IOException("interrupted")).proceed(f.get("/api/v3/klines")));
      assertEquals("57014", e.state().code());
      assertEquals("Interrupted while waiting for GET /api/v3/klines", e.getMessage());
    } finally {
      Thread.interrupted();
    }
  }
}
