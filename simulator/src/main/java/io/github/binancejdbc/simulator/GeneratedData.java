package io.github.binancejdbc.simulator;

import io.github.binancejdbc.simulator.market.Bar;
import io.github.binancejdbc.simulator.market.Interval;
import io.github.binancejdbc.simulator.market.Klines;
import io.github.binancejdbc.simulator.market.Market;
import io.github.binancejdbc.simulator.market.MarketData;
import io.github.binancejdbc.simulator.market.SymbolMarket;
import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.market.Units;
import io.github.binancejdbc.simulator.trading.Exchange;
import java.util.List;

/**
 * The generated market as a {@link MarketData}: history from the seeded tape, the book and the last
 * price live from the exchange (the accounts' orders and fills included).
 */
final class GeneratedData implements MarketData {
  private final Market market;
  private final Exchange exchange;

  GeneratedData(Market market, Exchange exchange) {
    this.market = market;
    this.exchange = exchange;
  }

  @Override
  public List<Klines.Kline> klines(
      SymbolSpec s, Interval iv, long offset, Long startTime, Long endTime, int limit) {
    return Klines.query(market.history(s.symbol()), iv, offset, startTime, endTime, limit);
  }

  @Override
  public List<SymbolMarket.Trade> recentTrades(SymbolSpec s, int limit) {
    SymbolMarket h = market.history(s.symbol());
    return h.trades(Math.max(0, h.tradeCount() - limit), limit);
  }

  @Override
  public List<SymbolMarket.Trade> tradesFrom(SymbolSpec s, long fromId, int limit) {
    return market.history(s.symbol()).trades(fromId, limit);
  }

  @Override
  public List<SymbolMarket.AggTrade> aggTrades(
      SymbolSpec s, Long fromId, Long start, Long end, int limit) {
    SymbolMarket h = market.history(s.symbol());
    if (fromId != null) {
      return h.aggTrades(fromId, limit, Long.MAX_VALUE);
    }
    if (start != null) {
      long endMs = end != null ? end : Long.MAX_VALUE;
      return start > endMs ? List.of() : h.aggTrades(h.firstAggAtOrAfter(start), limit, endMs);
    }
    if (end != null) {
      long last = end == Long.MAX_VALUE ? h.aggCount() - 1 : h.firstAggAtOrAfter(end + 1) - 1;
      long from = Math.max(0, last - limit + 1);
      return last < 0 ? List.of() : h.aggTrades(from, (int) (last - from + 1), end);
    }
    return h.aggTrades(Math.max(0, h.aggCount() - limit), limit, Long.MAX_VALUE);
  }

  @Override
  public Window window(SymbolSpec s, long openTime, long closeTime) {
    SymbolMarket h = market.history(s.symbol());
    Bar b = h.aggregate(openTime, closeTime + 1);
    long tick = s.tickUnits();
    long prevClose = h.priceBefore(openTime) * tick;
    if (b.count() == 0) {
      return Window.empty(prevClose);
    }
    return new Window(
        b.open() * tick,
        b.high() * tick,
        b.low() * tick,
        b.close() * tick,
        prevClose,
        b.volume() * s.tapeLotUnits(),
        b.quote(),
        b.firstTradeId(),
        b.lastTradeId(),
        b.count(),
        h.trades(b.lastTradeId(), 1).get(0).qty());
  }

  @Override
  public AvgPrice avgPrice(SymbolSpec s) {
    SymbolMarket h = market.history(s.symbol());
    long end = h.dataEndMs();
    Bar b = h.aggregate(end - 5 * 60_000, end);
    long lastId = h.tradeCount() - 1;
    if (b.count() > 0) {
      return new AvgPrice(
          Units.divide(b.quote(), b.volume() * s.tapeLotUnits()),
          h.trades(b.lastTradeId(), 1).get(0).time());
    }
    if (lastId >= 0) {
      SymbolMarket.Trade t = h.trades(lastId, 1).get(0);
      return new AvgPrice(t.price(), t.time());
    }
    return new AvgPrice(0, 0);
  }

  @Override
  public Book book(SymbolSpec s, int limit) {
    Exchange.BookView b = exchange.depth(s.symbol(), limit);
    return new Book(b.lastUpdateId(), b.bids(), b.asks());
  }

  @Override
  public long lastPrice(SymbolSpec s) {
    return exchange.lastPrice(s.symbol());
  }
}
