package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.col;
import static io.github.binancejdbc.adapter.table.ColumnDef.key;
import static io.github.binancejdbc.adapter.table.ColumnDef.range;

import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code trades}: every trade of a symbol, through {@code /api/v3/trades} (the most recent) and
 * {@code /api/v3/historicalTrades} (from a trade id). A {@code trade_time} bound is turned into a
 * trade id with one {@code aggTrades} lookup (an aggregate trade names its first and last trade id),
 * so a time range never scans from the first trade.
 */
public final class TradesTable extends BinanceTable {
  static final int PAGE = 1000;
  private static final int ID = 1;
  private static final int TIME = 5;

  private final Json.Fields fields;

  public TradesTable(BinanceContext ctx) {
    super(
        tradeColumns(TableDef.builder("trades",
                "GET /api/v3/trades, GET /api/v3/historicalTrades", "Trades"), "Trade id")
            .column(col("is_best_match", ColumnType.BOOLEAN, "Whether the trade was the best"
                + " price match"))
            .primaryKey("symbol", "trade_id")
            .sortable("trade_id", "trade_time")
            .limitPushable()
            .build(),
        ctx);
    this.fields = new Json.Fields(def, tradeFields("isBestMatch", "is_best_match"))
        .require("id", "price", "qty", "time");
  }

  /** The columns {@code trades} shares with {@code block_trades}, keys and ranges included. */
  static TableDef.Builder tradeColumns(TableDef.Builder b, String idRemarks) {
    return b.column(key("symbol", "Trading pair, e.g. BTCUSDT"))
        .column(range("trade_id", ColumnType.BIGINT, idRemarks + ", increasing with time"))
        .column(col("price", ColumnType.DECIMAL, "Trade price"))
        .column(col("qty", ColumnType.DECIMAL, "Base asset quantity"))
        .column(col("quote_qty", ColumnType.DECIMAL, "Quote asset quantity"))
        .column(range("trade_time", ColumnType.TIMESTAMP, "Trade time (UTC)"))
        .column(col("is_buyer_maker", ColumnType.BOOLEAN, "Whether the buyer was the maker"));
  }

  /** JSON field to column pairs of {@link #tradeColumns}, then {@code more}. */
  static String[] tradeFields(String... more) {
    List<String> pairs = new ArrayList<>(List.of("id", "trade_id", "price", "price", "qty", "qty",
        "quoteQty", "quote_qty", "time", "trade_time", "isBuyerMaker", "is_buyer_maker"));
    pairs.addAll(List.of(more));
    return pairs.toArray(String[]::new);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    List<RowStream> streams = new ArrayList<>();
    for (String s : q.required("symbol", "BTCUSDT")) {
      streams.add(new TradeStream(s, q));
    }
    return streams;
  }

  private List<Object[]> fetch(ScanQuery q, String path, List<Param> params, String symbol) {
    return new ArrayList<>(ctx.get(q, path, params, EndpointWeights.TRADES,
        p -> fields.readArray(p, r -> r[0] = symbol)));
  }

  /** The trades of one symbol, by id, forwards or backwards. */
  private final class TradeStream implements RowStream {
    private final String symbol;
    private final ScanQuery q;
    private final boolean backwards;
    private final boolean reverse;
    private boolean started;
    private boolean done;
    private boolean latestTried;
    private long cursor;

    TradeStream(String symbol, ScanQuery q) {
      this.symbol = symbol;
      this.q = q;
      this.backwards =
          q.direction() == ScanSpec.Direction.DESC
              || (q.direction() == ScanSpec.Direction.NONE && q.hasLimit());
      this.reverse = q.direction() == ScanSpec.Direction.DESC;
    }

    @Override
    public List<Object[]> nextPage(long wanted) {
      if (!started) {
        started = true;
        start();
      }
      if (done) {
        return null;
      }
      int limit = (int) Math.max(1, Math.min(PAGE, wanted));
      List<Object[]> rows;
      if (backwards && cursor == Long.MAX_VALUE) {
        rows =
            fetch(q, "/api/v3/trades", List.of(Param.of("symbol", symbol), Param.of("limit", limit)),
                symbol);
      } else {
        // The next id still wanted (an IN list skips the ids between its values); none: done.
        Long next = backwards ? q.previousWanted("trade_id", cursor)
            : q.nextWanted("trade_id", Math.max(0, cursor));
        if (next == null) {
          done = true;
          return null;
        }
        long from;
        if (backwards) {
          // The lowest wanted id of the page that ends at next; never null, next is wanted.
          from = q.nextWanted("trade_id", Math.max(0, next - limit + 1));
          limit = (int) (next - from + 1);
        } else {
          from = next;
          limit = (int) (q.lastWantedWithin("trade_id", from, limit) - from + 1);
        }
        rows = historical(from, limit);
        if (backwards) {
          return backwardPage(rows, from, next);
        }
      }
      if (rows.size() < limit) {
        done = true;
      }
      if (!rows.isEmpty()) {
        Object[] first = rows.get(0);
        Object[] last = rows.get(rows.size() - 1);
        if (backwards) {
          cursor = (Long) first[ID] - 1;
          done |= (Long) first[TIME] < q.lower("trade_time");
        } else {
          cursor = (Long) last[ID] + 1;
          done |= (Long) last[TIME] > q.upper("trade_time");
        }
      }
      if (reverse) {
        Collections.reverse(rows);
      }
      return rows;
    }

    /**
     * A page {@code [from, end]} read backwards. Binance answers a {@code fromId} past the newest
     * trade with nothing (then the scan goes on from the newest trade) and one below the first
     * trade from the first trade on (then rows past {@code end} are dropped and the scan ends):
     * neither a short page nor an empty one means the scan is done.
     */
    private List<Object[]> backwardPage(List<Object[]> rows, long from, long end) {
      if (rows.isEmpty()) {
        done = latestTried;
        latestTried = true;
        cursor = Long.MAX_VALUE;
        return rows;
      }
      long firstId = (Long) rows.get(0)[ID];
      rows.removeIf(row -> (Long) row[ID] > end);
      done = firstId > from || rows.isEmpty() || (Long) rows.get(0)[TIME] < q.lower("trade_time");
      cursor = from - 1;
      if (reverse) {
        Collections.reverse(rows);
      }
      return rows;
    }

    private List<Object[]> historical(long fromId, int limit) {
      return fetch(
          q,
          "/api/v3/historicalTrades",
          List.of(Param.of("symbol", symbol), Param.of("fromId", fromId), Param.of("limit", limit)),
          symbol);
    }

    /** Sets the first cursor, turning a time bound into a trade id through one aggTrades call. */
    private void start() {
      if (backwards) {
        cursor = q.upper("trade_id");
        if (q.hasUpper("trade_time")) {
          Long lastId = aggBoundary(Param.of("endTime", q.upper("trade_time")), false);
          if (lastId == null) {
            done = true;
            return;
          }
          cursor = Math.min(cursor, lastId);
        }
      } else {
        cursor = Math.max(0, q.lower("trade_id"));
        if (q.hasLower("trade_time")) {
          Long firstId = aggBoundary(Param.of("startTime", q.lower("trade_time")), true);
          if (firstId == null) {
            done = true;
            return;
          }
          cursor = Math.max(cursor, firstId);
        }
      }
    }

    /**
     * The first trade id at or after {@code startTime}, or the last at or before {@code endTime}:
     * the aggregate trade nearest the bound carries both ({@code f} and {@code l}).
     */
    private Long aggBoundary(Param timeBound, boolean first) {
      List<Object[]> agg =
          ctx.get(
                  q,
                  "/api/v3/aggTrades",
                  List.of(Param.of("symbol", symbol), timeBound, Param.of("limit", 1)),
                  EndpointWeights.AGG_TRADES,
                  p -> AggTradesTable.FIELDS_FOR_LOOKUP.readArray(p, r -> { }));
      if (agg.isEmpty()) {
        return null;
      }
      Object[] row = agg.get(0);
      return (Long) row[first ? AggTradesTable.FIRST_ID : AggTradesTable.LAST_ID];
    }
  }

  @Override
  protected int nominalWeight() {
    return EndpointWeights.HISTORICAL_TRADES;
  }
}
