package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The offset between the server's clock and ours, measured by asking the server its time: what a
 * signed request's {@code timestamp} is corrected by. Thread-safe.
 */
final class ServerClock {
  private final Clock clock;
  private final LongSupplier serverTime;
  private volatile @Nullable Long offsetMillis;

  /**
   * @param serverTime asks the server its time (epoch ms), e.g. {@code GET /api/v3/time}
   */
  ServerClock(Clock clock, LongSupplier serverTime) {
    this.clock = requireNonNull(clock, "clock is null");
    this.serverTime = requireNonNull(serverTime, "serverTime is null");
  }

  /** Sets the offset from one question, taking our time as the middle of its round trip. */
  void measure() {
    long before = clock.millis();
    long server = serverTime.getAsLong();
    long after = clock.millis();
    offsetMillis = server - (before + after) / 2;
  }

  /** The measured offset in milliseconds, or {@code null} before the first measurement. */
  @Nullable Long offsetMillis() {
    return offsetMillis;
  }

  /** Our time corrected by the offset, measured first if it never was. */
  long serverMillis() {
    Long offset = offsetMillis;
    if (offset == null) {
      measure();
      offset = requireNonNull(offsetMillis);
    }
    return clock.millis() + offset;
  }
}
