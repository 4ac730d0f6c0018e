package io.github.binancejdbc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binancejdbc.simulator.trading.Account;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * One REST endpoint: method and path, security type, the parameters it reads (others answer -1104),
 * its request weight as a function of the parameters, and its handler.
 */
record Endpoint(
    String method,
    String path,
    Security security,
    Set<String> params,
    ToIntFunction<Params> weight,
    boolean freeOnSuccess,
    Handler handler) {

  /** Binance's security types (USER_STREAM and MARKET_DATA are gone). */
  enum Security {
    NONE,
    TRADE,
    USER_DATA;

    boolean signed() {
      return this != NONE;
    }
  }

  /** Produces the JSON answer, or throws {@code ApiException}. */
  @FunctionalInterface
  interface Handler {
    JsonNode handle(Call call);
  }

  /** What a handler sees of its request. */
  record Call(Params params, Account account, ApiKey key, long serverTime) {}

  static Endpoint of(
      String method,
      String path,
      Security security,
      List<String> params,
      ToIntFunction<Params> weight,
      Handler handler) {
    Set<String> all = new LinkedHashSet<>(params);
    if (security.signed()) {
      all.add("timestamp");
      all.add("recvWindow");
      all.add("signature");
    }
    return new Endpoint(method, path, security, Set.copyOf(all), weight, false, handler);
  }

  /** Weight charged only when the request fails (order placement and cancels since 2026-04). */
  Endpoint chargedOnlyOnFailure() {
    return new Endpoint(method, path, security, params, weight, true, handler);
  }
}
