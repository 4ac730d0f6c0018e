package io.github.binancejdbc.adapter.client;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;

/** How the adapter waits: the real one sleeps, tests inject one that records the waits. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = Thread::sleep;

  void sleep(long millis) throws InterruptedException;

  /**
   * Sleeps through {@code sleeper}, turning an interrupt into a {@link BinanceException} of kind
   * TIMEOUT (the interrupt flag is restored).
   *
   * @param what what is waited for, for the message ("Interrupted while waiting for ...")
   */
  static void sleep(Sleeper sleeper, long millis, String what) {
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BinanceException(
          SqlState.QUERY_CANCELED, 0, "Interrupted while waiting for " + what, e);
    }
  }
}
