package io.github.binancejdbc.adapter.function;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one procedure is: its name, endpoint, arguments, whether it moves money (then it needs
 * {@code trading=true}), how its response becomes rows, and how a request whose outcome is unknown
 * (timeout, dropped connection, 5xx) is reconciled with the exchange.
 *
 * <p>Built with {@link #builder(String, Method, String)}.
 *
 * @param clientIdParam the API parameter that carries the client id of what this call creates
 *     ({@code newClientOrderId}, {@code listClientOrderId}); the driver generates one when the
 *     caller gives none, so every order can be looked up after a failure; {@code null} for none
 * @param checks what is checked before anything is sent
 * @param legs the API prefixes of an order list's legs ({@code above}, {@code pendingBelow}), in
 *     order; empty unless {@code checks} is {@link Checks#ORDER_LIST}
 * @param outcome the {@code outcome} column of the rows of a successful call ({@code PLACED},
 *     {@code CANCELED}, {@code AMENDED})
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
    @Nullable String clientIdParam,
    int weight,
    String remarks,
    Checks checks,
    List<String> legs,
    String outcome) {

  /** The shape of the rows a procedure returns. */
  public enum Result {
    /** One row per order (placement, cancel, amend, order-list reports, cancel-replace legs). */
    ORDERS,
    /** One row: the validation outcome and, when asked for, the commission rates. */
    TEST,
    /** One row: the listen key (retired endpoints). */
    LISTEN_KEY
  }

  /** What a call checks before it sends anything; nothing is sent when a check fails. */
  public enum Checks {
    /** Nothing: no symbol to check (the listen-key calls). */
    NONE,
    /** The symbol is one the connection may trade ({@code allowedSymbols}): cancels. */
    SYMBOL,
    /**
     * The order's price, stop price, quantities and notional against the symbol's filters, and for
     * a call that trades the connection's guards (allowed symbols, maxOrderNotional).
     */
    ORDER,
    /** As {@link #ORDER}, for each leg of an order list ({@link ProcedureDef#legs()}). */
    ORDER_LIST
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
    requireNonNull(checks, "checks is null");
    legs = List.copyOf(legs);
    requireNonNull(outcome, "outcome is null");
    if ((checks == Checks.ORDER_LIST) == legs.isEmpty()) {
      throw new IllegalArgumentException(
          name
              + ": an order list names its legs, nothing else"
              + " does, but checks were "
              + checks
              + " and legs "
              + legs);
    }
    if (weight < 1) {
      throw new IllegalArgumentException(name + ": weight must be positive, but was: " + weight);
    }
  }

  /**
   * A builder for the procedure {@code name} that calls {@code method path}. Defaults: signed, not
   * trading, {@link Result#ORDERS}, {@link Reconcile#NONE}, no client id, weight 1, {@link
   * Checks#NONE}, outcome {@code PLACED}.
   */
  public static Builder builder(String name, Method method, String path) {
    return new Builder(name, method, path);
  }

  /** Builds a {@link ProcedureDef}; {@link #build()} validates. */
  public static final class Builder {
    private final String name;
    private final Method method;
    private final String path;
    private List<ProcParam> params = List.of();
    private boolean trading;
    private boolean signed = true;
    private Result result = Result.ORDERS;
    private Reconcile reconcile = Reconcile.NONE;
    private @Nullable String clientIdParam;
    private int weight = 1;
    private @Nullable String remarks;
    private Checks checks = Checks.NONE;
    private List<String> legs = List.of();
    private String outcome = "PLACED";

    private Builder(String name, Method method, String path) {
      this.name = requireNonNull(name, "name is null");
      this.method = requireNonNull(method, "method is null");
      this.path = requireNonNull(path, "path is null");
    }

    /** The arguments, in the order SQL passes them. */
    public Builder params(List<ProcParam> params) {
      this.params = List.copyOf(params);
      return this;
    }

    /** The call moves money: it needs {@code trading=true} and a connection not read-only. */
    public Builder trading() {
      this.trading = true;
      return this;
    }

    /** The call carries the API key but no signature (the listen-key endpoints). */
    public Builder keyedOnly() {
      this.signed = false;
      return this;
    }

    public Builder result(Result result) {
      this.result = requireNonNull(result, "result is null");
      return this;
    }

    /**
     * How an unknown outcome is resolved, and the API parameter carrying the client id it is
     * resolved by (null when the call creates nothing).
     */
    public Builder reconcile(Reconcile reconcile, @Nullable String clientIdParam) {
      this.reconcile = requireNonNull(reconcile, "reconcile is null");
      this.clientIdParam = clientIdParam;
      return this;
    }

    public Builder weight(int weight) {
      this.weight = weight;
      return this;
    }

    public Builder remarks(String remarks) {
      this.remarks = requireNonNull(remarks, "remarks is null");
      return this;
    }

    /** The checks of one order ({@link Checks#ORDER}) or of the symbol ({@link Checks#SYMBOL}). */
    public Builder checks(Checks checks) {
      this.checks = requireNonNull(checks, "checks is null");
      return this;
    }

    /** An order list: each leg (by its API prefix) is checked as an order. */
    public Builder orderList(String... legs) {
      this.checks = Checks.ORDER_LIST;
      this.legs = List.of(legs);
      return this;
    }

    /** The {@code outcome} of the rows of a successful call. */
    public Builder outcome(String outcome) {
      this.outcome = requireNonNull(outcome, "outcome is null");
      return this;
    }

    public ProcedureDef build() {
      return new ProcedureDef(
          name,
          method,
          path,
          params,
          trading,
          signed,
          result,
          reconcile,
          clientIdParam,
          weight,
          requireNonNull(remarks, "remarks is null"),
          checks,
          legs,
          outcome);
    }
  }

  public @Nullable ProcParam param(String sqlName) {
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
