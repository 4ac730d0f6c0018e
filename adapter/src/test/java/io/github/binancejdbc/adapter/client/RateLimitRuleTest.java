package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RateLimitRuleTest {
  @Test
  void anExchangeInfoEntryBecomesARuleWithItsWindow() {
    RateLimitRule rule = requireNonNull(RateLimitRule.of("request_weight", "minute", 1, 6000));

    assertEquals(new RateLimitRule("REQUEST_WEIGHT", "MINUTE", 1, 6000), rule);
    assertEquals(60_000, rule.windowMillis());
    assertEquals(
        864_000_000L, requireNonNull(RateLimitRule.of("ORDERS", "DAY", 10, 1)).windowMillis());
    assertNull(RateLimitRule.of("CONNECTIONS", "MINUTE", 1, 300));
  }

  @Test
  void badEntriesNameTheBadValue() {
    assertEquals(
        "interval must be SECOND, MINUTE, HOUR or DAY, but was: Week",
        assertThrows(IllegalArgumentException.class, () -> RateLimitRule.of("ORDERS", "Week", 1, 1))
            .getMessage());
    assertEquals(
        "intervalNum and limit must be positive, but were: 0, 5",
        assertThrows(
                IllegalArgumentException.class, () -> RateLimitRule.of("ORDERS", "SECOND", 0, 5))
            .getMessage());
  }

  @Test
  void aLimitStatedInA429MessageIsRead() {
    assertEquals(
        new RateLimitRule("REQUEST_WEIGHT", "MINUTE", 1, 300),
        RateLimitRule.stated(
            "Too much request weight used; current limit is 300 request weight per 1 MINUTE."));
    assertEquals(
        new RateLimitRule("RAW_REQUESTS", "MINUTE", 5, 6100),
        RateLimitRule.stated("current limit is 6100 requests per 5 MINUTE"));
    assertEquals(
        new RateLimitRule("ORDERS", "SECOND", 10, 50),
        RateLimitRule.stated("Too many new orders; current limit is 50 orders per 10 SECOND."));
    assertNull(RateLimitRule.stated("Too many requests."));
    assertNull(RateLimitRule.stated(null));
  }
}
