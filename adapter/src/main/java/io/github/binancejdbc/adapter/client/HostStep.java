package io.github.binancejdbc.adapter.client;

import io.github.binancejdbc.adapter.error.BinanceException;
import java.io.IOException;
import java.util.Locale;

/**
 * Picks the host of the attempt from the call's route, and moves a GET on to the next host when the
 * answer says the host, not the request, is the problem (a 502/503/504, or an HTML page from a
 * proxy where Binance's JSON should be): another attempt follows, at once when that host was not
 * tried yet.
 */
final class HostStep implements Step {
  @Override
  public Reply proceed(Call call, Chain next) throws IOException {
    String host = call.route.current();
    call.host = host;
    call.tried.add(host);
    Reply reply = next.proceed(call);
    ErrorBody body = reply.error();
    if (call.idempotent && call.route.size() > 1 && body != null && hostFailure(reply)) {
      int status = reply.status();
      BinanceException e =
          ResponseErrors.toException(status, body, call.name(), call.path, call.params());
      call.route.failed(host, "HTTP " + status + " on " + call.name() + " " + call.path);
      throw Retry.after(e, e.state(), nextWait(call));
    }
    return reply;
  }

  /** No wait when the next host is a fresh one; the backoff when the route has come round. */
  static long nextWait(Call call) {
    return call.tried.contains(call.route.current()) ? Retry.BACKOFF : 0;
  }

  /** A failure that says the host, not the request, is the problem: try the next host. */
  static boolean hostFailure(Reply reply) {
    ErrorBody body = reply.error();
    if (body == null) {
      return false;
    }
    int status = reply.status();
    if (status == 502 || status == 503 || status == 504) {
      return true;
    }
    String type = reply.header("Content-Type", "");
    return status >= 400
        && body.code() == null
        && (type.toLowerCase(Locale.ROOT).contains("html") || body.snippet().startsWith("<"));
  }
}
