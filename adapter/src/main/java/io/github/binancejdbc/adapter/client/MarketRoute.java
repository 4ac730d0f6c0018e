package io.github.binancejdbc.adapter.client;

import io.github.binancejdbc.adapter.BinanceConfig;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a connection's market data goes: with a {@code marketDataUrl}, unsigned and unkeyed GETs of
 * the public market-data endpoints go to those hosts, with the weight governor of their own base
 * URL; everything else (and everything without a {@code marketDataUrl}) goes to the API hosts.
 */
final class MarketRoute {
  /** The endpoints Binance serves from its market-data-only hosts (data-api.binance.vision). */
  private static final Set<String> PATHS =
      Set.of(
          "/api/v3/aggTrades",
          "/api/v3/avgPrice",
          "/api/v3/depth",
          "/api/v3/exchangeInfo",
          "/api/v3/klines",
          "/api/v3/ping",
          "/api/v3/ticker",
          "/api/v3/ticker/24hr",
          "/api/v3/ticker/bookTicker",
          "/api/v3/ticker/price",
          "/api/v3/time",
          "/api/v3/trades",
          "/api/v3/uiKlines");

  /** Null without a marketDataUrl. */
  private final @Nullable Hosts hosts;

  private final WeightGovernor governor;

  MarketRoute(BinanceConfig config, WeightGovernor apiGovernor) {
    List<String> market = config.marketDataUrls();
    this.hosts = market.isEmpty() ? null : new Hosts(market, config.clock());
    this.governor =
        market.isEmpty()
            ? apiGovernor
            : WeightGovernor.forBaseUrl(market.get(0), config.clock(), config.sleeper());
  }

  /**
   * The market-data hosts when the request goes there (a marketDataUrl is set and this is an
   * unsigned, unkeyed GET of market data), else null.
   */
  @Nullable Hosts hosts(BinanceHttp.Method method, String path, boolean signed, boolean keyed) {
    return method == BinanceHttp.Method.GET && !signed && !keyed && PATHS.contains(path)
        ? hosts
        : null;
  }

  /** The governor of the market-data base URL (the API's own without a marketDataUrl). */
  WeightGovernor governor() {
    return governor;
  }
}
