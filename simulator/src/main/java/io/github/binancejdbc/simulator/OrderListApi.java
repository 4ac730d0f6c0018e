package io.github.binancejdbc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binancejdbc.simulator.market.Market;
import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.trading.ApiException;
import io.github.binancejdbc.simulator.trading.Enums.OrderType;
import io.github.binancejdbc.simulator.trading.Enums.RespType;
import io.github.binancejdbc.simulator.trading.Enums.Side;
import io.github.binancejdbc.simulator.trading.Enums.Stp;
import io.github.binancejdbc.simulator.trading.Enums.TimeInForce;
import io.github.binancejdbc.simulator.trading.Errors;
import io.github.binancejdbc.simulator.trading.Exchange;
import io.github.binancejdbc.simulator.trading.OrderList;
import io.github.binancejdbc.simulator.trading.OrderLists;
import io.github.binancejdbc.simulator.trading.OrderRequest;
import java.util.List;

/**
 * The TRADE endpoints of order lists: OCO (and the deprecated OCO), OTO, OTOCO, OPO, OPOCO, cancel.
 */
final class OrderListApi {
  private final Market market;
  private final OrderLists lists;

  OrderListApi(Market market, Exchange exchange) {
    this.market = market;
    this.lists = exchange.orderLists();
  }

  JsonNode oco(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    Side side = OrderParams.side(p, "side");
    Long qty = p.optDecimal("quantity");
    if (qty == null) {
      throw Errors.mandatory("quantity");
    }
    Stp stp = OrderParams.stp(p);
    OrderRequest above = ocoLeg(p, s, "above", side, qty, stp);
    OrderRequest below = ocoLeg(p, s, "below", side, qty, stp);
    RespType type = OrderParams.respType(p, RespType.RESULT);
    OrderList l = lists.placeOco(c.account(), s.symbol(), p.get("listClientOrderId"), above, below);
    return Render.list(l, type, null);
  }

  private static OrderRequest ocoLeg(
      Params p, SymbolSpec s, String prefix, Side side, long qty, Stp stp) {
    String t = p.require(prefix + "Type");
    if (t.equals("LIMIT") || t.equals("MARKET")) {
      throw ApiException.bad(-1158, "Order type not supported in OCO.");
    }
    return OrderParams.parse(p, s, prefix, side, qty, false, stp, false);
  }

  /** The deprecated {@code POST /api/v3/order/oco}, mapped onto an OCO of the new kind. */
  JsonNode legacyOco(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    Side side = OrderParams.side(p, "side");
    Long qty = p.optDecimal("quantity");
    Long price = p.optDecimal("price");
    Long stopPrice = p.optDecimal("stopPrice");
    if (qty == null) {
      throw Errors.mandatory("quantity");
    }
    if (price == null) {
      throw Errors.mandatory("price");
    }
    if (stopPrice == null) {
      throw Errors.mandatory("stopPrice");
    }
    Long stopLimit = p.optDecimal("stopLimitPrice");
    String tif = p.get("stopLimitTimeInForce");
    if (stopLimit != null && tif == null) {
      throw Errors.mandatory("stopLimitTimeInForce");
    }
    Stp stp = OrderParams.stp(p);
    OrderRequest limit =
        new OrderRequest(
            s.symbol(),
            side,
            OrderType.LIMIT_MAKER,
            null,
            qty,
            null,
            price,
            null,
            null,
            p.optDecimal("limitIcebergQty"),
            p.get("limitClientOrderId"),
            p.optLong("limitStrategyId"),
            p.optInt("limitStrategyType"),
            stp,
            false);
    OrderRequest stop =
        new OrderRequest(
            s.symbol(),
            side,
            stopLimit != null ? OrderType.STOP_LOSS_LIMIT : OrderType.STOP_LOSS,
            tif == null ? null : TimeInForce.valueOf(tif),
            qty,
            null,
            stopLimit,
            stopPrice,
            p.optLong("trailingDelta"),
            p.optDecimal("stopIcebergQty"),
            p.get("stopClientOrderId"),
            p.optLong("stopStrategyId"),
            p.optInt("stopStrategyType"),
            stp,
            false);
    RespType type = OrderParams.respType(p, RespType.RESULT);
    OrderRequest above = side == Side.SELL ? limit : stop;
    OrderRequest below = side == Side.SELL ? stop : limit;
    OrderList l = lists.placeOco(c.account(), s.symbol(), p.get("listClientOrderId"), above, below);
    return Render.list(l, type, null);
  }

  JsonNode oto(Endpoint.Call c) {
    return otoLike(c, OrderList.Kind.OTO);
  }

  JsonNode otoco(Endpoint.Call c) {
    return otoLike(c, OrderList.Kind.OTOCO);
  }

  JsonNode opo(Endpoint.Call c) {
    return otoLike(c, OrderList.Kind.OPO);
  }

  JsonNode opoco(Endpoint.Call c) {
    return otoLike(c, OrderList.Kind.OPOCO);
  }

  private JsonNode otoLike(Endpoint.Call c, OrderList.Kind kind) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    Stp stp = OrderParams.stp(p);
    String wt = p.require("workingType");
    if (!wt.equals("LIMIT") && !wt.equals("LIMIT_MAKER")) {
      throw ApiException.bad(-1014, "Unsupported order combination.");
    }
    OrderRequest working = OrderParams.parse(p, s, "working", null, null, false, stp, false);
    boolean opo = kind == OrderList.Kind.OPO || kind == OrderList.Kind.OPOCO;
    List<OrderRequest> pending;
    if (kind == OrderList.Kind.OTO || kind == OrderList.Kind.OPO) {
      pending = List.of(OrderParams.parse(p, s, "pending", null, null, opo, stp, false));
    } else {
      Side side = OrderParams.side(p, "pendingSide");
      Long qty = opo ? null : p.optDecimal("pendingQuantity");
      if (!opo && qty == null) {
        throw Errors.mandatory("pendingQuantity");
      }
      OrderRequest above = OrderParams.parse(p, s, "pendingAbove", side, qty, opo, stp, false);
      OrderRequest below =
          p.has("pendingBelowType")
              ? OrderParams.parse(p, s, "pendingBelow", side, qty, opo, stp, false)
              : null;
      pending = below == null ? List.of(above) : List.of(above, below);
    }
    RespType type = OrderParams.respType(p, RespType.RESULT);
    OrderList l =
        lists.placeOto(c.account(), s.symbol(), p.get("listClientOrderId"), kind, working, pending);
    return Render.list(l, type, null);
  }

  JsonNode cancelList(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    OrderList l =
        lists.cancel(c.account(), s.symbol(), p.optLong("orderListId"), p.get("listClientOrderId"));
    String cancelId = p.get("newClientOrderId");
    return Render.list(l, null, cancelId != null ? cancelId : l.listClientOrderId);
  }
}
