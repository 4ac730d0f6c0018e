package io.github.binancejdbc.simulator.market;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated history of one symbol from its listing to the end of history (the market time, or
 * the halt): trades, aggregate trades and OHLCV statistics over any time range, all derived from
 * one deterministic tape so they agree with each other exactly.
 *
 * <p>Trade and aggregate ids are contiguous from 0. At construction every minute's trade and group
 * counts (a hash each, no trade generated) are summed per day, so an id maps to its day by binary
 * search, then to its minute through the day's {@link DayData}, then to its trade by generating
 * that one minute. Day data is cached (LRU), day summaries forever.
 *
 * <p>Thread-safe: the public methods are synchronized (one symbol's queries run one at a time).
 */
public final class SymbolMarket {
  private static final int CACHE_DAYS = 64;

  private final SymbolSpec spec;
  private final long key;
  private final long dataEndMs;
  private final long firstMinute;
  private final long endMinute;
  private final long firstDay;
  private final long lastDay;
  private final PricePath path;
  private final long[] dayTradeBase;
  private final long[] dayAggBase;
  private final Bar[] daySummary;
  private final Map<Long, DayData> cache =
      new LinkedHashMap<>(CACHE_DAYS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, DayData> eldest) {
          return size() > CACHE_DAYS;
        }
      };
  private final MinuteTape dayTape = new MinuteTape();
  private final MinuteTape queryTape = new MinuteTape();
  private final long[] split = new long[MinuteTape.MAX_TRADES];

  /** A trade of the tape; amounts in units. */
  public record Trade(
      long id, long price, long qty, long quoteQty, long time, boolean buyerMaker) {}

  /** An aggregate trade; amounts in units. */
  public record AggTrade(
      long id, long price, long qty, long firstId, long lastId, long time, boolean buyerMaker) {}

  public SymbolMarket(SymbolSpec spec, long seed, long marketTimeMs) {
    this.spec = spec;
    this.key = Rng.hash(seed, Rng.of(spec.symbol()));
    this.dataEndMs = Math.max(spec.listingMs(), Math.min(marketTimeMs, spec.haltMs()));
    this.firstMinute = spec.listingMs() / 60_000;
    this.endMinute = Math.floorDiv(dataEndMs + 59_999, 60_000);
    this.firstDay = Math.floorDiv(spec.listingMs(), PricePath.DAY_MS);
    this.lastDay = hasData() ? Math.floorDiv(dataEndMs - 1, PricePath.DAY_MS) : firstDay - 1;
    this.path = new PricePath(spec, key, Math.max(firstDay, lastDay));
    int days = (int) (lastDay - firstDay + 1);
    this.dayTradeBase = new long[days + 1];
    this.dayAggBase = new long[days + 1];
    this.daySummary = new Bar[days];
    long trades = 0;
    long aggs = 0;
    for (int d = 0; d < days; d++) {
      dayTradeBase[d] = trades;
      dayAggBase[d] = aggs;
      long m0 = Math.max(firstMinute, (firstDay + d) * PricePath.MINUTES_PER_DAY);
      long m1 = Math.min(endMinute, (firstDay + d + 1) * PricePath.MINUTES_PER_DAY);
      for (long m = m0; m < m1; m++) {
        if (m == endMinute - 1 && dataEndMs % 60_000 != 0) {
          // The minute the history ends in: only its trades before the end count.
          generate(dayTape, m, path.boundaryTicks(firstDay + d), true);
          trades += dayTape.includedTrades;
          aggs += dayTape.includedGroups;
        } else {
          long c = MinuteTape.counts(key, spec.tradesPerMinute(), m);
          trades += c >>> 32;
          aggs += c & 0xFFFFFFFFL;
        }
      }
    }
    dayTradeBase[days] = trades;
    dayAggBase[days] = aggs;
  }

  public SymbolSpec spec() {
    return spec;
  }

  /** Whether any trade happened before the end of history. */
  public boolean hasData() {
    return dataEndMs > spec.listingMs();
  }

  /** The end of history (exclusive): the market time, or the halt. */
  public long dataEndMs() {
    return dataEndMs;
  }

  public synchronized long tradeCount() {
    return dayTradeBase[dayTradeBase.length - 1];
  }

  public synchronized long aggCount() {
    return dayAggBase[dayAggBase.length - 1];
  }

  long firstMinute() {
    return firstMinute;
  }

  long endMinute() {
    return endMinute;
  }

  PricePath path() {
    return path;
  }

  void generate(MinuteTape tape, long minute, long[] boundary, boolean summaryOnly) {
    int j = (int) Math.floorMod(minute, (long) PricePath.MINUTES_PER_DAY);
    tape.generate(
        spec,
        key,
        path.minuteSigma(),
        minute,
        boundary[j],
        boundary[j + 1],
        dataEndMs,
        summaryOnly);
  }

  private DayData day(long day) {
    DayData d = cache.get(day);
    if (d == null) {
      int i = (int) (day - firstDay);
      d = new DayData(this, day, dayTradeBase[i], dayAggBase[i], dayTape);
      cache.put(day, d);
      if (daySummary[i] == null) {
        daySummary[i] = d.summary;
      }
    }
    return d;
  }

  /**
   * Computes the missing whole-day summaries of {@code [fromMs, toMs)} on all cores: the first
   * query over years of daily, weekly or monthly bars then costs a fraction of a second.
   */
  public void prefetchDays(long fromMs, long toMs) {
    List<Long> missing = new ArrayList<>();
    synchronized (this) {
      long d0 = Math.max(firstDay, Math.floorDiv(fromMs, PricePath.DAY_MS));
      long d1 = Math.min(lastDay, Math.floorDiv(toMs - 1, PricePath.DAY_MS));
      for (long d = d0; d <= d1; d++) {
        if (daySummary[(int) (d - firstDay)] == null) {
          missing.add(d);
        }
      }
    }
    if (missing.size() < 16) {
      return;
    }
    missing.parallelStream()
        .forEach(
            d -> {
              Bar b = summarizeDay(d);
              synchronized (this) {
                daySummary[(int) (d - firstDay)] = b;
              }
            });
  }

  /** A day's summary without keeping its minutes (thread-safe: own tape, immutable inputs). */
  private Bar summarizeDay(long day) {
    MinuteTape tape = new MinuteTape();
    long[] boundary = path.boundaryTicks(day);
    long m0 = Math.max(firstMinute, day * PricePath.MINUTES_PER_DAY);
    long m1 = Math.min(endMinute, (day + 1) * PricePath.MINUTES_PER_DAY);
    long id = dayTradeBase[(int) (day - firstDay)];
    Bar b = new Bar();
    for (long m = m0; m < m1; m++) {
      generate(tape, m, boundary, true);
      b.addTape(tape, id);
      id += tape.includedTrades;
    }
    return b;
  }

  private Bar daySummary(long day) {
    int i = (int) (day - firstDay);
    Bar b = daySummary[i];
    return b != null ? b : day(day).summary;
  }

  private MinuteTape tape(long minute) {
    DayData d = day(Math.floorDiv(minute, (long) PricePath.MINUTES_PER_DAY));
    generate(queryTape, minute, d.boundary, false);
    return queryTape;
  }

  /**
   * Statistics of the trades with {@code fromMs <= time < toMs}.
   *
   * @return a bar whose {@code count} is 0 when no trade falls in the range
   */
  public synchronized Bar aggregate(long fromMs, long toMs) {
    Bar b = new Bar();
    long t = Math.max(fromMs, spec.listingMs());
    long to = Math.min(toMs, dataEndMs);
    while (t < to) {
      long day = Math.floorDiv(t, PricePath.DAY_MS);
      long dayStart = day * PricePath.DAY_MS;
      long dayEnd = dayStart + PricePath.DAY_MS;
      if (t == dayStart && dayEnd <= to) {
        b.addBar(daySummary(day));
        t = dayEnd;
        continue;
      }
      long mStart = Math.floorDiv(t, 60_000L) * 60_000;
      if (t == mStart && mStart + 60_000 <= to) {
        DayData d = day(day);
        int j = (int) ((t - dayStart) / 60_000);
        int jEnd = (int) ((Math.min(to, dayEnd) - dayStart) / 60_000);
        for (; j < jEnd; j++) {
          b.addMinute(d, j);
        }
        t = dayStart + jEnd * 60_000L;
        continue;
      }
      long stop = Math.min(to, mStart + 60_000);
      MinuteTape tape = tape(mStart / 60_000);
      DayData d = day(day);
      int j = (int) ((mStart - dayStart) / 60_000);
      long qpt = spec.quotePerTickLot();
      for (int k = 0; k < tape.includedGroups; k++) {
        if (tape.time[k] >= t && tape.time[k] < stop) {
          b.addGroup(
              tape.price[k],
              tape.qty[k],
              tape.price[k] * tape.qty[k] * qpt,
              tape.buyerMaker[k],
              d.firstTradeId[j] + tape.first[k],
              tape.size[k]);
        }
      }
      t = stop;
    }
    return b;
  }

  /**
   * The last traded price (ticks) before {@code t}; before the first trade, the path's price at the
   * listing.
   */
  public synchronized long priceBefore(long t) {
    long id = firstTradeAtOrAfter(t) - 1;
    if (id < 0) {
      long minute = firstMinute;
      DayData d = day(Math.floorDiv(minute, (long) PricePath.MINUTES_PER_DAY));
      return d.boundary[(int) Math.floorMod(minute, (long) PricePath.MINUTES_PER_DAY)];
    }
    return trades(id, 1).get(0).price() / spec.tickUnits();
  }

  /** The id of the first trade at or after {@code t} ({@link #tradeCount()} if none). */
  public synchronized long firstTradeAtOrAfter(long t) {
    return firstAtOrAfter(t, true);
  }

  /** The id of the first aggregate trade at or after {@code t} ({@link #aggCount()} if none). */
  public synchronized long firstAggAtOrAfter(long t) {
    return firstAtOrAfter(t, false);
  }

  private long firstAtOrAfter(long t, boolean trades) {
    if (!hasData() || t <= spec.listingMs()) {
      return 0;
    }
    if (t >= dataEndMs) {
      return trades ? tradeCount() : aggCount();
    }
    long minute = Math.floorDiv(t, 60_000L);
    DayData d = day(Math.floorDiv(minute, (long) PricePath.MINUTES_PER_DAY));
    int j = (int) Math.floorMod(minute, (long) PricePath.MINUTES_PER_DAY);
    MinuteTape tape = tape(minute);
    for (int k = 0; k < tape.includedGroups; k++) {
      if (tape.time[k] >= t) {
        return trades ? d.firstTradeId[j] + tape.first[k] : d.firstAggId[j] + k;
      }
    }
    return trades ? d.firstTradeId[j] + tape.includedTrades : d.firstAggId[j] + tape.includedGroups;
  }

  /** Up to {@code limit} trades with ids from {@code fromId}, ascending. */
  public synchronized List<Trade> trades(long fromId, int limit) {
    List<Trade> out = new ArrayList<>(Math.min(limit, 1000));
    long id = Math.max(0, fromId);
    long total = tradeCount();
    long qpt = spec.quotePerTickLot();
    while (out.size() < limit && id < total) {
      DayData d = day(firstDay + dayIndex(dayTradeBase, id));
      int j = d.minuteOfTrade(id);
      MinuteTape tape = tape(d.day * PricePath.MINUTES_PER_DAY + j);
      long base = d.firstTradeId[j];
      for (int k = 0; k < tape.includedGroups && out.size() < limit; k++) {
        long g0 = base + tape.first[k];
        if (g0 + tape.size[k] <= id) {
          continue;
        }
        tape.splitGroup(k, split);
        for (int i = 0; i < tape.size[k] && out.size() < limit; i++) {
          if (g0 + i < id) {
            continue;
          }
          long lots = split[i];
          out.add(
              new Trade(
                  g0 + i,
                  tape.price[k] * spec.tickUnits(),
                  lots * spec.tapeLotUnits(),
                  tape.price[k] * lots * qpt,
                  tape.time[k],
                  tape.buyerMaker[k]));
          id = g0 + i + 1;
        }
      }
      id = Math.max(id, base + tape.includedTrades);
    }
    return out;
  }

  /**
   * Up to {@code limit} aggregate trades with ids from {@code fromId} and time at most {@code
   * endMs}, ascending.
   */
  public synchronized List<AggTrade> aggTrades(long fromId, int limit, long endMs) {
    List<AggTrade> out = new ArrayList<>(Math.min(limit, 1000));
    long id = Math.max(0, fromId);
    long total = aggCount();
    while (out.size() < limit && id < total) {
      DayData d = day(firstDay + dayIndex(dayAggBase, id));
      int j = d.minuteOfAgg(id);
      MinuteTape tape = tape(d.day * PricePath.MINUTES_PER_DAY + j);
      long base = d.firstAggId[j];
      for (int k = (int) (id - base); k < tape.includedGroups && out.size() < limit; k++) {
        if (tape.time[k] > endMs) {
          return out;
        }
        long f = d.firstTradeId[j] + tape.first[k];
        out.add(
            new AggTrade(
                base + k,
                tape.price[k] * spec.tickUnits(),
                tape.qty[k] * spec.tapeLotUnits(),
                f,
                f + tape.size[k] - 1,
                tape.time[k],
                tape.buyerMaker[k]));
      }
      id = base + tape.includedGroups;
    }
    return out;
  }

  private int dayIndex(long[] bases, long id) {
    return DayData.lastAtOrBelow(bases, 0, bases.length - 2, id);
  }
}
