package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One limit the server enforces, as {@code exchangeInfo.rateLimits} lists it or a 429's message
 * states it.
 *
 * @param type REQUEST_WEIGHT, RAW_REQUESTS or ORDERS
 * @param unit SECOND, MINUTE, HOUR or DAY
 */
record RateLimitRule(String type, String unit, int intervalNum, int limit) {
  // "current limit is 300 request weight per 1 MINUTE", "... 6100 requests per 5 MINUTE",
  // "Too many new orders; current limit is 50 orders per 10 SECOND."
  private static final Pattern STATED_LIMIT =
      Pattern.compile(
          "current limit is (\\d+) (request weight|requests|orders) per (\\d+) (SECOND|MINUTE|HOUR|DAY)",
          Pattern.CASE_INSENSITIVE);

  /**
   * The rule of one {@code rateLimits} entry, or null for a type the governor does not keep.
   *
   * @throws IllegalArgumentException for an unknown interval or a non-positive number
   */
  static @Nullable RateLimitRule of(
      String rateLimitType, String interval, int intervalNum, int limit) {
    requireNonNull(rateLimitType, "rateLimitType is null");
    requireNonNull(interval, "interval is null");
    String type = rateLimitType.toUpperCase(Locale.ROOT);
    if (!type.equals("REQUEST_WEIGHT") && !type.equals("RAW_REQUESTS") && !type.equals("ORDERS")) {
      return null;
    }
    if (intervalNum < 1 || limit < 1) {
      throw new IllegalArgumentException(
          "intervalNum and limit must be positive, but were: " + intervalNum + ", " + limit);
    }
    String unit = interval.toUpperCase(Locale.ROOT);
    RateLimitRule rule = new RateLimitRule(type, unit, intervalNum, limit);
    rule.windowMillis(interval);
    return rule;
  }

  /**
   * The limit a 429's message states, or null when it states none.
   *
   * @throws NumberFormatException for a number too large for an int
   */
  static @Nullable RateLimitRule stated(@Nullable String message) {
    Matcher m = message == null ? null : STATED_LIMIT.matcher(message);
    if (m == null || !m.find()) {
      return null;
    }
    String what = m.group(2).toLowerCase(Locale.ROOT);
    String type =
        what.startsWith("orders")
            ? "ORDERS"
            : what.equals("requests") ? "RAW_REQUESTS" : "REQUEST_WEIGHT";
    return of(type, m.group(4), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)));
  }

  /** The window length in milliseconds. */
  long windowMillis() {
    return windowMillis(unit);
  }

  private long windowMillis(String given) {
    long unitMillis =
        switch (unit) {
          case "SECOND" -> 1_000L;
          case "MINUTE" -> 60_000L;
          case "HOUR" -> 3_600_000L;
          case "DAY" -> 86_400_000L;
          default ->
              throw new IllegalArgumentException(
                  "interval must be SECOND, MINUTE, HOUR or DAY, but was: " + given);
        };
    return unitMillis * intervalNum;
  }
}
