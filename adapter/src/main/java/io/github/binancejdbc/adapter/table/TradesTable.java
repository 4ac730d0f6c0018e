package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.col;
import static io.github.binancejdbc.adapter.table.ColumnDef.key;
import static io.github.binancejdbc.adapter.table.ColumnDef.range;

import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code trades}: every trade of a symbol, through {@code /api/v3/trades} (the most recent) and
 * {@code /api/v3/historicalTrades} (from a trade id). A {@code trade_time} bound is turned into a
 * trade id with one {@code aggTrades} lookup (an aggregate trade names its first and last trade
 * id), so a time range never scans from the first trade.
 */
public final class TradesTable extends BinanceTable {
  static final int PAGE = 1000;
  private static final int ID = 1;
  private static final int TIME = 5;

  private final Json.Fields fields;

  public TradesTable(BinanceContext ctx) {
    super(
        tradeColumns(
                TableDef.builder(
                    "trades", "GET /api/v3/trades, GET /api/v3/historicalTrades", "Trades"),
                "Trade id")
            .column(
                col(
                    "is_best_match",
                    ColumnType.BOOLEAN,
                    "Whether the trade was the best" + " price match"))
            .primaryKey("symbol", "trade_id")
            .sortable("trade_id", "trade_time")
            .limitPushable()
            .weight(EndpointWeights.HISTORICAL_TRADES)
            .build(),
        ctx);
    this.fields = new Json.Fields(def).require("id", "price", "qty", "time");
  }

  /**
   * The columns {@code trades} shares with {@code block_trades}, keys and ranges included, each
   * read from the camel-case field of its name but the symbol, which the request names.
   */
  static TableDef.Builder tradeColumns(TableDef.Builder b, String idRemarks) {
    return b.fieldsByName()
        .column(key("symbol", "Trading pair, e.g. BTCUSDT").readFrom("-"))
        .column(
            range("trade_id", ColumnType.BIGINT, idRemarks + ", increasing with time")
                .readFrom("id"))
        .columns(
            """
            price           DECIMAL    plain  Trade price
            qty             DECIMAL    plain  Base asset quantity
            quote_qty       DECIMAL    plain  Quote asset quantity
            trade_time:time TIMESTAMP  range  Trade time (UTC)
            is_buyer_maker  BOOLEAN    plain  Whether the buyer was the maker
            """);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    return perSymbol(q, s -> RowStream.deferred(() -> plan(s, q)));
  }

  private List<Object[]> fetch(ScanQuery q, String path, List<Param> params, String symbol) {
    return new ArrayList<>(
        ctx.get(
            q, path, params, EndpointWeights.TRADES, p -> fields.readArray(p, r -> r[0] = symbol)));
  }

  /**
   * The trades of one symbol by id, forwards or backwards; a time bound becomes a trade id through
   * one aggTrades call first. Forwards over a range of ids (no IN list, no upper time bound), see
   * {@link CachedIds}.
   */
  private RowStream plan(String symbol, ScanQuery q) {
    boolean backwards =
        q.direction() == ScanSpec.Direction.DESC
            || (q.direction() == ScanSpec.Direction.NONE && q.hasLimit());
    KeyedPager.Wanted wanted = KeyedPager.Wanted.of(q, "trade_id");
    KeyedPager.Fetch fetch =
        (from, limit) ->
            from == null
                ? fetch(
                    q,
                    "/api/v3/trades",
                    List.of(Param.of("symbol", symbol), Param.of("limit", limit)),
                    symbol)
                : historical(q, symbol, from, limit);
    if (backwards) {
      long cursor = q.upper("trade_id");
      if (q.hasUpper("trade_time")) {
        Long lastId = aggBoundary(q, symbol, Param.of("endTime", q.upper("trade_time")), false);
        if (lastId == null) {
          return RowStream.EMPTY;
        }
        cursor = Math.min(cursor, lastId);
      }
      return KeyedPager.backwards(
              ID, PAGE, wanted, cursor, q.direction() == ScanSpec.Direction.DESC, fetch)
          .stopAt(r -> (Long) r[TIME] < q.lower("trade_time"));
    }
    long from = Math.max(0, q.lower("trade_id"));
    if (q.hasLower("trade_time")) {
      Long firstId = aggBoundary(q, symbol, Param.of("startTime", q.lower("trade_time")), true);
      if (firstId == null) {
        return RowStream.EMPTY;
      }
      from = Math.max(from, firstId);
    }
    if (!q.hasPoints("trade_id") && !q.hasUpper("trade_time")) {
      // A range of ids: fetched ahead when it ends, held trades served from the cache.
      return CachedIds.trades(
          new CachedIds.Endpoint(
              ctx,
              "/api/v3/historicalTrades",
              EndpointWeights.HISTORICAL_TRADES,
              symbol,
              "fromId",
              ID,
              (start, limit) -> historical(q, symbol, start, limit)),
          from,
          q.upper("trade_id"));
    }
    return KeyedPager.forwards(ID, PAGE, wanted, from, fetch)
        .stopAt(r -> (Long) r[TIME] > q.upper("trade_time"));
  }

  /**
   * Pages of ids {@code from..hi} fetched ahead, no page reaching past {@code hi}: ids are
   * consecutive, so a full page from id n ends at n + 999.
   */
  static RowStream ahead(
      BinanceContext ctx, long from, long hi, int idSlot, int pageWeight, AheadPages.Fetch page) {
    return new AheadPages(
            from,
            hi,
            idSlot,
            PAGE,
            PAGE,
            ctx.config().maxConcurrentRequests(),
            (start, limit) -> page.page(start, (int) Math.min(limit, hi - start + 1)),
            ctx::fetchAhead)
        .widenFor(ctx, pageWeight);
  }

  private List<Object[]> historical(ScanQuery q, String symbol, long fromId, int limit) {
    return fetch(
        q,
        "/api/v3/historicalTrades",
        List.of(Param.of("symbol", symbol), Param.of("fromId", fromId), Param.of("limit", limit)),
        symbol);
  }

  /**
   * The first trade id at or after {@code startTime}, or the last at or before {@code endTime}: the
   * aggregate trade nearest the bound carries both ({@code f} and {@code l}).
   */
  private Long aggBoundary(ScanQuery q, String symbol, Param timeBound, boolean first) {
    List<Object[]> agg =
        ctx.get(
            q,
            "/api/v3/aggTrades",
            List.of(Param.of("symbol", symbol), timeBound, Param.of("limit", 1)),
            EndpointWeights.AGG_TRADES,
            p -> AggTradesTable.FIELDS_FOR_LOOKUP.readArray(p, r -> {}));
    if (agg.isEmpty()) {
      return null;
    }
    return (Long) agg.get(0)[first ? AggTradesTable.FIRST_ID : AggTradesTable.LAST_ID];
  }

  /**
   * Per symbol, as {@link #plan} sends: an IN list of ids, one page per run of ids; a time bound,
   * one aggTrades lookup first; newest first, {@code trades?limit=n}; forwards, {@code fromId}
   * pages (counted when the id range is known; fetched ahead, held ids not asked).
   */
  @Override
  protected RequestPlan explain(ExplainQuery q) {
    Keys keys = keys(q, "symbol", "symbol");
    RequestPlan plan = RequestPlan.none();
    IdExplain.Bounds b = IdExplain.Bounds.of(q, "trade_id");
    List<Param> head = keys.params();
    String historical = "/api/v3/historicalTrades";
    List<ExplainQuery.Sym> points = q.points("trade_id");
    if (points != null) {
      List<Param> p = new ArrayList<>(head);
      p.add(Param.of("fromId", points.size() == 1 ? points.get(0) : "{each}"));
      p.add(Param.of("limit", 1));
      return plan.atMost(
              keys.count() * points.size(),
              "GET",
              historical,
              RequestPlan.query(p),
              EndpointWeights.HISTORICAL_TRADES)
          .note("one per run of consecutive ids");
    }
    boolean backwards = IdExplain.backwards(q);
    ExplainQuery.Sym bound = backwards ? b.timeHi() : b.timeLo();
    if (bound != null) {
      List<Param> p = new ArrayList<>(head);
      p.add(Param.of(backwards ? "endTime" : "startTime", bound));
      p.add(Param.of("limit", 1));
      plan.per(keys, "GET", "/api/v3/aggTrades", RequestPlan.query(p), EndpointWeights.AGG_TRADES);
    }
    if (backwards) {
      List<Param> p = new ArrayList<>(head);
      String path = historical;
      if (bound != null) {
        p.add(
            Param.of(
                "fromId", "{last id at endTime} - " + IdExplain.firstLimit(b.limit()) + " + 1"));
      } else if (b.idHi() == null) {
        path = "/api/v3/trades";
      } else {
        p.add(Param.of("fromId", b.idHi() + " - " + IdExplain.firstLimit(b.limit()) + " + 1"));
      }
      p.add(Param.of("limit", IdExplain.firstLimit(b.limit())));
      if (IdExplain.onePage(b.limit())) {
        return plan.per(keys, "GET", path, RequestPlan.query(p), EndpointWeights.TRADES);
      }
      return plan.open(
          "pages of 1000 back to the range start",
          "GET",
          path,
          RequestPlan.query(p),
          EndpointWeights.TRADES);
    }
    IdExplain.forward(
        plan,
        keys,
        historical,
        head,
        "fromId",
        b.timeLo() != null ? new ExplainQuery.Sym("{first id at startTime}", null) : b.idLo(),
        b.idHi(),
        b.limit(),
        true,
        EndpointWeights.HISTORICAL_TRADES,
        s -> s,
        b.timeHi() != null
            ? "until a trade past the range"
            : b.idHi() != null ? "until the range ends" : "until the newest trade");
    if (b.idHi() != null && b.timeHi() == null) {
      plan.note("fetched ahead; ids the cache holds are not asked");
    }
    return plan;
  }
}
