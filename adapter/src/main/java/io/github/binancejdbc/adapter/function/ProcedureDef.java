package io.github.binancejdbc.adapter.function;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import java.util.List;

/**
 * What one procedure is: its name, endpoint, arguments, whether it moves money (then it needs
 * {@code trading=true}), how its response becomes rows, and how a request whose outcome is unknown
 * (timeout, dropped connection, 5xx) is reconciled with the exchange.
 *
 * @param clientIdParam the API parameter that carries the client id of what this call creates
 *     ({@code newClientOrderId}, {@code listClientOrderId}); the driver generates one when the
 *     caller gives none, so every order can be looked up after a failure; {@code null} for none
 */
public record ProcedureDef(
    String name,
    Method method,
    String path,
    List<ProcParam> params,
    boolean trading,
    boolean signed,
    Result result,
    Reconcile reconcile,
    String clientIdParam,
    int weight,
    String remarks) {

  /** The shape of the rows a procedure returns. */
  public enum Result {
    /** One row per order (placement, cancel, amend, order-list reports, cancel-replace legs). */
    ORDERS,
    /** One row: the validation outcome and, when asked for, the commission rates. */
    TEST,
    /** One row: the listen key (retired endpoints). */
    LISTEN_KEY
  }

  /** How an unknown outcome is resolved. */
  public enum Reconcile {
    NONE,
    /** Look the new order up by its client order id. */
    NEW_ORDER,
    /** Look the new order list up by its list client order id. */
    NEW_ORDER_LIST,
    /** Read the target order's status (cancel, amend). */
    ORDER_STATUS,
    /** Read the symbol's open orders (cancel all). */
    OPEN_ORDERS,
    /** Read the order list's status (cancel a list). */
    ORDER_LIST_STATUS,
    /** Read the cancelled order's status and look the new order up. */
    CANCEL_REPLACE
  }

  public ProcedureDef {
    requireNonNull(name, "name is null");
    requireNonNull(method, "method is null");
    requireNonNull(path, "path is null");
    params = List.copyOf(params);
    requireNonNull(result, "result is null");
    requireNonNull(reconcile, "reconcile is null");
    requireNonNull(remarks, "remarks is null");
  }

  public ProcParam param(String sqlName) {
    for (ProcParam p : params) {
      if (p.name().equals(sqlName)) {
        return p;
      }
    }
    return null;
  }

  /** {@code METHOD /path}. */
  public String endpoint() {
    return method + " " + path;
  }
}
