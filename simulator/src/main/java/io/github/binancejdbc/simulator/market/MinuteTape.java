package io.github.binancejdbc.simulator.market;

/**
 * The trades of one minute of one symbol, generated from (seed, symbol, minute) and the minute's
 * two boundary prices of the {@link PricePath}.
 *
 * <p>A minute holds {@code n >= 2} trades in {@code g >= 2} groups; a group is one taker order
 * sweeping one price level: its trades share time, price and side, which makes each group exactly
 * one aggregate trade. Consecutive groups differ in price or side, and the first group of a minute
 * trades one or two ticks away from the previous minute's close, so grouping consecutive trades of
 * equal side and price anywhere in the tape yields the same aggregates. The first group trades at
 * the open, the last at the close (the path's boundary price), and with four or more groups one
 * group each at the minute's high and low.
 *
 * <p>{@code n} and {@code g} depend only on the hash of the minute ({@link #counts}), so trade and
 * aggregate ids can be numbered for years of history without generating any trade. Quantities are
 * drawn per group (so a minute's summary costs O(g)); the split of a group into trades happens only
 * when trades are listed ({@link #splitGroup}).
 *
 * <p>Instances are scratch buffers: not thread-safe, reused between minutes.
 */
final class MinuteTape {
  static final int MAX_GROUPS = 512;
  static final int MAX_TRADES = 4000;
  private static final long TAPE_DOMAIN = 0x54415045L; // "TAPE"
  private static final long K1 = 0x1234567L;
  private static final long K2 = 0x2345678L;
  private static final long K3 = 0x3456789L;
  private static final long K4 = 0x456789AL;
  private static final long SPLIT = 0x53504C54L;
  private static final long TIMES = 0x54494D45L;
  private static final long PRICES = 0x50524943L;
  private static final long SIDES = 0x53494445L;
  private static final long QTYS = 0x51545953L;

  final long[] time = new long[MAX_GROUPS];
  final long[] price = new long[MAX_GROUPS];
  final long[] qty = new long[MAX_GROUPS];
  final int[] size = new int[MAX_GROUPS];
  final int[] first = new int[MAX_GROUPS];
  final boolean[] buyerMaker = new boolean[MAX_GROUPS];
  private final double[] weight = new double[MAX_GROUPS];
  private final int[] anchorIdx = new int[5];
  private final long[] anchorPrice = new long[5];

  long minute;
  private long hash;
  int trades;
  int groups;

  /** Groups (a prefix) and trades before the cutoff. */
  int includedGroups;

  int includedTrades;
  long open;
  long high;
  long low;
  long close;
  long volume;
  long quote;
  long takerBuyVolume;
  long takerBuyQuote;

  /** Trades ({@code n}, high 32 bits) and groups ({@code g}, low 32 bits) of a minute. */
  static long counts(long key, double tradesPerMinute, long minute) {
    long h = Rng.hash(key, TAPE_DOMAIN, minute);
    int n = tradeCount(h, tradesPerMinute);
    return ((long) n << 32) | groupCount(h, n);
  }

  private static double activity(long h) {
    return 0.3 + 2.8 * Rng.unit(h) * Rng.unit(Rng.mix(h ^ K1));
  }

  private static int tradeCount(long h, double tradesPerMinute) {
    double n = tradesPerMinute * activity(h) * (0.75 + 0.5 * Rng.unit(Rng.mix(h ^ K2)));
    return (int) Math.max(2, Math.min(MAX_TRADES, Math.round(n)));
  }

  private static int groupCount(long h, int n) {
    double g = n * (0.25 + 0.35 * Rng.unit(Rng.mix(h ^ K3)));
    return (int) Math.max(2, Math.min(Math.min(n, MAX_GROUPS), Math.round(g)));
  }

  /**
   * Generates the minute.
   *
   * @param prevClose the previous minute's close in ticks (the path's boundary price)
   * @param closeTicks this minute's close in ticks
   * @param cutoffMs groups at or after this time are left out (the end of history)
   * @param summaryOnly only the summary is needed: group times are skipped when no cutoff falls in
   *     this minute (each aspect has its own random stream, so skipping one changes no other)
   */
  void generate(
      SymbolSpec spec,
      long key,
      double minuteSigma,
      long minute,
      long prevClose,
      long closeTicks,
      long cutoffMs,
      boolean summaryOnly) {
    this.minute = minute;
    long h = Rng.hash(key, TAPE_DOMAIN, minute);
    this.hash = h;
    int n = tradeCount(h, spec.tradesPerMinute());
    int g = groupCount(h, n);
    double activity = activity(h);
    trades = n;
    groups = g;
    long start = minute * 60_000;

    // Group sizes: one trade each plus a weighted share of the rest.
    Rng.Stream st = new Rng.Stream(Rng.mix(h ^ K4));
    double total = 0;
    for (int k = 0; k < g; k++) {
      weight[k] = 0.2 + st.unit();
      total += weight[k];
    }
    int extra = n - g;
    double scale = extra / total;
    int assigned = 0;
    for (int k = 0; k < g; k++) {
      size[k] = 1 + (int) (weight[k] * scale);
      assigned += size[k] - 1;
    }
    size[st.below(g)] += extra - assigned;

    // Times: one per group, strictly increasing inside the minute.
    boolean cut = cutoffMs < start + 60_000;
    if (!summaryOnly || cut) {
      Rng.Stream ts = new Rng.Stream(Rng.mix(h ^ TIMES));
      double slot = 60_000.0 / g;
      int idx = 0;
      for (int k = 0; k < g; k++) {
        first[k] = idx;
        idx += size[k];
        time[k] = start + (long) (k * slot) + (long) (ts.unit() * slot * 0.9);
      }
    }

    // Anchors: open, close, and the wicks.
    Rng.Stream ps = new Rng.Stream(Rng.mix(h ^ PRICES));
    long r = ps.next();
    int jitter = 1 + (int) (r & 1);
    long o = r < 0 ? prevClose + jitter : prevClose - jitter;
    if (o < 1) {
      o = prevClose + jitter;
    }
    long c = closeTicks;
    double sigmaTicks = Math.max(1.0, minuteSigma * c);
    long hi = Math.max(o, c);
    long lo = Math.min(o, c);
    int iHigh = -1;
    int iLow = -1;
    if (g >= 4) {
      double u = ps.unit();
      double d = ps.unit();
      hi += (long) (u * u * 2.5 * sigmaTicks);
      lo = Math.max(1, lo - (long) (d * d * 2.5 * sigmaTicks));
      iHigh = 1 + ps.below(g - 2);
      iLow = 1 + ps.below(g - 3);
      if (iLow >= iHigh) {
        iLow++;
      }
    } else if (g == 3) {
      double u = ps.unit();
      if (ps.unit() < 0.5) {
        hi += (long) (u * u * 2.5 * sigmaTicks);
        iHigh = 1;
      } else {
        lo = Math.max(1, lo - (long) (u * u * 2.5 * sigmaTicks));
        iLow = 1;
      }
    }
    // In between: interpolate the surrounding anchors, with noise, inside [lo, hi].
    int na = 0;
    anchorIdx[na] = 0;
    anchorPrice[na++] = o;
    if (iHigh >= 0 && (iLow < 0 || iHigh < iLow)) {
      anchorIdx[na] = iHigh;
      anchorPrice[na++] = hi;
    }
    if (iLow >= 0) {
      anchorIdx[na] = iLow;
      anchorPrice[na++] = lo;
    }
    if (iHigh >= 0 && iLow >= 0 && iHigh > iLow) {
      anchorIdx[na] = iHigh;
      anchorPrice[na++] = hi;
    }
    anchorIdx[na] = g - 1;
    anchorPrice[na] = c;
    long width = Math.max(1, (hi - lo) / 3);
    int seg = 0;
    price[0] = o;
    for (int k = 1; k < g; k++) {
      while (anchorIdx[seg + 1] < k) {
        seg++;
      }
      if (anchorIdx[seg + 1] == k) {
        price[k] = anchorPrice[seg + 1];
        continue;
      }
      int a0 = anchorIdx[seg];
      int a1 = anchorIdx[seg + 1];
      long p0 = anchorPrice[seg];
      double p = p0 + (k - a0) * (double) (anchorPrice[seg + 1] - p0) / (a1 - a0);
      p += (ps.unit() * 2 - 1) * width;
      price[k] = Math.max(lo, Math.min(hi, Math.round(p)));
    }

    // Sides: up-ticks are mostly taker buys; equal prices alternate, so groups stay distinct.
    Rng.Stream ss = new Rng.Stream(Rng.mix(h ^ SIDES));
    for (int k = 0; k < g; k++) {
      double u = ss.unit();
      boolean bm;
      if (k > 0 && price[k] > price[k - 1]) {
        bm = u < 0.2;
      } else if (k > 0 && price[k] < price[k - 1]) {
        bm = u < 0.8;
      } else {
        bm = u < 0.5;
      }
      if (k > 0 && price[k] == price[k - 1] && bm == buyerMaker[k - 1]) {
        bm = !bm;
      }
      buyerMaker[k] = bm;
    }

    // Volume, in tape lots, spread over the groups (each trade gets at least one lot).
    Rng.Stream qs = new Rng.Stream(Rng.mix(h ^ QTYS));
    double lotValue = spec.tapeLotUnits() / (double) Units.ONE;
    double tickValue = spec.tickUnits() / (double) Units.ONE;
    double target = spec.quotePerMinute() * activity * (0.6 + 0.8 * qs.unit());
    long lots = Math.max(n, Math.round(target / (c * tickValue) / lotValue));
    lots = Math.min(lots, (long) n * 10_000_000L);
    total = 0;
    for (int k = 0; k < g; k++) {
      double u = qs.unit();
      weight[k] = 0.05 + u * u * u;
      total += weight[k];
    }
    long spread = lots - n;
    double qscale = spread / total;
    long given = 0;
    for (int k = 0; k < g; k++) {
      long share = (long) (weight[k] * qscale);
      qty[k] = size[k] + share;
      given += share;
    }
    qty[qs.below(g)] += spread - given;

    // The part before the cutoff, summarised.
    int incl = g;
    if (cut) {
      incl = 0;
      while (incl < g && time[incl] < cutoffMs) {
        incl++;
      }
    }
    includedGroups = incl;
    int inclTrades = 0;
    for (int k = 0; k < incl; k++) {
      inclTrades += size[k];
    }
    includedTrades = inclTrades;
    volume = 0;
    quote = 0;
    takerBuyVolume = 0;
    takerBuyQuote = 0;
    if (incl == 0) {
      open = high = low = this.close = prevClose;
      return;
    }
    long qpt = spec.quotePerTickLot();
    open = price[0];
    this.close = price[incl - 1];
    high = open;
    low = open;
    for (int k = 0; k < incl; k++) {
      long p = price[k];
      high = Math.max(high, p);
      low = Math.min(low, p);
      long q = p * qty[k] * qpt;
      volume += qty[k];
      quote += q;
      if (!buyerMaker[k]) {
        takerBuyVolume += qty[k];
        takerBuyQuote += q;
      }
    }
  }

  /** The quantities (tape lots) of the trades of group {@code k}, in {@code out[0..size[k])}. */
  void splitGroup(int k, long[] out) {
    int s = size[k];
    long q = qty[k];
    if (s == 1) {
      out[0] = q;
      return;
    }
    Rng.Stream st = new Rng.Stream(Rng.hash(hash, SPLIT, k));
    double total = 0;
    double[] w = new double[s];
    for (int i = 0; i < s; i++) {
      w[i] = 0.1 + st.unit();
      total += w[i];
    }
    long spread = q - s;
    long given = 0;
    for (int i = 0; i < s; i++) {
      long share = (long) Math.floor(spread * w[i] / total);
      out[i] = 1 + share;
      given += share;
    }
    out[st.below(s)] += spread - given;
  }
}
