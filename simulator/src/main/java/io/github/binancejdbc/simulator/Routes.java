package io.github.binancejdbc.simulator;

import static io.github.binancejdbc.simulator.Endpoint.Security.NONE;
import static io.github.binancejdbc.simulator.Endpoint.Security.TRADE;
import static io.github.binancejdbc.simulator.Endpoint.Security.USER_DATA;

import io.github.binancejdbc.simulator.market.Market;
import io.github.binancejdbc.simulator.trading.Exchange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The endpoint table: every {@code /api/v3} path with its parameters and request weight as Binance
 * documents them (its REST API "Limits" and each endpoint's weight).
 */
final class Routes {
  private final Map<String, Endpoint> byKey = new HashMap<>();
  private final Set<String> paths = new java.util.HashSet<>();

  Routes(Market market, Exchange exchange, ExchangeInfoApi info) {
    MarketApi m = new MarketApi(market, exchange);
    TradingApi t = new TradingApi(market, exchange);
    AccountApi a = new AccountApi(market, exchange);
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
            Routes::executionRulesWeight,
            m::executionRules));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/depth",
            NONE,
            List.of("symbol", "limit", "symbolStatus"),
            Routes::depthWeight,
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
            Routes::ticker24hrWeight,
            m::ticker24hr));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/ticker/tradingDay",
            NONE,
            List.of("symbol", "symbols", "timeZone", "type", "symbolStatus"),
            Routes::perSymbolWeight,
            m::tradingDayTicker));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/ticker",
            NONE,
            List.of("symbol", "symbols", "windowSize", "type", "symbolStatus"),
            Routes::perSymbolWeight,
            m::rollingTicker));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/ticker/price",
            NONE,
            List.of("symbol", "symbols", "symbolStatus"),
            Routes::priceWeight,
            m::tickerPrice));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/ticker/bookTicker",
            NONE,
            List.of("symbol", "symbols", "symbolStatus"),
            Routes::priceWeight,
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

    // Trading.
    List<String> order = OrderParams.ORDER_PARAMS;
    add(
        Endpoint.of("POST", "/api/v3/order", TRADE, order, fixed(1), t::newOrder)
            .chargedOnlyOnFailure());
    add(
        Endpoint.of(
            "POST",
            "/api/v3/order/test",
            TRADE,
            plus(order, "computeCommissionRates"),
            Routes::testWeight,
            t::testOrder));
    add(
        Endpoint.of(
                "DELETE",
                "/api/v3/order",
                TRADE,
                List.of(
                    "symbol",
                    "orderId",
                    "origClientOrderId",
                    "newClientOrderId",
                    "cancelRestrictions"),
                fixed(1),
                t::cancelOrder)
            .chargedOnlyOnFailure());
    add(
        Endpoint.of("DELETE", "/api/v3/openOrders", TRADE, sym, fixed(1), t::cancelOpenOrders)
            .chargedOnlyOnFailure());
    add(
        Endpoint.of(
                "POST",
                "/api/v3/order/cancelReplace",
                TRADE,
                plus(
                    order,
                    "cancelReplaceMode",
                    "cancelNewClientOrderId",
                    "cancelOrigClientOrderId",
                    "cancelOrderId",
                    "cancelRestrictions",
                    "orderRateLimitExceededMode"),
                fixed(1),
                t::cancelReplace)
            .chargedOnlyOnFailure());
    add(
        Endpoint.of(
            "PUT",
            "/api/v3/order/amend/keepPriority",
            TRADE,
            List.of("symbol", "orderId", "origClientOrderId", "newClientOrderId", "newQty"),
            fixed(4),
            t::amend));
    add(
        Endpoint.of(
                "POST",
                "/api/v3/order/oco",
                TRADE,
                List.of(
                    "symbol",
                    "listClientOrderId",
                    "side",
                    "quantity",
                    "limitClientOrderId",
                    "price",
                    "limitStrategyId",
                    "limitStrategyType",
                    "limitIcebergQty",
                    "trailingDelta",
                    "stopClientOrderId",
                    "stopPrice",
                    "stopStrategyId",
                    "stopStrategyType",
                    "stopLimitPrice",
                    "stopIcebergQty",
                    "stopLimitTimeInForce",
                    "newOrderRespType",
                    "selfTradePreventionMode"),
                fixed(1),
                t::legacyOco)
            .chargedOnlyOnFailure());
    List<String> listCommon =
        List.of("symbol", "listClientOrderId", "newOrderRespType", "selfTradePreventionMode");
    Set<String> shared = Set.of("side", "quantity");
    List<String> oco = new ArrayList<>(listCommon);
    oco.addAll(List.of("side", "quantity"));
    oco.addAll(OrderParams.legParams("above", shared));
    oco.addAll(OrderParams.legParams("below", shared));
    add(
        Endpoint.of("POST", "/api/v3/orderList/oco", TRADE, oco, fixed(1), t::oco)
            .chargedOnlyOnFailure());
    List<String> oto = new ArrayList<>(listCommon);
    oto.addAll(OrderParams.legParams("working", Set.of()));
    oto.addAll(OrderParams.legParams("pending", Set.of()));
    add(
        Endpoint.of("POST", "/api/v3/orderList/oto", TRADE, oto, fixed(1), t::oto)
            .chargedOnlyOnFailure());
    add(
        Endpoint.of("POST", "/api/v3/orderList/opo", TRADE, oto, fixed(1), t::opo)
            .chargedOnlyOnFailure());
    List<String> otoco = new ArrayList<>(listCommon);
    otoco.addAll(OrderParams.legParams("working", Set.of()));
    otoco.addAll(List.of("pendingSide", "pendingQuantity"));
    otoco.addAll(OrderParams.legParams("pendingAbove", shared));
    otoco.addAll(OrderParams.legParams("pendingBelow", shared));
    add(
        Endpoint.of("POST", "/api/v3/orderList/otoco", TRADE, otoco, fixed(1), t::otoco)
            .chargedOnlyOnFailure());
    add(
        Endpoint.of("POST", "/api/v3/orderList/opoco", TRADE, otoco, fixed(1), t::opoco)
            .chargedOnlyOnFailure());
    add(
        Endpoint.of(
                "DELETE",
                "/api/v3/orderList",
                TRADE,
                List.of("symbol", "orderListId", "listClientOrderId", "newClientOrderId"),
                fixed(1),
                t::cancelList)
            .chargedOnlyOnFailure());
    List<String> sor =
        List.of(
            "symbol",
            "side",
            "type",
            "timeInForce",
            "quantity",
            "price",
            "newClientOrderId",
            "strategyId",
            "strategyType",
            "icebergQty",
            "newOrderRespType",
            "selfTradePreventionMode");
    add(
        Endpoint.of("POST", "/api/v3/sor/order", TRADE, sor, fixed(1), t::sorOrder)
            .chargedOnlyOnFailure());
    add(
        Endpoint.of(
            "POST",
            "/api/v3/sor/order/test",
            TRADE,
            plus(sor, "computeCommissionRates"),
            Routes::testWeight,
            t::sorTestOrder));

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
            a::preventedMatches));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/myAllocations",
            USER_DATA,
            List.of("symbol", "startTime", "endTime", "fromAllocationId", "limit", "orderId"),
            fixed(20),
            a::allocations));
    add(Endpoint.of("GET", "/api/v3/account/commission", USER_DATA, sym, fixed(20), a::commission));
    add(
        Endpoint.of(
            "GET",
            "/api/v3/order/amendments",
            USER_DATA,
            List.of("symbol", "orderId", "fromExecutionId", "limit"),
            fixed(4),
            a::amendments));
    add(Endpoint.of("GET", "/api/v3/myFilters", USER_DATA, sym, fixed(40), a::myFilters));
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

  private static List<String> plus(List<String> base, String... more) {
    List<String> out = new ArrayList<>(base);
    out.addAll(List.of(more));
    return out;
  }

  private static ToIntFunction<Params> fixed(int w) {
    return p -> w;
  }

  private static int symbolCount(Params p) {
    String s = p.get("symbols");
    if (s == null) {
      return p.has("symbol") ? 1 : 0;
    }
    int n = 1;
    for (char ch : s.toCharArray()) {
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
