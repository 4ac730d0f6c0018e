package io.github.binancejdbc.adapter.function;

import static io.github.binancejdbc.adapter.function.OrderParams.CANCEL_RESTRICTIONS;
import static io.github.binancejdbc.adapter.function.OrderParams.ORDER_ID;
import static io.github.binancejdbc.adapter.function.OrderParams.ORIG_CLIENT_ORDER_ID;
import static io.github.binancejdbc.adapter.function.OrderParams.SYMBOL;
import static io.github.binancejdbc.adapter.function.OrderParams.concat;
import static io.github.binancejdbc.adapter.function.OrderParams.leg;
import static io.github.binancejdbc.adapter.function.OrderParams.listTail;
import static io.github.binancejdbc.adapter.function.OrderParams.newOrder;
import static io.github.binancejdbc.adapter.function.OrderParams.peg;
import static io.github.binancejdbc.adapter.function.OrderParams.withCommission;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogue of procedures: every trading endpoint, and the retired listen-key calls. */
public final class Procedures {
  private Procedures() {}

  private static final Map<String, ProcedureDef> ALL = new LinkedHashMap<>();

  private static void add(ProcedureDef d) {
    ALL.put(d.name(), d);
  }

  static {
    placeAndTest(
        "place_order",
        "/api/v3/order",
        newOrder(false),
        peg(""),
        "Places an order",
        "Validates an order without placing it (always allowed)");
    add(
        ProcedureDef.builder("cancel_order", Method.DELETE, "/api/v3/order")
            .params(
                List.of(
                    SYMBOL,
                    ORDER_ID,
                    ORIG_CLIENT_ORDER_ID,
                    opt("new_client_order_id", STRING, "Your id for this cancel"),
                    CANCEL_RESTRICTIONS))
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
    cr.add(3, req("cancel_replace_mode", ENUM, "STOP_ON_FAILURE or ALLOW_FAILURE"));
    cr.add(opt("cancel_order_id", LONG, "Id of the order to cancel"));
    cr.add(opt("cancel_orig_client_order_id", STRING, "Client id of the order to cancel"));
    cr.add(opt("cancel_new_client_order_id", STRING, "Your id for the cancel"));
    cr.add(CANCEL_RESTRICTIONS);
    cr.add(opt("order_rate_limit_exceeded_mode", ENUM, "DO_NOTHING or CANCEL_ONLY"));
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
                    ORDER_ID,
                    ORIG_CLIENT_ORDER_ID,
                    opt("new_client_order_id", STRING, "A new client id for the order"),
                    req("new_qty", DECIMAL, "The reduced quantity, above 0 and below the current")))
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
                        req("side", ENUM, "BUY or SELL"),
                        req("quantity", DECIMAL, "Quantity of both legs")),
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
                        req("pending_side", ENUM, "BUY or SELL"),
                        req("pending_quantity", DECIMAL, "Quantity of the pending legs")),
                    leg("pending_above", false, true, true),
                    leg("pending_below", false, true, false),
                    listTail()))
            .orderList("working", "pendingAbove", "pendingBelow")
            .remarks("Places a working order that triggers a one-cancels-the-other pair")
            .build());
    List<ProcParam> opoPending = new ArrayList<>(leg("pending", false, true, true));
    opoPending.add(0, req("pending_side", ENUM, "SELL"));
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
                    List.of(req("pending_side", ENUM, "SELL")),
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
                    opt("order_list_id", LONG, "The list's id"),
                    opt("list_client_order_id", STRING, "The list's client id"),
                    opt("new_client_order_id", STRING, "Your id for this cancel")))
            .trading()
            .checks(Checks.SYMBOL)
            .reconcile(Reconcile.ORDER_LIST_STATUS, null)
            .outcome("CANCELED")
            .remarks("Cancels an order list")
            .build());
    placeAndTest(
        "place_sor_order",
        "/api/v3/sor/order",
        newOrder(true),
        List.of(),
        "Places an order through smart order routing",
        "Validates a smart-order-routing order without placing it (always allowed)");
    add(
        listenKey("start_user_data_stream", Method.POST, List.of())
            .remarks("Retired by Binance on 2026-02-20: creates a listen key")
            .build());
    ProcParam key = req("listen_key", STRING, "The listen key");
    add(
        listenKey("keepalive_user_data_stream", Method.PUT, List.of(key))
            .remarks("Retired by Binance on 2026-02-20: extends a listen key")
            .build());
    add(
        listenKey("close_user_data_stream", Method.DELETE, List.of(key))
            .remarks("Retired by Binance on 2026-02-20: closes a listen key")
            .build());
  }

  /**
   * A procedure {@code place} that places an order ({@code order} parameters, then {@code tail})
   * and its twin {@code test_...} at {@code path/test}, which takes the same parameters and the
   * commission-rate flag (before {@code tail}), validates the order without placing it and so is
   * always allowed.
   */
  private static void placeAndTest(
      String place,
      String path,
      List<ProcParam> order,
      List<ProcParam> tail,
      String placeRemarks,
      String testRemarks) {
    add(
        ProcedureDef.builder(place, Method.POST, path)
            .params(concat(order, tail))
            .trading()
            .checks(Checks.ORDER)
            .reconcile(Reconcile.NEW_ORDER, "newClientOrderId")
            .remarks(placeRemarks)
            .build());
    add(
        ProcedureDef.builder(place.replace("place_", "test_"), Method.POST, path + "/test")
            .params(concat(withCommission(order), tail))
            .result(Result.TEST)
            .checks(Checks.ORDER)
            .remarks(testRemarks)
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
    return Collections.unmodifiableMap(ProcedureRows.columnTypes(d.result()));
  }

  public static ProcedureDef get(String name) {
    ProcedureDef d = ALL.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no procedure " + name);
    }
    return d;
  }
}
