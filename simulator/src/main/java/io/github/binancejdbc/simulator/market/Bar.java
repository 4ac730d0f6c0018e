package io.github.binancejdbc.simulator.market;

/**
 * An accumulator of trades into OHLCV statistics (a kline, a ticker window, a day summary). Prices
 * are in ticks, volumes in tape lots, quote volumes in units; ids are -1 while empty.
 */
public final class Bar {
  long open = -1;
  long high;
  long low;
  long close;
  long volume;
  long quote;
  long count;
  long takerBuyVolume;
  long takerBuyQuote;
  long firstTradeId = -1;
  long lastTradeId = -1;

  public long open() {
    return open;
  }

  public long high() {
    return high;
  }

  public long low() {
    return low;
  }

  public long close() {
    return close;
  }

  /** Base volume in tape lots (multiply by the symbol's tape lot for units). */
  public long volume() {
    return volume;
  }

  /** Quote volume in units. */
  public long quote() {
    return quote;
  }

  public long count() {
    return count;
  }

  public long firstTradeId() {
    return firstTradeId;
  }

  public long lastTradeId() {
    return lastTradeId;
  }

  boolean isEmpty() {
    return count == 0;
  }

  void addMinute(DayData d, int j) {
    if (d.trades[j] == 0) {
      return;
    }
    add(d.open[j], d.high[j], d.low[j], d.close[j]);
    volume = Math.addExact(volume, d.volume[j]);
    quote = Math.addExact(quote, d.quote[j]);
    takerBuyVolume += d.takerBuyVolume[j];
    takerBuyQuote = Math.addExact(takerBuyQuote, d.takerBuyQuote[j]);
    if (firstTradeId < 0) {
      firstTradeId = d.firstTradeId[j];
    }
    count += d.trades[j];
    lastTradeId = d.firstTradeId[j] + d.trades[j] - 1;
  }

  void addTape(MinuteTape t, long firstId) {
    if (t.includedTrades == 0) {
      return;
    }
    add(t.open, t.high, t.low, t.close);
    volume = Math.addExact(volume, t.volume);
    quote = Math.addExact(quote, t.quote);
    takerBuyVolume += t.takerBuyVolume;
    takerBuyQuote = Math.addExact(takerBuyQuote, t.takerBuyQuote);
    if (firstTradeId < 0) {
      firstTradeId = firstId;
    }
    count += t.includedTrades;
    lastTradeId = firstId + t.includedTrades - 1;
  }

  void addBar(Bar b) {
    if (b.count == 0) {
      return;
    }
    add(b.open, b.high, b.low, b.close);
    volume = Math.addExact(volume, b.volume);
    quote = Math.addExact(quote, b.quote);
    takerBuyVolume += b.takerBuyVolume;
    takerBuyQuote = Math.addExact(takerBuyQuote, b.takerBuyQuote);
    if (firstTradeId < 0) {
      firstTradeId = b.firstTradeId;
    }
    count += b.count;
    lastTradeId = b.lastTradeId;
  }

  /** One group of a tape: {@code trades} trades at one price. */
  void addGroup(
      long price, long lots, long quoteUnits, boolean buyerMaker, long firstId, int trades) {
    add(price, price, price, price);
    volume += lots;
    quote = Math.addExact(quote, quoteUnits);
    if (!buyerMaker) {
      takerBuyVolume += lots;
      takerBuyQuote += quoteUnits;
    }
    if (firstTradeId < 0) {
      firstTradeId = firstId;
    }
    count += trades;
    lastTradeId = firstId + trades - 1;
  }

  private void add(long o, long h, long l, long c) {
    if (count == 0) {
      open = o;
      high = h;
      low = l;
    } else {
      high = Math.max(high, h);
      low = Math.min(low, l);
    }
    close = c;
  }
}
