package io.github.binancejdbc.simulator.market;

import java.util.List;

/**
 * Where the market-data endpoints read their data: bars, trades, aggregate trades, ticker windows,
 * the average price and the order book of one listed symbol. The endpoints own Binance's request
 * handling (parameters, limits, errors, weights, the ticker shapes); a source only answers with the
 * rows a validated request selects, by Binance's paging rule: no bounds, the latest {@code limit};
 * a start, the oldest from it; an end only, the latest at or before it; both, from the start and
 * never past the end. Amounts are in {@link Units}.
 *
 * <p>Two sources exist: the generated market (every interval derived from a seeded minute tape, the
 * book live with the accounts' orders) and {@link GivenMarket} (lists handed over by a test).
 */
public interface MarketData {
  /** A ticker window's statistics; an empty window has every price at {@code prevClose}. */
  record Window(
      long open,
      long high,
      long low,
      long last,
      long prevClose,
      long volume,
      long quote,
      long firstId,
      long lastId,
      long count,
      long lastQty) {

    /** A window without trades: every price at the last price before it, ids -1. */
    public static Window empty(long prevClose) {
      return new Window(prevClose, prevClose, prevClose, prevClose, prevClose, 0, 0, -1, -1, 0, 0);
    }
  }

  /** {@code /api/v3/avgPrice}: the price and the time of the last trade it covers. */
  record AvgPrice(long price, long closeTime) {}

  /** A book snapshot: {@code [price, qty]} levels best first, and its update id. */
  record Book(long lastUpdateId, List<long[]> bids, List<long[]> asks) {}

  /** Bars of an interval (shifted by {@code offset} ms of time zone) by open time. */
  List<Klines.Kline> klines(
      SymbolSpec s, Interval iv, long offset, Long startTime, Long endTime, int limit);

  /** The latest {@code limit} trades. */
  List<SymbolMarket.Trade> recentTrades(SymbolSpec s, int limit);

  /** Up to {@code limit} trades with ids from {@code fromId}, ascending. */
  List<SymbolMarket.Trade> tradesFrom(SymbolSpec s, long fromId, int limit);

  /** Aggregate trades by id from {@code fromId}, else by time (inclusive bounds). */
  List<SymbolMarket.AggTrade> aggTrades(
      SymbolSpec s, Long fromId, Long startTime, Long endTime, int limit);

  /** Statistics of the trades with time in {@code [openTime, closeTime]}. */
  Window window(SymbolSpec s, long openTime, long closeTime);

  /** The volume-weighted price of the last five minutes of history. */
  AvgPrice avgPrice(SymbolSpec s);

  /** The order book, {@code limit} levels per side. */
  Book book(SymbolSpec s, int limit);

  /** The last traded price. */
  long lastPrice(SymbolSpec s);
}
