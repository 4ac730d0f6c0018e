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
    out.add(
        Endpoint.of("POST", "/api/v3/order", TRADE, order, fixed(1), t::newOrder)
            .chargedOnlyOnFailure());
    out.add(
        Endpoint.of(
            "POST",
            "/api/v3/order/test",
            TRADE,
            plus(order, "computeCommissionRates"),
            RouteWeights::testWeight,
            t::testOrder));
    out.add(
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
    out.add(
        Endpoint.of("DELETE", "/api/v3/openOrders", TRADE, sym, fixed(1), t::cancelOpenOrders)
            .chargedOnlyOnFailure());
    out.add(
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
    out.add(
        Endpoint.of(
            "PUT",
            "/api/v3/order/amend/keepPriority",
            TRADE,
            List.of("symbol", "orderId", "origClientOrderId", "newClientOrderId", "newQty"),
            fixed(4),
            t::amend));
    out.add(
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
                l::legacyOco)
            .chargedOnlyOnFailure());
    List<String> listCommon =
        List.of("symbol", "listClientOrderId", "newOrderRespType", "selfTradePreventionMode");
    Set<String> shared = Set.of("side", "quantity");
    List<String> oco = new ArrayList<>(listCommon);
    oco.addAll(List.of("side", "quantity"));
    oco.addAll(OrderParams.legParams("above", shared));
    oco.addAll(OrderParams.legParams("below", shared));
    out.add(
        Endpoint.of("POST", "/api/v3/orderList/oco", TRADE, oco, fixed(1), l::oco)
            .chargedOnlyOnFailure());
    List<String> oto = new ArrayList<>(listCommon);
    oto.addAll(OrderParams.legParams("working", Set.of()));
    oto.addAll(OrderParams.legParams("pending", Set.of()));
    out.add(
        Endpoint.of("POST", "/api/v3/orderList/oto", TRADE, oto, fixed(1), l::oto)
            .chargedOnlyOnFailure());
    out.add(
        Endpoint.of("POST", "/api/v3/orderList/opo", TRADE, oto, fixed(1), l::opo)
            .chargedOnlyOnFailure());
    List<String> otoco = new ArrayList<>(listCommon);
    otoco.addAll(OrderParams.legParams("working", Set.of()));
    otoco.addAll(List.of("pendingSide", "pendingQuantity"));
    otoco.addAll(OrderParams.legParams("pendingAbove", shared));
    otoco.addAll(OrderParams.legParams("pendingBelow", shared));
    out.add(
        Endpoint.of("POST", "/api/v3/orderList/otoco", TRADE, otoco, fixed(1), l::otoco)
            .chargedOnlyOnFailure());
    out.add(
        Endpoint.of("POST", "/api/v3/orderList/opoco", TRADE, otoco, fixed(1), l::opoco)
            .chargedOnlyOnFailure());
    out.add(
        Endpoint.of(
                "DELETE",
                "/api/v3/orderList",
                TRADE,
                List.of("symbol", "orderListId", "listClientOrderId", "newClientOrderId"),
                fixed(1),
                l::cancelList)
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
    out.add(
        Endpoint.of("POST", "/api/v3/sor/order", TRADE, sor, fixed(1), t::sorOrder)
            .chargedOnlyOnFailure());
    out.add(
        Endpoint.of(
            "POST",
            "/api/v3/sor/order/test",
            TRADE,
            plus(sor, "computeCommissionRates"),
            RouteWeights::testWeight,
            t::sorTestOrder));
    return out;
  }

  private static List<String> plus(List<String> base, String... more) {
    List<String> out = new ArrayList<>(base);
    out.addAll(List.of(more));
    return out;
  }
}
