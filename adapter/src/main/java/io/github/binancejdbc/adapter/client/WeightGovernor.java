package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the request weight sent to one Binance base URL under its {@code REQUEST_WEIGHT} limit, and
 * stops all traffic while Binance asks us to pause (429 Retry-After) or has banned the IP (418).
 * Binance counts weight per IP, so there is one governor per base URL for the whole process.
 *
 * <p>Model: a fixed window (default 6000 per 1 minute) aligned to the epoch, as Binance aligns its
 * windows. {@link #acquire(int)} waits for the next window rather than exceed the limit. The
 * server's {@code X-MBX-USED-WEIGHT-*} header is trusted when it reports more than we counted
 * (other processes on the same IP), but never lowers our count (our count includes requests still
 * in flight that the header did not see yet). No safety margin is subtracted: the header already
 * reports foreign use, and the remaining risk, our clock running ahead of Binance's at a window
 * boundary, is better fixed by giving a server-synchronised {@link Clock} than by a margin.
 *
 * <p>Thread-safe; waits happen outside the lock, through the injected {@link Sleeper}.
 *
 * @see <a
 *     href="https://developers.binance.com/docs/binance-spot-api-docs/rest-api/limits">Limits</a>
 */
public final class WeightGovernor {
  private static final Logger LOG = LoggerFactory.getLogger(WeightGovernor.class);
  private static final ConcurrentMap<String, WeightGovernor> BY_BASE_URL =
      new ConcurrentHashMap<>();

  /** Binance's documented default, used until exchangeInfo tells otherwise. */
  public static final int DEFAULT_LIMIT = 6000;

  /** Bans start at 2 minutes; used when a 418 gives no duration at all. */
  static final long DEFAULT_BAN_SECONDS = 120;

  private final String baseUrl;
  private final Clock clock;
  private final Sleeper sleeper;

  // Guarded by this.
  private int limit = DEFAULT_LIMIT;
  private long windowMillis = 60_000;
  private String headerSuffix = "1M";
  private long windowStart = Long.MIN_VALUE;
  private long used;
  private long pausedUntil;
  private long bannedUntil;

  /** A governor of its own, outside the registry; for tests and tools. */
  public WeightGovernor(String baseUrl, Clock clock, Sleeper sleeper) {
    this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
  }

  /**
   * The process-wide governor of {@code baseUrl}. The first caller's clock and sleeper are kept:
   * every connection to the same host must share one budget.
   */
  public static WeightGovernor forBaseUrl(String baseUrl, Clock clock, Sleeper sleeper) {
    requireNonNull(baseUrl, "baseUrl is null");
    requireNonNull(clock, "clock is null");
    requireNonNull(sleeper, "sleeper is null");
    return BY_BASE_URL.computeIfAbsent(baseUrl, url -> new WeightGovernor(url, clock, sleeper));
  }

  /**
   * Waits until {@code weight} fits, then counts it.
   *
   * @throws BinanceException kind BANNED while the IP is banned (nothing may be sent); kind TIMEOUT
   *     if the thread is interrupted while waiting (the interrupt flag is restored)
   * @throws IllegalArgumentException if {@code weight} is negative or can never fit the limit
   */
  public void acquire(int weight) {
    if (weight < 0) {
      throw new IllegalArgumentException("weight must not be negative, but was: " + weight);
    }
    while (true) {
      long waitMillis;
      synchronized (this) {
        if (weight > limit) {
          throw new IllegalArgumentException(
              "weight " + weight + " can never fit the request weight limit " + limit);
        }
        long now = clock.millis();
        if (now < bannedUntil) {
          throw bannedException(bannedUntil, 418, "nothing was sent");
        }
        if (now < pausedUntil) {
          waitMillis = pausedUntil - now;
        } else {
          roll(now);
          if (used + weight <= limit) {
            used += weight;
            return;
          }
          waitMillis = windowStart + windowMillis - now;
        }
      }
      LOG.debug("Waiting {} ms for request weight {} on {}", waitMillis, weight, baseUrl);
      sleep(waitMillis, sleeper, "request weight");
    }
  }

  /** Adopts the server's count for the current window when it is higher than ours. */
  public synchronized void onUsedWeightHeader(long usedByServer) {
    roll(clock.millis());
    if (usedByServer > used) {
      used = usedByServer;
    }
  }

  /** After a 429: every acquire waits {@code retryAfterSeconds} from now. */
  public synchronized void onRateLimited(long retryAfterSeconds) {
    pausedUntil = Math.max(pausedUntil, clock.millis() + Math.max(0, retryAfterSeconds) * 1000);
  }

  /** After a 418: every acquire throws until now + {@code retryAfterSeconds}. */
  public synchronized void onBanned(long retryAfterSeconds) {
    bannedUntil = Math.max(bannedUntil, clock.millis() + Math.max(0, retryAfterSeconds) * 1000);
  }

  /**
   * Applies one entry of {@code exchangeInfo.rateLimits}; only {@code REQUEST_WEIGHT} is used. A
   * new window length restarts the window but keeps the count, which errs on the side of waiting.
   *
   * @param interval SECOND, MINUTE, HOUR or DAY
   * @throws IllegalArgumentException for an unknown interval or a non-positive number
   */
  public void setLimit(String rateLimitType, String interval, int intervalNum, int limit) {
    requireNonNull(rateLimitType, "rateLimitType is null");
    requireNonNull(interval, "interval is null");
    if (!"REQUEST_WEIGHT".equals(rateLimitType.toUpperCase(Locale.ROOT))) {
      return;
    }
    if (intervalNum < 1 || limit < 1) {
      throw new IllegalArgumentException(
          "intervalNum and limit must be positive, but were: " + intervalNum + ", " + limit);
    }
    String unit = interval.toUpperCase(Locale.ROOT);
    long unitMillis =
        switch (unit) {
          case "SECOND" -> 1_000L;
          case "MINUTE" -> 60_000L;
          case "HOUR" -> 3_600_000L;
          case "DAY" -> 86_400_000L;
          default ->
              throw new IllegalArgumentException(
                  "interval must be SECOND, MINUTE, HOUR or DAY, but was: " + interval);
        };
    synchronized (this) {
      long newWindow = unitMillis * intervalNum;
      if (newWindow != windowMillis) {
        windowMillis = newWindow;
        windowStart = Math.floorDiv(clock.millis(), newWindow) * newWindow;
      }
      this.limit = limit;
      // The header name Binance uses for this window, e.g. X-MBX-USED-WEIGHT-1M.
      this.headerSuffix = intervalNum + unit.substring(0, 1);
    }
  }

  public synchronized int limit() {
    return limit;
  }

  /** Weight counted in the current window (0 once the window has passed). */
  public synchronized long usedInWindow() {
    roll(clock.millis());
    return used;
  }

  public synchronized long windowMillis() {
    return windowMillis;
  }

  /** The response header reporting this window's usage, e.g. {@code X-MBX-USED-WEIGHT-1M}. */
  public synchronized String usedWeightHeader() {
    return "X-MBX-USED-WEIGHT-" + headerSuffix;
  }

  /** The instant the ban ends, or null when there is none. */
  public synchronized Instant bannedUntil() {
    return bannedUntil > clock.millis() ? Instant.ofEpochMilli(bannedUntil) : null;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The BANNED exception, with one wording for the 418 itself and for every call afterwards. */
  BinanceException bannedException(long untilMillis, int vendorCode, String detail) {
    return new BinanceException(
        SqlState.IP_BANNED, vendorCode,
        "The IP is banned by Binance until "
            + Instant.ofEpochMilli(untilMillis)
            + "; all requests to "
            + baseUrl
            + " are halted until then ("
            + detail
            + ")",
        null);
  }

  /** Sleeps through {@code sleeper}, turning an interrupt into a TIMEOUT exception. */
  static void sleep(long millis, Sleeper sleeper, String what) {
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BinanceException(
          SqlState.QUERY_CANCELED, 0, "Interrupted while waiting for " + what, e);
    }
  }

  private void roll(long now) {
    long start = Math.floorDiv(now, windowMillis) * windowMillis;
    // Only forward: a clock stepping back must not hand out a fresh budget.
    if (start > windowStart) {
      windowStart = start;
      used = 0;
    }
  }
}
