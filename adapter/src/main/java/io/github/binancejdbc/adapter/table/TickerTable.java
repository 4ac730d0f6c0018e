package io.github.binancejdbc.adapter.table;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.binancejdbc.adapter.client.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * The per-symbol snapshot tables ({@code ticker_24hr}, {@code ticker_price}, {@code book_ticker},
 * {@code avg_price}, {@code rolling_ticker}, {@code trading_day_ticker}): one JSON object per
 * symbol. A symbol list becomes {@code symbol=} for one value and {@code symbols=[...]} for
 * several, in chunks sized so the request weight is the least the endpoint allows. The tables
 * themselves are defined in {@link TickerTables}.
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

  /**
   * How a ticker table asks its endpoint (the one its definition names): how symbols reach it, the
   * most symbols one request carries, and the weight of a request for n symbols (0: all symbols).
   */
  record Endpoint(Mode mode, int chunk, IntUnaryOperator weight) {}

  /**
   * A second key column sent as a parameter of its own ({@code window_size} as {@code windowSize}),
   * with the value the endpoint takes when the query names none.
   */
  record Extra(String column, String param, String whenAbsent) {}

  private final String path;
  private final Mode mode;
  private final int chunk;
  private final IntUnaryOperator weight;
  private final Json.Fields fields;
  private final String extraColumn;
  private final String extraParam;
  private final String extraDefault;

  /** A table whose rows are the endpoint's objects, read by {@code def}'s JSON fields. */
  TickerTable(TableDef def, BinanceContext ctx, Endpoint endpoint, Extra extra) {
    super(def, ctx);
    this.path = def.endpoint().substring("GET ".length());
    this.mode = endpoint.mode();
    this.chunk = endpoint.chunk();
    this.weight = endpoint.weight();
    this.fields = new Json.Fields(def);
    this.extraColumn = extra == null ? null : extra.column();
    this.extraParam = extra == null ? null : extra.param();
    this.extraDefault = extra == null ? null : extra.whenAbsent();
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
    AtomicInteger spent = ctx.remember(q, "weight of lists " + path, AtomicInteger::new);
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
        List<Param> params = params(part, TickerTable::symbolList, extra);
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

  /**
   * The parameters of one request: no symbol, {@code symbol=} for one, {@code symbols=} (the list
   * as {@code list} writes it) for several; then the extra key's parameter, if the table has one.
   */
  private <T> List<Param> params(List<T> symbols, Function<List<T>, String> list, Object extra) {
    List<Param> params = new ArrayList<>();
    if (symbols != null && symbols.size() == 1) {
      params.add(Param.of("symbol", symbols.get(0)));
    } else if (symbols != null) {
      params.add(Param.of("symbols", list.apply(symbols)));
    }
    if (extraParam != null) {
      params.add(Param.of(extraParam, extra));
    }
    return params;
  }

  private List<Object[]> fetch(ScanQuery q, List<String> symbols, String extra) {
    List<Param> params = params(symbols, TickerTable::jsonArray, extra);
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
