package io.github.binancejdbc.simulator;

import static io.github.binancejdbc.simulator.Endpoint.Security.NONE;
import static io.github.binancejdbc.simulator.Endpoint.Security.USER_DATA;
import static io.github.binancejdbc.simulator.RouteWeights.fixed;

import io.github.binancejdbc.simulator.market.Market;
import io.github.binancejdbc.simulator.market.MarketData;
import io.github.binancejdbc.simulator.trading.Exchange;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The endpoint table: every {@code /api/v3} path with its parameters and request weight as Binance
 * documents them (its REST API "Limits" and each endpoint's weight).
 */
final class Routes {
  private final Map<String, Endpoint> byKey = new HashMap<>();
  private final Set<String> paths = new HashSet<>();

  Routes(Market market, Exchange exchange, MarketData data, ExchangeInfoApi info) {
    MarketApi m = new MarketApi(market, data);
    TradingApi t = new TradingApi(market, exchange);
    AccountApi a = new AccountApi(market, exchange);
    AccountDetailsApi d = new AccountDetailsApi(market, exchange);
    List<String> sym = List.of("symbol");

    add(Endpoint.of("GET", "/api/v3/ping", NONE, List.of(), fixed(1), c -> JsonNodes.obj()));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/time",
            NONE,
            List.of(),
            fixed(1),
            c -> {
              var n = JsonNodes.obj();
              n.put("serverTime", c.serverTime());
              return n;
            }));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/exchangeInfo",
            NONE,
            List.of("symbol", "symbols", "permissions", "showPermissionSets", "symbolStatus"),
            fixed(20),
            info::exchangeInfo));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/executionRules",
            NONE,
            List.of("symbol", "symbols", "symbolStatus"),
            RouteWeights::executionRulesWeight,
            m::executionRules));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/depth",
            NONE,
            List.of("symbol", "limit", "symbolStatus"),
            RouteWeights::depthWeight,
            m::depth));
    add(
        Endpoint.of(
            "GET", "/api/v3/trades", NONE, List.of("symbol", "limit"), fixed(25), m::trades));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/historicalTrades",
            NONE,
            List.of("symbol", "limit", "fromId"),
            fixed(25),
            m::historicalTrades));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/historicalBlockTrades",
            NONE,
            List.of("symbol", "limit", "fromId"),
            fixed(25),
            m::historicalBlockTrades));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/aggTrades",
            NONE,
            List.of("symbol", "fromId", "startTime", "endTime", "limit"),
            fixed(4),
            m::aggTrades));
    List<String> klines =
        List.of("symbol", "interval", "startTime", "endTime", "timeZone", "limit");
    add(Endpoint.of("GET", "/api/v3/klines", NONE, klines, fixed(2), m::klines));
    add(Endpoint.of("GET", "/api/v3/uiKlines", NONE, klines, fixed(2), m::klines));
    add(Endpoint.of("GET", "/api/v3/avgPrice", NONE, sym, fixed(2), m::avgPrice));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/ticker/24hr",
            NONE,
            List.of("symbol", "symbols", "type", "symbolStatus"),
            RouteWeights::ticker24hrWeight,
            m::ticker24hr));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/ticker/tradingDay",
            NONE,
            List.of("symbol", "symbols", "timeZone", "type", "symbolStatus"),
            RouteWeights::perSymbolWeight,
            m::tradingDayTicker));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/ticker",
            NONE,
            List.of("symbol", "symbols", "windowSize", "type", "symbolStatus"),
            RouteWeights::perSymbolWeight,
            m::rollingTicker));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/ticker/price",
            NONE,
            List.of("symbol", "symbols", "symbolStatus"),
            RouteWeights::priceWeight,
            m::tickerPrice));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/ticker/bookTicker",
            NONE,
            List.of("symbol", "symbols", "symbolStatus"),
            RouteWeights::priceWeight,
            m::bookTicker));
    add(Endpoint.of("GET", "/api/v3/referencePrice", NONE, sym, fixed(2), m::referencePrice));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/referencePrice/calculation",
            NONE,
            List.of("symbol", "symbolStatus"),
            fixed(2),
            m::referencePriceCalculation));

    TradingRoutes.of(t, new OrderListApi(market, exchange)).forEach(this::add);

    // Account.
    add(
        Endpoint.of(
            "GET",
            "/api/v3/account",
            USER_DATA,
            List.of("omitZeroBalances"),
            fixed(20),
            a::account));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/order",
            USER_DATA,
            List.of("symbol", "orderId", "origClientOrderId"),
            fixed(4),
            a::order));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/openOrders",
            USER_DATA,
            sym,
            p -> p.has("symbol") ? 6 : 80,
            a::openOrders));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/allOrders",
            USER_DATA,
            List.of("symbol", "orderId", "startTime", "endTime", "limit"),
            fixed(20),
            a::allOrders));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/orderList",
            USER_DATA,
            List.of("orderListId", "origClientOrderId"),
            fixed(4),
            a::orderList));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/allOrderList",
            USER_DATA,
            List.of("fromId", "startTime", "endTime", "limit"),
            fixed(20),
            a::allOrderList));
    add(
        Endpoint.of(
            "GET", "/api/v3/openOrderList", USER_DATA, List.of(), fixed(6), a::openOrderList));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/myTrades",
            USER_DATA,
            List.of("symbol", "orderId", "startTime", "endTime", "fromId", "limit"),
            p -> p.has("orderId") ? 5 : 20,
            a::myTrades));
    add(
        Endpoint.of(
            "GET", "/api/v3/rateLimit/order", USER_DATA, List.of(), fixed(40), a::rateLimitOrder));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/myPreventedMatches",
            USER_DATA,
            List.of("symbol", "preventedMatchId", "orderId", "fromPreventedMatchId", "limit"),
            p -> p.has("orderId") ? 20 : 2,
            d::preventedMatches));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/myAllocations",
            USER_DATA,
            List.of("symbol", "startTime", "endTime", "fromAllocationId", "limit", "orderId"),
            fixed(20),
            d::allocations));
    add(Endpoint.of("GET", "/api/v3/account/commission", USER_DATA, sym, fixed(20), d::commission));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/order/amendments",
            USER_DATA,
            List.of("symbol", "orderId", "fromExecutionId", "limit"),
            fixed(4),
            d::amendments));
    add(Endpoint.of("GET", "/api/v3/myFilters", USER_DATA, sym, fixed(40), d::myFilters));
  }

  private void add(Endpoint e) {
    byKey.put(e.method() + " " + e.path(), e);
    paths.add(e.path());
  }

  /** The endpoint, or null. */
  Endpoint find(String method, String path) {
    return byKey.get(method + " " + path);
  }

  boolean knownPath(String path) {
    return paths.contains(path);
  }
}
