package io.github.binancejdbc.adapter.client;

import io.github.binancejdbc.adapter.error.SqlState;

/**
 * Honours a 429: the governor pauses every request to the host for the {@code Retry-After} seconds
 * (1 when absent) and learns the limit the message states, and the call is tried again after that
 * wait while it has attempts left (a request that is not a GET has none).
 */
final class RateLimitStep implements Step.OnReply {
  private static final long DEFAULT_RETRY_AFTER_SECONDS = 1;

  @Override
  public Reply onReply(Call call, Reply reply) {
    if (reply.status() != 429 || reply.error() == null) {
      return reply;
    }
    ErrorBody body = reply.error();
    long retryAfter = retryAfterSeconds(reply, DEFAULT_RETRY_AFTER_SECONDS);
    // Tell the governor first so that every other request to this host waits too, and learn the
    // limit the message states ("current limit is 300 request weight per ...").
    call.governor.onRateLimited(retryAfter, body.msg());
    throw Retry.after(
        ResponseErrors.rateLimited(body, call.name(), call.path, call.params()),
        SqlState.RATE_LIMITED,
        retryAfter * 1000);
  }

  /** The {@code Retry-After} seconds; Binance sends seconds, an HTTP-date or garbage is ignored. */
  static long retryAfterSeconds(Reply reply, long defaultSeconds) {
    String value = reply.header("Retry-After");
    if (value == null) {
      return defaultSeconds;
    }
    try {
      return Math.max(0, Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return defaultSeconds;
    }
  }
}
