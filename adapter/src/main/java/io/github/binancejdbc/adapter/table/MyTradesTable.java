package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.key;
import static io.github.binancejdbc.adapter.table.ColumnDef.nullable;
import static io.github.binancejdbc.adapter.table.ColumnDef.range;

import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code my_trades} ({@code GET /api/v3/myTrades}) and {@code sor_allocations} ({@code GET
 * /api/v3/myAllocations}): the account's fills on a symbol. Both endpoints page by id ({@code
 * fromId} / {@code fromAllocationId}, ids at or above it), take {@code orderId}, and take {@code
 * startTime}/{@code endTime} at most 24 h apart; the time pair cannot be combined with the others
 * (-1128). Ids grow with time, which gives, per symbol:
 *
 * <ol>
 *   <li>{@code order_id = n}: {@code orderId=n} (myTrades: weight 5), paged by the id cursor, which
 *       may be combined with {@code orderId}. Several order ids (an IN list, the batch of a lookup
 *       join from {@code orders}): one {@code orderId} request each while together they weigh no
 *       more than one page of the symbol (4 orders for myTrades), else as in 4 with the rows of
 *       other orders dropped.
 *   <li>{@code ORDER BY id DESC LIMIT n} or an unordered {@code LIMIT n} with no upper bound: one
 *       request for the most recent n; older rows, if still wanted, as in 3 or 4.
 *   <li>A lower time bound (and no lower id bound): 24 h windows from it, one after another, until
 *       one returns rows; from there the id cursor (last id + 1) continues, which never comes back
 *       empty and so costs no request per quiet day. A window that is the last one and not full
 *       ends the scan. When the range needs more than two windows, one request for the most recent
 *       fills comes first: no window is asked after the account's last fill, and none at all when
 *       that page reaches back to the lower bound (see {@code RecentFirst}).
 *   <li>Otherwise the id cursor from the lower id bound (or 0: the whole history).
 * </ol>
 *
 * Every forward scan stops at the upper id or time bound. No paging by a later {@code startTime}:
 * fills can share a millisecond; the id cursor cannot skip or repeat them.
 */
public final class MyTradesTable extends BinanceTable {
  /**
   * A fills endpoint: its path, the parameter of its id cursor, and the weight of a request by
   * symbol and by {@code orderId}.
   */
  record Endpoint(String path, String idParam, int weight, int weightByOrder) {}

  final Endpoint endpoint;
  final String idColumn;
  final String timeColumn;
  private final Json.Fields fields;
  final int idSlot;
  final int timeSlot;
  private final int symbolSlot;

  private MyTradesTable(
      TableDef def, BinanceContext ctx, String idColumn, String timeColumn, Endpoint endpoint) {
    super(def, ctx);
    this.endpoint = endpoint;
    this.idColumn = idColumn;
    this.timeColumn = timeColumn;
    this.fields = new Json.Fields(def);
    this.idSlot = def.index(idColumn);
    this.timeSlot = def.index(timeColumn);
    this.symbolSlot = def.index("symbol");
  }

  /**
   * The columns both endpoints share, each read from the camel-case field of its name: the id
   * column from {@code idField}, the time column from {@code time}. Both columns are sortable.
   */
  private static TableDef.Builder fill(
      TableDef.Builder b,
      String id,
      String idField,
      String idRemarks,
      String time,
      String timeRemarks) {
    return b.fieldsByName()
        .column(key("symbol", "Trading pair, e.g. BTCUSDT"))
        .column(range(id, ColumnType.BIGINT, idRemarks).readFrom(idField))
        .columns(
            """
            order_id          BIGINT   range  Order id; order_id = n (or an IN list weighing no more
                                              than a page) asks for the fills of those orders only
                                              (orderId), other predicates on it are applied to the
                                              rows
            order_list_id     BIGINT   plain  Order list id; -1 unless the order belongs to an order
                                              list
            price             DECIMAL  plain  Fill price
            qty               DECIMAL  plain  Base asset quantity
            quote_qty         DECIMAL  plain  Quote asset quantity
            commission        DECIMAL  plain  Commission paid
            commission_asset  VARCHAR  plain  Asset the commission was paid in
            """)
        .column(range(time, ColumnType.TIMESTAMP, timeRemarks).readFrom("time"))
        .columns(
            """
            is_buyer  BOOLEAN  plain  Whether the account bought
            is_maker  BOOLEAN  plain  Whether the account's order was the maker
            """)
        .sortable(id, time)
        .limitPushable();
  }

  public static MyTradesTable myTrades(BinanceContext ctx) {
    TableDef def =
        fill(
                TableDef.builder(
                    "my_trades",
                    "GET /api/v3/myTrades",
                    "The account's trades" + " (fills) on a symbol"),
                "trade_id",
                "id",
                "Trade id, increasing with trade_time",
                "trade_time",
                "Trade time (UTC)")
            .column(
                nullable(
                    "is_best_match",
                    ColumnType.BOOLEAN,
                    "Whether the trade was the best price match"))
            // A self-trade is two fills with one trade id: the buyer's and the seller's.
            .primaryKey("symbol", "trade_id", "is_buyer")
            .build();
    return new MyTradesTable(
        def,
        ctx,
        "trade_id",
        "trade_time",
        new Endpoint(
            "/api/v3/myTrades",
            "fromId",
            EndpointWeights.MY_TRADES,
            EndpointWeights.MY_TRADES_ORDER_ID));
  }

  public static MyTradesTable sorAllocations(BinanceContext ctx) {
    TableDef def =
        fill(
                TableDef.builder(
                    "sor_allocations",
                    "GET /api/v3/myAllocations",
                    "Allocations" + " that fill the account's smart-order-routing (SOR) orders"),
                "allocation_id",
                "allocationId",
                "Allocation id, increasing with allocation_time",
                "allocation_time",
                "Allocation time (UTC)")
            .columns(
                """
                is_allocator     BOOLEAN  nullable  Whether the account was the allocator
                allocation_type  VARCHAR  nullable  SOR
                """)
            .primaryKey("symbol", "allocation_id")
            .build();
    return new MyTradesTable(
        def,
        ctx,
        "allocation_id",
        "allocation_time",
        new Endpoint(
            "/api/v3/myAllocations",
            "fromAllocationId",
            EndpointWeights.MY_ALLOCATIONS,
            EndpointWeights.MY_ALLOCATIONS));
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    return perSymbol(q, symbol -> RowStream.deferred(() -> new FillStream(this, symbol, q).plan()));
  }

  /**
   * As {@link FillStream#plan}, per symbol: an order's fills by {@code orderId}; the latest n in
   * one request; 24 h windows from a lower time bound (at most one per day of the range, until one
   * has rows) and then the id cursor; or the id cursor alone.
   */
  @Override
  protected RequestPlan explain(ExplainQuery q) {
    int outer = q.outerRows("symbol"); // a lookup join's inner scan: a stream per outer symbol
    Keys keys =
        outer > 0
            ? new Keys(List.of(Param.of("symbol", "{outer symbol}")), outer, false)
            : keys(q, "symbol", "symbol");
    RequestPlan plan = RequestPlan.none();
    ExplainQuery.Sym idLo = q.lower(idColumn);
    ExplainQuery.Sym idHi = q.upper(idColumn);
    ExplainQuery.Sym orderLo = q.lower("order_id");
    ExplainQuery.Sym orderHi = q.upper("order_id");
    ExplainQuery.Sym timeLo = q.lower(timeColumn);
    ExplainQuery.Sym timeHi = q.upper(timeColumn);
    ExplainQuery.Sym limit = q.limit();
    List<Param> params = new ArrayList<>(keys.params());
    String pages = "pages of 1000 until the range ends";
    if (orderLo != null && orderHi != null && orderLo.text().equals(orderHi.text())) {
      params.add(Param.of("orderId", orderLo));
      if (idLo != null) {
        params.add(Param.of(endpoint.idParam(), idLo));
      }
      params.add(Param.of("limit", AccountRequests.PAGE));
      return plan.open(
          keys.count() + " or more (pages of 1000 until the order's fills end)",
          "GET",
          endpoint.path(),
          signedQuery(RequestPlan.query(params)),
          endpoint.weightByOrder());
    }
    int orders = q.count("order_id", 0);
    if (orders > 1
        && orders * endpoint.weightByOrder()
            <= endpoint.weight()) { // a few orders: their fills by orderId
      params.add(Param.of("orderId", "{each}"));
      params.add(Param.of("limit", AccountRequests.PAGE));
      return plan.atMost(
              keys.count() * orders,
              "GET",
              endpoint.path(),
              signedQuery(RequestPlan.query(params)),
              endpoint.weightByOrder())
          .note("then pages of 1000 for an order with more fills");
    } else if (orders > 1) {
      plan.note("one pass over the symbol's fills for the " + orders + " orders");
    }
    boolean latest =
        (q.direction() == ScanSpec.Direction.DESC
                || (q.direction() == ScanSpec.Direction.NONE && limit != null))
            && idHi == null
            && timeHi == null;
    if (latest) {
      long n = limit != null && limit.known() ? Math.max(1, limit.number()) : AccountRequests.PAGE;
      params.add(Param.of("limit", Math.min(n, AccountRequests.PAGE)));
      String query = signedQuery(RequestPlan.query(params));
      if (limit != null && limit.known() && n <= AccountRequests.PAGE) {
        return plan.per(keys, "GET", endpoint.path(), query, endpoint.weight());
      }
      return plan.open(
          keys.count() + " or more (the latest 1000, then older pages)",
          "GET",
          endpoint.path(),
          query,
          endpoint.weight());
    }
    if ((idLo == null || (idLo.known() && idLo.number() <= 0)) && timeLo != null) {
      List<Param> window = new ArrayList<>(params);
      window.add(Param.of("startTime", timeLo));
      window.add(Param.of("endTime", timeLo.plus(AccountRequests.DAY - 1)));
      window.add(Param.of("limit", AccountRequests.PAGE));
      long now = ctx.config().clock().millis() + AccountRequests.NOW_SLACK;
      long end = timeHi == null ? now : timeHi.known() ? Math.min(timeHi.number(), now) : -1;
      String query = signedQuery(RequestPlan.query(window));
      if (timeLo.known() && end >= 0) {
        long windows =
            Math.max(1, (end - timeLo.number() + AccountRequests.DAY) / AccountRequests.DAY);
        plan.atMost(keys.count() * windows, "GET", endpoint.path(), query, endpoint.weight());
      } else {
        plan.open(
            "1 per 24 h window of the range until one has rows",
            "GET",
            endpoint.path(),
            query,
            endpoint.weight());
      }
      params.add(Param.of(endpoint.idParam(), "{last id + 1}"));
      params.add(Param.of("limit", AccountRequests.PAGE));
      plan.open(
          "then " + pages,
          "GET",
          endpoint.path(),
          signedQuery(RequestPlan.query(params)),
          endpoint.weight());
      return plan.note("a window that fills a page is split in two");
    }
    params.add(Param.of(endpoint.idParam(), idLo == null ? ExplainQuery.Sym.of(0) : idLo));
    params.add(Param.of("limit", AccountRequests.PAGE));
    return plan.open(
        (outer > 0 ? "per outer symbol: 1" : Long.toString(keys.count()))
            + " or more ("
            + pages
            + ")",
        "GET",
        endpoint.path(),
        signedQuery(RequestPlan.query(params)),
        endpoint.weight());
  }

  List<Object[]> fetch(String symbol, List<Param> params, boolean byOrder) {
    List<Param> all = new ArrayList<>();
    all.add(Param.of("symbol", symbol));
    all.addAll(params);
    return AccountRequests.get(
        ctx,
        endpoint.path(),
        all,
        byOrder ? endpoint.weightByOrder() : endpoint.weight(),
        p -> {
          List<Object[]> rows = fields.readObjectOrArray(p, r -> {});
          for (Object[] r : rows) {
            r[symbolSlot] = symbol;
            RowChecks.requirePresent(def, r);
          }
          return rows;
        });
  }
}
