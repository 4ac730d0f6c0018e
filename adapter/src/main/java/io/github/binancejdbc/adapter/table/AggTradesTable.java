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
      TableDef.builder("agg_trades", "GET /api/v3/aggTrades", "Aggregate trades: fills of one"
              + " taker order at one price and time")
          .column(key("symbol", "Trading pair, e.g. BTCUSDT"))
          .column(range("agg_trade_id", ColumnType.BIGINT, "Aggregate trade id"))
          .column(col("price", ColumnType.DECIMAL, "Price"))
          .column(col("qty", ColumnType.DECIMAL, "Base asset quantity"))
          .column(col("first_trade_id", ColumnType.BIGINT, "First trade id in the aggregate"))
          .column(col("last_trade_id", ColumnType.BIGINT, "Last trade id in the aggregate"))
          .column(range("trade_time", ColumnType.TIMESTAMP, "Trade time (UTC)"))
          .column(col("is_buyer_maker", ColumnType.BOOLEAN, "Whether the buyer was the maker"))
          .column(col("is_best_match", ColumnType.BOOLEAN, "Whether the trade was the best price"
              + " match"))
          .primaryKey("symbol", "agg_trade_id")
            .sortable("agg_trade_id", "trade_time", "first_trade_id", "last_trade_id")
          .limitPushable()
          .build();

  static final Json.Fields FIELDS =
      new Json.Fields(
          DEF,
          "a", "agg_trade_id",
          "p", "price",
          "q", "qty",
          "f", "first_trade_id",
          "l", "last_trade_id",
          "T", "trade_time",
          "m", "is_buyer_maker",
          "M", "is_best_match")
          .require("a", "p", "q", "T");

  /** For the trades table's time-to-id lookup. */
  static final Json.Fields FIELDS_FOR_LOOKUP = FIELDS;

  public AggTradesTable(BinanceContext ctx) {
    super(DEF, ctx);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    List<RowStream> streams = new ArrayList<>();
    for (String s : q.required("symbol", "BTCUSDT")) {
      streams.add(new AggStream(s, q));
    }
    return streams;
  }

  /** The aggregate trades of one symbol, forwards or backwards. */
  private final class AggStream implements RowStream {
    private final String symbol;
    private final ScanQuery q;
    private final boolean backwards;
    private final boolean reverse;
    private final long idLo;
    private final long idHi;
    private final long timeLo;
    private final long timeHi;
    private boolean first = true;
    private boolean done;
    /** The next backward page asks for the most recent aggregates (no fromId). */
    private boolean latest;
    private boolean latestTried;
    private long cursor;

    AggStream(String symbol, ScanQuery q) {
      this.symbol = symbol;
      this.q = q;
      this.backwards =
          q.direction() == ScanSpec.Direction.DESC
              || (q.direction() == ScanSpec.Direction.NONE && q.hasLimit());
      this.reverse = q.direction() == ScanSpec.Direction.DESC;
      this.idLo = Math.max(0, q.lower("agg_trade_id"));
      this.idHi = q.upper("agg_trade_id");
      this.timeLo = q.lower("trade_time");
      this.timeHi = q.upper("trade_time");
    }

    @Override
    public List<Object[]> nextPage(long wanted) {
      if (done) {
        return null;
      }
      int limit = (int) Math.max(1, Math.min(PAGE, wanted));
      List<Param> params = new ArrayList<>();
      params.add(Param.of("symbol", symbol));
      // A time bound opens the scan unless an id list is tighter: startTime/endTime find the first
      // page at once, where a loose agg_trade_id bound (>= 1) would page from the start of history.
      boolean byTime = first && !q.hasPoints("agg_trade_id");
      long from = 0;
      long end = 0;
      boolean backwardById = false;
      if (backwards && (latest
          || byTime && (timeHi != Long.MAX_VALUE || idHi == Long.MAX_VALUE))) {
        // The most recent aggregates, or the most recent at or before endTime.
        if (timeHi != Long.MAX_VALUE) {
          params.add(Param.of("endTime", timeHi));
        }
        latest = false;
      } else if (!backwards && byTime && timeLo != Long.MIN_VALUE) {
        params.add(Param.of("startTime", timeLo));
        if (timeHi != Long.MAX_VALUE) {
          params.add(Param.of("endTime", timeHi));
        }
      } else {
        Long next = backwards ? q.previousWanted("agg_trade_id", first ? idHi : cursor)
            : q.nextWanted("agg_trade_id", Math.max(idLo, first ? idLo : cursor));
        if (next == null) {
          done = true;
          return null;
        }
        if (backwards) {
          from = q.nextWanted("agg_trade_id", Math.max(idLo, next - limit + 1));
          limit = (int) (next - from + 1);
          end = next;
          backwardById = true;
        } else {
          from = next;
          limit = (int) (q.lastWantedWithin("agg_trade_id", from, limit) - from + 1);
        }
        params.add(Param.of("fromId", from));
      }
      params.add(Param.of("limit", limit));
      first = false;
      List<Object[]> rows = new ArrayList<>(
          ctx.get(q, "/api/v3/aggTrades", params, EndpointWeights.AGG_TRADES,
              p -> FIELDS.readArray(p, r -> r[0] = symbol)));
      if (backwardById) {
        return backwardPage(rows, from, end);
      }
      if (rows.size() < limit) {
        done = true;
      }
      if (!rows.isEmpty()) {
        Object[] head = rows.get(0);
        Object[] tail = rows.get(rows.size() - 1);
        if (backwards) {
          cursor = Math.min((Long) head[ID] - 1, idHi);
          done |= cursor < idLo || (Long) head[TIME] < timeLo;
        } else {
          cursor = Math.max((Long) tail[ID] + 1, idLo);
          done |= cursor > idHi || (Long) tail[TIME] > timeHi;
        }
      }
      if (reverse) {
        Collections.reverse(rows);
      }
      return rows;
    }

    /**
     * A page {@code [from, end]} read backwards. Binance answers a {@code fromId} past the newest
     * aggregate with nothing (then the scan goes on from the newest) and one below the first from
     * the first on (then rows past {@code end} are dropped and the scan ends): neither a short page
     * nor an empty one means the scan is done.
     */
    private List<Object[]> backwardPage(List<Object[]> rows, long from, long end) {
      if (rows.isEmpty()) {
        done = latestTried;
        latestTried = true;
        latest = true;
        return rows;
      }
      long firstId = (Long) rows.get(0)[ID];
      rows.removeIf(row -> (Long) row[ID] > end);
      done = firstId > from || rows.isEmpty() || (Long) rows.get(0)[TIME] < timeLo;
      cursor = from - 1;
      if (reverse) {
        Collections.reverse(rows);
      }
      return rows;
    }
  }

  @Override
  protected int nominalWeight() {
    return EndpointWeights.AGG_TRADES;
  }
}
