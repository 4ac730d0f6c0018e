package io.github.binancejdbc.simulator;

import static io.github.binancejdbc.simulator.market.Units.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binancejdbc.simulator.trading.Enums.RespType;
import io.github.binancejdbc.simulator.trading.Enums.Status;
import io.github.binancejdbc.simulator.trading.Order;
import io.github.binancejdbc.simulator.trading.OrderEntry;
import io.github.binancejdbc.simulator.trading.OrderList;

/**
 * JSON shapes of orders, order lists and their reports, field for field in Binance's order (taken
 * from recorded responses where there are any, else from the documented examples). Amounts are
 * 8-decimal strings everywhere.
 */
final class Render {
  private Render() {}

  /** A placement response (POST order, SOR order, list reports) of the given type. */
  static ObjectNode placed(Order o, RespType type) {
    ObjectNode n = JsonNodes.obj();
    putIds(n, o);
    n.put("clientOrderId", o.clientOrderId);
    n.put("transactTime", o.time);
    if (type == RespType.ACK) {
      return n;
    }
    putExecution(n, o);
    if (o.trailingDelta != null) {
      n.put("trailingDelta", o.trailingDelta);
    }
    n.put("workingTime", o.workingTime);
    if (o.trailingDelta != null) {
      n.put("trailingTime", -1L);
    }
    conditional(o, n);
    if (type == RespType.FULL) {
      ArrayNode fills = n.putArray("fills");
      for (Order.Fill f : o.fills) {
        ObjectNode fn = fills.addObject();
        if (o.usedSor) {
          fn.put("matchType", "ONE_PARTY_TRADE_REPORT");
        }
        fn.put("price", format(f.price()));
        fn.put("qty", format(f.qty()));
        fn.put("commission", format(f.commission()));
        fn.put("commissionAsset", f.commissionAsset());
        fn.put("tradeId", f.tradeId());
        if (o.usedSor) {
          fn.put("allocId", f.allocId());
        }
      }
    }
    if (o.usedSor) {
      n.put("workingFloor", "SOR");
    }
    n.put("selfTradePreventionMode", o.stp.name());
    if (o.usedSor) {
      n.put("usedSor", true);
    }
    expiry(o, n);
    return n;
  }

  private static void conditional(Order o, ObjectNode n) {
    if (o.icebergQty > 0) {
      n.put("icebergQty", format(o.icebergQty));
    }
    if (o.preventedMatchId != null) {
      n.put("preventedMatchId", o.preventedMatchId);
      n.put("preventedQuantity", format(o.preventedQty));
    }
    if (o.strategyId != null) {
      n.put("strategyId", o.strategyId);
    }
    if (o.strategyType != null) {
      n.put("strategyType", o.strategyType);
    }
  }

  private static void expiry(Order o, ObjectNode n) {
    if ((o.status == Status.EXPIRED || o.status == Status.EXPIRED_IN_MATCH)
        && o.expiryReason != null) {
      n.put("expiryReason", o.expiryReason);
    }
  }

  /**
   * The execution fields a placement (RESULT/FULL) and a cancel response share, in Binance's order
   * ({@code cummulativeQuoteQty} with its double m).
   */
  private static void putExecution(ObjectNode n, Order o) {
    n.put("price", format(o.price));
    n.put("origQty", format(o.origQty));
    n.put("executedQty", format(o.executedQty));
    n.put("origQuoteOrderQty", format(o.origQuoteOrderQty));
    n.put("cummulativeQuoteQty", format(o.cumQuote));
    putKind(n, o);
    if (o.type.isConditional()) {
      n.put("stopPrice", format(o.stopPrice));
    }
  }

  /** Which order this is: its symbol, id and list ({@code -1} outside a list). */
  static void putIds(ObjectNode n, Order o) {
    n.put("symbol", o.symbol);
    n.put("orderId", o.orderId);
    n.put("orderListId", o.orderListId());
  }

  /** Where an order stands and what it is, in Binance's order (every order rendering has them). */
  static void putKind(ObjectNode n, Order o) {
    n.put("status", o.status.name());
    n.put("timeInForce", o.timeInForce.name());
    n.put("type", o.type.name());
    n.put("side", o.side.name());
  }

  /** An order as the query endpoints show it (GET order, openOrders, allOrders). */
  static ObjectNode queried(Order o) {
    ObjectNode n = JsonNodes.obj();
    putIds(n, o);
    n.put("clientOrderId", o.clientOrderId);
    n.put("price", format(o.price));
    n.put("origQty", format(o.origQty));
    n.put("executedQty", format(o.executedQty));
    n.put("cummulativeQuoteQty", format(o.cumQuote));
    putKind(n, o);
    n.put("stopPrice", format(o.stopPrice));
    n.put("icebergQty", format(o.icebergQty));
    n.put("time", o.time);
    n.put("updateTime", o.updateTime);
    n.put("isWorking", o.isWorking());
    n.put("workingTime", o.workingTime);
    n.put("origQuoteOrderQty", format(o.origQuoteOrderQty));
    n.put("selfTradePreventionMode", o.stp.name());
    if (o.preventedMatchId != null) {
      n.put("preventedMatchId", o.preventedMatchId);
      n.put("preventedQuantity", format(o.preventedQty));
    }
    if (o.trailingDelta != null) {
      n.put("trailingDelta", o.trailingDelta);
      n.put("trailingTime", -1L);
    }
    if (o.strategyId != null) {
      n.put("strategyId", o.strategyId);
    }
    if (o.strategyType != null) {
      n.put("strategyType", o.strategyType);
    }
    if (o.usedSor) {
      n.put("usedSor", true);
      n.put("workingFloor", "SOR");
    }
    expiry(o, n);
    return n;
  }

  /** A cancel response (DELETE order; reports of cancelled lists). */
  static ObjectNode canceled(Order o, String cancelClientOrderId) {
    ObjectNode n = JsonNodes.obj();
    n.put("symbol", o.symbol);
    n.put("origClientOrderId", o.clientOrderId);
    n.put("orderId", o.orderId);
    n.put("orderListId", o.orderListId());
    n.put("clientOrderId", cancelClientOrderId);
    n.put("transactTime", o.updateTime);
    putExecution(n, o);
    if (o.icebergQty > 0) {
      n.put("icebergQty", format(o.icebergQty));
    }
    n.put("selfTradePreventionMode", o.stp.name());
    return n;
  }

  static ObjectNode cancel(OrderEntry.Cancel c) {
    return canceled(c.order(), c.cancelClientOrderId());
  }

  /**
   * An order list status; with reports for placement ({@code reportType} non-null) or cancel
   * ({@code cancelId} non-null), without for queries.
   */
  static ObjectNode list(OrderList l, RespType reportType, String cancelId) {
    ObjectNode n = JsonNodes.obj();
    n.put("orderListId", l.id);
    n.put("contingencyType", l.contingencyType());
    n.put("listStatusType", l.listStatusType);
    n.put("listOrderStatus", l.listOrderStatus);
    n.put("listClientOrderId", l.listClientOrderId);
    n.put("transactionTime", cancelId != null ? l.updateTime : l.transactionTime);
    n.put("symbol", l.symbol);
    ArrayNode orders = n.putArray("orders");
    for (Order o : l.orders) {
      ObjectNode on = orders.addObject();
      on.put("symbol", o.symbol);
      on.put("orderId", o.orderId);
      on.put("clientOrderId", o.clientOrderId);
    }
    if (reportType != null || cancelId != null) {
      ArrayNode reports = n.putArray("orderReports");
      for (Order o : l.orders) {
        reports.add(cancelId != null ? canceled(o, cancelId) : placed(o, reportType));
      }
    }
    return n;
  }
}
