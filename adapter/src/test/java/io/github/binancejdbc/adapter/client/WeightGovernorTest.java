package io.github.binancejdbc.adapter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.ErrorKind;
import io.github.binancejdbc.testing.FakeClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightGovernorTest {
  // 10 s into a minute, so that the next window starts 50 s later.
  private final FakeClock clock = new FakeClock(Instant.parse("2024-01-01T00:00:10Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final WeightGovernor governor = new WeightGovernor("https://test", clock, sleeper);

  @Test
  void acquireCountsWeightWithoutWaitingWhileUnderTheLimit() {
    governor.acquire(20);
    governor.acquire(5);

    assertEquals(25, governor.usedInWindow());
    assertEquals(List.of(), sleeper.sleeps());
  }

  @Test
  void acquireWaitsForTheNextMinuteRatherThanExceedTheLimit() {
    governor.setLimit("REQUEST_WEIGHT", "MINUTE", 1, 10);
    governor.onUsedWeightHeader(9);

    governor.acquire(1); // 9 + 1 = 10 is still within the limit
    governor.acquire(2);

    assertEquals(List.of(50_000L), sleeper.sleeps());
    assertEquals(Instant.parse("2024-01-01T00:01:00Z"), clock.instant());
    assertEquals(2, governor.usedInWindow());
  }

  @Test
  void weightTwoAfterHeaderNineWithLimitTenSleepsUntilTheNextMinute() {
    governor.setLimit("REQUEST_WEIGHT", "MINUTE", 1, 10);
    governor.onUsedWeightHeader(9);

    governor.acquire(2);

    assertEquals(List.of(50_000L), sleeper.sleeps());
    assertEquals(2, governor.usedInWindow());
  }

  @Test
  void windowsAreAlignedToTheEpochMinute() {
    governor.acquire(100);
    clock.advance(49_999); // 00:00:59.999, same window

    assertEquals(100, governor.usedInWindow());

    clock.advance(1); // 00:01:00.000
    assertEquals(0, governor.usedInWindow());
  }

  @Test
  void usedWeightHeaderRaisesButNeverLowersTheCount() {
    governor.acquire(30);
    governor.onUsedWeightHeader(12);

    assertEquals(30, governor.usedInWindow());

    governor.onUsedWeightHeader(4000);
    assertEquals(4000, governor.usedInWindow());
  }

  @Test
  void setLimitFromRateLimitsAppliesRequestWeightOnly() {
    governor.setLimit("RAW_REQUESTS", "MINUTE", 5, 300_000);
    governor.setLimit("ORDERS", "SECOND", 10, 50);

    assertEquals(WeightGovernor.DEFAULT_LIMIT, governor.limit());
    assertEquals(60_000, governor.windowMillis());

    governor.setLimit("REQUEST_WEIGHT", "MINUTE", 1, 1200);
    assertEquals(1200, governor.limit());
    assertEquals("X-MBX-USED-WEIGHT-1M", governor.usedWeightHeader());
  }

  @Test
  void setLimitSupportsOtherWindowLengths() {
    governor.setLimit("REQUEST_WEIGHT", "SECOND", 10, 5);
    governor.acquire(5);

    governor.acquire(1); // 00:00:10 is the start of a 10 s window: wait for 00:00:20

    assertEquals(10_000, governor.windowMillis());
    assertEquals("X-MBX-USED-WEIGHT-10S", governor.usedWeightHeader());
    assertEquals(List.of(10_000L), sleeper.sleeps());
    assertEquals(Instant.parse("2024-01-01T00:00:20Z"), clock.instant());
  }

  @Test
  void setLimitRejectsUnknownIntervals() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> governor.setLimit("REQUEST_WEIGHT", "WEEK", 1, 10));

    assertEquals("interval must be SECOND, MINUTE, HOUR or DAY, but was: WEEK", e.getMessage());
  }

  @Test
  void setLimitReadsLowerCaseIntervalsUnderTheTurkishLocale() {
    // "minute".toUpperCase() under tr would give "MİNUTE"; Locale.ROOT must be used.
    governor.setLimit("request_weight", "minute", 2, 100);

    assertEquals(120_000, governor.windowMillis());
    assertEquals(100, governor.limit());
  }

  @Test
  void rateLimitPausesEveryAcquireUntilRetryAfterHasPassed() {
    governor.onRateLimited(3);

    governor.acquire(1);

    assertEquals(List.of(3_000L), sleeper.sleeps());
  }

  @Test
  void banMakesAcquireThrowUntilItEnds() {
    governor.onBanned(120);

    BinanceException e = assertThrows(BinanceException.class, () -> governor.acquire(1));

    assertEquals(ErrorKind.BANNED, e.kind());
    assertEquals("53000", e.sqlState());
    assertEquals(418, e.vendorCode());
    assertEquals(
        "The IP is banned by Binance until 2024-01-01T00:02:10Z; all requests to https://test are"
            + " halted until then (nothing was sent)",
        e.getMessage());
    assertEquals(Instant.parse("2024-01-01T00:02:10Z"), governor.bannedUntil());

    clock.advance(120_000);
    governor.acquire(1);
    assertNull(governor.bannedUntil());
    assertEquals(List.of(), sleeper.sleeps());
  }

  @Test
  void interruptWhileWaitingBecomesTimeoutAndKeepsTheFlag() {
    WeightGovernor interrupted =
        new WeightGovernor(
            "https://test",
            clock,
            millis -> {
              throw new InterruptedException("test");
            });
    interrupted.onRateLimited(5);

    try {
      BinanceException e = assertThrows(BinanceException.class, () -> interrupted.acquire(1));
      assertEquals(ErrorKind.TIMEOUT, e.kind());
      assertEquals("57014", e.sqlState());
      assertEquals("Interrupted while waiting for request weight", e.getMessage());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted(); // clear, so that the flag does not leak into other tests
    }
  }

  @Test
  void weightAboveTheLimitIsRejected() {
    governor.setLimit("REQUEST_WEIGHT", "MINUTE", 1, 10);

    assertThrows(IllegalArgumentException.class, () -> governor.acquire(11));
    assertThrows(IllegalArgumentException.class, () -> governor.acquire(-1));
  }

  @Test
  void forBaseUrlReturnsOneGovernorPerBaseUrl() {
    WeightGovernor a = WeightGovernor.forBaseUrl("https://governor-test-a.invalid", clock, sleeper);
    WeightGovernor again =
        WeightGovernor.forBaseUrl("https://governor-test-a.invalid", clock, Sleeper.SYSTEM);
    WeightGovernor b = WeightGovernor.forBaseUrl("https://governor-test-b.invalid", clock, sleeper);

    assertSame(a, again);
    assertNotSame(a, b);
    assertEquals("https://governor-test-b.invalid", b.baseUrl());
  }
}
