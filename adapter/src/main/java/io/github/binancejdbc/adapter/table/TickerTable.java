package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.nullable;
import static io.github.binancejdbc.adapter.table.ColumnDef.optionalKey;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The per-symbol snapshot tables ({@code ticker_24hr}, {@code ticker_price}, {@code book_ticker},
 * {@code avg_price}, {@code rolling_ticker}, {@code trading_day_ticker}): one JSON object per
 * symbol. A symbol list becomes {@code symbol=} for one value and {@code symbols=[...]} for
 * several, in chunks sized so the request weight is the least the endpoint allows.
 */
public final class TickerTable extends BinanceTable {
  /** How symbols reach the endpoint. */
  enum Mode {
    /** No symbol: all symbols in one request; one: {@code symbol}; several: {@code symbols}. */
    OPTIONAL_LIST,
    /** Required; one request per symbol ({@code avgPrice} takes no list). */
    REQUIRED_EACH,
    /** Required; {@code symbol} or {@code symbols}. */
    REQUIRED_LIST
  }

  private final String path;
  private final Mode mode;
  private final int chunk;
  private final IntUnaryOperator weight;
  private final Json.Fields fields;
  private final String extraColumn;
  private final String extraParam;
  private final String extraDefault;

  private TickerTable(
      TableDef def,
      BinanceContext ctx,
      String path,
      Mode mode,
      int chunk,
      IntUnaryOperator weight,
      String extraColumn,
      String extraParam,
      String extraDefault,
      String... fieldPairs) {
    super(def, ctx);
    this.path = path;
    this.mode = mode;
    this.chunk = chunk;
    this.weight = weight;
    this.fields = new Json.Fields(def, fieldPairs);
    this.extraColumn = extraColumn;
    this.extraParam = extraParam;
    this.extraDefault = extraDefault;
  }

  private static final String[] FULL_TICKER_COLUMNS = {
    "priceChange", "price_change",
    "priceChangePercent", "price_change_percent",
    "weightedAvgPrice", "weighted_avg_price",
    "openPrice", "open_price",
    "highPrice", "high_price",
    "lowPrice", "low_price",
    "lastPrice", "last_price",
    "volume", "volume",
    "quoteVolume", "quote_volume",
    "openTime", "open_time",
    "closeTime", "close_time",
    "firstId", "first_trade_id",
    "lastId", "last_trade_id",
    "count", "trade_count",
  };

  private static TableDef.Builder statistics(TableDef.Builder b, boolean with24hrExtras) {
    b.columns(
        """
            price_change          DECIMAL  nullable  Last price minus open price
            price_change_percent  DECIMAL  nullable  Price change in percent
            weighted_avg_price    DECIMAL  nullable  Volume-weighted average price (quote volume /
                                                     volume)
            """);
    if (with24hrExtras) {
      b.columns(
          """
              prev_close_price  DECIMAL  nullable  Close price of the previous window
              last_price        DECIMAL  nullable  Last trade price
              last_qty          DECIMAL  nullable  Last trade quantity
              bid_price         DECIMAL  nullable  Best bid price
              bid_qty           DECIMAL  nullable  Best bid quantity
              ask_price         DECIMAL  nullable  Best ask price
              ask_qty           DECIMAL  nullable  Best ask quantity
              """);
    } else {
      b.column(nullable("last_price", ColumnType.DECIMAL, "Last trade price"));
    }
    return b.columns(
        """
            open_price      DECIMAL    nullable  First price of the window
            high_price      DECIMAL    nullable  Highest price of the window
            low_price       DECIMAL    nullable  Lowest price of the window
            volume          DECIMAL    nullable  Base asset volume
            quote_volume    DECIMAL    nullable  Quote asset volume
            open_time       TIMESTAMP  nullable  Window start (UTC)
            close_time      TIMESTAMP  nullable  Window end (UTC)
            first_trade_id  BIGINT     nullable  First trade id in the window
            last_trade_id   BIGINT     nullable  Last trade id in the window
            trade_count     BIGINT     nullable  Number of trades in the window
            """);
  }

  public static TickerTable ticker24hr(BinanceContext ctx) {
    TableDef def =
        statistics(
                TableDef.builder(
                        "ticker_24hr",
                        "GET /api/v3/ticker/24hr",
                        "24-hour rolling" + " price change statistics")
                    .column(optionalKey("symbol", "Trading pair, e.g. BTCUSDT")),
                true)
            .primaryKey("symbol")
            .build();
    List<String> pairs = new ArrayList<>(List.of(FULL_TICKER_COLUMNS));
    pairs.addAll(
        List.of(
            "symbol",
            "symbol",
            "prevClosePrice",
            "prev_close_price",
            "lastQty",
            "last_qty",
            "bidPrice",
            "bid_price",
            "bidQty",
            "bid_qty",
            "askPrice",
            "ask_price",
            "askQty",
            "ask_qty"));
    // 1-20 symbols weigh 2, 21-100 weigh 40: chunks of 20 are the cheapest.
    return new TickerTable(
        def,
        ctx,
        "/api/v3/ticker/24hr",
        Mode.OPTIONAL_LIST,
        20,
        TickerTable::ticker24hrWeight,
        null,
        null,
        null,
        pairs.toArray(String[]::new));
  }

  public static TickerTable tickerPrice(BinanceContext ctx) {
    TableDef def =
        TableDef.builder("ticker_price", "GET /api/v3/ticker/price", "Latest price per symbol")
            .columns(
                """
                symbol  VARCHAR  optional-key  Trading pair, e.g. BTCUSDT
                price   DECIMAL  plain         Latest price
                """)
            .primaryKey("symbol")
            .build();
    return new TickerTable(
        def,
        ctx,
        "/api/v3/ticker/price",
        Mode.OPTIONAL_LIST,
        1000,
        TickerTable::priceWeight,
        null,
        null,
        null,
        "symbol",
        "symbol",
        "price",
        "price");
  }

  public static TickerTable bookTicker(BinanceContext ctx) {
    TableDef def =
        TableDef.builder(
                "book_ticker", "GET /api/v3/ticker/bookTicker", "Best bid and ask per" + " symbol")
            .columns(
                """
                symbol     VARCHAR  optional-key  Trading pair, e.g. BTCUSDT
                bid_price  DECIMAL  nullable      Best bid price
                bid_qty    DECIMAL  nullable      Best bid quantity
                ask_price  DECIMAL  nullable      Best ask price
                ask_qty    DECIMAL  nullable      Best ask quantity
                """)
            .primaryKey("symbol")
            .build();
    return new TickerTable(
        def,
        ctx,
        "/api/v3/ticker/bookTicker",
        Mode.OPTIONAL_LIST,
        1000,
        TickerTable::priceWeight,
        null,
        null,
        null,
        "symbol",
        "symbol",
        "bidPrice",
        "bid_price",
        "bidQty",
        "bid_qty",
        "askPrice",
        "ask_price",
        "askQty",
        "ask_qty");
  }

  public static TickerTable avgPrice(BinanceContext ctx) {
    TableDef def =
        TableDef.builder("avg_price", "GET /api/v3/avgPrice", "Current average price")
            .columns(
                """
                symbol      VARCHAR    key       Trading pair, e.g. BTCUSDT
                mins        INTEGER    plain     Averaging window in minutes
                price       DECIMAL    plain     Average price over the window
                close_time  TIMESTAMP  nullable  Time of the last trade (UTC)
                """)
            .primaryKey("symbol")
            .build();
    return new TickerTable(
        def,
        ctx,
        "/api/v3/avgPrice",
        Mode.REQUIRED_EACH,
        1,
        n -> EndpointWeights.AVG_PRICE,
        null,
        null,
        null,
        "mins",
        "mins",
        "price",
        "price",
        "closeTime",
        "close_time");
  }

  public static TickerTable rollingTicker(BinanceContext ctx) {
    return statisticsPerSymbol(
        ctx,
        TableDef.builder(
                "rolling_ticker", "GET /api/v3/ticker", "Rolling window price change statistics")
            .columns(
                """
            symbol       VARCHAR  key           Trading pair, e.g. BTCUSDT
            window_size  VARCHAR  optional-key  Window: 1m..59m, 1h..23h, 1d..7d; default 1d
            """),
        "/api/v3/ticker",
        "window_size",
        "windowSize",
        "1d");
  }

  public static TickerTable tradingDayTicker(BinanceContext ctx) {
    return statisticsPerSymbol(
        ctx,
        TableDef.builder(
                "trading_day_ticker",
                "GET /api/v3/ticker/tradingDay",
                "Price change statistics of the current trading day")
            .columns(
                """
            symbol     VARCHAR  key           Trading pair, e.g. BTCUSDT
            time_zone  VARCHAR  optional-key  Time zone of the trading day, e.g. 0, -1:00, 05:45;
                                              default 0 (UTC)
            """),
        "/api/v3/ticker/tradingDay",
        "time_zone",
        "timeZone",
        "0");
  }

  /**
   * A statistics table keyed by the required {@code symbol}, sent as a list, and {@code
   * extraColumn}, sent as {@code extraParam} ({@code extraDefault} when the query names none).
   */
  private static TickerTable statisticsPerSymbol(
      BinanceContext ctx,
      TableDef.Builder keys,
      String path,
      String extraColumn,
      String extraParam,
      String extraDefault) {
    TableDef def = statistics(keys, false).primaryKey("symbol", extraColumn).build();
    List<String> pairs = new ArrayList<>(List.of(FULL_TICKER_COLUMNS));
    pairs.addAll(List.of("symbol", "symbol"));
    return new TickerTable(
        def,
        ctx,
        path,
        Mode.REQUIRED_LIST,
        100,
        EndpointWeights::tickerPerSymbol,
        extraColumn,
        extraParam,
        extraDefault,
        pairs.toArray(String[]::new));
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    List<String> symbols =
        mode == Mode.OPTIONAL_LIST ? q.optional("symbol") : q.required("symbol", "BTCUSDT");
    List<String> extras = List.of("");
    if (extraColumn != null) {
      List<String> given = q.optional(extraColumn);
      extras = given == null ? List.of(extraDefault) : given;
    }
    if (mode == Mode.OPTIONAL_LIST && symbols != null && cheaperAll(q, symbols.size())) {
      symbols = null; // the rows of other symbols are dropped by the symbol constraint
    }
    List<RowStream> streams = new ArrayList<>();
    for (String extra : extras) {
      if (symbols == null) {
        streams.add(RowStream.once(() -> fetch(q, null, extra)));
      } else if (mode == Mode.REQUIRED_EACH) {
        for (String s : symbols) {
          streams.add(RowStream.once(() -> fetchKnown(q, List.of(s), extra)));
        }
      } else {
        for (int i = 0; i < symbols.size(); i += chunk) {
          List<String> part = symbols.subList(i, Math.min(symbols.size(), i + chunk));
          streams.add(RowStream.once(() -> fetchKnown(q, part, extra)));
        }
      }
    }
    return streams;
  }

  /**
   * Whether one request for every symbol weighs less than the lists still to send for {@code n}
   * symbols (or the same, in fewer requests), counting the lists this statement execution has
   * already sent: a lookup join asks for its symbols batch by batch, and past a few hundred symbols
   * the whole answer, fetched once and remembered for the execution, is the cheaper.
   */
  private boolean cheaperAll(ScanQuery q, int n) {
    int planned = 0;
    int requests = 0;
    for (int i = 0; i < n; i += chunk) {
      planned += weight.applyAsInt(Math.min(chunk, n - i));
      requests++;
    }
    java.util.concurrent.atomic.AtomicInteger spent =
        ctx.remember(q, "weight of lists " + path, java.util.concurrent.atomic.AtomicInteger::new);
    int all = weight.applyAsInt(0);
    int total = spent.get() + planned;
    if (total > all || (total == all && requests > 1)) {
      return true;
    }
    spent.addAndGet(planned);
    return false;
  }

  /**
   * As {@link #fetch}, but a symbol that came from the other side of a join and that the endpoint
   * does not know (-1121: a listed symbol in BREAK, a made-up pair) yields no row instead of
   * failing the statement: a list is then asked for all at once where the endpoint allows it, else
   * symbol by symbol.
   */
  private List<Object[]> fetchKnown(ScanQuery q, List<String> symbols, String extra) {
    try {
      return fetch(q, symbols, extra);
    } catch (io.github.binancejdbc.adapter.error.BinanceException e) {
      if (e.vendorCode() != -1121 || symbols == null || !q.fromOuterRows("symbol")) {
        throw e;
      }
      if (symbols.size() == 1) {
        return List.of();
      }
      if (mode == Mode.OPTIONAL_LIST) {
        return fetch(q, null, extra);
      }
      List<Object[]> rows = new ArrayList<>();
      for (String s : symbols) {
        rows.addAll(fetchKnown(q, List.of(s), extra));
      }
      return rows;
    }
  }

  /**
   * As {@link #streams}: no symbol is one request for all, one is {@code symbol=}, several are
   * {@code symbols=[...]} in chunks, each weighed by its size (ticker/24hr: 2 for up to 20).
   */
  @Override
  protected RequestPlan explain(ExplainQuery q) {
    List<ExplainQuery.Sym> symbols = q.points("symbol");
    List<ExplainQuery.Sym> extras =
        extraColumn == null
            ? List.of(new ExplainQuery.Sym("", null))
            : q.points(extraColumn) == null
                ? List.of(new ExplainQuery.Sym(extraDefault, null))
                : q.points(extraColumn);
    boolean exact = q.exactPoints("symbol") && (extraColumn == null || q.exactPoints(extraColumn));
    RequestPlan plan = RequestPlan.none();
    for (ExplainQuery.Sym extra : extras) {
      List<List<ExplainQuery.Sym>> requests = new ArrayList<>();
      if (symbols == null) {
        requests.add(null);
      } else if (mode == Mode.REQUIRED_EACH) {
        symbols.forEach(s -> requests.add(List.of(s)));
      } else {
        for (int i = 0; i < symbols.size(); i += chunk) {
          requests.add(symbols.subList(i, Math.min(symbols.size(), i + chunk)));
        }
      }
      for (List<ExplainQuery.Sym> part : requests) {
        List<Param> params = new ArrayList<>();
        if (part != null && part.size() == 1) {
          params.add(Param.of("symbol", part.get(0)));
        } else if (part != null) {
          params.add(Param.of("symbols", symbolList(part)));
        }
        if (extraParam != null) {
          params.add(Param.of(extraParam, extra));
        }
        int w = weight.applyAsInt(part == null ? 0 : part.size());
        if (exact) {
          plan.exact(1, "GET", path, RequestPlan.query(params), w);
        } else {
          plan.atMost(1, "GET", path, RequestPlan.query(params), w);
        }
      }
    }
    return plan;
  }

  private List<Object[]> fetch(ScanQuery q, List<String> symbols, String extra) {
    List<Param> params = new ArrayList<>();
    if (symbols != null && symbols.size() == 1) {
      params.add(Param.of("symbol", symbols.get(0)));
    } else if (symbols != null) {
      params.add(Param.of("symbols", jsonArray(symbols)));
    }
    if (extraParam != null) {
      params.add(Param.of(extraParam, extra));
    }
    int n = symbols == null ? 0 : symbols.size();
    int symbolSlot = def.index("symbol");
    int extraSlot = extraColumn == null ? -1 : def.index(extraColumn);
    return ctx.get(
        q,
        path,
        params,
        weight.applyAsInt(n),
        p ->
            fields.readObjectOrArray(
                p,
                r -> {
                  if (n == 1) {
                    r[symbolSlot] = symbols.get(0); // avgPrice does not echo the symbol
                  }
                  if (extraSlot >= 0) {
                    r[extraSlot] = extra;
                  }
                }));
  }

  /** ticker/24hr: all symbols 80, one 2, a list by its size. */
  static int ticker24hrWeight(int symbols) {
    return symbols == 0
        ? EndpointWeights.TICKER_24HR_ALL
        : symbols == 1
            ? EndpointWeights.ticker24hrSymbol()
            : EndpointWeights.ticker24hrSymbols(symbols);
  }

  /** ticker/price and ticker/bookTicker: one symbol 2, a list or all 4. */
  static int priceWeight(int symbols) {
    return symbols == 1
        ? EndpointWeights.TICKER_PRICE_SYMBOL
        : EndpointWeights.TICKER_PRICE_SYMBOLS_OR_ALL;
  }

  /** {@code ["BTCUSDT",?1]}: literals as sent, parameters as they stand. */
  static String symbolList(List<ExplainQuery.Sym> symbols) {
    StringBuilder sb = new StringBuilder("[");
    for (ExplainQuery.Sym s : symbols) {
      boolean literal = !s.text().startsWith("?") && !s.text().startsWith("{");
      String one = literal ? jsonArray(List.of(s.text())) : "[" + s.text() + "]";
      sb.append(sb.length() > 1 ? "," : "").append(one, 1, one.length() - 1);
    }
    return sb.append(']').toString();
  }

  /** {@code ["BTCUSDT","ETHUSDT"]}, the form Binance takes for {@code symbols}. */
  static String jsonArray(List<String> symbols) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < symbols.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      // JSON-escaped: a quote, a backslash or a control character stays part of the one value
      // (and Binance then refuses it as a symbol) instead of being dropped or sent raw.
      sb.append('"');
      JsonStringEncoder.getInstance().quoteAsString(symbols.get(i), sb);
      sb.append('"');
    }
    return sb.append(']').toString();
  }
}
