package io.github.binancejdbc.simulator;

import java.util.function.ToIntFunction;

/** The request weight of each endpoint, as Binance documents it, from the request's parameters. */
final class RouteWeights {
  private RouteWeights() {}

  static ToIntFunction<Params> fixed(int w) {
    return p -> w;
  }

  private static int symbolCount(Params p) {
    String s = p.get("symbols");
    if (s == null) {
      return p.has("symbol") ? 1 : 0;
    }
    int n = 1;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ',') {
        n++;
      }
    }
    return n;
  }

  static int depthWeight(Params p) {
    int limit;
    try {
      Integer l = p.optInt("limit");
      limit = l == null ? 100 : l;
    } catch (RuntimeException e) {
      limit = 100;
    }
    return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
  }

  static int ticker24hrWeight(Params p) {
    if (p.has("symbol")) {
      return 2;
    }
    if (!p.has("symbols")) {
      return 80;
    }
    int n = symbolCount(p);
    return n <= 20 ? 2 : n <= 100 ? 40 : 80;
  }

  static int perSymbolWeight(Params p) {
    return Math.min(200, 4 * Math.max(1, symbolCount(p)));
  }

  static int priceWeight(Params p) {
    return p.has("symbol") ? 2 : 4;
  }

  static int executionRulesWeight(Params p) {
    if (p.has("symbol")) {
      return 2;
    }
    if (p.has("symbols")) {
      return Math.min(40, 2 * symbolCount(p));
    }
    return 40;
  }

  static int testWeight(Params p) {
    String v = p.get("computeCommissionRates");
    return "true".equalsIgnoreCase(v) ? 20 : 1;
  }
}
