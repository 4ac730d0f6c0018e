package io.github.binancejdbc.simulator;

import static io.github.binancejdbc.simulator.market.Units.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binancejdbc.simulator.market.Interval;
import io.github.binancejdbc.simulator.market.Klines;
import io.github.binancejdbc.simulator.market.Market;
import io.github.binancejdbc.simulator.market.MarketData;
import io.github.binancejdbc.simulator.market.SymbolMarket;
import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.market.Units;
import io.github.binancejdbc.simulator.trading.ApiException;
import io.github.binancejdbc.simulator.trading.Errors;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The public market-data endpoints (security NONE). */
record MarketApi(Market market, MarketData data) {
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
    MarketData.Book book = data.book(s, limit);
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
    SymbolSpec s = MarketParams.symbol(p, market);
    return tradeList(data.recentTrades(s, MarketParams.limit(p, 500, 1000)));
  }

  JsonNode historicalTrades(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    int limit = MarketParams.limit(p, 500, 1000);
    Long fromId = p.optLong("fromId");
    return tradeList(
        fromId != null ? data.tradesFrom(s, fromId, limit) : data.recentTrades(s, limit));
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
    SymbolSpec s = MarketParams.symbol(p, market);
    int limit = MarketParams.limit(p, 500, 1000);
    Long fromId = p.optLong("fromId");
    Long start = MarketParams.time(p, "startTime");
    Long end = MarketParams.time(p, "endTime");
    if (fromId != null && (start != null || end != null)) {
      throw Errors.badCombination();
    }
    List<SymbolMarket.AggTrade> aggs = data.aggTrades(s, fromId, start, end, limit);
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
    for (Klines.Kline k : data.klines(s, iv, offset, start, end, limit)) {
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
    MarketData.AvgPrice a = data.avgPrice(s);
    ObjectNode n = JsonNodes.obj();
    n.put("mins", 5);
    n.put("price", format(a.price()));
    n.put("closeTime", a.closeTime());
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
    MarketData.Window w = data.window(s, openTime, closeTime);
    long open = w.open();
    long last = w.last();
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
      n.put("weightedAvgPrice", Units.ratio(w.quote(), w.volume()));
      if (full24) {
        n.put("prevClosePrice", format(w.prevClose()));
        n.put("lastPrice", format(last));
        n.put("lastQty", format(w.lastQty()));
        MarketData.Book book = data.book(s, 1);
        long[] bid = book.bids().isEmpty() ? new long[2] : book.bids().get(0);
        long[] ask = book.asks().isEmpty() ? new long[2] : book.asks().get(0);
        n.put("bidPrice", format(bid[0]));
        n.put("bidQty", format(bid[1]));
        n.put("askPrice", format(ask[0]));
        n.put("askQty", format(ask[1]));
      }
    }
    n.put("openPrice", format(open));
    n.put("highPrice", format(w.high()));
    n.put("lowPrice", format(w.low()));
    if (mini || !full24) {
      n.put("lastPrice", format(last));
    }
    n.put("volume", format(w.volume()));
    n.put("quoteVolume", format(w.quote()));
    n.put("openTime", openTime);
    n.put("closeTime", closeTime);
    n.put("firstId", w.firstId());
    n.put("lastId", w.lastId());
    n.put("count", w.count());
    return n;
  }

  JsonNode tickerPrice(Endpoint.Call c) {
    Params p = c.params();
    List<ObjectNode> out = new ArrayList<>();
    for (SymbolSpec s : MarketParams.tickerSymbols(p, market, false)) {
      ObjectNode n = JsonNodes.obj();
      n.put("symbol", s.symbol());
      n.put("price", format(data.lastPrice(s)));
      out.add(n);
    }
    return MarketParams.oneOrMany(p, out);
  }

  JsonNode bookTicker(Endpoint.Call c) {
    Params p = c.params();
    List<ObjectNode> out = new ArrayList<>();
    for (SymbolSpec s : MarketParams.tickerSymbols(p, market, false)) {
      MarketData.Book book = data.book(s, 1);
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
