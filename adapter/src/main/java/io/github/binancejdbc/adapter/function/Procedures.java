package io.github.binancejdbc.adapter.function;

import static io.github.binancejdbc.adapter.function.ProcParam.Kind.BOOLEAN;
import static io.github.binancejdbc.adapter.function.ProcParam.Kind.DECIMAL;
import static io.github.binancejdbc.adapter.function.ProcParam.Kind.ENUM;
import static io.github.binancejdbc.adapter.function.ProcParam.Kind.LONG;
import static io.github.binancejdbc.adapter.function.ProcParam.Kind.STRING;
import static io.github.binancejdbc.adapter.function.ProcParam.opt;
import static io.github.binancejdbc.adapter.function.ProcParam.req;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import io.github.binancejdbc.adapter.function.ProcedureDef.Reconcile;
import io.github.binancejdbc.adapter.function.ProcedureDef.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogue of procedures: every trading endpoint, and the retired listen-key calls. */
public final class Procedures {
  private Procedures() {}

  private static List<ProcParam> newOrder(boolean sor) {
    List<ProcParam> p = new ArrayList<>();
    p.add(req("symbol", "symbol", ENUM, "Trading pair, e.g. BTCUSDT"));
    p.add(req("side", "side", ENUM, "BUY or SELL"));
    p.add(req("order_type", "type", ENUM, sor ? "LIMIT or MARKET"
        : "LIMIT, MARKET, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT or LIMIT_MAKER"));
    p.add(opt("quantity", "quantity", DECIMAL, "Base asset quantity"));
    if (!sor) {
      p.add(opt("quote_order_qty", "quoteOrderQty", DECIMAL, "MARKET only: quote asset amount"
          + " to spend or receive, instead of quantity"));
    }
    p.add(opt("price", "price", DECIMAL, "Limit price"));
    p.add(opt("time_in_force", "timeInForce", ENUM, "GTC, IOC or FOK"));
    if (!sor) {
      p.add(opt("stop_price", "stopPrice", DECIMAL, "Trigger price of stop-loss and take-profit"
          + " orders"));
      p.add(opt("trailing_delta", "trailingDelta", LONG, "Trailing delta in basis points"));
    }
    p.add(opt("iceberg_qty", "icebergQty", DECIMAL, "Visible quantity of an iceberg order"));
    p.add(opt("new_client_order_id", "newClientOrderId", STRING, "Your id for the order; the"
        + " driver generates one when absent"));
    p.add(opt("strategy_id", "strategyId", LONG, "Your strategy id"));
    p.add(opt("strategy_type", "strategyType", LONG, "Your strategy type, at least 1000000"));
    p.add(opt("self_trade_prevention_mode", "selfTradePreventionMode", ENUM, "NONE, EXPIRE_TAKER,"
        + " EXPIRE_MAKER, EXPIRE_BOTH, DECREMENT or TRANSFER"));
    p.add(opt("new_order_resp_type", "newOrderRespType", ENUM, "ACK, RESULT or FULL (default"
        + " FULL)"));
    return p;
  }

  /**
   * The pegged-order arguments of an order, or of an order-list leg when {@code prefix} names it
   * ({@code working} gives {@code working_peg_price_type} sent as {@code workingPegPriceType}).
   */
  private static List<ProcParam> peg(String prefix) {
    String sql = prefix.isEmpty() ? "" : prefix + "_";
    String api = camel(prefix);
    return List.of(
        opt(sql + "peg_price_type", api.isEmpty() ? "pegPriceType" : api + "PegPriceType", ENUM,
            "PRIMARY_PEG or MARKET_PEG: the price follows the best price of this side or the"
                + " other; makes the price optional (LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT,"
                + " TAKE_PROFIT_LIMIT)"),
        opt(sql + "peg_offset_value", api.isEmpty() ? "pegOffsetValue" : api + "PegOffsetValue",
            LONG, "Price levels away from the pegged price, at most 100"),
        opt(sql + "peg_offset_type", api.isEmpty() ? "pegOffsetType" : api + "PegOffsetType",
            ENUM, "PRICE_LEVEL"));
  }

  private static List<ProcParam> withCommission(List<ProcParam> p) {
    List<ProcParam> out = new ArrayList<>(p);
    out.add(opt("compute_commission_rates", "computeCommissionRates", BOOLEAN, "Also return the"
        + " commission rates the order would pay"));
    return out;
  }

  /** The legs of an order list: prefix is "above", "below", "working", "pending", ... */
  private static List<ProcParam> leg(String prefix, boolean withSideAndQty, boolean withType,
      boolean typeRequired) {
    String api = camel(prefix);
    List<ProcParam> p = new ArrayList<>();
    if (withType) {
      p.add(new ProcParam(prefix + "_type", api + "Type", ENUM, typeRequired, "Order type of the "
          + prefix.replace('_', ' ') + " leg"));
    }
    if (withSideAndQty) {
      p.add(req(prefix + "_side", api + "Side", ENUM, "BUY or SELL"));
    }
    p.add(opt(prefix + "_price", api + "Price", DECIMAL, "Limit price"));
    if (withSideAndQty) {
      p.add(req(prefix + "_quantity", api + "Quantity", DECIMAL, "Quantity"));
    }
    p.add(opt(prefix + "_stop_price", api + "StopPrice", DECIMAL, "Trigger price"));
    p.add(opt(prefix + "_trailing_delta", api + "TrailingDelta", LONG, "Trailing delta in bips"));
    p.add(opt(prefix + "_time_in_force", api + "TimeInForce", ENUM, "GTC, IOC or FOK"));
    p.add(opt(prefix + "_iceberg_qty", api + "IcebergQty", DECIMAL, "Iceberg visible quantity"));
    p.add(opt(prefix + "_client_order_id", api + "ClientOrderId", STRING, "Your id for this leg"));
    p.add(opt(prefix + "_strategy_id", api + "StrategyId", LONG, "Your strategy id"));
    p.add(opt(prefix + "_strategy_type", api + "StrategyType", LONG, "Your strategy type"));
    p.addAll(peg(prefix));
    return p;
  }

  private static String camel(String snake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }

  private static List<ProcParam> listTail() {
    return List.of(
        opt("list_client_order_id", "listClientOrderId", STRING, "Your id for the list; the driver"
            + " generates one when absent"),
        opt("self_trade_prevention_mode", "selfTradePreventionMode", ENUM, "STP mode"),
        opt("new_order_resp_type", "newOrderRespType", ENUM, "ACK, RESULT or FULL (default FULL)"));
  }

  private static List<ProcParam> concat(List<?>... parts) {
    List<ProcParam> out = new ArrayList<>();
    for (List<?> part : parts) {
      for (Object o : part) {
        out.add((ProcParam) o);
      }
    }
    return out;
  }

  private static final ProcParam SYMBOL = req("symbol", "symbol", ENUM, "Trading pair");

  private static final Map<String, ProcedureDef> ALL = new LinkedHashMap<>();

  private static void add(ProcedureDef d) {
    ALL.put(d.name(), d);
  }

  static {
    add(new ProcedureDef("place_order", Method.POST, "/api/v3/order",
        concat(newOrder(false), peg("")), true, true,
        Result.ORDERS, Reconcile.NEW_ORDER, "newClientOrderId", 1, "Places an order"));
    add(new ProcedureDef("test_order", Method.POST, "/api/v3/order/test",
        concat(withCommission(newOrder(false)), peg("")), false, true, Result.TEST,
        Reconcile.NONE, null, 1, "Validates an order without placing it (always allowed)"));
    add(new ProcedureDef("cancel_order", Method.DELETE, "/api/v3/order", List.of(SYMBOL,
        opt("order_id", "orderId", LONG, "The order's id"),
        opt("orig_client_order_id", "origClientOrderId", STRING, "The order's client id"),
        opt("new_client_order_id", "newClientOrderId", STRING, "Your id for this cancel"),
        opt("cancel_restrictions", "cancelRestrictions", ENUM, "ONLY_NEW or"
            + " ONLY_PARTIALLY_FILLED")), true, true, Result.ORDERS, Reconcile.ORDER_STATUS, null,
        1, "Cancels an order (one leg cancels its whole order list)"));
    add(new ProcedureDef("cancel_open_orders", Method.DELETE, "/api/v3/openOrders",
        List.of(SYMBOL), true, true, Result.ORDERS, Reconcile.OPEN_ORDERS, null, 1,
        "Cancels every open order and order list of a symbol"));
    List<ProcParam> cr = new ArrayList<>(newOrder(false));
    cr.add(3, req("cancel_replace_mode", "cancelReplaceMode", ENUM, "STOP_ON_FAILURE or"
        + " ALLOW_FAILURE"));
    cr.add(opt("cancel_order_id", "cancelOrderId", LONG, "Id of the order to cancel"));
    cr.add(opt("cancel_orig_client_order_id", "cancelOrigClientOrderId", STRING, "Client id of"
        + " the order to cancel"));
    cr.add(opt("cancel_new_client_order_id", "cancelNewClientOrderId", STRING, "Your id for the"
        + " cancel"));
    cr.add(opt("cancel_restrictions", "cancelRestrictions", ENUM, "ONLY_NEW or"
        + " ONLY_PARTIALLY_FILLED"));
    cr.add(opt("order_rate_limit_exceeded_mode", "orderRateLimitExceededMode", ENUM, "DO_NOTHING"
        + " or CANCEL_ONLY"));
    cr.addAll(peg(""));
    add(new ProcedureDef("cancel_replace_order", Method.POST, "/api/v3/order/cancelReplace", cr,
        true, true, Result.ORDERS, Reconcile.CANCEL_REPLACE, "newClientOrderId", 1,
        "Cancels an order and places a new one on the same symbol"));
    add(new ProcedureDef("amend_order", Method.PUT, "/api/v3/order/amend/keepPriority", List.of(
        SYMBOL,
        opt("order_id", "orderId", LONG, "The order's id"),
        opt("orig_client_order_id", "origClientOrderId", STRING, "The order's client id"),
        opt("new_client_order_id", "newClientOrderId", STRING, "A new client id for the order"),
        req("new_qty", "newQty", DECIMAL, "The reduced quantity, above 0 and below the current")),
        true, true, Result.ORDERS, Reconcile.ORDER_STATUS, null, 4,
        "Reduces an order's quantity keeping its place in the queue"));
    add(new ProcedureDef("place_oco", Method.POST, "/api/v3/orderList/oco", concat(
        List.of(SYMBOL, req("side", "side", ENUM, "BUY or SELL"),
            req("quantity", "quantity", DECIMAL, "Quantity of both legs")),
        leg("above", false, true, true), leg("below", false, true, true), listTail()),
        true, true, Result.ORDERS, Reconcile.NEW_ORDER_LIST, "listClientOrderId", 1,
        "Places a one-cancels-the-other order list"));
    add(new ProcedureDef("place_oto", Method.POST, "/api/v3/orderList/oto", concat(List.of(SYMBOL),
        leg("working", true, true, true), leg("pending", true, true, true), listTail()),
        true, true, Result.ORDERS, Reconcile.NEW_ORDER_LIST, "listClientOrderId", 1,
        "Places a one-triggers-the-other order list"));
    add(new ProcedureDef("place_otoco", Method.POST, "/api/v3/orderList/otoco", concat(
        List.of(SYMBOL), leg("working", true, true, true),
        List.of(req("pending_side", "pendingSide", ENUM, "BUY or SELL"),
            req("pending_quantity", "pendingQuantity", DECIMAL, "Quantity of the pending legs")),
        leg("pending_above", false, true, true), leg("pending_below", false, true, false),
        listTail()), true, true, Result.ORDERS, Reconcile.NEW_ORDER_LIST, "listClientOrderId", 1,
        "Places a working order that triggers a one-cancels-the-other pair"));
    List<ProcParam> opoPending = new ArrayList<>(leg("pending", false, true, true));
    opoPending.add(0, req("pending_side", "pendingSide", ENUM, "SELL"));
    add(new ProcedureDef("place_opo", Method.POST, "/api/v3/orderList/opo", concat(List.of(SYMBOL),
        leg("working", true, true, true), opoPending, listTail()), true, true, Result.ORDERS,
        Reconcile.NEW_ORDER_LIST, "listClientOrderId", 1,
        "Places a working BUY whose fill becomes a pending SELL (one-places-the-other)"));
    add(new ProcedureDef("place_opoco", Method.POST, "/api/v3/orderList/opoco", concat(
        List.of(SYMBOL), leg("working", true, true, true),
        List.of(req("pending_side", "pendingSide", ENUM, "SELL")),
        leg("pending_above", false, true, true), leg("pending_below", false, true, false),
        listTail()), true, true, Result.ORDERS, Reconcile.NEW_ORDER_LIST, "listClientOrderId", 1,
        "Places a working BUY whose fill becomes a one-cancels-the-other SELL pair"));
    add(new ProcedureDef("cancel_order_list", Method.DELETE, "/api/v3/orderList", List.of(SYMBOL,
        opt("order_list_id", "orderListId", LONG, "The list's id"),
        opt("list_client_order_id", "listClientOrderId", STRING, "The list's client id"),
        opt("new_client_order_id", "newClientOrderId", STRING, "Your id for this cancel")),
        true, true, Result.ORDERS, Reconcile.ORDER_LIST_STATUS, null, 1,
        "Cancels an order list"));
    add(new ProcedureDef("place_sor_order", Method.POST, "/api/v3/sor/order", newOrder(true), true,
        true, Result.ORDERS, Reconcile.NEW_ORDER, "newClientOrderId", 1,
        "Places an order through smart order routing"));
    add(new ProcedureDef("test_sor_order", Method.POST, "/api/v3/sor/order/test",
        withCommission(newOrder(true)), false, true, Result.TEST, Reconcile.NONE, null, 1,
        "Validates a smart-order-routing order without placing it (always allowed)"));
    add(new ProcedureDef("start_user_data_stream", Method.POST, "/api/v3/userDataStream",
        List.of(), true, false, Result.LISTEN_KEY, Reconcile.NONE, null, 2,
        "Retired by Binance on 2026-02-20: creates a listen key"));
    ProcParam key = req("listen_key", "listenKey", STRING, "The listen key");
    add(new ProcedureDef("keepalive_user_data_stream", Method.PUT, "/api/v3/userDataStream",
        List.of(key), true, false, Result.LISTEN_KEY, Reconcile.NONE, null, 2,
        "Retired by Binance on 2026-02-20: extends a listen key"));
    add(new ProcedureDef("close_user_data_stream", Method.DELETE, "/api/v3/userDataStream",
        List.of(key), true, false, Result.LISTEN_KEY, Reconcile.NONE, null, 2,
        "Retired by Binance on 2026-02-20: closes a listen key"));
  }

  /** Every procedure, in reference order. */
  public static List<ProcedureDef> all() {
    return List.copyOf(ALL.values());
  }

  /** The result columns of a procedure: name to {@link java.sql.Types} code, in order. */
  public static Map<String, Integer> resultColumns(ProcedureDef d) {
    return java.util.Collections.unmodifiableMap(ResultRows.columnTypes(d.result()));
  }

  public static ProcedureDef get(String name) {
    ProcedureDef d = ALL.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no procedure " + name);
    }
    return d;
  }
}
