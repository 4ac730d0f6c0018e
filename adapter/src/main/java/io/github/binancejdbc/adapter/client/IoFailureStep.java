package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.ErrorMessages;
import io.github.binancejdbc.adapter.error.SqlState;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what an I/O failure of an attempt means. On a closed connection or an interrupted thread
 * the call ends. A GET is tried again (on the next host when there is one). Any other request may
 * only go again, to the next host, when it never left (the connection could not be made); any other
 * failure leaves its outcome unknown, and it is reconciled instead of being sent again.
 */
final class IoFailureStep implements Step {
  // The transport's logger, the one the README names for the request log lines.
  private static final Logger LOG = LoggerFactory.getLogger(BinanceHttp.class);

  private final BooleanSupplier closed;

  IoFailureStep(BooleanSupplier closed) {
    this.closed = requireNonNull(closed, "closed is null");
  }

  @Override
  public Reply proceed(Call call, Chain next) throws IOException {
    try {
      return next.proceed(call);
    } catch (IOException e) {
      throw decide(call, e);
    }
  }

  private RuntimeException decide(Call call, IOException e) {
    if (closed.getAsBoolean()) {
      return new BinanceException(
          SqlState.CONNECTION_DOES_NOT_EXIST, 0, "The connection is closed", e);
    }
    String name = call.name();
    if (Thread.currentThread().isInterrupted()) {
      return new BinanceException(
          SqlState.QUERY_CANCELED, 0, "Interrupted while waiting for " + name + " " + call.path, e);
    }
    LOG.debug(
        "{} {}{} failed (attempt {} of {}): {}",
        name,
        call.host(),
        call.path,
        call.attempt,
        call.maxAttempts,
        e.toString());
    String message =
        "I/O error on "
            + name
            + " "
            + call.path
            + ": "
            + e
            + ErrorMessages.paramsSuffix(call.params());
    boolean notSent = neverSent(e);
    if (call.idempotent || notSent) {
      call.route.failed(call.host(), e.toString());
    }
    if (!call.idempotent) {
      if (!notSent || call.tried.contains(call.route.current())) {
        return ServerErrorStep.unknownOutcome(message, 0, e);
      }
      return Retry.uncounted();
    }
    return Retry.after(
        new BinanceException(SqlState.IO_ERROR, 0, message, e),
        SqlState.IO_ERROR,
        HostStep.nextWait(call));
  }

  /** Whether the connection failed before a byte of the request could be sent. */
  static boolean neverSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof UnknownHostException;
  }
}
