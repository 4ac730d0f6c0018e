package io.github.binancejdbc.simulator;

import static io.github.binancejdbc.simulator.market.Units.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binancejdbc.simulator.market.Bar;
import io.github.binancejdbc.simulator.market.Interval;
import io.github.binancejdbc.simulator.market.Klines;
import io.github.binancejdbc.simulator.market.Market;
import io.github.binancejdbc.simulator.market.SymbolMarket;
import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.market.Units;
import io.github.binancejdbc.simulator.trading.ApiException;
import io.github.binancejdbc.simulator.trading.Errors;
import io.github.binancejdbc.simulator.trading.Exchange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The public market-data endpoints (security NONE). */
final class MarketApi {
  static final Set<String> SYMBOL_STATUSES = Set.of("TRADING", "HALT", "BREAK");
  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9-_.]{1,20}");
  private static final Pattern SYMBOLS =
      Pattern.compile("\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\")*)?\\]");
  private static final Pattern TIME_ZONE = Pattern.compile("([+-]?)(\\d{1,2})(?::(\\d{2}))?");
  private static final Pattern WINDOW = Pattern.compile("(\\d{1,2})([mhd])");
  private static final long DAY = 86_400_000L;

  private final Market market;
  private final Exchange exchange;

  MarketApi(Market market, Exchange exchange) {
    this.market = market;
    this.exchange = exchange;
  }

  // ---------------------------------------------------------------------------------------------
  // Parameter helpers shared with the trading endpoints

  static SymbolSpec symbol(Params p, Market market) {
    return lookup(p.require("symbol"), market, "symbol");
  }

  private static SymbolSpec lookup(String name, Market market, String param) {
    if (!SYMBOL.matcher(name).matches()) {
      throw Errors.illegal(param, Errors.SYMBOL_RANGE);
    }
    SymbolSpec s = market.spec(name);
    if (s == null) {
      throw Errors.badSymbol();
    }
    return s;
  }

  /** The {@code symbols} JSON array, or null when absent. */
  static List<SymbolSpec> symbols(Params p, Market market) {
    String raw = p.get("symbols");
    if (raw == null) {
      return null;
    }
    String compact = raw.replace(" ", "");
    if (!SYMBOLS.matcher(compact).matches()) {
      throw Errors.illegal("symbols", Errors.SYMBOLS_RANGE);
    }
    List<SymbolSpec> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String inner = compact.substring(1, compact.length() - 1);
    if (inner.isEmpty()) {
      throw Errors.mandatory("symbols");
    }
    for (String quoted : inner.split(",")) {
      String name = quoted.substring(1, quoted.length() - 1);
      if (!seen.add(name)) {
        throw ApiException.bad(-1151, "Symbol is present multiple times in the list.");
      }
      out.add(lookup(name, market, "symbols"));
    }
    return out;
  }

  /** A time parameter in ms; values in µs (more than 10^14) are converted. */
  static Long time(Params p, String name) {
    Long v = p.optLong(name);
    if (v != null && v > 100_000_000_000_000L) {
      v = v / 1000;
    }
    return v;
  }

  static int limit(Params p, int dflt, int max) {
    Integer v = p.optInt("limit");
    if (v == null) {
      return dflt;
    }
    if (v <= 0) {
      throw Errors.invalid("limit");
    }
    return Math.min(v, max);
  }

  /** {@code timeZone} ("0", "8", "-1:00", "05:45"; within [-12:00, +14:00]) as an offset in ms. */
  static long timeZone(Params p) {
    String tz = p.get("timeZone");
    if (tz == null) {
      return 0;
    }
    Matcher m = TIME_ZONE.matcher(tz.trim());
    if (!m.matches()) {
      throw Errors.invalid("timeZone");
    }
    int hours = Integer.parseInt(m.group(2));
    int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    boolean negative = m.group(1).equals("-");
    long total = hours * 60L + minutes;
    if (minutes >= 60 || (negative ? total > 12 * 60 : total > 14 * 60)) {
      throw Errors.invalid("timeZone");
    }
    return (negative ? -total : total) * 60_000;
  }

  private static String symbolStatus(Params p) {
    return p.optEnum("symbolStatus", SYMBOL_STATUSES,
        ApiException.bad(-1122, "Invalid symbolStatus."));
  }

  /** The symbols a ticker-like request is about, filtered by symbolStatus. */
  private List<SymbolSpec> tickerSymbols(Params p, boolean required) {
    String status = symbolStatus(p);
    if (p.has("symbol") && p.has("symbols")) {
      throw Errors.badCombination();
    }
    if (p.has("symbol")) {
      SymbolSpec s = symbol(p, market);
      if (status != null && !status.equals(s.status())) {
        throw ApiException.bad(-1220, "The symbol's status does not match the requested symbolStatus.");
      }
      return List.of(s);
    }
    List<SymbolSpec> list = symbols(p, market);
    if (list == null) {
      if (required) {
        throw Errors.eitherMandatory("symbol", "symbols");
      }
      list = new ArrayList<>(market.specs());
    }
    if (required && list.size() > 100) {
      throw ApiException.bad(
          -1101, "Too many values sent for parameter 'symbols', maximum allowed up to 100.");
    }
    List<SymbolSpec> out = new ArrayList<>();
    for (SymbolSpec s : list) {
      if (status == null || status.equals(s.status())) {
        out.add(s);
      }
    }
    return out;
  }

  private static JsonNode oneOrMany(Params p, List<ObjectNode> items) {
    if (p.has("symbol")) {
      return items.get(0);
    }
    ArrayNode a = Json.arr();
    items.forEach(a::add);
    return a;
  }

  // ---------------------------------------------------------------------------------------------
  // Endpoints

  JsonNode depth(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = symbol(p, market);
    String status = symbolStatus(p);
    if (status != null && !status.equals(s.status())) {
      throw ApiException.bad(-1220, "The symbol's status does not match the requested symbolStatus.");
    }
    int limit = limit(p, 100, 5000);
    Exchange.BookView book = exchange.depth(s.symbol(), limit);
    ObjectNode n = Json.obj();
    n.put("lastUpdateId", book.lastUpdateId());
    n.set("bids", levels(book.bids()));
    n.set("asks", levels(book.asks()));
    return n;
  }

  private static ArrayNode levels(List<long[]> levels) {
    ArrayNode a = Json.arr();
    for (long[] l : levels) {
      ArrayNode pair = a.addArray();
      pair.add(format(l[0]));
      pair.add(format(l[1]));
    }
    return a;
  }

  JsonNode trades(Endpoint.Call c) {
    Params p = c.params();
    SymbolMarket h = market.history(symbol(p, market).symbol());
    int limit = limit(p, 500, 1000);
    return tradeList(h.trades(Math.max(0, h.tradeCount() - limit), limit));
  }

  JsonNode historicalTrades(Endpoint.Call c) {
    Params p = c.params();
    SymbolMarket h = market.history(symbol(p, market).symbol());
    int limit = limit(p, 500, 1000);
    Long fromId = p.optLong("fromId");
    long from = fromId != null ? fromId : Math.max(0, h.tradeCount() - limit);
    return tradeList(h.trades(from, limit));
  }

  JsonNode historicalBlockTrades(Endpoint.Call c) {
    Params p = c.params();
    symbol(p, market);
    p.requireLong("fromId");
    limit(p, 500, 1000);
    return Json.arr(); // no block trades happen in the simulated market
  }

  private static ArrayNode tradeList(List<SymbolMarket.Trade> trades) {
    ArrayNode a = Json.arr();
    for (SymbolMarket.Trade t : trades) {
      ObjectNode n = a.addObject();
      n.put("id", t.id());
      n.put("price", format(t.price()));
      n.put("qty", format(t.qty()));
      n.put("quoteQty", format(t.quoteQty()));
      n.put("time", t.time());
      n.put("isBuyerMaker", t.buyerMaker());
      n.put("isBestMatch", true);
    }
    return a;
  }

  JsonNode aggTrades(Endpoint.Call c) {
    Params p = c.params();
    SymbolMarket h = market.history(symbol(p, market).symbol());
    int limit = limit(p, 500, 1000);
    Long fromId = p.optLong("fromId");
    Long start = time(p, "startTime");
    Long end = time(p, "endTime");
    if (fromId != null && (start != null || end != null)) {
      throw Errors.badCombination();
    }
    List<SymbolMarket.AggTrade> aggs;
    if (fromId != null) {
      aggs = h.aggTrades(fromId, limit, Long.MAX_VALUE);
    } else if (start != null) {
      long endMs = end != null ? end : Long.MAX_VALUE;
      aggs = start > endMs ? List.of() : h.aggTrades(h.firstAggAtOrAfter(start), limit, endMs);
    } else if (end != null) {
      long last = end == Long.MAX_VALUE ? h.aggCount() - 1 : h.firstAggAtOrAfter(end + 1) - 1;
      long from = Math.max(0, last - limit + 1);
      aggs = last < 0 ? List.of() : h.aggTrades(from, (int) (last - from + 1), end);
    } else {
      aggs = h.aggTrades(Math.max(0, h.aggCount() - limit), limit, Long.MAX_VALUE);
    }
    ArrayNode a = Json.arr();
    for (SymbolMarket.AggTrade t : aggs) {
      ObjectNode n = a.addObject();
      n.put("a", t.id());
      n.put("p", format(t.price()));
      n.put("q", format(t.qty()));
      n.put("f", t.firstId());
      n.put("l", t.lastId());
      n.put("T", t.time());
      n.put("m", t.buyerMaker());
      n.put("M", true);
    }
    return a;
  }

  JsonNode klines(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = symbol(p, market);
    Interval iv = Interval.of(p.require("interval"));
    if (iv == null) {
      throw ApiException.bad(-1120, "Invalid interval.");
    }
    Long start = time(p, "startTime");
    Long end = time(p, "endTime");
    long offset = timeZone(p);
    int limit = limit(p, 500, 1000);
    ArrayNode a = Json.arr();
    if (start != null && end != null && start > end) {
      return a;
    }
    for (Klines.Kline k : Klines.query(market.history(s.symbol()), iv, offset, start, end, limit)) {
      ArrayNode row = a.addArray();
      row.add(k.openTime());
      row.add(format(k.open()));
      row.add(format(k.high()));
      row.add(format(k.low()));
      row.add(format(k.close()));
      row.add(format(k.volume()));
      row.add(k.closeTime());
      row.add(format(k.quoteVolume()));
      row.add(k.trades());
      row.add(format(k.takerBuyVolume()));
      row.add(format(k.takerBuyQuoteVolume()));
      row.add("0");
    }
    return a;
  }

  JsonNode avgPrice(Endpoint.Call c) {
    SymbolSpec s = symbol(c.params(), market);
    SymbolMarket h = market.history(s.symbol());
    long end = h.dataEndMs();
    Bar b = h.aggregate(end - 5 * 60_000, end);
    ObjectNode n = Json.obj();
    n.put("mins", 5);
    long lastId = h.tradeCount() - 1;
    if (b.count() > 0) {
      n.put("price", Units.ratio(b.quote(), b.volume() * s.tapeLotUnits()));
      n.put("closeTime", h.trades(b.lastTradeId(), 1).get(0).time());
    } else if (lastId >= 0) {
      SymbolMarket.Trade t = h.trades(lastId, 1).get(0);
      n.put("price", format(t.price()));
      n.put("closeTime", t.time());
    } else {
      n.put("price", format(0));
      n.put("closeTime", 0L);
    }
    return n;
  }

  JsonNode ticker24hr(Endpoint.Call c) {
    Params p = c.params();
    boolean mini = tickerType(p);
    List<ObjectNode> out = new ArrayList<>();
    for (SymbolSpec s : tickerSymbols(p, false)) {
      long close = market.marketTimeMs() - 1;
      out.add(stats(s, close - DAY + 1, close, mini, true));
    }
    return oneOrMany(p, out);
  }

  JsonNode rollingTicker(Endpoint.Call c) {
    Params p = c.params();
    boolean mini = tickerType(p);
    long window = windowSize(p.get("windowSize"));
    List<ObjectNode> out = new ArrayList<>();
    for (SymbolSpec s : tickerSymbols(p, true)) {
      long close = market.marketTimeMs() - 1;
      long open = Math.floorDiv(close - window + 1, 60_000L) * 60_000;
      out.add(stats(s, open, close, mini, false));
    }
    return oneOrMany(p, out);
  }

  JsonNode tradingDayTicker(Endpoint.Call c) {
    Params p = c.params();
    boolean mini = tickerType(p);
    long offset = timeZone(p);
    List<ObjectNode> out = new ArrayList<>();
    for (SymbolSpec s : tickerSymbols(p, true)) {
      long asOf = market.marketTimeMs() - 1;
      long open = Math.floorDiv(asOf + offset, DAY) * DAY - offset;
      out.add(stats(s, open, open + DAY - 1, mini, false));
    }
    return oneOrMany(p, out);
  }

  private static boolean tickerType(Params p) {
    String type = p.optEnum("type", Set.of("FULL", "MINI"), ApiException.bad(-1139, "Invalid ticker type."));
    return "MINI".equals(type);
  }

  /** {@code windowSize}: 1m..59m, 1h..23h, 1d..7d; default 1d. */
  static long windowSize(String w) {
    if (w == null) {
      return DAY;
    }
    Matcher m = WINDOW.matcher(w);
    if (!m.matches()) {
      throw Errors.invalid("windowSize");
    }
    int n = Integer.parseInt(m.group(1));
    return switch (m.group(2)) {
      case "m" -> check(n, 59) * 60_000L;
      case "h" -> check(n, 23) * 3_600_000L;
      default -> check(n, 7) * DAY;
    };
  }

  private static long check(int n, int max) {
    if (n < 1 || n > max) {
      throw Errors.invalid("windowSize");
    }
    return n;
  }

  /** Statistics of the trades with time in [openTime, closeTime]. */
  private ObjectNode stats(SymbolSpec s, long openTime, long closeTime, boolean mini, boolean full24) {
    SymbolMarket h = market.history(s.symbol());
    Bar b = h.aggregate(openTime, closeTime + 1);
    long tick = s.tickUnits();
    long open;
    long high;
    long low;
    long last;
    long prevClose = h.priceBefore(openTime) * tick;
    if (b.count() == 0) {
      open = high = low = last = prevClose;
    } else {
      open = b.open() * tick;
      high = b.high() * tick;
      low = b.low() * tick;
      last = b.close() * tick;
    }
    long volume = b.volume() * s.tapeLotUnits();
    ObjectNode n = Json.obj();
    n.put("symbol", s.symbol());
    if (!mini) {
      n.put("priceChange", format(last - open));
      n.put("priceChangePercent", open == 0 ? "0.000"
          : BigDecimal.valueOf(last - open).multiply(BigDecimal.valueOf(100))
              .divide(BigDecimal.valueOf(open), 3, RoundingMode.HALF_UP).toPlainString());
      n.put("weightedAvgPrice", Units.ratio(b.quote(), volume));
      if (full24) {
        n.put("prevClosePrice", format(prevClose));
        n.put("lastPrice", format(last));
        long lastQty = b.count() == 0 ? 0 : h.trades(b.lastTradeId(), 1).get(0).qty();
        n.put("lastQty", format(lastQty));
        Exchange.BookView book = exchange.depth(s.symbol(), 1);
        long[] bid = book.bids().isEmpty() ? new long[2] : book.bids().get(0);
        long[] ask = book.asks().isEmpty() ? new long[2] : book.asks().get(0);
        n.put("bidPrice", format(bid[0]));
        n.put("bidQty", format(bid[1]));
        n.put("askPrice", format(ask[0]));
        n.put("askQty", format(ask[1]));
      }
    }
    n.put("openPrice", format(open));
    n.put("highPrice", format(high));
    n.put("lowPrice", format(low));
    if (mini || !full24) {
      n.put("lastPrice", format(last));
    }
    n.put("volume", format(volume));
    n.put("quoteVolume", format(b.quote()));
    n.put("openTime", openTime);
    n.put("closeTime", closeTime);
    n.put("firstId", b.firstTradeId());
    n.put("lastId", b.lastTradeId());
    n.put("count", b.count());
    return n;
  }

  JsonNode tickerPrice(Endpoint.Call c) {
    Params p = c.params();
    List<ObjectNode> out = new ArrayList<>();
    for (SymbolSpec s : tickerSymbols(p, false)) {
      ObjectNode n = Json.obj();
      n.put("symbol", s.symbol());
      n.put("price", format(exchange.lastPrice(s.symbol())));
      out.add(n);
    }
    return oneOrMany(p, out);
  }

  JsonNode bookTicker(Endpoint.Call c) {
    Params p = c.params();
    List<ObjectNode> out = new ArrayList<>();
    for (SymbolSpec s : tickerSymbols(p, false)) {
      Exchange.BookView book = exchange.depth(s.symbol(), 1);
      long[] bid = book.bids().isEmpty() ? new long[2] : book.bids().get(0);
      long[] ask = book.asks().isEmpty() ? new long[2] : book.asks().get(0);
      ObjectNode n = Json.obj();
      n.put("symbol", s.symbol());
      n.put("bidPrice", format(bid[0]));
      n.put("bidQty", format(bid[1]));
      n.put("askPrice", format(ask[0]));
      n.put("askQty", format(ask[1]));
      out.add(n);
    }
    return oneOrMany(p, out);
  }

  JsonNode referencePrice(Endpoint.Call c) {
    symbol(c.params(), market);
    throw ApiException.bad(-2043, "This symbol doesn't have a reference price.");
  }

  JsonNode referencePriceCalculation(Endpoint.Call c) {
    symbol(c.params(), market);
    symbolStatus(c.params());
    throw ApiException.bad(-2043, "This symbol doesn't have a reference price.");
  }

  JsonNode executionRules(Endpoint.Call c) {
    Params p = c.params();
    int given = (p.has("symbol") ? 1 : 0) + (p.has("symbols") ? 1 : 0) + (p.has("symbolStatus") ? 1 : 0);
    if (given > 1) {
      throw Errors.badCombination();
    }
    ObjectNode n = Json.obj();
    ArrayNode rules = n.putArray("symbolRules");
    for (SymbolSpec s : tickerSymbols(p, false)) {
      ObjectNode r = rules.addObject();
      r.put("symbol", s.symbol());
      ObjectNode rule = r.putArray("rules").addObject();
      rule.put("ruleType", "PRICE_RANGE");
      rule.put("bidLimitMultUp", "5");
      rule.put("bidLimitMultDown", "0.2");
      rule.put("askLimitMultUp", "5");
      rule.put("askLimitMultDown", "0.2");
    }
    return n;
  }
}
