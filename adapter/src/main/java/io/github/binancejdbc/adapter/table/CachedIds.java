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

  /**
   * One id-cursor endpoint of one symbol: its path and weight (as a request served from the cache
   * is counted), the cursor parameter, the slot of a row's id and the fetch of a page.
   */
  record Endpoint(
      BinanceContext ctx,
      String path,
      int weight,
      String symbol,
      String idParam,
      int idSlot,
      AheadPages.Fetch page) {}

  private CachedIds() {}

  /** Trades ({@code historicalTrades}) or aggregate trades ({@code fromId=}). */
  static RowStream trades(Endpoint e, long from, long hi) {
    int idSlot = e.idSlot();
    Gap gap =
        (f, t, p) ->
            t != Long.MAX_VALUE
                ? TradesTable.ahead(e.ctx(), f, t, idSlot, e.weight(), p)
                : KeyedPager.forwards(
                    idSlot, TradesTable.PAGE, KeyedPager.Wanted.range(f, t), f, p::page);
    return immutable(e, from, hi, TradesTable.PAGE, gap);
  }

  /**
   * Historical block trades ({@code historicalBlockTrades?fromId=}): immutable like trades, but a
   * symbol's ids need not be consecutive, so nothing is fetched through.
   */
  static RowStream blockTrades(Endpoint e, long from, long hi) {
    return immutable(e, from, hi, 0, (f, t, p) -> KeyedPager.byId(f, t, e.idSlot(), p::page));
  }

  /**
   * The account endpoints' pages of a gap: full pages forwards from its start, ended after a page
   * whose last row's {@code timeSlot} is past {@code timeHi}.
   */
  static Gap accountPages(int idSlot, int timeSlot, long timeHi) {
    return (f, t, p) ->
        KeyedPager.forwards(idSlot, AccountRequests.PAGE, KeyedPager.Wanted.range(f, t), f, p::page)
            .fullPages(true)
            .stopAt(last -> (Long) last[timeSlot] > timeHi);
  }

  /**
   * Public rows of {@code symbol} by {@code fromId} that never change once a later one exists;
   * {@code keysPerPage} ids per full page when ids are consecutive (a small held part is then
   * fetched through), else 0.
   */
  private static RowStream immutable(Endpoint e, long from, long hi, long keysPerPage, Gap gap) {
    if (!e.ctx().history().enabled()) {
      return gap.open(from, hi, e.page());
    }
    Series series = Series.of(e.path(), "symbol", e.symbol());
    return open(e, series, from, hi, keysPerPage, row -> true, true, gap);
  }

  /**
   * The signed account's rows of {@code symbol} by id ({@code myTrades?fromId=}, {@code
   * allOrders?orderId=}): {@code isFinal} tells a row that can no longer change.
   */
  static RowStream account(Endpoint e, long from, long hi, Predicate<Object[]> isFinal, Gap gap) {
    String key = e.ctx().config().apiKey();
    if (!e.ctx().history().enabled() || key == null) {
      return gap.open(from, hi, e.page());
    }
    Series series = Series.of(e.path(), "symbol", e.symbol(), "account", digest(key));
    // Ids are sparse: how many a page covers is unknown, nothing is fetched through.
    return open(e, series, from, hi, 0, isFinal, false, gap);
  }

  private static RowStream open(
      Endpoint e,
      Series series,
      long from,
      long hi,
      long keysPerPage,
      Predicate<Object[]> isFinal,
      boolean newestWaits,
      Gap gap) {
    History history = e.ctx().history();
    int idSlot = e.idSlot();
    AheadPages.Fetch keeping =
        (start, limit) -> {
          List<Object[]> rows = e.page().page(start, limit);
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
                e.path(),
                List.of(
                    Param.of("symbol", e.symbol()),
                    Param.of(e.idParam(), f),
                    Param.of("limit", Math.max(1, Math.min(TradesTable.PAGE, rows)))),
                e.weight(),
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
