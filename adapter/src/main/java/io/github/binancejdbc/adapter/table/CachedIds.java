package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.cache.History;
import io.github.binancejdbc.adapter.cache.Segment;
import io.github.binancejdbc.adapter.cache.Series;
import io.github.binancejdbc.adapter.client.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * Forward pages of an id-cursor endpoint over ids {@code from..hi}, through the history cache
 * when it is on: held ids are served, only the gaps fetched (ahead over a bounded gap, as without
 * the cache), and every page fetched is kept. A trade (and an aggregate trade: the fills of one
 * taker order at one price, published at once) never changes once it exists, and ids are
 * consecutive, so a page from {@code fromId=s} whose last row is id {@code e} holds every row of
 * ids {@code s..e} there will ever be.
 */
final class CachedIds {
  private CachedIds() {}

  /**
   * @param path the endpoint, which names the series with {@code symbol}
   * @param page one page of at most {@code limit} rows from id {@code start}
   */
  static RowStream open(BinanceContext ctx, String path, int weight, String symbol, long from,
      long hi, int idSlot, AheadPages.Fetch page) {
    History history = ctx.history();
    if (!history.enabled()) {
      return gap(ctx, from, hi, idSlot, page);
    }
    Series series = Series.of(path, "symbol", symbol);
    AheadPages.Fetch keeping = (start, limit) -> {
      List<Object[]> rows = page.page(start, limit);
      if (!rows.isEmpty()) {
        long last = (Long) rows.get(rows.size() - 1)[idSlot];
        if (last >= start) {
          history.put(series, new Segment(start, last, idSlot, rows));
        }
      }
      return rows;
    };
    return new CachedPages(history, series, from, hi, TradesTable.PAGE,
        (f, t) -> gap(ctx, f, t, idSlot, keeping),
        (f, t, rows, fromArchive) -> history.served(path, List.of(Param.of("symbol", symbol),
            Param.of("fromId", f), Param.of("limit", Math.max(1, Math.min(TradesTable.PAGE, rows)))),
            weight, rows, fromArchive));
  }

  /**
   * Ids {@code from..hi} fetched: ahead when the range ends, else one page after another. Rows
   * past {@code hi} are dropped (a {@code fromId} below the first id answers from the first id
   * on): what is served next to held rows must not repeat them.
   */
  private static RowStream gap(BinanceContext ctx, long from, long hi, int idSlot,
      AheadPages.Fetch page) {
    AheadPages.Fetch within = (start, limit) -> {
      List<Object[]> rows = page.page(start, limit);
      int n = rows.size();
      while (n > 0 && (Long) rows.get(n - 1)[idSlot] > hi) {
        n--;
      }
      return n == rows.size() ? rows : new ArrayList<>(rows.subList(0, n));
    };
    if (hi != Long.MAX_VALUE) {
      return TradesTable.ahead(ctx, from, hi, idSlot, within);
    }
    return KeyedPager.forwards(idSlot, TradesTable.PAGE, KeyedPager.Wanted.range(from, hi), from,
        within::page);
  }
}
