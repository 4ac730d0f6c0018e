package io.github.binancejdbc.simulator.market;

/**
 * The minute summaries of one UTC day of one symbol (only the minutes inside the symbol's history:
 * {@code [from, to)} minute-of-day), with the trade and aggregate ids each minute starts at, and
 * the day's total.
 */
final class DayData {
  final long day;
  final int from;
  final int to;
  final long[] boundary;
  final long[] open = new long[PricePath.MINUTES_PER_DAY];
  final long[] high = new long[PricePath.MINUTES_PER_DAY];
  final long[] low = new long[PricePath.MINUTES_PER_DAY];
  final long[] close = new long[PricePath.MINUTES_PER_DAY];
  final long[] volume = new long[PricePath.MINUTES_PER_DAY];
  final long[] quote = new long[PricePath.MINUTES_PER_DAY];
  final long[] takerBuyVolume = new long[PricePath.MINUTES_PER_DAY];
  final long[] takerBuyQuote = new long[PricePath.MINUTES_PER_DAY];
  final int[] trades = new int[PricePath.MINUTES_PER_DAY];
  final int[] groups = new int[PricePath.MINUTES_PER_DAY];

  /** Id of the first trade (aggregate) of each minute; for j >= to: the first id after the day. */
  final long[] firstTradeId = new long[PricePath.MINUTES_PER_DAY + 1];

  final long[] firstAggId = new long[PricePath.MINUTES_PER_DAY + 1];
  final Bar summary = new Bar();

  DayData(SymbolMarket m, long day, long tradeBase, long aggBase, MinuteTape tape) {
    this.day = day;
    long dayMinute0 = day * PricePath.MINUTES_PER_DAY;
    this.from = (int) Math.max(0, m.firstMinute() - dayMinute0);
    this.to = (int) Math.min(PricePath.MINUTES_PER_DAY, m.endMinute() - dayMinute0);
    this.boundary = m.path().boundaryTicks(day);
    long tid = tradeBase;
    long aid = aggBase;
    for (int j = 0; j < PricePath.MINUTES_PER_DAY; j++) {
      firstTradeId[j] = tid;
      firstAggId[j] = aid;
      if (j < from || j >= to) {
        continue;
      }
      m.generate(tape, dayMinute0 + j, boundary, true);
      open[j] = tape.open;
      high[j] = tape.high;
      low[j] = tape.low;
      close[j] = tape.close;
      volume[j] = tape.volume;
      quote[j] = tape.quote;
      takerBuyVolume[j] = tape.takerBuyVolume;
      takerBuyQuote[j] = tape.takerBuyQuote;
      trades[j] = tape.includedTrades;
      groups[j] = tape.includedGroups;
      tid += tape.includedTrades;
      aid += tape.includedGroups;
      summary.addMinute(this, j);
    }
    firstTradeId[PricePath.MINUTES_PER_DAY] = tid;
    firstAggId[PricePath.MINUTES_PER_DAY] = aid;
  }

  long startMs() {
    return day * PricePath.DAY_MS;
  }

  /** The minute of the day holding trade {@code id} (which must be in this day). */
  int minuteOfTrade(long id) {
    return search(firstTradeId, id);
  }

  int minuteOfAgg(long id) {
    return search(firstAggId, id);
  }

  /** The last j in [from, to) with ids[j] <= id. */
  private int search(long[] ids, long id) {
    return lastAtOrBelow(ids, from, to - 1, id);
  }

  /** The last j in [lo, hi] with ids[j] <= id ({@code lo} when there is none); ids ascending. */
  static int lastAtOrBelow(long[] ids, int lo, int hi, long id) {
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (ids[mid] <= id) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
