package io.github.binancejdbc.jdbc;

import io.github.binancejdbc.adapter.client.Sleeper;
import io.github.binancejdbc.adapter.client.WeightGovernor;
import java.time.Clock;

/**
 * For tests that count the requests a statement sends: tells the process-wide governor of a base
 * URL its limits up front, as if they had been read, so that the one {@code exchangeInfo} read a
 * fresh governor makes before its first request does not appear among the counted ones.
 */
final class KnownLimits {
  private KnownLimits() {}

  static void of(String baseUrl) {
    WeightGovernor.forBaseUrl(baseUrl, Clock.systemUTC(), Sleeper.SYSTEM)
        .setLimit("REQUEST_WEIGHT", "MINUTE", 1, WeightGovernor.DEFAULT_LIMIT);
  }
}
