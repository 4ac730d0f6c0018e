package io.github.binancejdbc.simulator.market;

import java.util.List;

/**
 * The generated price path of one symbol, in two levels so that any minute can be computed without
 * walking from the listing date:
 *
 * <ol>
 *   <li>one log-price anchor per UTC midnight: a random walk (daily volatility) bent into Brownian
 *       bridges through the symbol's waypoints, computed once (a few thousand values);
 *   <li>within a day, 1440 minute closes: a Brownian bridge between the day's two anchors, so a
 *       day's minutes depend only on that day.
 * </ol>
 *
 * The path does not depend on the market time: moving the market time forward only reveals more of
 * the same history.
 */
final class PricePath {
  static final long DAY_MS = 86_400_000L;
  static final int MINUTES_PER_DAY = 1440;
  private static final long DAY_DOMAIN = 0x44415953L; // "DAYS"
  private static final long MINUTE_DOMAIN = 0x4D494E53L; // "MINS"

  private final long key;
  private final long firstDay;
  private final double[] anchors;
  private final double minuteSigma;
  private final double tickValue;

  PricePath(SymbolSpec spec, long key, long lastDataDay) {
    this.key = key;
    this.firstDay = Math.floorDiv(spec.listingMs(), DAY_MS);
    this.tickValue = spec.tickUnits() / (double) Units.ONE;
    this.minuteSigma = spec.dailyVolatility() / Math.sqrt(MINUTES_PER_DAY) * 1.2;
    List<SymbolSpec.Waypoint> wps = spec.waypoints();
    long lastWaypointDay = Math.floorDiv(wps.get(wps.size() - 1).epochMs(), DAY_MS);
    int n = (int) (Math.max(lastDataDay, lastWaypointDay) + 2 - firstDay);
    double[] walk = new double[n];
    for (int k = 1; k < n; k++) {
      walk[k] = walk[k - 1] + spec.dailyVolatility() * Rng.gauss(Rng.hash(key, DAY_DOMAIN, k));
    }
    int[] idx = new int[wps.size()];
    double[] logs = new double[wps.size()];
    for (int i = 0; i < wps.size(); i++) {
      idx[i] =
          i == 0
              ? 0
              : (int) Math.round((wps.get(i).epochMs() - firstDay * DAY_MS) / (double) DAY_MS);
      idx[i] = Math.max(i == 0 ? 0 : idx[i - 1] + 1, Math.min(idx[i], n - 1));
      logs[i] = StrictMath.log(wps.get(i).price());
    }
    anchors = new double[n];
    for (int k = 0; k < n; k++) {
      int seg = 0;
      while (seg + 1 < idx.length && idx[seg + 1] <= k) {
        seg++;
      }
      if (seg + 1 < idx.length) {
        int a = idx[seg];
        int b = idx[seg + 1];
        double f = (k - a) / (double) (b - a);
        anchors[k] =
            logs[seg]
                + f * (logs[seg + 1] - logs[seg])
                + (walk[k] - walk[a])
                - f * (walk[b] - walk[a]);
      } else {
        anchors[k] = logs[seg] + walk[k] - walk[idx[seg]];
      }
    }
  }

  long firstDay() {
    return firstDay;
  }

  /**
   * Prices, in ticks, at the 1441 minute boundaries of UTC day {@code day}: element j is the close
   * of minute j-1 (element 0 the previous day's last close, element 1440 the next day's first
   * boundary).
   */
  long[] boundaryTicks(long day) {
    int k = (int) (day - firstDay);
    if (k < 0 || k + 1 >= anchors.length) {
      throw new IllegalArgumentException("day outside the path: " + day);
    }
    double la = anchors[k];
    double lb = anchors[k + 1];
    double[] v = new double[MINUTES_PER_DAY + 1];
    long minute0 = day * MINUTES_PER_DAY;
    for (int i = 0; i < MINUTES_PER_DAY; i++) {
      v[i + 1] = v[i] + minuteSigma * Rng.quickGauss(Rng.hash(key, MINUTE_DOMAIN, minute0 + i));
    }
    long[] ticks = new long[MINUTES_PER_DAY + 1];
    double end = v[MINUTES_PER_DAY];
    for (int i = 0; i <= MINUTES_PER_DAY; i++) {
      double f = i / (double) MINUTES_PER_DAY;
      double log = la + f * (lb - la) + v[i] - f * end;
      ticks[i] = Math.max(1, Math.round(StrictMath.exp(log) / tickValue));
    }
    return ticks;
  }

  double minuteSigma() {
    return minuteSigma;
  }
}
