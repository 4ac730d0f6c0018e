package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code agg_trades}: every aggregate trade of a symbol. {@code agg_trade_id} bounds become {@code
 * fromId}; {@code trade_time} bounds become {@code startTime}/{@code endTime} on the first request,
 * after which pages continue by {@code fromId}, because several aggregates can share one
 * millisecond and paging by time could skip or repeat them.
 */
public final class AggTradesTable extends BinanceTable {
  static final int PAGE = 1000;
  static final int ID = 1;
  static final int FIRST_ID = 4;
  static final int LAST_ID = 5;
  static final int TIME = 6;

  static final TableDef DEF =
      TableDef.builder(
              "agg_trades",
              "GET /api/v3/aggTrades",
              "Aggregate trades: fills of one" + " taker order at one price and time")
          .columns(
              """
              symbol            VARCHAR    key    Trading pair, e.g. BTCUSDT
              agg_trade_id:a    BIGINT     range  Aggregate trade id
              price:p           DECIMAL    plain  Price
              qty:q             DECIMAL    plain  Base asset quantity
              first_trade_id:f  BIGINT     plain  First trade id in the aggregate
              last_trade_id:l   BIGINT     plain  Last trade id in the aggregate
              trade_time:T      TIMESTAMP  range  Trade time (UTC)
              is_buyer_maker:m  BOOLEAN    plain  Whether the buyer was the maker
              is_best_match:M   BOOLEAN    plain  Whether the trade was the best price match
              """)
          .primaryKey("symbol", "agg_trade_id")
          .sortable("agg_trade_id", "trade_time", "first_trade_id", "last_trade_id")
          .limitPushable()
          .weight(EndpointWeights.AGG_TRADES)
          .build();

  static final Json.Fields FIELDS = new Json.Fields(DEF).require("a", "p", "q", "T");

  /** For the trades table's time-to-id lookup. */
  static final Json.Fields FIELDS_FOR_LOOKUP = FIELDS;

  public AggTradesTable(BinanceContext ctx) {
    super(DEF, ctx);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    return perSymbol(q, s -> stream(s, q));
  }

  /**
   * The aggregate trades of one symbol, forwards or backwards. A time bound opens the scan unless
   * an id list is tighter: startTime/endTime find the first page at once, where a loose
   * agg_trade_id bound (>= 1) would page from the start of history. Forwards over a range of ids
   * (no IN list, no time bound), see {@link CachedIds}.
   */
  private RowStream stream(String symbol, ScanQuery q) {
    boolean backwards =
        q.direction() == ScanSpec.Direction.DESC
            || (q.direction() == ScanSpec.Direction.NONE && q.hasLimit());
    long idLo = Math.max(0, q.lower("agg_trade_id"));
    long idHi = q.upper("agg_trade_id");
    long timeLo = q.lower("trade_time");
    long timeHi = q.upper("trade_time");
    boolean byTime = !q.hasPoints("agg_trade_id");
    KeyedPager.Wanted wanted = KeyedPager.Wanted.of(q, "agg_trade_id");
    if (backwards) {
      // Without a cursor: the most recent aggregates, or the most recent at or before endTime.
      KeyedPager.Fetch fetch =
          (from, limit) ->
              from == null
                  ? page(
                      q,
                      symbol,
                      timeHi == Long.MAX_VALUE ? List.of() : List.of(Param.of("endTime", timeHi)),
                      limit)
                  : page(q, symbol, List.of(Param.of("fromId", from)), limit);
      return KeyedPager.backwards(
              ID, PAGE, wanted, idHi, q.direction() == ScanSpec.Direction.DESC, fetch)
          .openWithoutCursor(byTime && (timeHi != Long.MAX_VALUE || idHi == Long.MAX_VALUE))
          .stopAt(r -> (Long) r[TIME] < timeLo);
    }
    boolean open = byTime && timeLo != Long.MIN_VALUE;
    if (!open && timeHi == Long.MAX_VALUE && !q.hasPoints("agg_trade_id")) {
      return CachedIds.trades(
          new CachedIds.Endpoint(
              ctx,
              "/api/v3/aggTrades",
              EndpointWeights.AGG_TRADES,
              symbol,
              "fromId",
              ID,
              (start, limit) -> page(q, symbol, List.of(Param.of("fromId", start)), limit)),
          idLo,
          idHi);
    }
    KeyedPager.Fetch fetch =
        (from, limit) ->
            from == null
                ? page(
                    q,
                    symbol,
                    timeHi == Long.MAX_VALUE
                        ? List.of(Param.of("startTime", timeLo))
                        : List.of(Param.of("startTime", timeLo), Param.of("endTime", timeHi)),
                    limit)
                : page(q, symbol, List.of(Param.of("fromId", from)), limit);
    return KeyedPager.forwards(ID, PAGE, wanted, idLo, fetch)
        .openWithoutCursor(open)
        .stopAt(r -> (Long) r[TIME] > timeHi);
  }

  private List<Object[]> page(ScanQuery q, String symbol, List<Param> by, int limit) {
    List<Param> params = new ArrayList<>();
    params.add(Param.of("symbol", symbol));
    params.addAll(by);
    params.add(Param.of("limit", limit));
    return ctx.get(
        q,
        "/api/v3/aggTrades",
        params,
        EndpointWeights.AGG_TRADES,
        p -> FIELDS.readArray(p, r -> r[0] = symbol));
  }

  /**
   * Per symbol, as {@link #stream} sends: newest first, {@code aggTrades?limit=n} (with {@code
   * endTime}); forwards from a time, {@code startTime} then {@code fromId} pages; else {@code
   * fromId} pages (counted when the id range is known; fetched ahead, held ids not asked).
   */
  @Override
  protected RequestPlan explain(ExplainQuery q) {
    Keys keys = keys(q, "symbol", "symbol");
    RequestPlan plan = RequestPlan.none();
    IdExplain.Bounds b = IdExplain.Bounds.of(q, "agg_trade_id");
    boolean byTime = q.points("agg_trade_id") == null;
    String path = "/api/v3/aggTrades";
    int w = EndpointWeights.AGG_TRADES;
    List<Param> p = new ArrayList<>(keys.params());
    List<Param> next = new ArrayList<>(keys.params());
    String more;
    if (IdExplain.backwards(q)) {
      if (byTime && (b.timeHi() != null || b.idHi() == null)) {
        if (b.timeHi() != null) {
          p.add(Param.of("endTime", b.timeHi()));
        }
      } else {
        p.add(Param.of("fromId", b.idHi() + " - " + IdExplain.firstLimit(b.limit()) + " + 1"));
      }
      next.add(Param.of("fromId", "{first id} - 1000"));
      more = "then pages of 1000 back to the range start";
    } else if (byTime && b.timeLo() != null) {
      p.add(Param.of("startTime", b.timeLo()));
      if (b.timeHi() != null) {
        p.add(Param.of("endTime", b.timeHi()));
      }
      next.add(Param.of("fromId", "{last id + 1}"));
      more = "then pages of 1000 until the range ends";
    } else {
      IdExplain.forward(
          plan,
          keys,
          path,
          keys.params(),
          "fromId",
          b.idLo(),
          b.idHi(),
          b.limit(),
          true,
          w,
          s -> s,
          b.timeHi() != null
              ? "until a trade past the range"
              : b.idHi() != null ? "until the range ends" : "until the newest trade");
      return b.idHi() != null && b.timeHi() == null && byTime
          ? plan.note("fetched ahead; ids the cache holds are not asked")
          : plan;
    }
    p.add(Param.of("limit", IdExplain.firstLimit(b.limit())));
    plan.per(keys, "GET", path, RequestPlan.query(p), w);
    if (!IdExplain.onePage(b.limit())) {
      next.add(Param.of("limit", 1000));
      plan.open(more, "GET", path, RequestPlan.query(next), w);
    }
    return plan;
  }
}
