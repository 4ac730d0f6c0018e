package io.github.binancejdbc.simulator;

import static io.github.binancejdbc.simulator.market.Units.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binancejdbc.simulator.market.Market;
import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.trading.Account;
import io.github.binancejdbc.simulator.trading.ApiException;
import io.github.binancejdbc.simulator.trading.Enums.OrderType;
import io.github.binancejdbc.simulator.trading.Enums.RespType;
import io.github.binancejdbc.simulator.trading.Errors;
import io.github.binancejdbc.simulator.trading.Exchange;
import io.github.binancejdbc.simulator.trading.Order;
import io.github.binancejdbc.simulator.trading.OrderEntry;
import io.github.binancejdbc.simulator.trading.OrderList;
import io.github.binancejdbc.simulator.trading.OrderRequest;
import java.util.Set;

/**
 * The TRADE endpoints for single orders: place, test, cancel, cancel-replace, amend, SOR. Order
 * lists are in {@link OrderListApi}.
 */
final class TradingApi {
  private final Market market;
  private final Exchange exchange;
  private final OrderEntry entry;

  TradingApi(Market market, Exchange exchange) {
    this.market = market;
    this.exchange = exchange;
    this.entry = exchange.orders();
  }

  private OrderRequest order(Params p, boolean sor) {
    SymbolSpec s = MarketParams.symbol(p, market);
    OrderRequest r = OrderParams.parse(p, s, "", null, null, false, OrderParams.stp(p), sor);
    if (sor && r.type() != OrderType.LIMIT && r.type() != OrderType.MARKET) {
      throw Errors.rejected("Unsupported order combination");
    }
    if (sor && r.quantity() == null) {
      throw Errors.mandatory("quantity");
    }
    return r;
  }

  JsonNode newOrder(Endpoint.Call c) {
    OrderRequest r = order(c.params(), false);
    RespType type = OrderParams.respType(c.params(), OrderParams.defaultRespType(r.type()));
    return Render.placed(entry.place(c.account(), r), type);
  }

  JsonNode sorOrder(Endpoint.Call c) {
    OrderRequest r = order(c.params(), true);
    RespType type = OrderParams.respType(c.params(), RespType.FULL);
    return Render.placed(entry.place(c.account(), r), type);
  }

  JsonNode testOrder(Endpoint.Call c) {
    return test(c, false);
  }

  JsonNode sorTestOrder(Endpoint.Call c) {
    return test(c, true);
  }

  private JsonNode test(Endpoint.Call c, boolean sor) {
    OrderRequest r = order(c.params(), sor);
    OrderParams.respType(c.params(), RespType.ACK);
    Boolean rates = c.params().optBoolean("computeCommissionRates");
    entry.test(c.account(), r);
    ObjectNode n = JsonNodes.obj();
    if (rates == null || !rates) {
      return n;
    }
    Account a = c.account();
    rates(n.putObject("standardCommissionForOrder"), a.makerBips, a.takerBips);
    if (!sor) {
      rates(n.putObject("specialCommissionForOrder"), 0, 0);
    }
    rates(n.putObject("taxCommissionForOrder"), 0, 0);
    discount(n.putObject("discount"));
    return n;
  }

  static void rates(ObjectNode n, long makerBips, long takerBips) {
    n.put("maker", format(makerBips * 10_000));
    n.put("taker", format(takerBips * 10_000));
  }

  /** BNB discount is shown but not applied: commissions are charged in the received asset. */
  static void discount(ObjectNode n) {
    n.put("enabledForAccount", false);
    n.put("enabledForSymbol", true);
    n.put("discountAsset", "BNB");
    n.put("discount", "0.25000000");
  }

  private static String restrictions(Params p) {
    return p.optEnum(
        "cancelRestrictions",
        Set.of("ONLY_NEW", "ONLY_PARTIALLY_FILLED"),
        ApiException.bad(-1145, "Invalid cancelRestrictions"));
  }

  JsonNode cancelOrder(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    String restrictions = restrictions(p);
    OrderEntry.Cancel x =
        entry.cancel(
            c.account(),
            s.symbol(),
            p.optLong("orderId"),
            p.get("origClientOrderId"),
            p.get("newClientOrderId"),
            restrictions);
    return Render.cancel(x);
  }

  JsonNode cancelOpenOrders(Endpoint.Call c) {
    SymbolSpec s = MarketParams.symbol(c.params(), market);
    ArrayNode a = JsonNodes.arr();
    for (Object o : entry.cancelAll(c.account(), s.symbol())) {
      if (o instanceof OrderEntry.Cancel x) {
        a.add(Render.cancel(x));
      } else {
        OrderList l = (OrderList) o;
        a.add(Render.list(l, null, exchange.newClientId()));
      }
    }
    return a;
  }

  JsonNode cancelReplace(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    String mode = p.require("cancelReplaceMode");
    if (!mode.equals("STOP_ON_FAILURE") && !mode.equals("ALLOW_FAILURE")) {
      throw Errors.illegal("cancelReplaceMode", "STOP_ON_FAILURE, ALLOW_FAILURE");
    }
    Long cancelOrderId = p.optLong("cancelOrderId");
    String cancelOrigId = p.get("cancelOrigClientOrderId");
    if (cancelOrderId == null && cancelOrigId == null) {
      throw Errors.eitherMandatory("cancelOrderId", "cancelOrigClientOrderId");
    }
    String restrictions = restrictions(p);
    String rateMode =
        p.optEnum(
            "orderRateLimitExceededMode",
            Set.of("DO_NOTHING", "CANCEL_ONLY"),
            Errors.illegal("orderRateLimitExceededMode", "DO_NOTHING, CANCEL_ONLY"));
    OrderRequest r = order(p, false);
    RespType type = OrderParams.respType(p, OrderParams.defaultRespType(r.type()));
    Account a = c.account();
    return exchange.atomically(
        () -> {
          long[] counts = exchange.orderCounts(a);
          if (counts[0] >= exchange.ordersPer10s() && !"CANCEL_ONLY".equals(rateMode)) {
            throw new ApiException(
                429,
                -1015,
                "Too many new orders; current limit is "
                    + exchange.ordersPer10s()
                    + " orders per 10 SECOND.");
          }
          JsonNode cancelResponse;
          boolean cancelled;
          try {
            cancelResponse =
                Render.cancel(
                    entry.cancel(
                        a,
                        s.symbol(),
                        cancelOrderId,
                        cancelOrigId,
                        p.get("cancelNewClientOrderId"),
                        restrictions));
            cancelled = true;
          } catch (ApiException e) {
            cancelResponse = JsonNodes.error(e.code(), e.getMessage());
            cancelled = false;
          }
          if (!cancelled && mode.equals("STOP_ON_FAILURE")) {
            throw failure(
                -2022, "FAILURE", "NOT_ATTEMPTED", cancelResponse, NullNode.getInstance());
          }
          JsonNode newResponse;
          boolean placed;
          try {
            newResponse = Render.placed(entry.place(a, r), type);
            placed = true;
          } catch (ApiException e) {
            newResponse = JsonNodes.error(e.code(), e.getMessage());
            placed = false;
            if (e.code() == -1015) {
              ObjectNode data = data("SUCCESS", "FAILURE", cancelResponse, newResponse);
              throw new ApiException(429, -1015, e.getMessage(), data);
            }
          }
          if (cancelled && placed) {
            return data("SUCCESS", "SUCCESS", cancelResponse, newResponse);
          }
          if (!cancelled && !placed) {
            throw failure(-2022, "FAILURE", "FAILURE", cancelResponse, newResponse);
          }
          throw failure(
              -2021,
              cancelled ? "SUCCESS" : "FAILURE",
              placed ? "SUCCESS" : "FAILURE",
              cancelResponse,
              newResponse);
        });
  }

  private static ObjectNode data(
      String cancel, String place, JsonNode cancelResponse, JsonNode newResponse) {
    ObjectNode d = JsonNodes.obj();
    d.put("cancelResult", cancel);
    d.put("newOrderResult", place);
    d.set("cancelResponse", cancelResponse);
    d.set("newOrderResponse", newResponse);
    return d;
  }

  private static ApiException failure(
      int code, String cancel, String place, JsonNode cancelResponse, JsonNode newResponse) {
    String msg =
        code == -2022 ? "Order cancel-replace failed." : "Order cancel-replace partially failed.";
    return new ApiException(
        code == -2021 ? 409 : 400, code, msg, data(cancel, place, cancelResponse, newResponse));
  }

  JsonNode amend(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    Long newQty = p.optDecimal("newQty");
    if (newQty == null) {
      throw Errors.mandatory("newQty");
    }
    OrderEntry.Amend x =
        entry.amend(
            c.account(),
            s.symbol(),
            p.optLong("orderId"),
            p.get("origClientOrderId"),
            p.get("newClientOrderId"),
            newQty);
    Order o = x.order();
    ObjectNode n = JsonNodes.obj();
    n.put("transactTime", x.time());
    n.put("executionId", x.executionId());
    ObjectNode ao = n.putObject("amendedOrder");
    Render.putIds(ao, o);
    ao.put("origClientOrderId", x.origClientOrderId());
    ao.put("clientOrderId", o.clientOrderId);
    ao.put("price", format(o.price));
    ao.put("qty", format(o.origQty));
    ao.put("executedQty", format(o.executedQty));
    ao.put("preventedQty", format(o.preventedQty));
    ao.put("quoteOrderQty", format(o.origQuoteOrderQty));
    ao.put("cumulativeQuoteQty", format(o.cumQuote));
    Render.putKind(ao, o);
    if (o.workingTime >= 0) {
      ao.put("workingTime", o.workingTime);
    }
    ao.put("selfTradePreventionMode", o.stp.name());
    if (o.list != null) {
      ObjectNode ls = n.putObject("listStatus");
      ObjectNode full = Render.list(o.list, null, null);
      ls.put("orderListId", o.list.id);
      ls.put("contingencyType", o.list.contingencyType());
      ls.put("listOrderStatus", o.list.listOrderStatus);
      ls.put("listClientOrderId", o.list.listClientOrderId);
      ls.put("symbol", o.list.symbol);
      ls.set("orders", full.get("orders"));
    }
    return n;
  }
}
