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
  private final String path;
  private final String idColumn;
  private final String idParam;
  private final String timeColumn;
  private final int weight;
  private final int weightByOrder;
  private final Json.Fields fields;
  private final int idSlot;
  private final int timeSlot;
  private final int symbolSlot;

  private MyTradesTable(
      TableDef def,
      BinanceContext ctx,
      String path,
      String idColumn,
      String idParam,
      String timeColumn,
      int weight,
      int weightByOrder,
      String[] fieldPairs) {
    super(def, ctx);
    this.path = path;
    this.idColumn = idColumn;
    this.idParam = idParam;
    this.timeColumn = timeColumn;
    this.weight = weight;
    this.weightByOrder = weightByOrder;
    this.fields = new Json.Fields(def, fieldPairs);
    this.idSlot = def.index(idColumn);
    this.timeSlot = def.index(timeColumn);
    this.symbolSlot = def.index("symbol");
  }

  private static TableDef.Builder fill(TableDef.Builder b, String id, String idRemarks) {
    return b.column(key("symbol", "Trading pair, e.g. BTCUSDT"))
        .column(range(id, ColumnType.BIGINT, idRemarks))
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

  /** JSON field to column pairs both endpoints share, then {@code more}. */
  private static String[] fillFields(String... more) {
    List<String> pairs =
        new ArrayList<>(
            List.of(
                "symbol",
                "symbol",
                "orderId",
                "order_id",
                "orderListId",
                "order_list_id",
                "price",
                "price",
                "qty",
                "qty",
                "quoteQty",
                "quote_qty",
                "commission",
                "commission",
                "commissionAsset",
                "commission_asset",
                "isBuyer",
                "is_buyer",
                "isMaker",
                "is_maker"));
    pairs.addAll(List.of(more));
    return pairs.toArray(String[]::new);
  }

  public static MyTradesTable myTrades(BinanceContext ctx) {
    TableDef def =
        fill(
                TableDef.builder(
                    "my_trades",
                    "GET /api/v3/myTrades",
                    "The account's trades" + " (fills) on a symbol"),
                "trade_id",
                "Trade id, increasing with trade_time")
            .columns(
                """
                trade_time     TIMESTAMP  range     Trade time (UTC)
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
        EndpointWeights.MY_TRADES_ORDER_ID,
        fillFields("id", "trade_id", "time", "trade_time", "isBestMatch", "is_best_match"));
  }

  public static MyTradesTable sorAllocations(BinanceContext ctx) {
    TableDef def =
        fill(
                TableDef.builder(
                    "sor_allocations",
                    "GET /api/v3/myAllocations",
                    "Allocations" + " that fill the account's smart-order-routing (SOR) orders"),
                "allocation_id",
                "Allocation id, increasing with allocation_time")
            .columns(
                """
                allocation_time  TIMESTAMP  range     Allocation time (UTC)
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
        EndpointWeights.MY_ALLOCATIONS,
        fillFields(
            "allocationId",
            "allocation_id",
            "allocationType",
            "allocation_type",
            "time",
            "allocation_time",
            "isAllocator",
            "is_allocator"));
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    List<RowStream> streams = new ArrayList<>();
    for (String symbol : q.required("symbol", "BTCUSDT")) {
      streams.add(RowStream.deferred(() -> new FillStream(symbol, q).plan()));
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

  private List<Object[]> fetch(String symbol, List<Param> params, boolean byOrder) {
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

  /** The fills of one symbol; the plan is chosen on the first read. */
  private final class FillStream {
    private final String symbol;
    private final ScanQuery q;

    FillStream(String symbol, ScanQuery q) {
      this.symbol = symbol;
      this.q = q;
    }

    RowStream plan() {
      long idLo = Math.max(0, q.lower(idColumn));
      long idHi = q.upper(idColumn);
      long orderLo = q.lower("order_id");
      ScanSpec.Direction dir = q.direction();
      boolean descending = dir == ScanSpec.Direction.DESC;
      RowStream forward;
      List<Long> orders = q.hasPoints("order_id") ? wantedOrders() : List.of();
      if (orderLo != Long.MIN_VALUE && orderLo == q.upper("order_id")) {
        forward = forward(orderLo, idLo, idHi, Long.MAX_VALUE);
      } else if (!orders.isEmpty() && orders.size() * weightByOrder <= weight) {
        // A few orders (an IN list, a lookup join's batch): their fills by orderId cost no more
        // than one page of the symbol's fills. With more, one pass over the symbol's fills is
        // the cheaper as soon as the orders average fewer than 1000 / (weight / weightByOrder)
        // fills each (250 for myTrades), which is what accounts have; a later batch of a lookup
        // join re-reads the same pages from this execution's memory.
        List<RowStream> each = new ArrayList<>();
        for (long order : orders) {
          each.add(forward(order, idLo, idHi, Long.MAX_VALUE));
        }
        RowStream all = RowStream.concat(each);
        return dir == ScanSpec.Direction.NONE ? all : SortedStreams.sorted(all, idSlot, descending);
      } else if ((descending || (dir == ScanSpec.Direction.NONE && q.hasLimit()))
          && idHi == Long.MAX_VALUE
          && !q.hasUpper(timeColumn)) {
        return KeyedPager.newestThenOlder(
            limit -> fetch(symbol, List.of(Param.of("limit", limit)), false),
            oldest -> {
              long below = (Long) oldest[idSlot] - 1;
              if (below < idLo || (Long) oldest[timeSlot] < q.lower(timeColumn)) {
                return null;
              }
              RowStream older = forward(null, idLo, below, Long.MAX_VALUE);
              return descending ? SortedStreams.sorted(older, idSlot, true) : older;
            });
      } else if (idLo == 0
          && q.hasLower(timeColumn)
          && Math.min(q.upper(timeColumn), AccountRequests.serverNow(ctx)) - q.lower(timeColumn)
              > 2 * AccountRequests.DAY) {
        // More than two windows: one request for the latest fills may save all but one of them,
        // and costs one more at worst; with two windows or fewer it cannot save anything.
        forward = new RecentFirst(idHi);
      } else {
        forward = forward(null, idLo, idHi, Long.MAX_VALUE);
      }
      return descending ? SortedStreams.sorted(forward, idSlot, true) : forward;
    }

    /** The order ids an {@code order_id IN (...)} asks for, ascending. */
    private List<Long> wantedOrders() {
      List<Long> out = new ArrayList<>();
      Long next = q.nextWanted("order_id", Long.MIN_VALUE);
      while (next != null) {
        out.add(next);
        next = next == Long.MAX_VALUE ? null : q.nextWanted("order_id", next + 1);
      }
      return out;
    }

    /**
     * Ascending by id: for the whole history from a lower time bound, 24 h windows until the first
     * rows, then the id cursor from there; else the id cursor from {@code idLo}. {@code windowEnd}:
     * no fill is later than this (else {@code Long.MAX_VALUE}: now).
     */
    private RowStream forward(Long orderId, long idLo, long idHi, long windowEnd) {
      long timeHi = q.upper(timeColumn);
      if (orderId == null && idLo == 0 && q.hasLower(timeColumn) && idLo <= idHi) {
        long end =
            Math.min(
                timeHi, windowEnd == Long.MAX_VALUE ? AccountRequests.serverNow(ctx) : windowEnd);
        return WindowPager.untilRows(
                q.lower(timeColumn),
                end,
                idSlot,
                (start, stop) ->
                    fetch(
                        symbol,
                        List.of(
                            Param.of("startTime", start),
                            Param.of("endTime", stop),
                            Param.of("limit", AccountRequests.PAGE)),
                        false),
                last ->
                    (Long) last[timeSlot] > timeHi
                        ? null
                        : byId(null, (Long) last[idSlot] + 1, idHi))
            // A window up to a fill already read (see RecentFirst) may return it again.
            .maxKey(idHi);
      }
      return byId(orderId, idLo, idHi);
    }

    /**
     * The id cursor from {@code idLo} to {@code idHi}, of one order's fills or all. All fills with
     * no upper time bound go through the account's cache: a fill never changes.
     */
    private RowStream byId(Long orderId, long idLo, long idHi) {
      long timeHi = q.upper(timeColumn);
      AheadPages.Fetch page =
          (cursor, limit) -> {
            List<Param> params = new ArrayList<>();
            if (orderId != null) {
              params.add(Param.of("orderId", orderId));
            }
            if (orderId == null || cursor > 0) {
              params.add(Param.of(idParam, cursor));
            }
            params.add(Param.of("limit", limit));
            return fetch(symbol, params, orderId != null);
          };
      CachedIds.Gap pager =
          (from, to, p) ->
              KeyedPager.forwards(
                      idSlot,
                      AccountRequests.PAGE,
                      KeyedPager.Wanted.range(from, to),
                      from,
                      p::page)
                  .fullPages(true)
                  .stopAt(last -> (Long) last[timeSlot] > timeHi);
      if (orderId != null || timeHi != Long.MAX_VALUE) {
        return pager.open(idLo, idHi, page);
      }
      return CachedIds.account(
          ctx, path, weight, symbol, idParam, idLo, idHi, idSlot, row -> true, page, pager);
    }

    /**
     * A lower time bound more than a day back: the most recent fills first (one request, no
     * cursor), because they show where the account's fills end. A page that is not full, or that
     * reaches back past the lower bound, holds every fill in the range, and an account with no fill
     * since the bound costs this one request instead of one per day. Otherwise only the older fills
     * are read as {@code forward} does, with windows up to the page's oldest fill and the id cursor
     * up to its id; the page's rows come last, so the order stays ascending.
     */
    private final class RecentFirst implements RowStream {
      private final long idHi;
      private List<Object[]> recent;
      private RowStream older;
      private boolean started;

      RecentFirst(long idHi) {
        this.idHi = idHi;
      }

      @Override
      public List<Object[]> nextPage(long wanted) {
        if (!started) {
          started = true;
          List<Object[]> rows =
              fetch(symbol, List.of(Param.of("limit", AccountRequests.PAGE)), false);
          if (rows.isEmpty()) {
            return null;
          }
          Object[] oldest = rows.get(0);
          long oldestTime = (Long) oldest[timeSlot];
          if (rows.size() == AccountRequests.PAGE && oldestTime >= q.lower(timeColumn)) {
            older = forward(null, 0, Math.min(idHi, (Long) oldest[idSlot] - 1), oldestTime);
          }
          recent = rows;
        }
        if (older != null) {
          List<Object[]> page = older.nextPage(wanted);
          if (page != null) {
            return page;
          }
          older = null;
        }
        List<Object[]> last = recent;
        recent = null;
        return last;
      }
    }
  }
}
