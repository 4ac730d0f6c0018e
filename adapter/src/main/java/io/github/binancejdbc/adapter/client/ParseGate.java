package io.github.binancejdbc.adapter.client;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A gate the body reader's fast path passes through on this thread, set by a caller that fetches
 * many pages at once: a burst of pages answered together is then read one at a time, in the order
 * they arrive, so that the first is ready for the reader while the others wait, instead of all
 * being read at once on two cores and the reader waiting for the last.
 */
public final class ParseGate {
  private static final ThreadLocal<@Nullable Semaphore> GATE = new ThreadLocal<>();

  private ParseGate() {}

  /** Runs {@code fetch} with {@code gate} around the reading of each body it fetches. */
  public static <T> T with(Semaphore gate, Supplier<T> fetch) {
    GATE.set(gate);
    try {
      return fetch.get();
    } finally {
      GATE.remove();
    }
  }

  /** The gate set on this thread, or null. */
  public static @Nullable Semaphore current() {
    return GATE.get();
  }
}
