package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Clock;

/**
 * Adds every attempt that was sent to the connection's {@link RequestLog} once the later steps are
 * done with it (a clock re-measured after a -1021 is logged before the request it corrects): host,
 * parameters without secrets, weight, status, time taken and rows read. An attempt refused before
 * sending (an IP ban, the day's order limit) is not logged.
 */
record LogStep(RequestLog log, Clock clock) implements Step {

  LogStep {
    requireNonNull(log, "log is null");
    requireNonNull(clock, "clock is null");
  }

  @Override
  public Reply proceed(Call call, Chain next) throws IOException {
    try {
      return next.proceed(call);
    } finally {
      if (call.sentAt >= 0) {
        log.add(
            new RequestLog.Entry(
                call.sentAt,
                call.host(),
                call.name(),
                call.path,
                RequestLog.loggable(call.params()),
                call.weight,
                call.status,
                clock.millis() - call.sentAt,
                call.rows,
                false));
      }
    }
  }
}
