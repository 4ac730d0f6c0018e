package io.github.binancejdbc.simulator.market;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Kline selection with Binance's paging rules: bars are identified by open time; {@code startTime}
 * keeps bars opening at or after it, {@code endTime} bars opening at or before it; with a start the
 * oldest {@code limit} bars are returned, without one the most recent. Bars are gapless from the
 * bar holding the first trade to the bar holding the end of history; a bar without trades repeats
 * the previous close with zero volume.
 */
public final class Klines {
  private Klines() {}

  /** One kline; prices and volumes in units. */
  public record Kline(
      long openTime,
      long open,
      long high,
      long low,
      long close,
      long volume,
      long closeTime,
      long quoteVolume,
      long trades,
      long takerBuyVolume,
      long takerBuyQuoteVolume) {}

  public static List<Kline> query(
      SymbolMarket m, Interval iv, long offset, Long startTime, Long endTime, int limit) {
    if (!m.hasData() || limit <= 0) {
      return List.of();
    }
    long first = iv.start(m.spec().listingMs(), offset);
    long last = iv.start(m.dataEndMs() - 1, offset);
    List<Long> opens = new ArrayList<>();
    if (startTime != null) {
      long s = iv.start(startTime, offset);
      if (s < startTime) {
        s = iv.next(s, offset);
      }
      s = Math.max(s, first);
      long e = endTime != null ? Math.min(endTime, last) : last;
      for (long o = s; o <= e && opens.size() < limit; o = iv.next(o, offset)) {
        opens.add(o);
      }
    } else {
      long e = endTime != null ? Math.min(iv.start(endTime, offset), last) : last;
      for (long o = e; o >= first && opens.size() < limit; o = iv.previous(o, offset)) {
        opens.add(o);
      }
      Collections.reverse(opens);
    }
    if (!opens.isEmpty() && iv.compareTo(Interval.D1) >= 0 && offset % 86_400_000L == 0) {
      m.prefetchDays(opens.get(0), iv.next(opens.get(opens.size() - 1), offset));
    }
    List<Kline> out = new ArrayList<>(opens.size());
    long prevClose = -1;
    for (long o : opens) {
      long next = iv.next(o, offset);
      Bar b = m.aggregate(o, next);
      if (b.isEmpty()) {
        if (prevClose < 0) {
          prevClose = m.priceBefore(o);
        }
        b.open = b.high = b.low = b.close = prevClose;
      }
      prevClose = b.close;
      out.add(toKline(m.spec(), o, next - 1, b));
    }
    return out;
  }

  static Kline toKline(SymbolSpec s, long open, long close, Bar b) {
    long t = s.tickUnits();
    long l = s.tapeLotUnits();
    return new Kline(
        open,
        b.open * t,
        b.high * t,
        b.low * t,
        b.close * t,
        b.volume * l,
        close,
        b.quote,
        b.count,
        b.takerBuyVolume * l,
        b.takerBuyQuote);
  }
}
