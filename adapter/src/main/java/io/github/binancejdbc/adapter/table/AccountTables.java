package io.github.binancejdbc.adapter.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.client.EndpointWeights;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The account snapshot tables, each one signed request per query (per symbol where keyed): {@code
 * account} and {@code account_balances} ({@code GET /api/v3/account}, weight 20; both in one query
 * cost two requests) and {@code order_rate_limits} ({@code GET /api/v3/rateLimit/order}, weight
 * 40). {@code commission_rates} is in {@link CommissionRatesTable}.
 */
public final class AccountTables {
  private AccountTables() {}

  static final TableDef ACCOUNT =
      TableDef.builder(
              "account",
              "GET /api/v3/account",
              "The account: commissions," + " permissions, flags (one row)")
          .columns(
              """
              maker_commission               INTEGER    plain     Maker commission in basis points
                                                                  (legacy integer form; see
                                                                  maker_commission_rate)
              taker_commission               INTEGER    plain     Taker commission in basis points
              buyer_commission               INTEGER    plain     Buyer commission in basis points
              seller_commission              INTEGER    plain     Seller commission in basis points
              maker_commission_rate:commissionRates.maker  DECIMAL  nullable  Maker commission rate
                                                                  (commissionRates.maker, e.g. 0.001
                                                                  = 0.1 %)
              taker_commission_rate:commissionRates.taker  DECIMAL  nullable  Taker commission rate
                                                                  (commissionRates.taker)
              buyer_commission_rate:commissionRates.buyer  DECIMAL  nullable  Buyer commission rate
                                                                  (commissionRates.buyer)
              seller_commission_rate:commissionRates.seller  DECIMAL  nullable  Seller commission rate
                                                                  (commissionRates.seller)
              can_trade                      BOOLEAN    plain     Whether the account may trade
              can_withdraw                   BOOLEAN    plain     Whether the account may withdraw
              can_deposit                    BOOLEAN    plain     Whether the account may deposit
              brokered                       BOOLEAN    nullable  Whether the account is brokered
              require_self_trade_prevention  BOOLEAN    nullable  Whether self-trade prevention is
                                                                  mandatory
              prevent_sor                    BOOLEAN    nullable  Whether smart order routing is
                                                                  disabled
              update_time                    TIMESTAMP  nullable  Last account update (UTC)
              account_type                   VARCHAR    nullable  Account type, e.g. SPOT
              permissions                    VARCHAR    nullable  Permissions, comma-separated, e.g.
                                                                  SPOT
              uid                            BIGINT     nullable  User id
              trade_group_id                 BIGINT     nullable  Trade group id (self-trade
                                                                  prevention), when Binance sends it
              """)
          .fieldsByName()
          .build();

  private static final Json.Fields ACCOUNT_FIELDS = new Json.Fields(ACCOUNT);

  static final TableDef BALANCES =
      TableDef.builder(
              "account_balances",
              "GET /api/v3/account",
              "The account's balance of" + " every asset, zero balances included")
          .columns(
              """
              asset              VARCHAR  optional-key  Asset, e.g. BTC (filters the rows; the
                                                        request is the same)
              free_qty:free      DECIMAL  plain         Available quantity (free)
              locked_qty:locked  DECIMAL  plain         Quantity locked in open orders
              total_qty:-        DECIMAL  plain         free_qty + locked_qty, exact
              """)
          .primaryKey("asset")
          .fieldsByName()
          .build();

  private static final Json.Fields BALANCE_FIELDS = new Json.Fields(BALANCES);

  static final TableDef RATE_LIMITS =
      TableDef.builder(
              "order_rate_limits",
              "GET /api/v3/rateLimit/order",
              "The account's" + " unfilled-order counts against the ORDERS rate limits")
          .columns(
              """
              rate_limit_type         VARCHAR  plain     ORDERS
              interval_unit:interval  VARCHAR  plain     SECOND, MINUTE or DAY
              interval_num            INTEGER  plain     Number of interval units
              limit_value:limit       INTEGER  plain     Orders allowed per interval
              order_count:count       INTEGER  nullable  Orders counted in the current interval
              """)
          .primaryKey("rate_limit_type", "interval_unit", "interval_num")
          .fieldsByName()
          .build();

  private static final Json.Fields RATE_LIMIT_FIELDS = new Json.Fields(RATE_LIMITS);

  public static BinanceTable account(BinanceContext ctx) {
    return new Snapshot(
        ACCOUNT,
        ctx,
        q -> List.of(RowStream.once(() -> List.<Object[]>of(snapshot(ctx, q).account()))),
        AccountTables::explainAccount);
  }

  public static BinanceTable balances(BinanceContext ctx) {
    return new Snapshot(
        BALANCES,
        ctx,
        q -> List.of(RowStream.once(() -> snapshot(ctx, q).balances())),
        AccountTables::explainAccount);
  }

  /** One signed {@code /api/v3/account}, shared by every account table of the statement. */
  private static RequestPlan explainAccount(BinanceTable t, ExplainQuery q) {
    return RequestPlan.none()
        .exact(1, "GET", "/api/v3/account", t.signedQuery(""), EndpointWeights.ACCOUNT)
        .note("one per statement for account and account_balances together");
  }

  /** One {@code /api/v3/account} response: the account row and the balance rows. */
  private record AccountSnapshot(Object[] account, List<Object[]> balances) {}

  /**
   * The account as of this statement execution: one request however many account tables the
   * statement reads ({@code account CROSS JOIN account_balances} included).
   */
  private static AccountSnapshot snapshot(BinanceContext ctx, ScanQuery q) {
    return ctx.remember(
        q,
        "GET /api/v3/account",
        () ->
            AccountRequests.get(
                ctx,
                "/api/v3/account",
                List.of(),
                EndpointWeights.ACCOUNT,
                p -> {
                  List<Object[]> rows = new ArrayList<>();
                  Object[] account = readAccount(p, rows);
                  return new AccountSnapshot(account, List.copyOf(rows));
                }));
  }

  public static BinanceTable orderRateLimits(BinanceContext ctx) {
    return new Snapshot(
        RATE_LIMITS,
        ctx,
        t ->
            List.of(
                RowStream.once(
                    () ->
                        AccountRequests.rows(
                            ctx,
                            "/api/v3/rateLimit/order",
                            List.of(),
                            EndpointWeights.RATE_LIMIT_ORDER,
                            RATE_LIMIT_FIELDS,
                            RATE_LIMITS,
                            r -> {}))),
        (t, q) ->
            RequestPlan.none()
                .exact(
                    1,
                    "GET",
                    "/api/v3/rateLimit/order",
                    t.signedQuery(""),
                    EndpointWeights.RATE_LIMIT_ORDER));
  }

  /**
   * Reads {@code GET /api/v3/account}: returns the {@code account} row, and adds the balance rows
   * to {@code balances} when it is not null.
   */
  static Object[] readAccount(JsonParser p, List<Object[]> balances) throws IOException {
    Json.next(p, JsonToken.START_OBJECT);
    Object[] row = new Object[ACCOUNT_FIELDS.width()];
    for (String name = Json.nextField(p); name != null; name = Json.nextField(p)) {
      if (name.equals("balances") && balances != null) {
        Json.expect(p, JsonToken.START_ARRAY);
        while (Json.nextElement(p, JsonToken.START_OBJECT)) {
          Object[] b = new Object[BALANCE_FIELDS.width()];
          BALANCE_FIELDS.readObject(p, b);
          if (b[1] != null && b[2] != null) {
            b[3] = ((BigDecimal) b[1]).add((BigDecimal) b[2]);
          }
          RowChecks.requirePresent(BALANCES, b);
          balances.add(b);
        }
      } else {
        ACCOUNT_FIELDS.readField(p, name, row);
      }
    }
    RowChecks.requirePresent(ACCOUNT, row);
    return row;
  }

  /** A table whose streams come from a function of the query. */
  static final class Snapshot extends BinanceTable {
    private final Function<ScanQuery, List<RowStream>> streams;
    private final BiFunction<BinanceTable, ExplainQuery, RequestPlan> explain;

    Snapshot(
        TableDef def,
        BinanceContext ctx,
        Function<ScanQuery, List<RowStream>> streams,
        BiFunction<BinanceTable, ExplainQuery, RequestPlan> explain) {
      super(def, ctx);
      this.streams = streams;
      this.explain = explain;
    }

    @Override
    protected List<RowStream> streams(ScanQuery q) {
      return streams.apply(q);
    }

    @Override
    protected RequestPlan explain(ExplainQuery q) {
      return explain.apply(this, q);
    }
  }
}
