package io.github.binancejdbc.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Request weight and raw request counts per IP in fixed windows (weight per minute, raw requests
 * per 5 minutes), as {@code X-MBX-USED-WEIGHT-1M} reports them. Breaking the limit answers 429 with
 * {@code Retry-After} (seconds to the next window); sending again in the same window bans the IP
 * (418), for 2 minutes at first and four times longer for each later ban, at most 3 days.
 */
final class RequestLimiter {
  private static final long MINUTE = 60_000;
  private static final long RAW_WINDOW = 5 * MINUTE;
  private static final long FIRST_BAN = 2 * MINUTE;
  private static final long MAX_BAN = 3 * 86_400_000L;

  private final int weightLimit;
  private final int rawLimit;
  private final Map<String, State> states = new HashMap<>();
  // What every IP together was answered, for soak reports.
  private long rateLimited;
  private long banned;
  private final TreeMap<Long, Long> admittedByMinute = new TreeMap<>();

  /**
   * What the limiter has answered since the start (or the last reset): 429s, 418s, and the weight
   * admitted in each minute window (window start in epoch ms to weight).
   */
  record Stats(long rateLimited, long banned, SortedMap<Long, Long> admittedByMinute) {}

  /** The outcome of charging a request: {@code status} 0 means admitted. */
  record Decision(int status, long retryAfterSeconds, int code, String msg, int usedWeight) {
    boolean admitted() {
      return status == 0;
    }
  }

  private static final class State {
    long window = Long.MIN_VALUE;
    int used;
    boolean limited;
    long rawWindow = Long.MIN_VALUE;
    int raw;
    long bannedUntil;
    int bans;
  }

  RequestLimiter(int weightLimit, int rawLimit) {
    this.weightLimit = weightLimit;
    this.rawLimit = rawLimit;
  }

  int weightLimit() {
    return weightLimit;
  }

  int rawLimit() {
    return rawLimit;
  }

  synchronized Decision charge(String ip, int weight, long now) {
    State s = roll(ip, now);
    if (now < s.bannedUntil) {
      banned++;
      return banned(s, now);
    }
    s.raw++;
    if (s.used + weight > weightLimit || s.raw > rawLimit) {
      if (s.limited) {
        s.bans++;
        long ban = FIRST_BAN;
        for (int i = 1; i < s.bans && ban < MAX_BAN; i++) {
          ban *= 4;
        }
        s.bannedUntil = now + Math.min(ban, MAX_BAN);
        banned++;
        return banned(s, now);
      }
      s.limited = true;
      rateLimited++;
      boolean raw = s.raw > rawLimit;
      long windowEnd = raw ? s.rawWindow + RAW_WINDOW : s.window + MINUTE;
      String msg =
          raw
              ? "Too many requests; current limit is "
                  + rawLimit
                  + " requests per 5 MINUTE. Please use WebSocket Streams for live updates to avoid"
                  + " polling the API."
              : "Too much request weight used; current limit is "
                  + weightLimit
                  + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to"
                  + " avoid polling the API.";
      return new Decision(429, Math.max(1, (windowEnd - now + 999) / 1000), -1003, msg, s.used);
    }
    s.used += weight;
    admittedByMinute.merge(s.window, (long) weight, Long::sum);
    return new Decision(0, 0, 0, null, s.used);
  }

  private Decision banned(State s, long now) {
    return new Decision(
        418,
        Math.max(1, (s.bannedUntil - now + 999) / 1000),
        -1003,
        "Way too much request weight used; IP banned until "
            + s.bannedUntil
            + ". Please use WebSocket Streams for live updates to avoid bans.",
        s.used);
  }

  synchronized Stats stats() {
    return new Stats(rateLimited, banned, new TreeMap<>(admittedByMinute));
  }

  /** Gives weight back (a successful order placement weighs 0 since 2026-04). */
  synchronized int refund(String ip, int weight, long now) {
    State s = roll(ip, now);
    admittedByMinute.merge(s.window, (long) -Math.min(weight, s.used), Long::sum);
    s.used = Math.max(0, s.used - weight);
    return s.used;
  }

  synchronized int used(String ip, long now) {
    return roll(ip, now).used;
  }

  synchronized void reset() {
    states.clear();
    rateLimited = 0;
    banned = 0;
    admittedByMinute.clear();
  }

  private State roll(String ip, long now) {
    State s = states.computeIfAbsent(ip, k -> new State());
    long w = Math.floorDiv(now, MINUTE) * MINUTE;
    if (w != s.window) {
      s.window = w;
      s.used = 0;
      s.limited = false;
    }
    long rw = Math.floorDiv(now, RAW_WINDOW) * RAW_WINDOW;
    if (rw != s.rawWindow) {
      s.rawWindow = rw;
      s.raw = 0;
    }
    return s;
  }
}
