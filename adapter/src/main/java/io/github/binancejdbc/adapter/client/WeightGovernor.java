package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what is sent to one Binance base URL within its limits: {@code REQUEST_WEIGHT} and {@code
 * RAW_REQUESTS} per IP, and {@code ORDERS} (unfilled orders per 10 s and per day) for placements;
 * and stops all traffic while Binance asks us to pause (429 Retry-After) or has banned the IP
 * (418). Binance counts per IP, so there is one governor per base URL for the whole process.
 *
 * <p>Limits are learnt before they can bind: a governor of the registry ({@link #forBaseUrl}) asks
 * for them ({@link #needsLimits(int, boolean)}) before its first order and before a window's weight
 * passes {@link #LEARN_AT}, takes them from every {@code exchangeInfo} read, and from the limit a
 * 429's message states ("current limit is 300 request weight per 1 MINUTE"). Until then it assumes
 * Binance's documented 6000 per minute.
 *
 * <p>Model: fixed windows aligned to the epoch, as Binance aligns its windows. {@link
 * #acquire(int)} waits for the next window rather than exceed a limit. The server's {@code
 * X-MBX-USED-WEIGHT-*} and {@code X-MBX-ORDER-COUNT-*} headers are trusted when they report more
 * than we counted (other processes on the same IP or account), but never lower our count (ours
 * includes requests still in flight). No safety margin is subtracted: the headers already report
 * foreign use, and the remaining risk, our clock running ahead of Binance's at a window boundary,
 * is better fixed by a server-synchronised {@link Clock} than by a margin.
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

  /** Binance's documented default, used until exchangeInfo or a 429 tells otherwise. */
  public static final int DEFAULT_LIMIT = 6000;

  /** Bans start at 2 minutes; used when a 418 gives no duration at all. */
  static final long DEFAULT_BAN_SECONDS = 120;

  private final String baseUrl;
  private final Clock clock;
  private final Sleeper sleeper;
  private final LimitLearning learning;

  // Guarded by this.
  private final LimitWindow weightWindow = new LimitWindow(DEFAULT_LIMIT, 60_000);
  private final LimitWindow raw = new LimitWindow(Integer.MAX_VALUE, 300_000);
  private final LimitWindow ordersShort = new LimitWindow(Integer.MAX_VALUE, 10_000);
  private final LimitWindow ordersDay = new LimitWindow(Integer.MAX_VALUE, 86_400_000);
  private String headerSuffix = "1M";
  private long pausedUntil;
  private long bannedUntil;

  /** Since this governor was made (the first connection to the base URL in this process). */
  private long requestsSent;

  private long weightSent;
  private long requestsSaved;
  private long weightSaved;

  /** The last used-weight header of the current window, and that window's start. */
  private long serverUsed = -1;

  private long serverUsedWindow = Long.MIN_VALUE;

  /** A governor of its own, outside the registry, that does not ask for limits; for tests. */
  public WeightGovernor(String baseUrl, Clock clock, Sleeper sleeper) {
    this(baseUrl, clock, sleeper, false);
  }

  /**
   * @param learns whether {@link #needsLimits(int, boolean)} asks the transport to read the limits
   */
  public WeightGovernor(String baseUrl, Clock clock, Sleeper sleeper, boolean learns) {
    this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
    this.learning = new LimitLearning(learns);
  }

  /**
   * The latest {@code Date} header any connection got from this base URL (the server's time, cut to
   * whole seconds), or 0: a time the server has certainly reached.
   */
  private final AtomicLong serverDate = new AtomicLong();

  /** Notes the {@code Date} header of an answer; time never goes back. */
  void noteServerDate(long millis) {
    serverDate.accumulateAndGet(millis, Math::max);
  }

  /** The latest server time seen in a {@code Date} header, or 0 before any. */
  long serverDateMillis() {
    return serverDate.get();
  }

  /**
   * The process-wide governor of {@code baseUrl}. The first caller's clock and sleeper are kept:
   * every connection to the same host must share one budget.
   */
  public static WeightGovernor forBaseUrl(String baseUrl, Clock clock, Sleeper sleeper) {
    requireNonNull(baseUrl, "baseUrl is null");
    requireNonNull(clock, "clock is null");
    requireNonNull(sleeper, "sleeper is null");
    return BY_BASE_URL.computeIfAbsent(
        baseUrl, url -> new WeightGovernor(url, clock, sleeper, true));
  }

  /**
   * The weight this process may send in a window before the limits are read: a tenth of 1200, the
   * lowest request weight limit Binance has documented (6000 today). Reading them costs an {@code
   * exchangeInfo} (weight 20), ten times what a one-row query spends, so a process that stays below
   * this in every window never reads them, and one that goes beyond reads them before its weight
   * can reach any limit of at least {@code LEARN_AT} + 20 + what it has in flight. They are read
   * too once the server counts more than half the assumed limit for the IP (other clients on it). A
   * lower limit, met once, is adopted from the 429's message.
   */
  public static final int LEARN_AT = 120;

  /**
   * True exactly once, for the caller that should read the limits now (it calls {@link #setLimit}
   * for each, then {@link #limitsRead(boolean)}, whether or not the read succeeded): the first
   * caller whose request creates orders (the ORDERS limits matter at once) or would take what this
   * process sent in the window beyond {@link #LEARN_AT}, or that finds the server counting more
   * than half the assumed limit for the IP. False when they are known or were asked for, or this
   * governor does not learn, or the request is not due. A caller arriving while they are being read
   * waits for the read to end.
   */
  public boolean needsLimits(int weight, boolean createsOrders) {
    boolean due = createsOrders;
    if (!due && !learning.isKnown()) {
      synchronized (this) {
        weightWindow.roll(clock.millis());
        due = weightWindow.own + weight > LEARN_AT || weightWindow.used > DEFAULT_LIMIT / 2;
      }
    }
    return learning.needsLimits(due);
  }

  /**
   * Called once the read that {@link #needsLimits(int, boolean)} asked for has ended, well or not;
   * {@code asked} false when it was cut short on this side (the thread interrupted): then a later
   * request that is due reads them again.
   */
  public void limitsRead(boolean asked) {
    learning.read(asked);
  }

  /** Whether a REQUEST_WEIGHT limit has been read from the server. */
  public boolean limitsKnown() {
    return learning.isKnown();
  }

  /**
   * Waits until {@code weight} (and one raw request) fits, then counts it.
   *
   * @throws BinanceException kind BANNED while the IP is banned (nothing may be sent); kind TIMEOUT
   *     if the thread is interrupted while waiting (the interrupt flag is restored)
   * @throws IllegalArgumentException if {@code weight} is negative or can never fit the limit
   */
  public void acquire(int weight) {
    long window = acquire(weight, 0);
    done(weight, window);
  }

  /**
   * A request counted by {@link #acquire(int, int)} in {@code window} has been answered (or
   * failed): its weight no longer needs carrying into the next window. Requests still in flight
   * when a window ends are counted in the next one too, as the server may count them there.
   */
  public synchronized void done(int weight, long window) {
    if (window == weightWindow.start) {
      weightWindow.inFlight = Math.max(0, weightWindow.inFlight - weight);
    }
  }

  /**
   * As {@link #acquire(int)}, for a request that also creates {@code newOrders} unfilled orders: it
   * waits for the 10-second order window too, and is refused (nothing sent) when the day's order
   * limit is reached. Every call must be followed by {@link #done(int, long)} once the request has
   * been answered.
   *
   * @return the start of the weight window the request was counted in (epoch ms)
   */
  public long acquire(int weight, int newOrders) {
    if (weight < 0 || newOrders < 0) {
      throw new IllegalArgumentException("weight must not be negative, but was: " + weight);
    }
    while (true) {
      long waitMillis;
      synchronized (this) {
        if (weight > weightWindow.limit) {
          throw new IllegalArgumentException(
              "weight " + weight + " can never fit the request weight limit " + weightWindow.limit);
        }
        long now = clock.millis();
        if (now < bannedUntil) {
          throw BanStep.bannedException(baseUrl, bannedUntil, 418, "nothing was sent");
        }
        if (newOrders > 0 && !ordersDay.fits(now, newOrders)) {
          throw new BinanceException(
              SqlState.RATE_LIMITED,
              -1015,
              "The account's order limit of "
                  + ordersDay.limit
                  + " per day is reached ("
                  + ordersDay.used
                  + " unfilled orders"
                  + " counted); nothing was sent. Try again after "
                  + Instant.ofEpochMilli(ordersDay.start + ordersDay.millis),
              null);
        }
        if (now < pausedUntil) {
          waitMillis = pausedUntil - now;
        } else if (!weightWindow.fits(now, weight)) {
          waitMillis = weightWindow.waitMillis(now);
        } else if (!raw.fits(now, 1)) {
          waitMillis = raw.waitMillis(now);
        } else if (newOrders > 0 && !ordersShort.fits(now, newOrders)) {
          waitMillis = ordersShort.waitMillis(now);
        } else {
          weightWindow.used += weight;
          weightWindow.own += weight;
          weightWindow.inFlight += weight;
          raw.used++;
          requestsSent++;
          weightSent += weight;
          if (newOrders > 0) {
            ordersShort.used += newOrders;
            ordersDay.used += newOrders;
          }
          return weightWindow.start;
        }
      }
      LOG.debug("Waiting {} ms for request weight {} on {}", waitMillis, weight, baseUrl);
      Sleeper.sleep(sleeper, waitMillis, "request weight");
    }
  }

  /** Adopts the server's count for the current window when it is higher than ours. */
  public synchronized void onUsedWeightHeader(long usedByServer) {
    onUsedWeightHeader(usedByServer, Long.MAX_VALUE);
  }

  /**
   * Adopts the server's count when it is higher than ours, unless the request was counted in an
   * earlier window ({@code sentInWindow}, from {@link #acquire(int, int)}): an answer that crosses
   * a window boundary reports the old window, and adopting it would block the new one.
   */
  public synchronized void onUsedWeightHeader(long usedByServer, long sentInWindow) {
    weightWindow.roll(clock.millis());
    if (sentInWindow < weightWindow.start) {
      return;
    }
    serverUsed = usedByServer;
    serverUsedWindow = weightWindow.start;
    if (usedByServer > weightWindow.used) {
      weightWindow.used = usedByServer;
    }
  }

  /**
   * Adopts the account's unfilled-order count of an {@code X-MBX-ORDER-COUNT-<n><unit>} header when
   * it is higher than ours.
   *
   * @param suffix the header's end, e.g. {@code 10S} or {@code 1D}
   */
  public synchronized void onOrderCountHeader(String suffix, long count) {
    LimitWindow w = suffix.toUpperCase(Locale.ROOT).endsWith("D") ? ordersDay : ordersShort;
    w.roll(clock.millis());
    if (count > w.used) {
      w.used = count;
    }
  }

  /** After a 429: every acquire waits {@code retryAfterSeconds} from now. */
  public void onRateLimited(long retryAfterSeconds) {
    onRateLimited(retryAfterSeconds, null);
  }

  /**
   * After a 429: every acquire waits {@code retryAfterSeconds} from now, and the limit the message
   * states (if it states one) is adopted.
   */
  public void onRateLimited(long retryAfterSeconds, @Nullable String message) {
    try {
      RateLimitRule stated = RateLimitRule.stated(message);
      if (stated != null) {
        setLimit(stated);
      }
    } catch (NumberFormatException e) {
      LOG.debug("Ignoring an unreadable stated limit: {}", message);
    }
    synchronized (this) {
      pausedUntil = Math.max(pausedUntil, clock.millis() + Math.max(0, retryAfterSeconds) * 1000);
    }
  }

  /** After a 418: every acquire throws until now + {@code retryAfterSeconds}. */
  public synchronized void onBanned(long retryAfterSeconds) {
    bannedUntil = Math.max(bannedUntil, clock.millis() + Math.max(0, retryAfterSeconds) * 1000);
  }

  /**
   * Applies one entry of {@code exchangeInfo.rateLimits}: {@code REQUEST_WEIGHT}, {@code
   * RAW_REQUESTS}, and {@code ORDERS} (a DAY interval is the daily limit, a shorter one the short
   * window). A new window length restarts the window but keeps the count, which errs on the side of
   * waiting. Unknown types are ignored.
   *
   * @param interval SECOND, MINUTE, HOUR or DAY
   * @throws IllegalArgumentException for an unknown interval or a non-positive number
   */
  public void setLimit(String rateLimitType, String interval, int intervalNum, int limit) {
    RateLimitRule rule = RateLimitRule.of(rateLimitType, interval, intervalNum, limit);
    if (rule != null) {
      setLimit(rule);
    }
  }

  private void setLimit(RateLimitRule rule) {
    String unit = rule.unit();
    synchronized (this) {
      LimitWindow w =
          switch (rule.type()) {
            case "REQUEST_WEIGHT" -> weightWindow;
            case "RAW_REQUESTS" -> raw;
            default -> unit.equals("DAY") ? ordersDay : ordersShort;
          };
      long newWindow = rule.windowMillis();
      if (newWindow != w.millis) {
        w.millis = newWindow;
        w.start = Math.floorDiv(clock.millis(), newWindow) * newWindow;
      }
      w.limit = rule.limit();
      if (w == weightWindow) {
        learning.known();
        // The header name Binance uses for this window, e.g. X-MBX-USED-WEIGHT-1M.
        this.headerSuffix = rule.intervalNum() + unit.substring(0, 1);
      }
    }
  }

  public synchronized int limit() {
    return weightWindow.limit;
  }

  /** The RAW_REQUESTS limit, or {@link Integer#MAX_VALUE} while unknown. */
  public synchronized int rawLimit() {
    return raw.limit;
  }

  /** The ORDERS limits (short window, day), or {@link Integer#MAX_VALUE} while unknown. */
  public synchronized int[] orderLimits() {
    return new int[] {ordersShort.limit, ordersDay.limit};
  }

  /** Weight counted in the current window (0 once the window has passed). */
  public synchronized long usedInWindow() {
    weightWindow.roll(clock.millis());
    return weightWindow.used;
  }

  /**
   * The weight the server reported (the used-weight header) on the last answer of the current
   * window, or -1 when no answer of this window carried one.
   */
  public synchronized long serverUsedInWindow() {
    weightWindow.roll(clock.millis());
    return serverUsedWindow == weightWindow.start ? serverUsed : -1;
  }

  /** A request answered from a cache instead: counted as saved, not as sent. */
  public synchronized void servedFromCache(int weight) {
    requestsSaved++;
    weightSaved += weight;
  }

  /**
   * What was sent and saved since this governor was made: {@code {requestsSent, weightSent,
   * requestsSaved, weightSaved}}.
   */
  public synchronized long[] totals() {
    return new long[] {requestsSent, weightSent, requestsSaved, weightSaved};
  }

  public synchronized long windowMillis() {
    return weightWindow.millis;
  }

  /** The response header reporting this window's usage, e.g. {@code X-MBX-USED-WEIGHT-1M}. */
  public synchronized String usedWeightHeader() {
    return "X-MBX-USED-WEIGHT-" + headerSuffix;
  }

  /** The instant the ban ends, or null when there is none. */
  public synchronized @Nullable Instant bannedUntil() {
    return bannedUntil > clock.millis() ? Instant.ofEpochMilli(bannedUntil) : null;
  }

  public String baseUrl() {
    return baseUrl;
  }
}
