package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import java.time.Clock;
import java.time.Instant;

/**
 * Ends the call on a 418 (the IP is banned) and halts every request to the host until the ban
 * lifts: for the {@code Retry-After} seconds, else until the time Binance's message states, else
 * for {@link WeightGovernor#DEFAULT_BAN_SECONDS}.
 */
record BanStep(Clock clock) implements Step.OnReply {

  BanStep {
    requireNonNull(clock, "clock is null");
  }

  @Override
  public Reply onReply(Call call, Reply reply) {
    ErrorBody body = reply.error();
    if (reply.status() == 418 && body != null) {
      throw banned(call, reply, body);
    }
    return reply;
  }

  private BinanceException banned(Call call, Reply reply, ErrorBody body) {
    long now = clock.millis();
    long seconds = RateLimitStep.retryAfterSeconds(reply, -1);
    Instant stated = body.bannedUntil();
    if (seconds < 0 && stated != null) {
      seconds = Math.max(0, (stated.toEpochMilli() - now + 999) / 1000);
    }
    if (seconds < 0) {
      seconds = WeightGovernor.DEFAULT_BAN_SECONDS;
    }
    call.governor.onBanned(seconds);
    Integer binanceCode = body.code();
    int code = binanceCode != null ? binanceCode : 418;
    String detail = ResponseErrors.bannedDetail(body, call.name(), call.path, call.params());
    return bannedException(call.governor.baseUrl(), now + seconds * 1000, code, detail);
  }

  /**
   * The BANNED exception, with one wording for the 418 itself and for every request the governor
   * refuses afterwards.
   */
  static BinanceException bannedException(
      String baseUrl, long untilMillis, int vendorCode, String detail) {
    return new BinanceException(
        SqlState.IP_BANNED,
        vendorCode,
        "The IP is banned by Binance until "
            + Instant.ofEpochMilli(untilMillis)
            + "; all requests to "
            + baseUrl
            + " are halted until then ("
            + detail
            + ")",
        null);
  }
}
