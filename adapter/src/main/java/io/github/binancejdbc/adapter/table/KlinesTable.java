package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.col;
import static io.github.binancejdbc.adapter.table.ColumnDef.key;
import static io.github.binancejdbc.adapter.table.ColumnDef.optionalKey;
import static io.github.binancejdbc.adapter.table.ColumnDef.range;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.cache.History;
import io.github.binancejdbc.adapter.cache.Segment;
import io.github.binancejdbc.adapter.cache.Series;
import io.github.binancejdbc.adapter.client.BinanceHttp;
import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code klines} and {@code ui_klines}: every bar of a symbol and interval since listing. {@code
 * open_time} ranges become {@code startTime}/{@code endTime}, pages of 1000 are fetched lazily, and
 * {@code ORDER BY open_time DESC LIMIT n} (or an unordered LIMIT) asks for the latest n only.
 * {@code time_zone} is Binance's {@code timeZone}: it shifts the boundaries of 1d and longer bars
 * (times stay UTC); absent it is {@code '0'}, sent only when another value is asked for.
 */
public final class KlinesTable extends BinanceTable {
  static final int PAGE = 1000;
  private static final String UTC = "0";
  private static final int OPEN_TIME = 3;
  private static final int CLOSE_TIME = 9;
  private static final int WIDTH = 14;

  /** Roughly the heap a kept bar takes: its row and its values (see {@code Segment.bytes}). */
  private static final long BAR_BYTES = 600;

  private final String path;

  private KlinesTable(TableDef def, BinanceContext ctx, String path) {
    super(def, ctx);
    this.path = path;
  }

  public static KlinesTable klines(BinanceContext ctx) {
    return new KlinesTable(
        def("klines", "GET /api/v3/klines", "Kline/candlestick bars"), ctx, "/api/v3/klines");
  }

  public static KlinesTable uiKlines(BinanceContext ctx) {
    return new KlinesTable(
        def("ui_klines", "GET /api/v3/uiKlines", "Kline bars modified for chart display"),
        ctx,
        "/api/v3/uiKlines");
  }

  static TableDef def(String name, String endpoint, String remarks) {
    return TableDef.builder(name, endpoint, remarks)
        .column(key("symbol", "Trading pair, e.g. BTCUSDT"))
        .column(key("timeframe", "Binance kline interval: 1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h"
            + " 1d 3d 1w 1M"))
        .column(optionalKey("time_zone", "Time zone of the bar boundaries of 1d and longer, e.g."
            + " 0, 8, -1:00, 05:45 (Binance's timeZone); default 0 (UTC). Times stay UTC"))
        .column(range("open_time", ColumnType.TIMESTAMP, "Bar open time (UTC)"))
        .column(col("open_price", ColumnType.DECIMAL, "First trade price of the bar"))
        .column(col("high_price", ColumnType.DECIMAL, "Highest trade price of the bar"))
        .column(col("low_price", ColumnType.DECIMAL, "Lowest trade price of the bar"))
        .column(col("close_price", ColumnType.DECIMAL, "Last trade price of the bar"))
        .column(col("volume", ColumnType.DECIMAL, "Base asset volume"))
        .column(range("close_time", ColumnType.TIMESTAMP, "Bar close time (UTC), open time +"
            + " interval - 1 ms"))
        .column(col("quote_volume", ColumnType.DECIMAL, "Quote asset volume"))
        .column(col("trade_count", ColumnType.BIGINT, "Number of trades"))
        .column(col("taker_buy_base_volume", ColumnType.DECIMAL, "Taker buy base asset volume"))
        .column(col("taker_buy_quote_volume", ColumnType.DECIMAL, "Taker buy quote asset volume"))
        .primaryKey("symbol", "timeframe", "time_zone", "open_time")
        .defaulted("time_zone")
            .sortable("open_time", "close_time")
        .limitPushable()
        .build();
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    List<String> symbols = q.required("symbol", "BTCUSDT");
    List<String> timeframes = q.required("timeframe", "1h");
    List<String> zones = q.optional("time_zone");
    List<RowStream> streams = new ArrayList<>();
    for (String s : symbols) {
      for (String tf : timeframes) {
        for (String zone : zones == null ? List.of(UTC) : zones) {
          streams.add(new KlineStream(s, tf, zone, q));
        }
      }
    }
    return streams;
  }

  /** The bars of one symbol and interval, paged forwards (oldest first) or backwards. */
  private final class KlineStream implements RowStream {
    private final String symbol;
    private final String timeframe;
    private final String zone;
    private final long lo;
    private final long hi;
    private final boolean backwards;
    private final boolean reverse;
    private final ScanQuery q;
    private long cursor;
    private boolean done;

    KlineStream(String symbol, String timeframe, String zone, ScanQuery q) {
      this.q = q;
      this.symbol = symbol;
      this.timeframe = timeframe;
      this.zone = zone;
      // close_time = open_time + interval - 1, so a close_time bound is an open_time bound too
      // (for 1M the longest month); the enumerator still checks close_time exactly.
      long span = maxIntervalMillis(timeframe);
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
      this.backwards =
          q.direction() == ScanSpec.Direction.DESC
              || (q.direction() == ScanSpec.Direction.NONE && q.hasLimit());
      this.reverse = q.direction() == ScanSpec.Direction.DESC;
      this.cursor = backwards ? hi : Math.max(lo, 0);
      // open_time >= X AND close_time < X: no bar, no request.
      this.done = lo > hi;
      // Forwards, a full page of a fixed-length interval covers PAGE intervals, so the next
      // page's start is known ahead (not for 1M: months differ).
      long step = timeframe.endsWith("M") ? 0 : span;
      History history = ctx.history();
      this.series = history.enabled() && history.worthKeeping(keptBytes(step))
          ? Series.of(path, "symbol", symbol, "interval", timeframe, "timeZone", zone)
          : null;
      if (backwards || done) {
        this.forwards = null;
      } else if (series == null) {
        this.forwards = gap(cursor, hi, step);
      } else {
        // Held bars are served, only the gaps between them fetched (still ahead).
        this.forwards = new CachedPages(history, series, cursor, hi, step * PAGE,
            (from, to) -> gap(from, to, step),
            (from, to, rows, fromArchive) -> history.served(path,
                params(from, to, Math.max(1, Math.min(PAGE, rows))), EndpointWeights.KLINES,
                rows, fromArchive));
      }
    }

    /**
     * Roughly the heap the bars of this forward scan would take kept; 0 when it cannot be told
     * ahead (calendar months) or nothing is kept (a backward scan).
     */
    private long keptBytes(long step) {
      if (backwards || step <= 0) {
        return 0;
      }
      long to = hi == Long.MAX_VALUE ? ctx.config().clock().millis() : hi;
      return Math.max(0, to - cursor) / step * BAR_BYTES;
    }

    /** Non-null when closed bars are kept: the series they are kept under. */
    private final Series series;

    private final RowStream forwards;

    /** A forward pager over open times {@code from..to}. */
    private AheadPages gap(long from, long to, long step) {
      return new AheadPages(from, to, OPEN_TIME, PAGE, step * PAGE,
          ctx.config().maxConcurrentRequests(), (start, limit) -> fetch(start, to, limit),
          ctx::fetchAhead);
    }

    @Override
    public List<Object[]> nextPage(long wanted) {
      if (forwards != null) {
        return forwards.nextPage(wanted);
      }
      if (done) {
        return null;
      }
      int limit = (int) Math.max(1, Math.min(PAGE, wanted));
      // With both bounds Binance pages from startTime; latest-first needs endTime alone.
      List<Object[]> rows = new ArrayList<>(fetch(cursor == Long.MAX_VALUE ? null : (Long) cursor,
          limit));
      if (rows.size() < limit) {
        done = true;
      } else {
        cursor = (Long) rows.get(0)[OPEN_TIME] - 1;
        done = cursor < lo || cursor < 0;
      }
      if (reverse) {
        Collections.reverse(rows);
      }
      return rows;
    }

    @Override
    public void close() {
      if (forwards != null) {
        forwards.close();
      }
    }

    /** One page backwards: the latest {@code limit} bars up to {@code start} (null: now). */
    private List<Object[]> fetch(Long start, int limit) {
      List<Param> params = new ArrayList<>();
      params.add(Param.of("symbol", symbol));
      params.add(Param.of("interval", timeframe));
      if (!zone.equals(UTC)) {
        params.add(Param.of("timeZone", zone));
      }
      if (start != null) {
        params.add(Param.of("endTime", start));
      }
      params.add(Param.of("limit", limit));
      return ctx.get(q, path, params, EndpointWeights.KLINES,
          p -> read(p, symbol, timeframe, zone, q),
          q.neededKey());
    }

    /**
     * One page forwards: bars from {@code start} up to {@code end}. With the cache on, every
     * column is read (a kept bar answers any later projection) and the closed bars are kept.
     */
    private List<Object[]> fetch(long start, long end, int limit) {
      List<Param> params = params(start, end, limit);
      if (series == null) {
        return ctx.get(q, path, params, EndpointWeights.KLINES,
            p -> read(p, symbol, timeframe, zone, q),
            q.neededKey());
      }
      // Before sending: the server's time when it answers is at least this.
      long serverTime = ctx.http().serverTimeAtLeast();
      List<Object[]> rows = within(ctx.get(q, path, params, EndpointWeights.KLINES,
          p -> read(p, symbol, timeframe, zone, null), "*"), start, end);
      Segment closed = closedPart(start, end, limit, rows, serverTime, timeframe);
      if (closed != null) {
        ctx.history().put(series, closed);
      }
      return rows;
    }

    private List<Param> params(long start, long end, int limit) {
      List<Param> params = new ArrayList<>();
      params.add(Param.of("symbol", symbol));
      params.add(Param.of("interval", timeframe));
      if (!zone.equals(UTC)) {
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

  /**
   * The part of a forward page (bars from {@code start} to {@code end}, at most {@code limit})
   * that can no longer change, as a segment; null if none. A bar is closed when another bar
   * follows it in the page or its close time is before {@code serverTime} (a time the server had
   * reached before it answered). The segment ends before the first bar that may be open, at the
   * last bar of a full page (the rest was not asked for), and, with no open bar in the page, at
   * the last open time whose bar has certainly closed (a bar opening later may not exist yet).
   */
  static Segment closedPart(long start, long end, int limit, List<Object[]> rows,
      long serverTime, String timeframe) {
    long to = end;
    if (rows.size() >= limit && !rows.isEmpty()) {
      to = Math.min(to, openTime(rows.get(rows.size() - 1)));
    }
    boolean openBar = false;
    for (int i = 0; i < rows.size(); i++) {
      Object[] r = rows.get(i);
      boolean followed = i + 1 < rows.size();
      if (!followed && (Long) r[CLOSE_TIME] >= serverTime) {
        to = Math.min(to, openTime(r) - 1);
        openBar = true;
      }
    }
    long span = maxIntervalMillis(timeframe);
    if (!openBar) {
      if (span <= 0) {
        return null;
      }
      to = Math.min(to, serverTime - span);
    }
    if (to < start) {
      return null;
    }
    List<Object[]> kept = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      if (openTime(r) <= to) {
        kept.add(r);
      }
    }
    return new Segment(start, to, OPEN_TIME, kept);
  }

  /**
   * The bars of a page that lie in the range asked for: what is served next to held bars must
   * not repeat them, even from a server that answers outside startTime..endTime.
   */
  private static List<Object[]> within(List<Object[]> rows, long start, long end) {
    for (Object[] r : rows) {
      if (openTime(r) < start || openTime(r) > end) {
        List<Object[]> in = new ArrayList<>(rows.size());
        for (Object[] x : rows) {
          if (openTime(x) >= start && openTime(x) <= end) {
            in.add(x);
          }
        }
        return in;
      }
    }
    return rows;
  }

  private static long openTime(Object[] row) {
    return (Long) row[OPEN_TIME];
  }

  /**
   * Per symbol, interval and zone: latest-first, one request per 1000 rows of the LIMIT; forwards,
   * the pages the range's bars fill, counted as the pager sends them (a page after a full one,
   * unless the range ends at its last bar). The count is exact for a range of literals when the
   * symbol traded throughout it; a range open to the present is counted up to now.
   */
  @Override
  protected RequestPlan explain(ExplainQuery q) {
    List<ExplainQuery.Sym> zones = q.points("time_zone");
    RequestPlan plan = RequestPlan.none();
    for (ExplainQuery.Sym symbol : q.points("symbol")) {
      for (ExplainQuery.Sym tf : q.points("timeframe")) {
        for (ExplainQuery.Sym zone : zones == null ? List.of(new ExplainQuery.Sym(UTC, null))
            : zones) {
          explainStream(q, plan, symbol, tf, zone);
        }
      }
    }
    return plan;
  }

  private void explainStream(ExplainQuery q, RequestPlan plan, ExplainQuery.Sym symbol,
      ExplainQuery.Sym tf, ExplainQuery.Sym zone) {
    long span = tf.text().startsWith("?") ? 0 : maxIntervalMillis(tf.text());
    ExplainQuery.Sym lo = q.lower("open_time");
    ExplainQuery.Sym hi = q.upper("open_time");
    ExplainQuery.Sym closeLo = q.lower("close_time");
    ExplainQuery.Sym closeHi = q.upper("close_time");
    if (closeLo != null && span > 0) {
      ExplainQuery.Sym fromClose = closeLo.plus(-span + 1);
      lo = lo == null || (lo.known() && fromClose.known() && fromClose.number() > lo.number())
          ? fromClose : lo;
    }
    if (closeHi != null) {
      hi = hi == null || (hi.known() && closeHi.known() && closeHi.number() < hi.number())
          ? closeHi : hi;
    }
    List<Param> params = new ArrayList<>();
    params.add(Param.of("symbol", symbol));
    params.add(Param.of("interval", tf));
    if (!zone.text().equals(UTC)) {
      params.add(Param.of("timeZone", zone));
    }
    ExplainQuery.Sym limit = q.limit();
    boolean backwards = q.direction() == ScanSpec.Direction.DESC
        || (q.direction() == ScanSpec.Direction.NONE && limit != null);
    if (lo != null && hi != null && lo.known() && hi.known() && lo.number() > hi.number()) {
      return;
    }
    if (backwards) {
      if (hi != null) {
        params.add(Param.of("endTime", hi));
      }
      if (limit == null) {
        params.add(Param.of("limit", PAGE));
        plan.open(lo == null ? "pages of 1000 back to the first bar"
            : "pages of 1000 back to the range start", "GET", path, RequestPlan.query(params),
            EndpointWeights.KLINES);
      } else if (limit.known()) {
        params.add(Param.of("limit", Math.min(PAGE, Math.max(1, limit.number()))));
        long pages = (limit.number() + PAGE - 1) / PAGE;
        if (pages <= 1) {
          plan.exact(1, "GET", path, RequestPlan.query(params), EndpointWeights.KLINES);
        } else {
          plan.atMost(pages, "GET", path, RequestPlan.query(params), EndpointWeights.KLINES);
        }
      } else {
        params.add(Param.of("limit", "min(1000, " + limit + ")"));
        plan.open("1 per 1000 rows of the LIMIT", "GET", path, RequestPlan.query(params),
            EndpointWeights.KLINES);
      }
      return;
    }
    params.add(Param.of("startTime", lo == null ? ExplainQuery.Sym.of(0)
        : lo.known() ? ExplainQuery.Sym.of(Math.max(0, lo.number())) : lo));
    if (hi != null) {
      params.add(Param.of("endTime", hi));
    }
    params.add(Param.of("limit", limit != null && limit.known() && limit.number() < PAGE
        ? Math.max(1, limit.number()) : PAGE));
    String query = RequestPlan.query(params);
    boolean fixedBars = span > 0 && !tf.text().endsWith("M") && !tf.text().endsWith("w")
        && !tf.text().endsWith("3d") && zone.text().equals(UTC);
    long now = ctx.config().clock().millis();
    if (span == 0 || lo == null || !lo.known() || (hi != null && !hi.known())) {
      plan.open(hi == null ? "pages of 1000 until the latest bar"
          : "pages of 1000 until the range ends", "GET", path, query, EndpointWeights.KLINES);
      return;
    }
    long from = Math.max(0, lo.number());
    long to = hi == null ? now : Math.min(hi.number(), Long.MAX_VALUE);
    long first = fixedBars ? Math.floorDiv(from + span - 1, span) * span : from;
    long bars = to < first ? 0 : (to - first) / span + 1;
    long last = first + (bars - 1) * span;
    long pages = bars / PAGE + (bars % PAGE == 0 && bars > 0 && hi != null && last == to ? 0 : 1);
    if (limit != null && limit.known()) {
      pages = Math.min(pages, Math.max(1, (limit.number() + PAGE - 1) / PAGE));
    }
    if (fixedBars && hi != null && hi.number() < now) {
      plan.exact(pages, "GET", path, query, EndpointWeights.KLINES);
    } else {
      plan.atMost(pages, "GET", path, query, EndpointWeights.KLINES);
    }
  }

  /** The longest bar of an interval in milliseconds (a 31-day month for 1M); 0 if unknown. */
  static long maxIntervalMillis(String timeframe) {
    if (timeframe.length() < 2) {
      return 0;
    }
    long n;
    try {
      n = Long.parseLong(timeframe.substring(0, timeframe.length() - 1));
    } catch (NumberFormatException e) {
      return 0;
    }
    long unit = switch (timeframe.charAt(timeframe.length() - 1)) {
      case 's' -> 1_000L;
      case 'm' -> 60_000L;
      case 'h' -> 3_600_000L;
      case 'd' -> 86_400_000L;
      case 'w' -> 7 * 86_400_000L;
      case 'M' -> 31 * 86_400_000L;
      default -> 0L;
    };
    return n * unit;
  }

  /** Column types of the fields of one bar, in the order Binance sends them (slot = index + 3). */
  private static final ColumnType[] FIELD_TYPES = {
    ColumnType.TIMESTAMP, ColumnType.DECIMAL, ColumnType.DECIMAL, ColumnType.DECIMAL,
    ColumnType.DECIMAL, ColumnType.DECIMAL, ColumnType.TIMESTAMP, ColumnType.DECIMAL,
    ColumnType.BIGINT, ColumnType.DECIMAL, ColumnType.DECIMAL
  };

  /**
   * {@code [[openTime,"open","high","low","close","volume",closeTime,"quoteVolume",trades,...]]}.
   * Only the columns {@code q} needs are built (open time always: it is the paging cursor); the
   * others are skipped as tokens, never turned into strings or decimals. A null {@code q} reads
   * every column.
   */
  static List<Object[]> read(JsonParser p, String symbol, String timeframe, String zone,
      ScanQuery q) throws IOException {
    boolean[] need = new boolean[FIELD_TYPES.length];
    for (int i = 0; i < need.length; i++) {
      need[i] = i == 0 || q == null || q.needs(i + OPEN_TIME);
    }
    Json.next(p, JsonToken.START_ARRAY);
    List<Object[]> rows = new ArrayList<>();
    while (Json.nextElement(p, JsonToken.START_ARRAY)) {
      Object[] r = new Object[WIDTH];
      r[0] = symbol;
      r[1] = timeframe;
      r[2] = zone;
      for (int i = 0; i < FIELD_TYPES.length; i++) {
        if (p.nextToken() == JsonToken.END_ARRAY) {
          throw new IllegalStateException("a kline of " + i + " fields at " + p.currentLocation());
        }
        if (need[i]) {
          r[i + OPEN_TIME] = Json.value(p, FIELD_TYPES[i]);
        } else {
          p.skipChildren();
        }
      }
      // Skip the unused 12th field and anything Binance may add later.
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
      }
      rows.add(r);
    }
    Json.expect(p, JsonToken.END_ARRAY);
    return rows;
  }
}
