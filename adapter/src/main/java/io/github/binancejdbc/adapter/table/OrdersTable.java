package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.key;

import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code orders}: every order of a symbol ({@code GET /api/v3/allOrders}, {@code GET
 * /api/v3/order}). Which requests a query costs, per symbol:
 *
 * <ol>
 *   <li>{@code order_id = n}: one {@code GET /api/v3/order?orderId=n} (weight 4); no row when the
 *       order does not exist (-2013).
 *   <li>{@code ORDER BY order_id DESC LIMIT n} or an unordered {@code LIMIT n}, with no upper bound
 *       and no {@code update_time} bound: one {@code allOrders?limit=n}, the most recent orders.
 *       Should more be needed, the older ones follow as in 4.
 *   <li>A time span of at most {@value #MAX_WINDOW_DAYS} days: {@code startTime}/{@code endTime}
 *       windows of at most 24 h, one after another. Binance filters these on the order's last
 *       update ({@code update_time}), not on {@code order_time}; since an order is updated at or
 *       after it is placed, the span runs from the larger of the lower bounds of {@code order_time}
 *       and {@code update_time} to the upper bound of {@code update_time} (or now). A window cannot
 *       be paged (Binance ignores {@code orderId} when times are given): one that returns a full
 *       page of 1000 is split in halves, and orders seen twice are dropped.
 *   <li>Otherwise: {@code allOrders?orderId=} pages of 1000 from the lower bound of {@code
 *       order_id} (or 0, the whole history), next page from the last id + 1, until the upper bound
 *       of {@code order_id}, or an {@code order_time} past the upper bound of {@code order_time} or
 *       {@code update_time} (ids grow with {@code order_time}).
 * </ol>
 *
 * <p>{@code order_time} alone is not turned into windows over its own span: an order placed in the
 * span but filled or cancelled after it would be missed. Rows come ordered by {@code order_id} (and
 * so by {@code order_time}); where the API's order is not the one asked for, the rows of the symbol
 * are sorted in memory, which the engine would otherwise do.
 */
public final class OrdersTable extends BinanceTable {
  /** Above this span, paging by id is preferred to one request per day. */
  static final int MAX_WINDOW_DAYS = 7;

  static final TableDef DEF =
      OrderColumns.columns(
              TableDef.builder(
                  "orders",
                  "GET /api/v3/allOrders, GET /api/v3/order",
                  "Every" + " order of the account on a symbol: open, filled, cancelled, expired"),
              key("symbol", "Trading pair, e.g. BTCUSDT"),
              Pushdown.RANGE,
              Pushdown.RANGE,
              Pushdown.LOOKUP)
          .sortable("order_id", "order_time")
          .limitPushable()
          .primaryKey("symbol", "order_id")
          .weight(EndpointWeights.ALL_ORDERS)
          .signed()
          .build();

  private static final Json.Fields FIELDS = new Json.Fields(DEF);
  private static final int ID = OrderColumns.ORDER_ID;
  private static final int TIME = DEF.index("order_time");
  private static final int STATUS = DEF.index("status");

  /** The statuses after which an order never changes. */
  private static final IdExplain.Lookup BY_ID =
      new IdExplain.Lookup(
          "/api/v3/order", "order_id", "orderId", "client_order_id", EndpointWeights.ORDER);

  private static final IdExplain.Listing ALL =
      new IdExplain.Listing("/api/v3/allOrders", "orderId", EndpointWeights.ALL_ORDERS);

  private static final Set<Object> FINAL =
      Set.of("FILLED", "CANCELED", "REJECTED", "EXPIRED", "EXPIRED_IN_MATCH");

  public OrdersTable(BinanceContext ctx) {
    super(DEF, ctx);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    return perSymbol(q, symbol -> RowStream.deferred(() -> plan(symbol, q)));
  }

  private List<Object[]> allOrders(List<Param> params) {
    return AccountRequests.get(
        ctx,
        "/api/v3/allOrders",
        params,
        EndpointWeights.ALL_ORDERS,
        p -> OrderColumns.read(p, DEF, FIELDS));
  }

  /** The orders of one symbol; the plan is chosen on the first read, when bounds are known. */
  private RowStream plan(String symbol, ScanQuery q) {
    long idLo = Math.max(0, q.lower("order_id"));
    long idHi = q.upper("order_id");
    if (idLo == idHi) {
      return RowStream.once(() -> one(symbol, Param.of("orderId", idLo)));
    }
    List<String> clientIds = q.optional("client_order_id");
    if (clientIds != null) {
      // One GET /api/v3/order (weight 4) per client order id, not allOrders pages.
      return AccountRequests.byClientIds(
          clientIds, id -> one(symbol, Param.of("origClientOrderId", id)), q, ID);
    }
    long placedHi = q.upper("order_time");
    boolean updateBounded = q.hasLower("update_time") || q.hasUpper("update_time");
    long stopAfter = Math.min(placedHi, q.upper("update_time"));
    ScanSpec.Direction dir = q.direction();
    boolean latestFirst =
        dir == ScanSpec.Direction.DESC || (dir == ScanSpec.Direction.NONE && q.hasLimit());
    if (latestFirst && idHi == Long.MAX_VALUE && placedHi == Long.MAX_VALUE && !updateBounded) {
      // The most recent orders (allOrders?limit=n), then the older ones; ids grow with
      // order_time: nothing older can pass a lower bound the oldest failed.
      return KeyedPager.newestThenOlder(
          limit -> allOrders(List.of(Param.of("symbol", symbol), Param.of("limit", limit))),
          oldest -> {
            long below = (Long) oldest[ID] - 1;
            if (below < idLo || (Long) oldest[TIME] < q.lower("order_time")) {
              return null;
            }
            RowStream paging = paging(symbol, idLo, below, Long.MAX_VALUE);
            return dir == ScanSpec.Direction.DESC ? SortedStreams.sorted(paging, ID, true) : paging;
          });
    }
    long spanLo = Math.max(q.lower("order_time"), q.lower("update_time"));
    if (spanLo != Long.MIN_VALUE) {
      long spanHi = Math.min(q.upper("update_time"), AccountRequests.serverNow(ctx));
      if (spanHi - spanLo < MAX_WINDOW_DAYS * AccountRequests.DAY) {
        RowStream windows =
            WindowPager.splitting(
                spanLo,
                spanHi,
                ID,
                (start, end) ->
                    allOrders(
                        List.of(
                            Param.of("symbol", symbol),
                            Param.of("startTime", start),
                            Param.of("endTime", end),
                            Param.of("limit", AccountRequests.PAGE))),
                "orders",
                "order updates");
        return dir == ScanSpec.Direction.NONE
            ? windows
            : SortedStreams.sorted(windows, ID, dir == ScanSpec.Direction.DESC);
      }
    }
    RowStream paging = paging(symbol, idLo, idHi, stopAfter);
    return dir == ScanSpec.Direction.DESC ? SortedStreams.sorted(paging, ID, true) : paging;
  }

  private List<Object[]> one(String symbol, Param which) {
    try {
      return AccountRequests.get(
          ctx,
          "/api/v3/order",
          List.of(Param.of("symbol", symbol), which),
          EndpointWeights.ORDER,
          p -> OrderColumns.read(p, DEF, FIELDS));
    } catch (BinanceException e) {
      if (e.vendorCode() == -2013) {
        return List.of(); // "Order does not exist.": no row, as a WHERE on any table
      }
      throw e;
    }
  }

  /** {@code allOrders?orderId=} forwards from {@code from}, until {@code stopAfter}. */
  private RowStream paging(String symbol, long from, long idHi, long stopAfter) {
    AheadPages.Fetch page =
        (cursor, limit) ->
            allOrders(
                List.of(
                    Param.of("symbol", symbol),
                    Param.of("orderId", cursor),
                    Param.of("limit", limit)));
    CachedIds.Gap pager = CachedIds.accountPages(ID, TIME, stopAfter);
    if (stopAfter != Long.MAX_VALUE) {
      return pager.open(from, idHi, page);
    }
    // Orders in a final status no longer change: kept for this account.
    return CachedIds.account(
        new CachedIds.Endpoint(
            ctx, "/api/v3/allOrders", EndpointWeights.ALL_ORDERS, symbol, "orderId", ID, page),
        from,
        idHi,
        row -> FINAL.contains(row[STATUS]),
        pager);
  }

  /**
   * Per symbol, as {@link #plan} chooses: one {@code order} per id or client id; the latest n; 24 h
   * windows over a span under a week; else {@code orderId} pages.
   */
  @Override
  protected RequestPlan explain(ExplainQuery q) {
    Keys keys = keys(q, "symbol", "symbol");
    RequestPlan plan = RequestPlan.none();
    List<Param> head = keys.params();
    ExplainQuery.Sym idLo = q.lower("order_id");
    ExplainQuery.Sym idHi = q.upper("order_id");
    if (BY_ID.explain(plan, q, keys, this::signedQuery)) {
      return plan;
    }
    ExplainQuery.Sym limit = q.limit();
    ExplainQuery.Sym updateLo = q.lower("update_time");
    ExplainQuery.Sym updateHi = q.upper("update_time");
    if (IdExplain.backwards(q)
        && idHi == null
        && q.upper("order_time") == null
        && updateLo == null
        && updateHi == null) {
      List<Param> p = new ArrayList<>(head);
      p.add(Param.of("limit", IdExplain.firstLimit(limit)));
      plan.per(
          keys,
          "GET",
          "/api/v3/allOrders",
          signedQuery(RequestPlan.query(p)),
          EndpointWeights.ALL_ORDERS);
      if (IdExplain.onePage(limit)) {
        return plan;
      }
      return plan.note("then the older orders by orderId");
    }
    ExplainQuery.Sym placedLo = q.lower("order_time");
    ExplainQuery.Sym spanLo =
        updateLo == null
            ? placedLo
            : placedLo == null
                ? updateLo
                : placedLo.known() && updateLo.known() && placedLo.number() > updateLo.number()
                    ? placedLo
                    : updateLo;
    long now = ctx.config().clock().millis() + AccountRequests.NOW_SLACK;
    if (ALL.windows(plan, keys, head, spanLo, updateHi, now, this::signedQuery)) {
      return plan;
    }
    ALL.forward(plan, keys, head, idLo, idHi, limit, this::signedQuery);
    return plan.note("final orders the cache holds are not asked");
  }
}
