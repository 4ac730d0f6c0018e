package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.util.ArrayList;
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
  static final String UTC = "0";
  static final int OPEN_TIME = 3;

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
        .columns(
            """
            symbol                  VARCHAR    key           Trading pair, e.g. BTCUSDT
            timeframe               VARCHAR    key           Binance kline interval: 1s 1m 3m 5m 15m
                                                             30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M
            time_zone               VARCHAR    optional-key  Time zone of the bar boundaries of 1d
                                                             and longer, e.g. 0, 8, -1:00, 05:45
                                                             (Binance's timeZone); default 0 (UTC).
                                                             Times stay UTC
            open_time               TIMESTAMP  range         Bar open time (UTC)
            open_price              DECIMAL    plain         First trade price of the bar
            high_price              DECIMAL    plain         Highest trade price of the bar
            low_price               DECIMAL    plain         Lowest trade price of the bar
            close_price             DECIMAL    plain         Last trade price of the bar
            volume                  DECIMAL    plain         Base asset volume
            close_time              TIMESTAMP  range         Bar close time (UTC), open time +
                                                             interval - 1 ms
            quote_volume            DECIMAL    plain         Quote asset volume
            trade_count             BIGINT     plain         Number of trades
            taker_buy_base_volume   DECIMAL    plain         Taker buy base asset volume
            taker_buy_quote_volume  DECIMAL    plain         Taker buy quote asset volume
            """)
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
          streams.add(new KlineStream(ctx, path, s, tf, zone, q));
        }
      }
    }
    return streams;
  }

  /**
   * Per symbol, interval and zone: latest-first, one request per 1000 rows of the LIMIT; forwards,
   * the pages the range's bars fill, counted as the pager sends them (a page after a full one,
   * unless no bar can open between its last bar and the range's end). The count is exact for a
   * range of literals when the symbol traded throughout it; a range open to the present is counted
   * up to now.
   */
  @Override
  protected RequestPlan explain(ExplainQuery q) {
    List<ExplainQuery.Sym> zones = q.points("time_zone");
    RequestPlan plan = RequestPlan.none();
    int outer = q.outerRows("symbol");
    if (outer > 0) {
      // A lookup join's inner scan: one stream per outer row's symbol.
      RequestPlan each = RequestPlan.none();
      for (ExplainQuery.Sym tf : q.points("timeframe")) {
        for (ExplainQuery.Sym zone :
            zones == null ? List.of(new ExplainQuery.Sym(UTC, null)) : zones) {
          explainStream(q, each, new ExplainQuery.Sym("{outer symbol}", null), tf, zone);
        }
      }
      return plan.perOuterRow(each, outer);
    }
    for (ExplainQuery.Sym symbol : q.points("symbol")) {
      for (ExplainQuery.Sym tf : q.points("timeframe")) {
        for (ExplainQuery.Sym zone :
            zones == null ? List.of(new ExplainQuery.Sym(UTC, null)) : zones) {
          explainStream(q, plan, symbol, tf, zone);
        }
      }
    }
    return plan;
  }

  private void explainStream(
      ExplainQuery q,
      RequestPlan plan,
      ExplainQuery.Sym symbol,
      ExplainQuery.Sym tf,
      ExplainQuery.Sym zone) {
    long span = tf.text().startsWith("?") ? 0 : KlineRows.maxIntervalMillis(tf.text());
    ExplainQuery.Sym lo = q.lower("open_time");
    ExplainQuery.Sym hi = q.upper("open_time");
    ExplainQuery.Sym closeLo = q.lower("close_time");
    ExplainQuery.Sym closeHi = q.upper("close_time");
    if (closeLo != null && span > 0) {
      ExplainQuery.Sym fromClose = closeLo.plus(-span + 1);
      lo =
          lo == null || (lo.known() && fromClose.known() && fromClose.number() > lo.number())
              ? fromClose
              : lo;
    }
    if (closeHi != null) {
      hi =
          hi == null || (hi.known() && closeHi.known() && closeHi.number() < hi.number())
              ? closeHi
              : hi;
    }
    List<Param> params = new ArrayList<>();
    params.add(Param.of("symbol", symbol));
    params.add(Param.of("interval", tf));
    if (!zone.text().equals(UTC)) {
      params.add(Param.of("timeZone", zone));
    }
    ExplainQuery.Sym limit = q.limit();
    boolean backwards =
        q.direction() == ScanSpec.Direction.DESC
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
        plan.open(
            lo == null
                ? "pages of 1000 back to the first bar"
                : "pages of 1000 back to the range start",
            "GET",
            path,
            RequestPlan.query(params),
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
        plan.open(
            "1 per 1000 rows of the LIMIT",
            "GET",
            path,
            RequestPlan.query(params),
            EndpointWeights.KLINES);
      }
      return;
    }
    params.add(
        Param.of(
            "startTime",
            lo == null
                ? ExplainQuery.Sym.of(0)
                : lo.known() ? ExplainQuery.Sym.of(Math.max(0, lo.number())) : lo));
    if (hi != null) {
      params.add(Param.of("endTime", hi));
    }
    params.add(
        Param.of(
            "limit",
            limit != null && limit.known() && limit.number() < PAGE
                ? Math.max(1, limit.number())
                : PAGE));
    String query = RequestPlan.query(params);
    boolean fixedBars =
        span > 0
            && !tf.text().endsWith("M")
            && !tf.text().endsWith("w")
            && !tf.text().endsWith("3d")
            && zone.text().equals(UTC);
    long now = ctx.config().clock().millis();
    if (span == 0 || lo == null || !lo.known() || (hi != null && !hi.known())) {
      plan.open(
          hi == null ? "pages of 1000 until the latest bar" : "pages of 1000 until the range ends",
          "GET",
          path,
          query,
          EndpointWeights.KLINES);
      return;
    }
    long from = Math.max(0, lo.number());
    long to = hi == null ? now : Math.min(hi.number(), Long.MAX_VALUE);
    long first = fixedBars ? Math.floorDiv(from + span - 1, span) * span : from;
    long bars = to < first ? 0 : (to - first) / span + 1;
    long last = first + (bars - 1) * span;
    // After a full page the pager asks no more when the next bar would open past the range's end:
    // with bars of one length that is always so after the range's last bar.
    boolean endsFull = bars % PAGE == 0 && bars > 0 && hi != null && (fixedBars || last == to);
    long pages = bars / PAGE + (endsFull ? 0 : 1);
    if (limit != null && limit.known()) {
      pages = Math.min(pages, Math.max(1, (limit.number() + PAGE - 1) / PAGE));
    }
    if (fixedBars && hi != null && hi.number() < now) {
      plan.exact(pages, "GET", path, query, EndpointWeights.KLINES);
    } else {
      plan.atMost(pages, "GET", path, query, EndpointWeights.KLINES);
    }
  }
}
