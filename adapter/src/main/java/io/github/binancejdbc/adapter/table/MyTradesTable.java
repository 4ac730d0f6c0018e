package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.key;
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
  final String path;
  final String idColumn;
  final String idParam;
  final String timeColumn;
  final int weight;
  final int weightByOrder;
  private final Json.Fields fields;
  final int idSlot;
  final int timeSlot;
  private final int symbolSlot;

  private MyTradesTable(
      TableDef def,
      BinanceContext ctx,
      String path,
      String idColumn,
      String idParam,
      String timeColumn,
      int weight,
      int weightByOrder) {
    super(def, ctx);
    this.path = path;
    this.idColumn = idColumn;
    this.idParam = idParam;
    this.timeColumn = timeColumn;
    this.weight = weight;
    this.weightByOrder = weightByOrder;
    this.fields = new Json.Fields(def);
    this.idSlot = def.index(idColumn);
    this.timeSlot = def.index(timeColumn);
    this.symbolSlot = def.index("symbol");
  }

  /**
   * The columns both endpoints share, each read from the camel-case field of its name; the id
   * column from {@code idField}.
   */
  private static TableDef.Builder fill(
      TableDef.Builder b, String id, String idField, String idRemarks) {
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
            """);
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
                "Trade id, increasing with trade_time")
            .columns(
                """
                trade_time:time TIMESTAMP range     Trade time (UTC)
                is_buyer       BOOLEAN    plain     Whether the account bought
                is_maker       BOOLEAN    plain     Whether the account's order was the maker
                is_best_match  BOOLEAN    nullable  Whether the trade was the best price match
                """)
            .sortable("trade_id", "trade_time")
            .limitPushable()
            // A self-trade is two fills with one trade id: the buyer's and the seller's.
            .primaryKey("symbol", "trade_id", "is_buyer")
            .build();
    return new MyTradesTable(
        def,
        ctx,
        "/api/v3/myTrades",
        "trade_id",
        "fromId",
        "trade_time",
        EndpointWeights.MY_TRADES,
        EndpointWeights.MY_TRADES_ORDER_ID);
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
                "Allocation id, increasing with allocation_time")
            .columns(
                """
                allocation_time:time TIMESTAMP range     Allocation time (UTC)
                is_buyer         BOOLEAN    plain     Whether the account bought
                is_maker         BOOLEAN    plain     Whether the account's order was the maker
                is_allocator     BOOLEAN    nullable  Whether the account was the allocator
                allocation_type  VARCHAR    nullable  SOR
                """)
            .sortable("allocation_id", "allocation_time")
            .limitPushable()
            .primaryKey("symbol", "allocation_id")
            .build();
    return new MyTradesTable(
        def,
        ctx,
        "/api/v3/myAllocations",
        "allocation_id",
        "fromAllocationId",
        "allocation_time",
        EndpointWeights.MY_ALLOCATIONS,
        EndpointWeights.MY_ALLOCATIONS);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    List<RowStream> streams = new ArrayList<>();
    for (String symbol : q.required("symbol", "BTCUSDT")) {
      streams.add(RowStream.deferred(() -> new FillStream(this, symbol, q).plan()));
    }
    return streams;
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
        params.add(Param.of(idParam, idLo));
      }
      params.add(Param.of("limit", AccountRequests.PAGE));
      return plan.open(
          keys.count() + " or more (pages of 1000 until the order's fills end)",
          "GET",
          path,
          signedQuery(RequestPlan.query(params)),
          weightByOrder);
    }
    int orders = q.count("order_id", 0);
    if (orders > 1 && orders * weightByOrder <= weight) { // a few orders: their fills by orderId
      params.add(Param.of("orderId", "{each}"));
      params.add(Param.of("limit", AccountRequests.PAGE));
      return plan.atMost(
              keys.count() * orders,
              "GET",
              path,
              signedQuery(RequestPlan.query(params)),
              weightByOrder)
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
        return plan.per(keys, "GET", path, query, weight);
      }
      return plan.open(
          keys.count() + " or more (the latest 1000, then older pages)",
          "GET",
          path,
          query,
          weight);
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
        plan.atMost(keys.count() * windows, "GET", path, query, weight);
      } else {
        plan.open("1 per 24 h window of the range until one has rows", "GET", path, query, weight);
      }
      params.add(Param.of(idParam, "{last id + 1}"));
      params.add(Param.of("limit", AccountRequests.PAGE));
      plan.open("then " + pages, "GET", path, signedQuery(RequestPlan.query(params)), weight);
      return plan.note("a window that fills a page is split in two");
    }
    params.add(Param.of(idParam, idLo == null ? ExplainQuery.Sym.of(0) : idLo));
    params.add(Param.of("limit", AccountRequests.PAGE));
    return plan.open(
        (outer > 0 ? "per outer symbol: 1" : Long.toString(keys.count()))
            + " or more ("
            + pages
            + ")",
        "GET",
        path,
        signedQuery(RequestPlan.query(params)),
        weight);
  }

  List<Object[]> fetch(String symbol, List<Param> params, boolean byOrder) {
    List<Param> all = new ArrayList<>();
    all.add(Param.of("symbol", symbol));
    all.addAll(params);
    return AccountRequests.get(
        ctx,
        path,
        all,
        byOrder ? weightByOrder : weight,
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
