package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.cache.History;
import io.github.binancejdbc.adapter.cache.Segment;
import io.github.binancejdbc.adapter.cache.Series;
import io.github.binancejdbc.adapter.client.Param;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * Forward pages of an id-cursor endpoint over ids {@code from..hi}, through the history cache when
 * it is on: held ids are served, only the gaps fetched, and every page fetched is kept as far as
 * its rows can no longer change. A page from cursor {@code s} whose last row is id {@code e} holds
 * every row of ids {@code s..e} there will ever be: ids grow with time, so a later row gets a
 * larger id.
 *
 * <ul>
 *   <li>Trades and aggregate trades ({@link #trades}): kept once a later one exists (the newest, at
 *       the end of a short page, is asked for again next time); ids are consecutive, so a bounded
 *       gap is fetched ahead and a small held part fetched through.
 *   <li>The account's fills and orders ({@link #account}): kept per API key (a digest of it, never
 *       the key), never shared across keys; an order only up to the first that is not in a final
 *       status (FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH), a fill always.
 * </ul>
 */
final class CachedIds {
  /** The pages of a gap {@code from..to} whose fetch is {@code page}. */
  @FunctionalInterface
  interface Gap {
    RowStream open(long from, long to, AheadPages.Fetch page);
  }

  private CachedIds() {}

  /** Trades ({@code historicalTrades}) or aggregate trades of {@code symbol}. */
  static RowStream trades(
      BinanceContext ctx,
      String path,
      int weight,
      String symbol,
      long from,
      long hi,
      int idSlot,
      AheadPages.Fetch page) {
    Gap gap =
        (f, t, p) ->
            t != Long.MAX_VALUE
                ? TradesTable.ahead(ctx, f, t, idSlot, p)
                : KeyedPager.forwards(
                    idSlot, TradesTable.PAGE, KeyedPager.Wanted.range(f, t), f, p::page);
    return immutable(ctx, path, weight, symbol, from, hi, idSlot, TradesTable.PAGE, page, gap);
  }

  /**
   * Historical block trades of {@code symbol} ({@code historicalBlockTrades?fromId=}): immutable
   * like trades, but a symbol's ids need not be consecutive, so nothing is fetched through.
   */
  static RowStream blockTrades(
      BinanceContext ctx,
      String path,
      int weight,
      String symbol,
      long from,
      long hi,
      int idSlot,
      AheadPages.Fetch page) {
    Gap gap = (f, t, p) -> KeyedPager.byId(f, t, idSlot, p::page);
    return immutable(ctx, path, weight, symbol, from, hi, idSlot, 0, page, gap);
  }

  /**
   * Public rows of {@code symbol} by {@code fromId} that never change once a later one exists;
   * {@code keysPerPage} ids per full page when ids are consecutive (a small held part is then
   * fetched through), else 0.
   */
  private static RowStream immutable(
      BinanceContext ctx,
      String path,
      int weight,
      String symbol,
      long from,
      long hi,
      int idSlot,
      long keysPerPage,
      AheadPages.Fetch page,
      Gap gap) {
    if (!ctx.history().enabled()) {
      return gap.open(from, hi, page);
    }
    Series series = Series.of(path, "symbol", symbol);
    return open(
        ctx,
        series,
        path,
        weight,
        symbol,
        "fromId",
        from,
        hi,
        idSlot,
        keysPerPage,
        row -> true,
        true,
        page,
        gap);
  }

  /**
   * The signed account's rows of {@code symbol} by id ({@code myTrades?fromId=}, {@code
   * allOrders?orderId=}): {@code isFinal} tells a row that can no longer change.
   */
  static RowStream account(
      BinanceContext ctx,
      String path,
      int weight,
      String symbol,
      String idParam,
      long from,
      long hi,
      int idSlot,
      Predicate<Object[]> isFinal,
      AheadPages.Fetch page,
      Gap gap) {
    String key = ctx.config().apiKey();
    if (!ctx.history().enabled() || key == null) {
      return gap.open(from, hi, page);
    }
    Series series = Series.of(path, "symbol", symbol, "account", digest(key));
    // Ids are sparse: how many a page covers is unknown, nothing is fetched through.
    return open(
        ctx, series, path, weight, symbol, idParam, from, hi, idSlot, 0, isFinal, false, page, gap);
  }

  private static RowStream open(
      BinanceContext ctx,
      Series series,
      String path,
      int weight,
      String symbol,
      String idParam,
      long from,
      long hi,
      int idSlot,
      long keysPerPage,
      Predicate<Object[]> isFinal,
      boolean newestWaits,
      AheadPages.Fetch page,
      Gap gap) {
    History history = ctx.history();
    AheadPages.Fetch keeping =
        (start, limit) -> {
          List<Object[]> rows = page.page(start, limit);
          int n = 0;
          while (n < rows.size() && isFinal.test(rows.get(n))) {
            n++;
          }
          if (newestWaits && n == rows.size() && n > 0 && rows.size() < limit) {
            // A short page ends at the newest trade: it is kept once a later one exists.
            n--;
          }
          long to =
              n == rows.size()
                  ? (rows.isEmpty() ? start - 1 : (Long) rows.get(n - 1)[idSlot])
                  : (Long) rows.get(n)[idSlot] - 1;
          if (to >= start) {
            history.put(series, new Segment(start, to, idSlot, rows.subList(0, n)));
          }
          return rows;
        };
    return new CachedPages(
        history,
        series,
        from,
        hi,
        keysPerPage,
        (f, t) -> gap.open(f, t, within(keeping, t, idSlot)),
        (f, t, rows, fromArchive) ->
            history.served(
                path,
                List.of(
                    Param.of("symbol", symbol),
                    Param.of(idParam, f),
                    Param.of("limit", Math.max(1, Math.min(TradesTable.PAGE, rows)))),
                weight,
                rows,
                fromArchive));
  }

  /**
   * Rows past {@code hi} dropped (a cursor below the first id answers from the first id on): what
   * is served next to held rows must not repeat them.
   */
  private static AheadPages.Fetch within(AheadPages.Fetch page, long hi, int idSlot) {
    return (start, limit) -> {
      List<Object[]> rows = page.page(start, limit);
      int n = rows.size();
      while (n > 0 && (Long) rows.get(n - 1)[idSlot] > hi) {
        n--;
      }
      return n == rows.size() ? rows : new ArrayList<>(rows.subList(0, n));
    };
  }

  /** Names an account in a series key (kept on disk by the archive) without the key itself. */
  private static String digest(String apiKey) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
