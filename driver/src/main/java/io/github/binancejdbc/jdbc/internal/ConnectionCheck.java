package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.client.BinanceHttp;
import io.github.binancejdbc.adapter.client.BodyReader;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.ErrorKind;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code Connection.isValid(timeout)}: the server answers {@code GET /api/v3/ping} (weight 1), and,
 * when the connection has a key that no check has accepted yet, a cheap signed request ({@code GET
 * /api/v3/openOrders} for one symbol, weight 6) is not refused as unauthorised. A Binance error
 * other than an authorisation error (an unknown symbol on a test server, say) still proves that the
 * key and signature were accepted. False for a dead host, a wrong URL, a rejected key or no answer
 * within the timeout; never an exception.
 */
final class ConnectionCheck {
  private static final ExecutorService CHECKS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "binance-jdbc-isValid");
            t.setDaemon(true);
            return t;
          });

  /** Reads past a JSON answer: only whether one came matters. */
  private static final BodyReader<Boolean> ANSWERED =
      p -> {
        p.nextToken();
        p.skipChildren();
        return Boolean.TRUE;
      };

  private final BinanceHttp http;
  private volatile boolean keyAccepted;

  ConnectionCheck(BinanceHttp http) {
    this.http = http;
  }

  boolean isValid(int timeoutSeconds) {
    CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(this::check, CHECKS);
    try {
      return timeoutSeconds == 0 ? check.get() : check.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      check.cancel(true);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean check() {
    try {
      http.get("/api/v3/ping", List.of(), 1, ANSWERED);
    } catch (RuntimeException e) {
      return false;
    }
    if (keyAccepted || !http.canSign()) {
      return true;
    }
    try {
      http.signed(
          BinanceHttp.Method.GET,
          "/api/v3/openOrders",
          List.of(Param.of("symbol", "BTCUSDT")),
          6,
          ANSWERED);
    } catch (BinanceException e) {
      if (e.kind() == ErrorKind.AUTHORIZATION
          || e.vendorCode() == 401
          || e.vendorCode() == 403
          || e.vendorCode() == 0) {
        return false;
      }
    } catch (RuntimeException e) {
      return false;
    }
    keyAccepted = true;
    return true;
  }
}
