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
      if (backwards) {
        if (first && idHi == Long.MAX_VALUE) {
          // The most recent aggregates, or the most recent at or before endTime.
          if (timeHi != Long.MAX_VALUE) {
            params.add(Param.of("endTime", timeHi));
          }
        } else {
          long upper = first ? idHi : cursor;
          long from = Math.max(idLo, upper - limit + 1);
          limit = (int) (upper - from + 1);
          params.add(Param.of("fromId", from));
        }
      } else if (first && idLo == 0 && timeLo != Long.MIN_VALUE) {
        params.add(Param.of("startTime", timeLo));
        if (timeHi != Long.MAX_VALUE) {
          params.add(Param.of("endTime", timeHi));
        }
      } else {
        params.add(Param.of("fromId", first ? idLo : cursor));
      }
      params.add(Param.of("limit", limit));
      first = false;
      List<Object[]> rows = new ArrayList<>(
          ctx.get(q, "/api/v3/aggTrades", params, EndpointWeights.AGG_TRADES,
              p -> FIELDS.readArray(p, r -> r[0] = symbol)));
      if (rows.size() < limit) {
        done = true;
      }
      if (!rows.isEmpty()) {
        Object[] head = rows.get(0);
        Object[] tail = rows.get(rows.size() - 1);
        if (backwards) {
          cursor = (Long) head[ID] - 1;
          done |= cursor < idLo || (Long) head[TIME] < timeLo;
        } else {
          cursor = (Long) tail[ID] + 1;
          done |= cursor > idHi || (Long) tail[TIME] > timeHi;
        }
      }
      if (reverse) {
        Collections.reverse(rows);
      }
      return rows;
    }
  }
}
