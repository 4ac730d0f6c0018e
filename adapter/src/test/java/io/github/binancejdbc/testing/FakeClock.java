package io.github.binancejdbc.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A UTC clock that moves only when the test moves it, so tests never wait. Thread-safe. */
public final class FakeClock extends Clock {
  private final AtomicLong millis;

  public FakeClock(Instant start) {
    this(start.toEpochMilli());
  }

  public FakeClock(long startMillis) {
    this.millis = new AtomicLong(startMillis);
  }

  public void advance(long deltaMillis) {
    millis.addAndGet(deltaMillis);
  }

  public void set(Instant instant) {
    millis.set(instant.toEpochMilli());
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** The same clock: it counts epoch milliseconds, which no zone changes. */
  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
