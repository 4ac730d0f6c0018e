package io.github.binancejdbc.simulator.market;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A market of given lists instead of a generated one: per symbol, the bars of each interval that
 * has any (other intervals answer no bars, and bars are served as given whatever the {@code
 * timeZone}), the trades, the aggregate trades and one book. Tickers and the average price are
 * computed from the trades at the market time. A test hands over exactly the data it expects back,
 * and the simulator's endpoints serve it with Binance's request handling.
 *
 * <p>Trading endpoints on a given market's symbols still trade against books generated from the
 * symbols' specs; the given book is what the market-data endpoints show.
 */
public final class GivenMarket implements MarketData {
  private final long marketTimeMs;
  private final Market market;
  private final Map<String, Given> data;
  private final Map<String, JsonNode> symbolInfo;

  /** One symbol's lists, each ascending by id and time. */
  private record Given(
      Map<Interval, List<Klines.Kline>> klines,
      List<SymbolMarket.Trade> trades,
      List<SymbolMarket.AggTrade> aggTrades,
      Book book) {}

  private GivenMarket(Builder b) {
    this.marketTimeMs = b.marketTimeMs;
    this.symbolInfo = Map.copyOf(b.symbolInfo);
    Map<String, Given> d = new LinkedHashMap<>();
    for (String symbol : b.specs.keySet()) {
      d.put(
          symbol,
          new Given(
              Map.copyOf(b.klines.getOrDefault(symbol, Map.of())),
              List.copyOf(b.trades.getOrDefault(symbol, List.of())),
              List.copyOf(b.aggTrades.getOrDefault(symbol, List.of())),
              b.books.getOrDefault(symbol, new Book(0, List.of(), List.of()))));
    }
    this.data = d;
    this.market = new Market(0, marketTimeMs, List.copyOf(b.specs.values()));
  }

  /** A market whose history ends at {@code marketTimeMs} (exclusive). */
  public static Builder builder(long marketTimeMs) {
    return new Builder(marketTimeMs);
  }

  /** The listed symbols (in the order given) and the market time, for the endpoints' lookups. */
  public Market market() {
    return market;
  }

  /** The given exchangeInfo object of a symbol, or null to render it from its spec. */
  public JsonNode symbolInfo(String symbol) {
    return symbolInfo.get(symbol);
  }

  private Given given(SymbolSpec s) {
    Given g = data.get(s.symbol());
    if (g == null) {
      throw new IllegalArgumentException("not listed: " + s.symbol());
    }
    return g;
  }

  @Override
  public List<Klines.Kline> klines(
      SymbolSpec s, Interval iv, long offset, Long startTime, Long endTime, int limit) {
    List<Klines.Kline> bars = given(s).klines().getOrDefault(iv, List.of());
    return page(bars, Klines.Kline::openTime, startTime, endTime, limit);
  }

  @Override
  public List<SymbolMarket.Trade> recentTrades(SymbolSpec s, int limit) {
    return page(given(s).trades(), SymbolMarket.Trade::time, null, null, limit);
  }

  @Override
  public List<SymbolMarket.Trade> tradesFrom(SymbolSpec s, long fromId, int limit) {
    return page(given(s).trades(), SymbolMarket.Trade::id, fromId, null, limit);
  }

  @Override
  public List<SymbolMarket.AggTrade> aggTrades(
      SymbolSpec s, Long fromId, Long startTime, Long endTime, int limit) {
    List<SymbolMarket.AggTrade> all = given(s).aggTrades();
    if (fromId != null) {
      return page(all, SymbolMarket.AggTrade::id, fromId, null, limit);
    }
    return page(all, SymbolMarket.AggTrade::time, startTime, endTime, limit);
  }

  @Override
  public Window window(SymbolSpec s, long openTime, long closeTime) {
    Given g = given(s);
    List<SymbolMarket.Trade> in =
        page(g.trades(), SymbolMarket.Trade::time, openTime, closeTime, Integer.MAX_VALUE);
    long prevClose = priceBefore(g, openTime);
    if (in.isEmpty()) {
      return Window.empty(prevClose);
    }
    long high = Long.MIN_VALUE;
    long low = Long.MAX_VALUE;
    long volume = 0;
    long quote = 0;
    for (SymbolMarket.Trade t : in) {
      high = Math.max(high, t.price());
      low = Math.min(low, t.price());
      volume += t.qty();
      quote += t.quoteQty();
    }
    SymbolMarket.Trade first = in.get(0);
    SymbolMarket.Trade last = in.get(in.size() - 1);
    return new Window(
        first.price(),
        high,
        low,
        last.price(),
        prevClose,
        volume,
        quote,
        first.id(),
        last.id(),
        in.size(),
        last.qty());
  }

  /** The last trade's price before {@code t}; before the first trade, the last bar's close. */
  private static long priceBefore(Given g, long t) {
    List<SymbolMarket.Trade> before = page(g.trades(), SymbolMarket.Trade::time, null, t - 1, 1);
    if (!before.isEmpty()) {
      return before.get(0).price();
    }
    long closeTime = Long.MIN_VALUE;
    long close = 0;
    for (List<Klines.Kline> bars : g.klines().values()) {
      for (Klines.Kline k : page(bars, Klines.Kline::closeTime, null, t - 1, 1)) {
        if (k.closeTime() > closeTime) {
          closeTime = k.closeTime();
          close = k.close();
        }
      }
    }
    return close;
  }

  @Override
  public AvgPrice avgPrice(SymbolSpec s) {
    Given g = given(s);
    Window w = window(s, marketTimeMs - 5 * 60_000, marketTimeMs - 1);
    List<SymbolMarket.Trade> all = g.trades();
    if (w.count() > 0) {
      long closeTime = page(all, SymbolMarket.Trade::id, w.lastId(), null, 1).get(0).time();
      return new AvgPrice(Units.divide(w.quote(), w.volume()), closeTime);
    }
    if (all.isEmpty()) {
      return new AvgPrice(0, 0);
    }
    SymbolMarket.Trade last = all.get(all.size() - 1);
    return new AvgPrice(last.price(), last.time());
  }

  @Override
  public Book book(SymbolSpec s, int limit) {
    Book b = given(s).book();
    return new Book(
        b.lastUpdateId(),
        b.bids().subList(0, Math.min(limit, b.bids().size())),
        b.asks().subList(0, Math.min(limit, b.asks().size())));
  }

  @Override
  public long lastPrice(SymbolSpec s) {
    List<SymbolMarket.Trade> all = given(s).trades();
    return all.isEmpty() ? 0 : all.get(all.size() - 1).price();
  }

  /**
   * Binance's paging rule over a list ascending by {@code key}: with a start, the first {@code
   * limit} items at or after it and not past the end; else the last {@code limit} at or before the
   * end (or of all).
   */
  static <T> List<T> page(List<T> all, ToLongFunction<T> key, Long start, Long end, int limit) {
    if (start != null) {
      int from = lowerBound(all, key, start);
      int to = from;
      while (to < all.size()
          && to - from < limit
          && (end == null || key.applyAsLong(all.get(to)) <= end)) {
        to++;
      }
      return all.subList(from, to);
    }
    int to = end == null ? all.size() : lowerBound(all, key, end + 1);
    return all.subList(Math.max(0, to - limit), to);
  }

  /** The index of the first item whose key is at least {@code value}. */
  private static <T> int lowerBound(List<T> all, ToLongFunction<T> key, long value) {
    int lo = 0;
    int hi = all.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (key.applyAsLong(all.get(mid)) < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Collects a given market; every list must be ascending, every symbol listed first. */
  public static final class Builder {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final long marketTimeMs;
    private final Map<String, SymbolSpec> specs = new LinkedHashMap<>();
    private final Map<String, Map<Interval, List<Klines.Kline>>> klines = new LinkedHashMap<>();
    private final Map<String, List<SymbolMarket.Trade>> trades = new LinkedHashMap<>();
    private final Map<String, List<SymbolMarket.AggTrade>> aggTrades = new LinkedHashMap<>();
    private final Map<String, Book> books = new LinkedHashMap<>();
    private final Map<String, JsonNode> symbolInfo = new LinkedHashMap<>();

    private Builder(long marketTimeMs) {
      this.marketTimeMs = marketTimeMs;
    }

    /**
     * Lists a symbol; {@code infoJson}, when not null, is its exchangeInfo object (JSON text) as
     * served, else it is rendered from the spec.
     *
     * @throws IllegalArgumentException if {@code infoJson} is not a JSON object
     */
    public Builder symbol(SymbolSpec spec, String infoJson) {
      specs.put(spec.symbol(), spec);
      if (infoJson != null) {
        try {
          JsonNode info = JSON.readTree(infoJson);
          if (!info.isObject()) {
            throw new IllegalArgumentException("not a JSON object: " + infoJson);
          }
          symbolInfo.put(spec.symbol(), info);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("not JSON: " + infoJson, e);
        }
      }
      return this;
    }

    public Builder klines(String symbol, Interval iv, List<Klines.Kline> bars) {
      listed(symbol);
      klines.computeIfAbsent(symbol, k -> new LinkedHashMap<>()).put(iv, List.copyOf(bars));
      return this;
    }

    public Builder trades(String symbol, List<SymbolMarket.Trade> list) {
      trades.put(listed(symbol), list);
      return this;
    }

    public Builder aggTrades(String symbol, List<SymbolMarket.AggTrade> list) {
      aggTrades.put(listed(symbol), list);
      return this;
    }

    /** The book: {@code [price, qty]} levels, best first. */
    public Builder book(String symbol, long lastUpdateId, List<long[]> bids, List<long[]> asks) {
      books.put(listed(symbol), new Book(lastUpdateId, List.copyOf(bids), List.copyOf(asks)));
      return this;
    }

    private String listed(String symbol) {
      if (!specs.containsKey(requireNonNull(symbol, "symbol is null"))) {
        throw new IllegalArgumentException("list the symbol first: " + symbol);
      }
      return symbol;
    }

    public GivenMarket build() {
      return new GivenMarket(this);
    }
  }
}
