package io.github.binancejdbc.adapter.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import io.github.binancejdbc.adapter.client.BodyReader;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import io.github.binancejdbc.adapter.table.BinanceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settles a trading request whose outcome is unknown by asking the exchange, by the client id the
 * request carried, what happened. The result is either the order as the exchange has it (placed
 * exactly once), or a clear statement that it does not exist (nothing was placed; running the
 * statement again is safe), or, when even the question fails, an error that says the status is
 * unknown and how to check it. The request itself is never sent again.
 */
final class Reconciler {
  private static final BodyReader<JsonNode> TREE = p -> ResultRows.MAPPER.readTree(p);
  private static final int NO_SUCH_ORDER = -2013;

  private final BinanceContext ctx;
  private final ProcedureDef def;
  private final Map<String, String> v;
  private final BinanceException failure;
  private final long deadline;
  private int checks;

  /**
   * @param failedAt when the failure was seen (the request's timestamp is no later): Binance
   *     rejects a request whose timestamp is more than recvWindow old just before the matching
   *     engine, so after {@code failedAt + recvWindow} (plus a second for clock error) a request
   *     still in flight can no longer execute, and "not found" then means "not placed"
   */
  Reconciler(BinanceContext ctx, ProcedureDef def, Map<String, String> v,
      BinanceException failure, long failedAt) {
    this.ctx = ctx;
    this.def = def;
    this.v = v;
    this.failure = failure;
    this.deadline = failedAt + ctx.config().recvWindowMillis() + 1000;
  }

  List<Object[]> run() {
    String symbol = v.get("symbol");
    try {
      return switch (def.reconcile()) {
        case NEW_ORDER -> newOrder(symbol, v.get("newClientOrderId"));
        case NEW_ORDER_LIST -> newOrderList(v.get("listClientOrderId"));
        case ORDER_STATUS -> List.<Object[]>of(
            status(symbol, v.get("orderId"), v.get("origClientOrderId")));
        case ORDER_LIST_STATUS -> listStatus(v.get("orderListId"), v.get("listClientOrderId"));
        case OPEN_ORDERS -> openOrders(symbol);
        case CANCEL_REPLACE -> cancelReplace(symbol);
        case NONE -> throw failure;
      };
    } catch (BinanceException e) {
      if (e == failure || e.getCause() == failure) {
        throw e;
      }
      throw new BinanceException(SqlState.SYSTEM_ERROR, failure.vendorCode(),
          def.name() + ": " + failure.getMessage() + ". Asking the exchange what happened failed"
              + " too (" + e.getMessage() + "), so the outcome is unknown. Check before retrying: "
              + "SELECT * FROM open_orders WHERE symbol = '" + symbol + "'" + clientIdHint(),
          failure, true);
    }
  }

  private String clientIdHint() {
    String id = v.get(def.clientIdParam() == null ? "origClientOrderId" : def.clientIdParam());
    return id == null ? "" : " (client order id " + id + ")";
  }

  private String note() {
    return "The request failed (" + failure.getMessage() + "); this row is what the exchange"
        + " reported afterwards.";
  }

  /**
   * The order by its client id, asked until it is found or the request can no longer execute:
   * an order still in flight may appear late.
   */
  private List<Object[]> newOrder(String symbol, String clientId) {
    while (true) {
      boolean last = ctx.config().clock().millis() >= deadline;
      checks++;
      try {
        JsonNode o = ctx.http().signed(Method.GET, "/api/v3/order", List.of(
            Param.of("symbol", symbol), Param.of("origClientOrderId", clientId)), 4, TREE);
        return List.<Object[]>of(ResultRows.order(o, "PLACED", note()));
      } catch (BinanceException e) {
        if (e.vendorCode() != NO_SUCH_ORDER) {
          throw e;
        }
      }
      if (last) {
        throw notPlaced("order with client order id " + clientId + " on " + symbol);
      }
      pause();
    }
  }

  private List<Object[]> newOrderList(String listClientId) {
    while (true) {
      boolean last = ctx.config().clock().millis() >= deadline;
      checks++;
      try {
        JsonNode list = ctx.http().signed(Method.GET, "/api/v3/orderList",
            List.of(Param.of("origClientOrderId", listClientId)), 4, TREE);
        return ResultRows.orderList(list, "PLACED", note());
      } catch (BinanceException e) {
        if (e.vendorCode() != NO_SUCH_ORDER) {
          throw e;
        }
      }
      if (last) {
        throw notPlaced("order list with client id " + listClientId);
      }
      pause();
    }
  }

  private Object[] status(String symbol, String orderId, String clientId) {
    List<Param> q = new ArrayList<>();
    q.add(Param.of("symbol", symbol));
    if (orderId != null) {
      q.add(Param.of("orderId", orderId));
    } else {
      q.add(Param.of("origClientOrderId", clientId));
    }
    JsonNode o = ctx.http().signed(Method.GET, "/api/v3/order", q, 4, TREE);
    String status = o.path("status").asText();
    return ResultRows.order(o, "STATUS_" + status, note());
  }

  private List<Object[]> listStatus(String listId, String listClientId) {
    Param p = listId != null ? Param.of("orderListId", listId)
        : Param.of("origClientOrderId", listClientId);
    JsonNode list = ctx.http().signed(Method.GET, "/api/v3/orderList", List.of(p), 4, TREE);
    return ResultRows.orderList(list, "STATUS_" + list.path("listOrderStatus").asText(), note());
  }

  private List<Object[]> openOrders(String symbol) {
    JsonNode open = ctx.http().signed(Method.GET, "/api/v3/openOrders",
        List.of(Param.of("symbol", symbol)), 6, TREE);
    if (open.size() == 0) {
      return List.of();
    }
    throw new BinanceException(SqlState.SYSTEM_ERROR, failure.vendorCode(), def.name() + ": "
        + failure.getMessage() + ". Afterwards " + open.size() + " order(s) are still open on "
        + symbol + ": running it again is safe.", failure);
  }

  private List<Object[]> cancelReplace(String symbol) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(status(symbol, v.get("cancelOrderId"), v.get("cancelOrigClientOrderId")));
    try {
      rows.addAll(newOrder(symbol, v.get("newClientOrderId")));
    } catch (BinanceException e) {
      if (!e.getMessage().contains("was not placed")) {
        throw e;
      }
    }
    return rows;
  }

  private BinanceException notPlaced(String what) {
    return new BinanceException(SqlState.SYSTEM_ERROR, failure.vendorCode(), def.name() + ": "
        + failure.getMessage() + ". The exchange has no " + what + " after " + checks
        + " checks, and the request's recvWindow (" + ctx.config().recvWindowMillis()
        + " ms) has passed, so it can no longer execute: it was not placed; running the"
        + " statement again is safe.", failure);
  }

  /** Waits before the next check: half a second, but never past the deadline by much. */
  private void pause() {
    long wait = Math.max(1, Math.min(500, deadline - ctx.config().clock().millis()));
    try {
      ctx.config().sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BinanceException(SqlState.QUERY_CANCELED, 0, def.name()
          + ": interrupted while checking whether the request was executed", failure, true);
    }
  }
}
