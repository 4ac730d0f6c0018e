package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code block_trades} ({@code GET /api/v3/historicalBlockTrades}): the block trades of a symbol.
 * The endpoint only pages forwards from a required {@code fromId}, and a symbol's block-trade ids
 * need not be consecutive, so every plan pages forwards from the lower {@code trade_id} bound (0
 * when there is none), 1000 rows a request, and stops at the upper id or time bound. Newest first
 * ({@code ORDER BY trade_id DESC}, or an unordered {@code LIMIT}) reads that range to its end and
 * keeps only the last rows the query can use: block trades are few, so this costs one or two
 * requests where probing for the newest id would cost more.
 */
public final class BlockTradesTable extends BinanceTable {
  private static final int ID = 1;
  private static final int TIME = 5;
  private static final String PATH = "/api/v3/historicalBlockTrades";

  private final Json.Fields fields;

  public BlockTradesTable(BinanceContext ctx) {
    super(
        TradesTable.tradeColumns(
                TableDef.builder(
                    "block_trades", "GET /api/v3/historicalBlockTrades", "Block trades"),
                "Block trade id")
            .primaryKey("symbol", "trade_id")
            .sortable("trade_id", "trade_time")
            .limitPushable()
            .weight(EndpointWeights.HISTORICAL_BLOCK_TRADES)
            .build(),
        ctx);
    this.fields = new Json.Fields(def);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    List<RowStream> streams = new ArrayList<>();
    for (String symbol : q.required("symbol", "BTCUSDT")) {
      long upperTime = q.upper("trade_time");
      RowStream forward =
          RowStream.stopAt(
              CachedIds.blockTrades(
                  new CachedIds.Endpoint(
                      ctx,
                      PATH,
                      EndpointWeights.HISTORICAL_BLOCK_TRADES,
                      symbol,
                      "fromId",
                      ID,
                      (from, limit) -> page(q, symbol, from, limit)),
                  Math.max(0, q.lower("trade_id")),
                  q.upper("trade_id")),
              row -> (Long) row[TIME] > upperTime);
      boolean newestFirst =
          q.direction() == ScanSpec.Direction.DESC
              || (q.direction() == ScanSpec.Direction.NONE && q.hasLimit());
      streams.add(newestFirst ? newestFirst(forward, q) : forward);
    }
    return streams;
  }

  private List<Object[]> page(ScanQuery q, String symbol, long fromId, int limit) {
    return ctx.get(
        q,
        PATH,
        List.of(Param.of("symbol", symbol), Param.of("fromId", fromId), Param.of("limit", limit)),
        EndpointWeights.HISTORICAL_BLOCK_TRADES,
        p -> fields.readObjectOrArray(p, r -> r[0] = symbol));
  }

  /** Reads {@code forward} to its end, then yields its matching rows newest first. */
  private static RowStream newestFirst(RowStream forward, ScanQuery q) {
    return RowStream.once(
        () -> {
          ArrayDeque<Object[]> tail = new ArrayDeque<>();
          for (List<Object[]> page; (page = forward.nextPage(Long.MAX_VALUE)) != null; ) {
            for (Object[] row : page) {
              if (q.matches(row)) {
                tail.addLast(row);
                if (q.hasLimit() && tail.size() > q.limit()) {
                  tail.removeFirst();
                }
              }
            }
          }
          List<Object[]> rows = new ArrayList<>(tail);
          Collections.reverse(rows);
          return rows;
        });
  }
}
