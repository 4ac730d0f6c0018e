package io.github.binancejdbc.adapter.client;

import io.github.binancejdbc.testing.FakeClock;
import java.util.ArrayList;
import java.util.List;

/** Records each wait and advances the fake clock by it instead of sleeping. */
final class RecordingSleeper implements Sleeper {
  private final FakeClock clock;
  private final List<Long> sleeps = new ArrayList<>();

  RecordingSleeper(FakeClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void sleep(long millis) {
    sleeps.add(millis);
    clock.advance(millis);
  }

  synchronized List<Long> sleeps() {
    return List.copyOf(sleeps);
  }
}
