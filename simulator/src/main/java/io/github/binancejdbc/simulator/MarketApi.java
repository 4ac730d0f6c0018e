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
import java.util.List;

/** The public market-data endpoints (security NONE). */
record MarketApi(Market market, Exchange exchange) {
  // ---------------------------------------------------------------------------------------------
  // Endpoints

  JsonNode depth(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    String status = MarketParams.symbolStatus(p);
    if (status != null && !status.equals(s.status())) {
      throw ApiException.bad(
          -1220, "The symbol's status does not match the requested symbolStatus.");
    }
    int limit = MarketParams.limit(p, 100, 5000);
    Exchange.BookView book = exchange.depth(s.symbol(), limit);
    ObjectNode n = JsonNodes.obj();
    n.put("lastUpdateId", book.lastUpdateId());
    n.set("bids", levels(book.bids()));
    n.set("asks", levels(book.asks()));
    return n;
  }

  private static ArrayNode levels(List<long[]> levels) {
    ArrayNode a = JsonNodes.arr();
    for (long[] l : levels) {
      ArrayNode pair = a.addArray();
      pair.add(format(l[0]));
      pair.add(format(l[1]));
    }
    return a;
  }

  JsonNode trades(Endpoint.Call c) {
    Params p = c.params();
    SymbolMarket h = market.history(MarketParams.symbol(p, market).symbol());
    int limit = MarketParams.limit(p, 500, 1000);
    return tradeList(h.trades(Math.max(0, h.tradeCount() - limit), limit));
  }

  JsonNode historicalTrades(Endpoint.Call c) {
    Params p = c.params();
    SymbolMarket h = market.history(MarketParams.symbol(p, market).symbol());
    int limit = MarketParams.limit(p, 500, 1000);
    Long fromId = p.optLong("fromId");
    long from = fromId != null ? fromId : Math.max(0, h.tradeCount() - limit);
    return tradeList(h.trades(from, limit));
  }

  JsonNode historicalBlockTrades(Endpoint.Call c) {
    Params p = c.params();
    MarketParams.symbol(p, market);
    p.requireLong("fromId");
    MarketParams.limit(p, 500, 1000);
    return JsonNodes.arr(); // no block trades happen in the simulated market
  }

  private static ArrayNode tradeList(List<SymbolMarket.Trade> trades) {
    ArrayNode a = JsonNodes.arr();
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
    SymbolMarket h = market.history(MarketParams.symbol(p, market).symbol());
    int limit = MarketParams.limit(p, 500, 1000);
    Long fromId = p.optLong("fromId");
    Long start = MarketParams.time(p, "startTime");
    Long end = MarketParams.time(p, "endTime");
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
    ArrayNode a = JsonNodes.arr();
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
    SymbolSpec s = MarketParams.symbol(p, market);
    Interval iv = Interval.of(p.require("interval"));
    if (iv == null) {
      throw ApiException.bad(-1120, "Invalid interval.");
    }
    Long start = MarketParams.time(p, "startTime");
    Long end = MarketParams.time(p, "endTime");
    long offset = MarketParams.timeZone(p);
    int limit = MarketParams.limit(p, 500, 1000);
    ArrayNode a = JsonNodes.arr();
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
    SymbolSpec s = MarketParams.symbol(c.params(), market);
    SymbolMarket h = market.history(s.symbol());
    long end = h.dataEndMs();
    Bar b = h.aggregate(end - 5 * 60_000, end);
    ObjectNode n = JsonNodes.obj();
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
    boolean mini = MarketParams.tickerType(p);
    List<ObjectNode> out = new ArrayList<>();
    for (SymbolSpec s : MarketParams.tickerSymbols(p, market, false)) {
      long close = market.marketTimeMs() - 1;
      out.add(stats(s, close - MarketParams.DAY + 1, close, mini, true));
    }
    return MarketParams.oneOrMany(p, out);
  }

  JsonNode rollingTicker(Endpoint.Call c) {
    Params p = c.params();
    boolean mini = MarketParams.tickerType(p);
    long window = MarketParams.windowSize(p.get("windowSize"));
    List<ObjectNode> out = new ArrayList<>();
    for (SymbolSpec s : MarketParams.tickerSymbols(p, market, true)) {
      long close = market.marketTimeMs() - 1;
      long open = Math.floorDiv(close - window + 1, 60_000L) * 60_000;
      out.add(stats(s, open, close, mini, false));
    }
    return MarketParams.oneOrMany(p, out);
  }

  JsonNode tradingDayTicker(Endpoint.Call c) {
    Params p = c.params();
    boolean mini = MarketParams.tickerType(p);
    long offset = MarketParams.timeZone(p);
    List<ObjectNode> out = new ArrayList<>();
    for (SymbolSpec s : MarketParams.tickerSymbols(p, market, true)) {
      long asOf = market.marketTimeMs() - 1;
      long open = Math.floorDiv(asOf + offset, MarketParams.DAY) * MarketParams.DAY - offset;
      out.add(stats(s, open, open + MarketParams.DAY - 1, mini, false));
    }
    return MarketParams.oneOrMany(p, out);
  }

  /** Statistics of the trades with time in [openTime, closeTime]. */
  private ObjectNode stats(
      SymbolSpec s, long openTime, long closeTime, boolean mini, boolean full24) {
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
    ObjectNode n = JsonNodes.obj();
    n.put("symbol", s.symbol());
    if (!mini) {
      n.put("priceChange", format(last - open));
      n.put(
          "priceChangePercent",
          open == 0
              ? "0.000"
              : BigDecimal.valueOf(last - open)
                  .multiply(BigDecimal.valueOf(100))
                  .divide(BigDecimal.valueOf(open), 3, RoundingMode.HALF_UP)
                  .toPlainString());
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
    for (SymbolSpec s : MarketParams.tickerSymbols(p, market, false)) {
      ObjectNode n = JsonNodes.obj();
      n.put("symbol", s.symbol());
      n.put("price", format(exchange.lastPrice(s.symbol())));
      out.add(n);
    }
    return MarketParams.oneOrMany(p, out);
  }

  JsonNode bookTicker(Endpoint.Call c) {
    Params p = c.params();
    List<ObjectNode> out = new ArrayList<>();
    for (SymbolSpec s : MarketParams.tickerSymbols(p, market, false)) {
      Exchange.BookView book = exchange.depth(s.symbol(), 1);
      long[] bid = book.bids().isEmpty() ? new long[2] : book.bids().get(0);
      long[] ask = book.asks().isEmpty() ? new long[2] : book.asks().get(0);
      ObjectNode n = JsonNodes.obj();
      n.put("symbol", s.symbol());
      n.put("bidPrice", format(bid[0]));
      n.put("bidQty", format(bid[1]));
      n.put("askPrice", format(ask[0]));
      n.put("askQty", format(ask[1]));
      out.add(n);
    }
    return MarketParams.oneOrMany(p, out);
  }

  JsonNode referencePrice(Endpoint.Call c) {
    MarketParams.symbol(c.params(), market);
    throw ApiException.bad(-2043, "This symbol doesn't have a reference price.");
  }

  JsonNode referencePriceCalculation(Endpoint.Call c) {
    MarketParams.symbol(c.params(), market);
    MarketParams.symbolStatus(c.params());
    throw ApiException.bad(-2043, "This symbol doesn't have a reference price.");
  }

  JsonNode executionRules(Endpoint.Call c) {
    Params p = c.params();
    int given =
        (p.has("symbol") ? 1 : 0) + (p.has("symbols") ? 1 : 0) + (p.has("symbolStatus") ? 1 : 0);
    if (given > 1) {
      throw Errors.badCombination();
    }
    ObjectNode n = JsonNodes.obj();
    ArrayNode rules = n.putArray("symbolRules");
    for (SymbolSpec s : MarketParams.tickerSymbols(p, market, false)) {
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
