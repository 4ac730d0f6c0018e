package io.github.binancejdbc.simulator;

import static io.github.binancejdbc.simulator.Endpoint.Security.TRADE;
import static io.github.binancejdbc.simulator.RouteWeights.fixed;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The trading part of the endpoint table ({@link Routes}): orders, order lists and SOR orders. */
final class TradingRoutes {
  private TradingRoutes() {}

  static List<Endpoint> of(TradingApi t, OrderListApi l) {
    List<String> sym = List.of("symbol");
    List<Endpoint> out = new ArrayList<>();
    List<String> order = OrderParams.ORDER_PARAMS;
    out.add(write("POST", "/api/v3/order", order, t::newOrder));
    out.add(test("/api/v3/order/test", order, t::testOrder));
    out.add(
        write(
            "DELETE",
            "/api/v3/order",
            List.of(
                "symbol", "orderId", "origClientOrderId", "newClientOrderId", "cancelRestrictions"),
            t::cancelOrder));
    out.add(write("DELETE", "/api/v3/openOrders", sym, t::cancelOpenOrders));
    out.add(
        write(
            "POST",
            "/api/v3/order/cancelReplace",
            plus(
                order,
                "cancelReplaceMode",
                "cancelNewClientOrderId",
                "cancelOrigClientOrderId",
                "cancelOrderId",
                "cancelRestrictions",
                "orderRateLimitExceededMode"),
            t::cancelReplace));
    out.add(
        Endpoint.of(
            "PUT",
            "/api/v3/order/amend/keepPriority",
            TRADE,
            List.of("symbol", "orderId", "origClientOrderId", "newClientOrderId", "newQty"),
            fixed(4),
            t::amend));
    out.add(
        write(
            "POST",
            "/api/v3/order/oco",
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
            l::legacyOco));
    List<String> listCommon =
        List.of("symbol", "listClientOrderId", "newOrderRespType", "selfTradePreventionMode");
    Set<String> shared = Set.of("side", "quantity");
    List<String> oco = new ArrayList<>(listCommon);
    oco.addAll(List.of("side", "quantity"));
    oco.addAll(OrderParams.legParams("above", shared));
    oco.addAll(OrderParams.legParams("below", shared));
    out.add(write("POST", "/api/v3/orderList/oco", oco, l::oco));
    List<String> oto = new ArrayList<>(listCommon);
    oto.addAll(OrderParams.legParams("working", Set.of()));
    oto.addAll(OrderParams.legParams("pending", Set.of()));
    out.add(write("POST", "/api/v3/orderList/oto", oto, l::oto));
    out.add(write("POST", "/api/v3/orderList/opo", oto, l::opo));
    List<String> otoco = new ArrayList<>(listCommon);
    otoco.addAll(OrderParams.legParams("working", Set.of()));
    otoco.addAll(List.of("pendingSide", "pendingQuantity"));
    otoco.addAll(OrderParams.legParams("pendingAbove", shared));
    otoco.addAll(OrderParams.legParams("pendingBelow", shared));
    out.add(write("POST", "/api/v3/orderList/otoco", otoco, l::otoco));
    out.add(write("POST", "/api/v3/orderList/opoco", otoco, l::opoco));
    out.add(
        write(
            "DELETE",
            "/api/v3/orderList",
            List.of("symbol", "orderListId", "listClientOrderId", "newClientOrderId"),
            l::cancelList));
    List<String> sor = OrderParams.SOR_PARAMS;
    out.add(write("POST", "/api/v3/sor/order", sor, t::sorOrder));
    out.add(test("/api/v3/sor/order/test", sor, t::sorTestOrder));
    return out;
  }

  /**
   * An endpoint that places, cancels or changes orders: weight 1, counted against the order limits
   * only when it fails (a success is counted by the order it makes).
   */
  private static Endpoint write(
      String method, String path, List<String> params, Endpoint.Handler handler) {
    return Endpoint.of(method, path, TRADE, params, fixed(1), handler).chargedOnlyOnFailure();
  }

  /**
   * A test order: the order's parameters and {@code computeCommissionRates}, weighed by what it
   * computes; nothing is placed.
   */
  private static Endpoint test(String path, List<String> orderParams, Endpoint.Handler handler) {
    return Endpoint.of(
        "POST",
        path,
        TRADE,
        plus(orderParams, "computeCommissionRates"),
        RouteWeights::testWeight,
        handler);
  }

  private static List<String> plus(List<String> base, String... more) {
    List<String> out = new ArrayList<>(base);
    out.addAll(List.of(more));
    return out;
  }
}
