package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixes the parameters of an attempt: a signed request gets {@code recvWindow} and a fresh {@code
 * timestamp} on the server's clock (so each attempt has its own); any other request is sent with
 * the parameters as given.
 */
final class TimestampStep implements Step {
  private final ServerClock serverClock;
  private final long recvWindowMillis;

  TimestampStep(ServerClock serverClock, long recvWindowMillis) {
    this.serverClock = requireNonNull(serverClock, "serverClock is null");
    this.recvWindowMillis = recvWindowMillis;
  }

  @Override
  public Reply proceed(Call call, Chain next) throws IOException {
    if (call.signed) {
      List<Param> params = new ArrayList<>(call.query);
      params.add(Param.of("recvWindow", recvWindowMillis));
      params.add(Param.of("timestamp", serverClock.serverMillis()));
      call.params = List.copyOf(params);
    } else {
      call.params = call.query;
    }
    return next.proceed(call);
  }
}
