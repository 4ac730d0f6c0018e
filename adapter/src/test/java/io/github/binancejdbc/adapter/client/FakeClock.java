package io.github.binancejdbc.adapter.client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to, so tests never wait. */
final class FakeClock extends Clock {
  private final AtomicLong millis;

  FakeClock(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  void advance(long deltaMillis) {
    millis.addAndGet(deltaMillis);
  }

  void set(Instant instant) {
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

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("not needed by the tests");
  }
}
