package io.github.binancejdbc.adapter.function;

import static io.github.binancejdbc.adapter.function.ProcParam.Kind.BOOLEAN;
import static io.github.binancejdbc.adapter.function.ProcParam.Kind.DECIMAL;
import static io.github.binancejdbc.adapter.function.ProcParam.Kind.ENUM;
import static io.github.binancejdbc.adapter.function.ProcParam.Kind.LONG;
import static io.github.binancejdbc.adapter.function.ProcParam.Kind.STRING;
import static io.github.binancejdbc.adapter.function.ProcParam.opt;
import static io.github.binancejdbc.adapter.function.ProcParam.req;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import io.github.binancejdbc.adapter.function.ProcedureDef.Checks;
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
    p.add(
        req(
            "order_type",
            "type",
            ENUM,
            sor
                ? "LIMIT or MARKET"
                : "LIMIT, MARKET, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT or LIMIT_MAKER"));
    p.add(opt("quantity", "quantity", DECIMAL, "Base asset quantity"));
    if (!sor) {
      p.add(
          opt(
              "quote_order_qty",
              "quoteOrderQty",
              DECIMAL,
              "MARKET only: quote asset amount" + " to spend or receive, instead of quantity"));
    }
    p.add(opt("price", "price", DECIMAL, "Limit price"));
    p.add(opt("time_in_force", "timeInForce", ENUM, "GTC, IOC or FOK"));
    if (!sor) {
      p.add(
          opt(
              "stop_price",
              "stopPrice",
              DECIMAL,
              "Trigger price of stop-loss and take-profit" + " orders"));
      p.add(opt("trailing_delta", "trailingDelta", LONG, "Trailing delta in basis points"));
    }
    p.add(opt("iceberg_qty", "icebergQty", DECIMAL, "Visible quantity of an iceberg order"));
    p.add(
        opt(
            "new_client_order_id",
            "newClientOrderId",
            STRING,
            "Your id for the order; the" + " driver generates one when absent"));
    p.add(opt("strategy_id", "strategyId", LONG, "Your strategy id"));
    p.add(opt("strategy_type", "strategyType", LONG, "Your strategy type, at least 1000000"));
    p.add(
        opt(
            "self_trade_prevention_mode",
            "selfTradePreventionMode",
            ENUM,
            "NONE, EXPIRE_TAKER," + " EXPIRE_MAKER, EXPIRE_BOTH, DECREMENT or TRANSFER"));
    p.add(
        opt(
            "new_order_resp_type",
            "newOrderRespType",
            ENUM,
            "ACK, RESULT or FULL (default" + " FULL)"));
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
        opt(
            sql + "peg_price_type",
            api.isEmpty() ? "pegPriceType" : api + "PegPriceType",
            ENUM,
            "PRIMARY_PEG or MARKET_PEG: the price follows the best price of this side or the"
                + " other; makes the price optional (LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT,"
                + " TAKE_PROFIT_LIMIT)"),
        opt(
            sql + "peg_offset_value",
            api.isEmpty() ? "pegOffsetValue" : api + "PegOffsetValue",
            LONG,
            "Price levels away from the pegged price, at most 100"),
        opt(
            sql + "peg_offset_type",
            api.isEmpty() ? "pegOffsetType" : api + "PegOffsetType",
            ENUM,
            "PRICE_LEVEL"));
  }

  private static List<ProcParam> withCommission(List<ProcParam> p) {
    List<ProcParam> out = new ArrayList<>(p);
    out.add(
        opt(
            "compute_commission_rates",
            "computeCommissionRates",
            BOOLEAN,
            "Also return the" + " commission rates the order would pay"));
    return out;
  }

  /** The legs of an order list: prefix is "above", "below", "working", "pending", ... */
  private static List<ProcParam> leg(
      String prefix, boolean withSideAndQty, boolean withType, boolean typeRequired) {
    String api = camel(prefix);
    List<ProcParam> p = new ArrayList<>();
    if (withType) {
      p.add(
          new ProcParam(
              prefix + "_type",
              api + "Type",
              ENUM,
              typeRequired,
              "Order type of the " + prefix.replace('_', ' ') + " leg"));
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
        opt(
            "list_client_order_id",
            "listClientOrderId",
            STRING,
            "Your id for the list; the driver" + " generates one when absent"),
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
    add(
        ProcedureDef.builder("place_order", Method.POST, "/api/v3/order")
            .params(concat(newOrder(false), peg("")))
            .trading()
            .checks(Checks.ORDER)
            .reconcile(Reconcile.NEW_ORDER, "newClientOrderId")
            .remarks("Places an order")
            .build());
    add(
        ProcedureDef.builder("test_order", Method.POST, "/api/v3/order/test")
            .params(concat(withCommission(newOrder(false)), peg("")))
            .result(Result.TEST)
            .checks(Checks.ORDER)
            .remarks("Validates an order without placing it (always allowed)")
            .build());
    add(
        ProcedureDef.builder("cancel_order", Method.DELETE, "/api/v3/order")
            .params(
                List.of(
                    SYMBOL,
                    opt("order_id", "orderId", LONG, "The order's id"),
                    opt(
                        "orig_client_order_id",
                        "origClientOrderId",
                        STRING,
                        "The order's client id"),
                    opt(
                        "new_client_order_id",
                        "newClientOrderId",
                        STRING,
                        "Your id for this cancel"),
                    opt(
                        "cancel_restrictions",
                        "cancelRestrictions",
                        ENUM,
                        "ONLY_NEW or" + " ONLY_PARTIALLY_FILLED")))
            .trading()
            .checks(Checks.SYMBOL)
            .reconcile(Reconcile.ORDER_STATUS, null)
            .outcome("CANCELED")
            .remarks("Cancels an order (one leg cancels its whole order list)")
            .build());
    add(
        ProcedureDef.builder("cancel_open_orders", Method.DELETE, "/api/v3/openOrders")
            .params(List.of(SYMBOL))
            .trading()
            .checks(Checks.SYMBOL)
            .reconcile(Reconcile.OPEN_ORDERS, null)
            .outcome("CANCELED")
            .remarks("Cancels every open order and order list of a symbol")
            .build());
    List<ProcParam> cr = new ArrayList<>(newOrder(false));
    cr.add(
        3,
        req(
            "cancel_replace_mode",
            "cancelReplaceMode",
            ENUM,
            "STOP_ON_FAILURE or" + " ALLOW_FAILURE"));
    cr.add(opt("cancel_order_id", "cancelOrderId", LONG, "Id of the order to cancel"));
    cr.add(
        opt(
            "cancel_orig_client_order_id",
            "cancelOrigClientOrderId",
            STRING,
            "Client id of" + " the order to cancel"));
    cr.add(
        opt(
            "cancel_new_client_order_id",
            "cancelNewClientOrderId",
            STRING,
            "Your id for the" + " cancel"));
    cr.add(
        opt(
            "cancel_restrictions",
            "cancelRestrictions",
            ENUM,
            "ONLY_NEW or" + " ONLY_PARTIALLY_FILLED"));
    cr.add(
        opt(
            "order_rate_limit_exceeded_mode",
            "orderRateLimitExceededMode",
            ENUM,
            "DO_NOTHING" + " or CANCEL_ONLY"));
    cr.addAll(peg(""));
    add(
        ProcedureDef.builder("cancel_replace_order", Method.POST, "/api/v3/order/cancelReplace")
            .params(cr)
            .trading()
            .checks(Checks.ORDER)
            .reconcile(Reconcile.CANCEL_REPLACE, "newClientOrderId")
            // Its rows say CANCEL_... and NEW_ORDER_... per leg; this is for an answer without
            // legs.
            .outcome("CANCELED")
            .remarks("Cancels an order and places a new one on the same symbol")
            .build());
    add(
        ProcedureDef.builder("amend_order", Method.PUT, "/api/v3/order/amend/keepPriority")
            .params(
                List.of(
                    SYMBOL,
                    opt("order_id", "orderId", LONG, "The order's id"),
                    opt(
                        "orig_client_order_id",
                        "origClientOrderId",
                        STRING,
                        "The order's client id"),
                    opt(
                        "new_client_order_id",
                        "newClientOrderId",
                        STRING,
                        "A new client id for the" + " order"),
                    req(
                        "new_qty",
                        "newQty",
                        DECIMAL,
                        "The reduced quantity, above 0 and below the" + " current")))
            .trading()
            .checks(Checks.ORDER)
            .reconcile(Reconcile.ORDER_STATUS, null)
            .weight(4)
            .outcome("AMENDED")
            .remarks("Reduces an order's quantity keeping its place in the queue")
            .build());
    add(
        orderList(
                "place_oco",
                "/api/v3/orderList/oco",
                concat(
                    List.of(
                        SYMBOL,
                        req("side", "side", ENUM, "BUY or SELL"),
                        req("quantity", "quantity", DECIMAL, "Quantity of both legs")),
                    leg("above", false, true, true),
                    leg("below", false, true, true),
                    listTail()))
            .orderList("above", "below")
            .remarks("Places a one-cancels-the-other order list")
            .build());
    add(
        orderList(
                "place_oto",
                "/api/v3/orderList/oto",
                concat(
                    List.of(SYMBOL),
                    leg("working", true, true, true),
                    leg("pending", true, true, true),
                    listTail()))
            .orderList("working", "pending")
            .remarks("Places a one-triggers-the-other order list")
            .build());
    add(
        orderList(
                "place_otoco",
                "/api/v3/orderList/otoco",
                concat(
                    List.of(SYMBOL),
                    leg("working", true, true, true),
                    List.of(
                        req("pending_side", "pendingSide", ENUM, "BUY or SELL"),
                        req(
                            "pending_quantity",
                            "pendingQuantity",
                            DECIMAL,
                            "Quantity of the pending legs")),
                    leg("pending_above", false, true, true),
                    leg("pending_below", false, true, false),
                    listTail()))
            .orderList("working", "pendingAbove", "pendingBelow")
            .remarks("Places a working order that triggers a one-cancels-the-other pair")
            .build());
    List<ProcParam> opoPending = new ArrayList<>(leg("pending", false, true, true));
    opoPending.add(0, req("pending_side", "pendingSide", ENUM, "SELL"));
    add(
        orderList(
                "place_opo",
                "/api/v3/orderList/opo",
                concat(List.of(SYMBOL), leg("working", true, true, true), opoPending, listTail()))
            .orderList("working", "pending")
            .remarks(
                "Places a working BUY whose fill becomes a pending SELL (one-places-the-other)")
            .build());
    add(
        orderList(
                "place_opoco",
                "/api/v3/orderList/opoco",
                concat(
                    List.of(SYMBOL),
                    leg("working", true, true, true),
                    List.of(req("pending_side", "pendingSide", ENUM, "SELL")),
                    leg("pending_above", false, true, true),
                    leg("pending_below", false, true, false),
                    listTail()))
            .orderList("working", "pendingAbove", "pendingBelow")
            .remarks("Places a working BUY whose fill becomes a one-cancels-the-other SELL pair")
            .build());
    add(
        ProcedureDef.builder("cancel_order_list", Method.DELETE, "/api/v3/orderList")
            .params(
                List.of(
                    SYMBOL,
                    opt("order_list_id", "orderListId", LONG, "The list's id"),
                    opt(
                        "list_client_order_id",
                        "listClientOrderId",
                        STRING,
                        "The list's client id"),
                    opt(
                        "new_client_order_id",
                        "newClientOrderId",
                        STRING,
                        "Your id for this cancel")))
            .trading()
            .checks(Checks.SYMBOL)
            .reconcile(Reconcile.ORDER_LIST_STATUS, null)
            .outcome("CANCELED")
            .remarks("Cancels an order list")
            .build());
    add(
        ProcedureDef.builder("place_sor_order", Method.POST, "/api/v3/sor/order")
            .params(newOrder(true))
            .trading()
            .checks(Checks.ORDER)
            .reconcile(Reconcile.NEW_ORDER, "newClientOrderId")
            .remarks("Places an order through smart order routing")
            .build());
    add(
        ProcedureDef.builder("test_sor_order", Method.POST, "/api/v3/sor/order/test")
            .params(withCommission(newOrder(true)))
            .result(Result.TEST)
            .checks(Checks.ORDER)
            .remarks("Validates a smart-order-routing order without placing it (always allowed)")
            .build());
    add(
        listenKey("start_user_data_stream", Method.POST, List.of())
            .remarks("Retired by Binance on 2026-02-20: creates a listen key")
            .build());
    ProcParam key = req("listen_key", "listenKey", STRING, "The listen key");
    add(
        listenKey("keepalive_user_data_stream", Method.PUT, List.of(key))
            .remarks("Retired by Binance on 2026-02-20: extends a listen key")
            .build());
    add(
        listenKey("close_user_data_stream", Method.DELETE, List.of(key))
            .remarks("Retired by Binance on 2026-02-20: closes a listen key")
            .build());
  }

  /** An order list: placed like an order, reconciled by its list client id. */
  private static ProcedureDef.Builder orderList(String name, String path, List<ProcParam> params) {
    return ProcedureDef.builder(name, Method.POST, path)
        .params(params)
        .trading()
        .reconcile(Reconcile.NEW_ORDER_LIST, "listClientOrderId");
  }

  /** The retired listen-key endpoints: keyed, not signed, weight 2. */
  private static ProcedureDef.Builder listenKey(
      String name, Method method, List<ProcParam> params) {
    return ProcedureDef.builder(name, method, "/api/v3/userDataStream")
        .params(params)
        .trading()
        .keyedOnly()
        .result(Result.LISTEN_KEY)
        .weight(2)
        .outcome("OK");
  }

  /** Every procedure, in reference order. */
  public static List<ProcedureDef> all() {
    return List.copyOf(ALL.values());
  }

  /** The result columns of a procedure: name to {@link java.sql.Types} code, in order. */
  public static Map<String, Integer> resultColumns(ProcedureDef d) {
    return java.util.Collections.unmodifiableMap(ProcedureRows.columnTypes(d.result()));
  }

  public static ProcedureDef get(String name) {
    ProcedureDef d = ALL.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no procedure " + name);
    }
    return d;
  }
}
