package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.cache.History;
import io.github.binancejdbc.adapter.cache.Segment;
import io.github.binancejdbc.adapter.cache.Series;
import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The bars of one symbol, interval and zone in {@code klines} or {@code ui_klines}, paged forwards
 * (oldest first) or backwards, as {@link KlinesTable} plans them.
 */
final class KlineStream implements RowStream {
  /** Roughly the heap a kept bar takes: its row and its values (see {@code Segment.bytes}). */
  private static final long BAR_BYTES = 600;

  private final BinanceContext ctx;
  private final String path;
  private final String symbol;
  private final String timeframe;
  private final String zone;
  private final long lo;
  private final long hi;
  private final ScanQuery q;

  KlineStream(
      BinanceContext ctx, String path, String symbol, String timeframe, String zone, ScanQuery q) {
    this.ctx = ctx;
    this.path = path;
    this.q = q;
    this.symbol = symbol;
    this.timeframe = timeframe;
    this.zone = zone;
    // close_time = open_time + interval - 1, so a close_time bound is an open_time bound too
    // (for 1M the longest month); the enumerator still checks close_time exactly.
    long span = KlineRows.maxIntervalMillis(timeframe);
    long openLo = q.lower("open_time");
    long openHi = q.upper("open_time");
    if (q.hasLower("close_time") && span > 0) {
      openLo = Math.max(openLo, q.lower("close_time") - span + 1);
    }
    if (q.hasUpper("close_time")) {
      openHi = Math.min(openHi, q.upper("close_time"));
    }
    this.lo = openLo;
    this.hi = openHi;
    // Unordered LIMIT n: the most recent n bars, which is one request for n <= 1000.
    boolean backwards =
        q.direction() == ScanSpec.Direction.DESC
            || (q.direction() == ScanSpec.Direction.NONE && q.hasLimit());
    long cursor = Math.max(lo, 0);
    // open_time >= X AND close_time < X: no bar, no request.
    boolean done = lo > hi;
    // Forwards, a full page of a fixed-length interval covers PAGE intervals, so the next
    // page's start is known ahead (not for 1M: months differ).
    long step = timeframe.endsWith("M") ? 0 : span;
    History history = ctx.history();
    this.series =
        history.enabled() && history.worthKeeping(keptBytes(step, backwards, cursor))
            ? Series.of(path, "symbol", symbol, "interval", timeframe, "timeZone", zone)
            : null;
    if (backwards || done) {
      // With both bounds Binance pages from startTime; latest-first needs endTime alone.
      this.pager =
          KeyedPager.backwardsByEnd(
              KlinesTable.OPEN_TIME,
              KlinesTable.PAGE,
              lo,
              hi,
              q.direction() == ScanSpec.Direction.DESC,
              this::fetch);
    } else if (series == null) {
      this.pager = gap(cursor, hi, step);
    } else {
      // Held bars are served, only the gaps between them fetched (still ahead).
      this.pager =
          new CachedPages(
              history,
              series,
              cursor,
              hi,
              step * KlinesTable.PAGE,
              (from, to) -> gap(from, to, step),
              (from, to, rows, fromArchive) ->
                  history.served(
                      path,
                      params(from, to, Math.max(1, Math.min(KlinesTable.PAGE, rows))),
                      EndpointWeights.KLINES,
                      rows,
                      fromArchive));
    }
  }

  /**
   * Roughly the heap the bars of this forward scan would take kept; 0 when it cannot be told ahead
   * (calendar months) or nothing is kept (a backward scan).
   */
  private long keptBytes(long step, boolean backwards, long cursor) {
    if (backwards || step <= 0) {
      return 0;
    }
    long to = hi == Long.MAX_VALUE ? ctx.config().clock().millis() : hi;
    return Math.max(0, to - cursor) / step * BAR_BYTES;
  }

  /** Non-null when closed bars are kept: the series they are kept under. */
  private final Series series;

  /** The pager: forwards (fetching ahead, through the cache) or backwards. */
  private final RowStream pager;

  /** A forward pager over open times {@code from..to}. */
  private AheadPages gap(long from, long to, long step) {
    return new AheadPages(
            from,
            to,
            KlinesTable.OPEN_TIME,
            KlinesTable.PAGE,
            step * KlinesTable.PAGE,
            ctx.config().maxConcurrentRequests(),
            (start, limit) -> fetch(start, to, limit),
            ctx::fetchAhead)
        // No bar opens after the server's present: a page from there is sent only after a full one.
        .existingUpTo(() -> ctx.http().serverTimeAtLeast())
        .widenFor(ctx, EndpointWeights.KLINES);
  }

  @Override
  public List<Object[]> nextPage(long wanted) {
    return pager.nextPage(wanted);
  }

  @Override
  public void close() {
    pager.close();
  }

  /** One page backwards: the latest {@code limit} bars up to {@code start} (null: now). */
  private List<Object[]> fetch(Long start, int limit) {
    List<Param> params = new ArrayList<>();
    params.add(Param.of("symbol", symbol));
    params.add(Param.of("interval", timeframe));
    if (!zone.equals(KlinesTable.UTC)) {
      params.add(Param.of("timeZone", zone));
    }
    if (start != null) {
      params.add(Param.of("endTime", start));
    }
    params.add(Param.of("limit", limit));
    return send(params);
  }

  /** One request for the columns the query reads. */
  private List<Object[]> send(List<Param> params) {
    return ctx.get(
        q,
        path,
        params,
        EndpointWeights.KLINES,
        KlineRows.reader(symbol, timeframe, zone, q),
        q.neededKey());
  }

  /**
   * One page forwards: bars from {@code start} up to {@code end}. With the cache on, the closed
   * bars are kept: the page's bytes, from which a later query reads every column (or, for a body
   * only Jackson reads, the bars with every column built).
   */
  private List<Object[]> fetch(long start, long end, int limit) {
    List<Param> params = params(start, end, limit);
    if (series == null) {
      return send(params);
    }
    // Before sending: the server's time when it answers is at least this.
    long serverTime = ctx.http().serverTimeAtLeast();
    KlineRows.Page page =
        ctx.get(
            q,
            path,
            params,
            EndpointWeights.KLINES,
            KlineRows.keepingReader(symbol, timeframe, zone, KlineRows.needs(q), serverTime),
            q.neededKey() + "+kept");
    List<Object[]> rows = KlineRows.within(page.rows(), start, end);
    Segment closed = KlineRows.closedPart(start, end, limit, rows, page, timeframe, symbol, zone);
    if (closed != null) {
      ctx.history().put(series, closed);
    }
    return rows;
  }

  private List<Param> params(long start, long end, int limit) {
    List<Param> params = new ArrayList<>();
    params.add(Param.of("symbol", symbol));
    params.add(Param.of("interval", timeframe));
    if (!zone.equals(KlinesTable.UTC)) {
      params.add(Param.of("timeZone", zone));
    }
    params.add(Param.of("startTime", start));
    if (end != Long.MAX_VALUE) {
      params.add(Param.of("endTime", end));
    }
    params.add(Param.of("limit", limit));
    return params;
  }
}
