package io.github.binancejdbc.adapter.client;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what the failures the later steps pass on mean, and is where the exactly-once rule for
 * orders lives: a GET is asked again when the failure passes (a 5xx, a 2xx whose body could not be
 * read, a code the catalogue calls retryable such as -1001 or -1008); any other request that may
 * have been executed (a 5xx, an unreadable 2xx, -1006, -1007) fails as "execution status unknown"
 * and is never sent again; everything else is the error the catalogue maps it to.
 */
final class ServerErrorStep implements Step.OnReply {
  // The transport's logger, the one the README names for the request log lines.
  private static final Logger LOG = LoggerFactory.getLogger(BinanceHttp.class);

  @Override
  public Reply onReply(Call call, Reply reply) {
    BinanceException unreadable = reply.unreadable();
    if (unreadable != null) {
      if (!call.idempotent) {
        throw unknownOutcome(unreadable.getMessage(), 0, unreadable);
      }
      LOG.debug(
          "{} {}: unreadable answer (attempt {} of {}): {}",
          call.name(),
          call.path,
          call.attempt,
          call.maxAttempts,
          unreadable.getMessage());
      throw Retry.after(unreadable, SqlState.INTERNAL_ERROR, Retry.BACKOFF);
    }
    ErrorBody body = reply.error();
    if (body == null) {
      return reply;
    }
    int status = reply.status();
    BinanceException e =
        ResponseErrors.toException(status, body, call.name(), call.path, call.params());
    boolean retryable = ResponseErrors.retryable(status, body);
    if (status >= 500 && status <= 599) {
      if (!call.idempotent) {
        throw unknownOutcome(e.getMessage(), e.vendorCode(), e);
      }
      if (!retryable) {
        throw e;
      }
      throw Retry.after(e, SqlState.SYSTEM_ERROR, Retry.BACKOFF);
    }
    if (!call.idempotent && (reply.hasCode(-1006) || reply.hasCode(-1007))) {
      throw unknownOutcome(e.getMessage(), e.vendorCode(), e);
    }
    if (!call.idempotent || !retryable) {
      throw e;
    }
    throw Retry.after(e, e.state(), Retry.BACKOFF);
  }

  static BinanceException unknownOutcome(String message, int code, Throwable cause) {
    return new BinanceException(
        SqlState.SYSTEM_ERROR,
        code,
        message + " (execution status unknown: the request may have been executed)",
        cause,
        true);
  }
}
