package io.github.binancejdbc.adapter.client;

/**
 * A fixed window of a {@link WeightGovernor}: a limit, its length, and the count in the current
 * window, aligned to the epoch as Binance aligns its windows. Guarded by the governor.
 */
final class LimitWindow {
  int limit;
  long millis;
  long start = Long.MIN_VALUE;
  long used;

  /** Counted but not yet answered: the server may count it in the next window instead. */
  long inFlight;

  /** What this process sent in the window (used may be higher: the server's count). */
  long own;

  LimitWindow(int limit, long millis) {
    this.limit = limit;
    this.millis = millis;
  }

  void roll(long now) {
    long s = Math.floorDiv(now, millis) * millis;
    // Only forward: a clock stepping back must not hand out a fresh budget.
    if (s > start) {
      // Requests still unanswered from the window just ended are counted here once more.
      used = s == start + millis ? inFlight : 0;
      own = used;
      inFlight = 0;
      start = s;
    }
  }

  boolean fits(long now, long n) {
    roll(now);
    return used + n <= limit;
  }

  long waitMillis(long now) {
    return start + millis - now;
  }
}
