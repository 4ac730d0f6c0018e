package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

/**
 * Once per call, answers a signed request's {@code -1021} (its timestamp was outside recvWindow, so
 * Binance did not execute it) by measuring the server time again and sending it once more with a
 * fresh timestamp; the extra attempt is not counted. A second -1021 is the caller's error.
 */
record ClockSkewStep(ServerClock serverClock) implements Step.OnReply {

  ClockSkewStep {
    requireNonNull(serverClock, "serverClock is null");
  }

  @Override
  public Reply onReply(Call call, Reply reply) {
    if (call.signed && !call.resynced && reply.hasCode(-1021)) {
      call.resynced = true;
      serverClock.measure();
      throw Retry.uncounted();
    }
    return reply;
  }
}
