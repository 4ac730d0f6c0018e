package io.github.binancejdbc.adapter.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import io.github.binancejdbc.adapter.client.BodyReader;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import io.github.binancejdbc.adapter.table.BinanceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Settles a trading request whose outcome is unknown by asking the exchange what happened, never by
 * sending it again. Every kind of request is asked about until it has visibly happened or can no
 * longer happen: Binance rejects a request whose timestamp is more than recvWindow old just before
 * the matching engine, so once {@code failedAt + recvWindow} (plus a second for clock error) has
 * passed, an order not found was not placed, an order still open was not cancelled, a quantity
 * unchanged was not amended. The answer is the rows as the exchange has them, or an error saying
 * plainly that the request did not execute (running the statement again is safe), or, only when
 * even the questions fail, an error saying the outcome is unknown and how to check it.
 */
final class Reconciler {
  private static final BodyReader<JsonNode> TREE = p -> ProcedureRows.MAPPER.readTree(p);
  private static final int NO_SUCH_ORDER = -2013;

  /** Statuses after which a cancel or an amend can no longer change anything. */
  private static final Set<String> FINAL =
      Set.of("CANCELED", "FILLED", "EXPIRED", "EXPIRED_IN_MATCH", "REJECTED");

  private final BinanceContext ctx;
  private final ProcedureDef def;
  private final Map<String, String> v;
  private final BinanceException failure;
  private final long deadline;
  private int checks;

  /**
   * @param failedAt when the failure was seen (the request's timestamp is no later)
   */
  Reconciler(
      BinanceContext ctx,
      ProcedureDef def,
      Map<String, String> v,
      BinanceException failure,
      long failedAt) {
    this.ctx = ctx;
    this.def = def;
    this.v = v;
    this.failure = failure;
    this.deadline = failedAt + ctx.config().recvWindowMillis() + 1000;
  }

  List<Object[]> run() {
    try {
      return switch (def.reconcile()) {
        case NEW_ORDER -> newOrder(required("symbol"), required("newClientOrderId"));
        case NEW_ORDER_LIST -> newOrderList(required("listClientOrderId"));
        case ORDER_STATUS ->
            List.<Object[]>of(
                def.path().contains("amend")
                    ? amended(required("symbol"))
                    : cancelled(
                        required("symbol"), v.get("orderId"), v.get("origClientOrderId"), false));
        case ORDER_LIST_STATUS -> listCancelled(v.get("orderListId"), v.get("listClientOrderId"));
        case OPEN_ORDERS -> openOrders(required("symbol"));
        case CANCEL_REPLACE -> cancelReplace(required("symbol"));
        case NONE -> throw failure;
      };
    } catch (BinanceException e) {
      if (e == failure || e.getCause() == failure) {
        throw e;
      }
      throw new BinanceException(
          SqlState.SYSTEM_ERROR,
          failure.vendorCode(),
          def.name()
              + ": "
              + failure.getMessage()
              + ". Asking the exchange what happened failed"
              + " too ("
              + e.getMessage()
              + "), so the outcome is unknown. Check before retrying: "
              + "SELECT * FROM open_orders WHERE symbol = '"
              + v.get("symbol")
              + "'"
              + clientIdHint(),
          failure,
          true);
    }
  }

  /**
   * A value the call always carries: a required argument (the call was refused before sending
   * without it) or the client id the driver generated. Were it missing, the exchange could not be
   * asked, so the answer would be the original failure (outcome unknown).
   */
  private String required(String apiName) throws BinanceException {
    String value = v.get(apiName);
    if (value == null) {
      throw failure;
    }
    return value;
  }

  /**
   * The order (or list) the call named: by its id when given, else by its client id. With neither
   * there is nothing to ask by, so the original failure (outcome unknown) stands.
   */
  private Param reference(String idName, @Nullable String id, @Nullable String clientId)
      throws BinanceException {
    if (id != null) {
      return Param.of(idName, id);
    }
    if (clientId != null) {
      return Param.of("origClientOrderId", clientId);
    }
    throw failure;
  }

  private String clientIdHint() {
    String id = v.get(def.clientIdParam() == null ? "origClientOrderId" : def.clientIdParam());
    return id == null ? "" : " (client order id " + id + ")";
  }

  private String note() {
    return "The request failed ("
        + failure.getMessage()
        + "); this row is what the exchange"
        + " reported afterwards.";
  }

  /** The order by its client id, asked until it is found or the request can no longer execute. */
  private @Nullable JsonNode placedOrder(String symbol, String clientId) {
    return poll(
        () ->
            lookUp(
                Method.GET,
                "/api/v3/order",
                List.of(Param.of("symbol", symbol), Param.of("origClientOrderId", clientId))),
        n -> n != null);
  }

  /** The placed order by its client id, or the failure saying it was not placed. */
  private List<Object[]> newOrder(String symbol, String clientId) {
    JsonNode o = placedOrder(symbol, clientId);
    if (o == null) {
      throw notExecuted(
          "The exchange has no order with client order id " + clientId + " on " + symbol,
          "it was not placed");
    }
    return List.<Object[]>of(ProcedureRows.order(o, "PLACED", note()));
  }

  private List<Object[]> newOrderList(String listClientId) {
    JsonNode list =
        poll(
            () ->
                lookUp(
                    Method.GET,
                    "/api/v3/orderList",
                    List.of(Param.of("origClientOrderId", listClientId))),
            n -> n != null);
    if (list == null) {
      throw notExecuted(
          "The exchange has no order list with client id " + listClientId, "it was not placed");
    }
    return ProcedureRows.orderList(list, "PLACED", note());
  }

  /**
   * The target of a cancel, asked until it is no longer open or the cancel can no longer execute.
   *
   * @param quiet for cancel-replace: an order still open is reported as such, not as an error
   */
  private Object[] cancelled(
      String symbol, @Nullable String orderId, @Nullable String clientId, boolean quiet) {
    List<Param> q = new ArrayList<>();
    q.add(Param.of("symbol", symbol));
    q.add(reference("orderId", orderId, clientId));
    JsonNode o =
        poll(
            () -> lookUp(Method.GET, "/api/v3/order", q),
            n -> n == null || FINAL.contains(n.path("status").asText()));
    if (o == null) {
      throw noSuchOrder(q, "there was nothing to cancel");
    }
    String status = o.path("status").asText();
    if (FINAL.contains(status)) {
      return ProcedureRows.order(
          o, status.equals("CANCELED") ? "CANCELED" : "STATUS_" + status, note());
    }
    if (quiet) {
      return ProcedureRows.order(o, "NOT_CANCELED", note());
    }
    throw notExecuted("The order is still " + status, "it was not cancelled");
  }

  /** The target of an amend, asked until its quantity is the new one or the amend cannot run. */
  private Object[] amended(String symbol) {
    List<Param> q = new ArrayList<>();
    q.add(Param.of("symbol", symbol));
    q.add(reference("orderId", v.get("orderId"), v.get("origClientOrderId")));
    BigDecimal wanted = new BigDecimal(required("newQty"));
    JsonNode o =
        poll(
            () -> lookUp(Method.GET, "/api/v3/order", q),
            n ->
                n == null
                    || FINAL.contains(n.path("status").asText())
                    || qty(n).compareTo(wanted) == 0);
    if (o == null) {
      throw noSuchOrder(q, "there was nothing to amend");
    }
    if (qty(o).compareTo(wanted) == 0) {
      return ProcedureRows.order(o, "AMENDED", note());
    }
    if (FINAL.contains(o.path("status").asText())) {
      return ProcedureRows.order(o, "STATUS_" + o.path("status").asText(), note());
    }
    throw notExecuted(
        "The order's quantity is still " + qty(o).toPlainString(), "it was not amended");
  }

  private static BigDecimal qty(JsonNode o) {
    String s = o.path("origQty").asText();
    return s.isEmpty() ? BigDecimal.ZERO : new BigDecimal(s);
  }

  private List<Object[]> listCancelled(@Nullable String listId, @Nullable String listClientId) {
    Param p = reference("orderListId", listId, listClientId);
    JsonNode list =
        poll(
            () -> lookUp(Method.GET, "/api/v3/orderList", List.of(p)),
            n -> n == null || "ALL_DONE".equals(n.path("listOrderStatus").asText()));
    if (list == null) {
      throw notExecuted(
          "The exchange has no order list with " + p.name() + " " + p.value(),
          "there was nothing to cancel");
    }
    String status = list.path("listOrderStatus").asText();
    if (!"ALL_DONE".equals(status)) {
      throw notExecuted("The order list is still " + status, "it was not cancelled");
    }
    return ProcedureRows.orderList(list, "CANCELED", note());
  }

  private List<Object[]> openOrders(String symbol) {
    JsonNode open =
        poll(
            () ->
                ctx.http()
                    .signed(
                        Method.GET,
                        "/api/v3/openOrders",
                        List.of(Param.of("symbol", symbol)),
                        6,
                        TREE),
            n -> n != null && n.size() == 0);
    if (open == null) {
      // An empty answer tells nothing: the outcome stays unknown.
      throw failure;
    }
    if (open.size() == 0) {
      return List.of();
    }
    throw notExecuted(
        open.size() + " order(s) are still open on " + symbol, "they were not cancelled");
  }

  private List<Object[]> cancelReplace(String symbol) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(cancelled(symbol, v.get("cancelOrderId"), v.get("cancelOrigClientOrderId"), true));
    String clientId = required("newClientOrderId");
    JsonNode placed = placedOrder(symbol, clientId);
    if (placed != null) {
      rows.add(ProcedureRows.order(placed, "PLACED", note()));
    }
    return rows;
  }

  /** The answer of a GET that may say "no such order" (then null). */
  private @Nullable JsonNode lookUp(Method method, String path, List<Param> q) {
    try {
      return ctx.http().signed(method, path, q, 4, TREE);
    } catch (BinanceException e) {
      if (e.vendorCode() == NO_SUCH_ORDER) {
        return null;
      }
      throw e;
    }
  }

  /**
   * Asks {@code probe} until {@code settled} holds or the request can no longer execute (then asks
   * one last time), pausing between questions; returns the last answer.
   */
  private @Nullable JsonNode poll(
      Supplier<@Nullable JsonNode> probe, Predicate<@Nullable JsonNode> settled) {
    while (true) {
      boolean last = ctx.config().clock().millis() >= deadline;
      checks++;
      JsonNode n = probe.get();
      if (settled.test(n) || last) {
        return n;
      }
      pause();
    }
  }

  /** No order as {@code q} ({@code symbol}, then the order's id or client id) names it. */
  private BinanceException noSuchOrder(List<Param> q, String conclusion) {
    Param ref = q.get(1);
    return notExecuted(
        "The exchange has no order with "
            + ref.name()
            + " "
            + ref.value()
            + " on "
            + q.get(0).value(),
        conclusion);
  }

  private BinanceException notExecuted(String finding, String conclusion) {
    return new BinanceException(
        SqlState.SYSTEM_ERROR,
        failure.vendorCode(),
        def.name()
            + ": "
            + failure.getMessage()
            + ". "
            + finding
            + " after "
            + checks
            + " checks, and the"
            + " request's recvWindow ("
            + ctx.config().recvWindowMillis()
            + " ms) has passed, so it"
            + " can no longer execute: "
            + conclusion
            + "; running the statement again is safe.",
        failure);
  }

  /** Waits before the next check: half a second, but never past the deadline by much. */
  private void pause() {
    long wait = Math.max(1, Math.min(500, deadline - ctx.config().clock().millis()));
    try {
      ctx.config().sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BinanceException(
          SqlState.QUERY_CANCELED,
          0,
          def.name() + ": interrupted while checking whether the request was executed",
          failure,
          true);
    }
  }
}
