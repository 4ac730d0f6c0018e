package io.github.binancejdbc.adapter.client;

/**
 * Whether the limits of a {@link WeightGovernor}'s server still need reading, and who reads them:
 * exactly one caller whose request is due is asked, and callers arriving meanwhile wait for that
 * read, so that no request goes out on a guessed limit once the guess matters. Thread-safe.
 */
final class LimitLearning {
  private final boolean learns;

  // Guarded by this.
  private boolean known;
  private boolean learning;
  private boolean learnt;

  /**
   * @param learns false: the limits are never asked for (a governor outside the registry)
   */
  LimitLearning(boolean learns) {
    this.learns = learns;
  }

  /**
   * See {@link WeightGovernor#needsLimits(int, boolean)}.
   *
   * @param due whether the caller's request may not go out on a guessed limit
   */
  synchronized boolean needsLimits(boolean due) {
    if (!learns || known || learnt) {
      return false;
    }
    if (learning) {
      // Another thread is reading them: wait, so that no request goes out on a guessed limit.
      while (learning) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return false;
    }
    if (!due) {
      return false;
    }
    learning = true;
    return true;
  }

  /**
   * The read asked for has ended, well or not; {@code asked} false when it was cut short on this
   * side, so that it is asked for again.
   */
  synchronized void read(boolean asked) {
    learning = false;
    learnt = asked;
    notifyAll();
  }

  /** A REQUEST_WEIGHT limit has been read from the server (exchangeInfo or a 429). */
  synchronized void known() {
    known = true;
  }

  synchronized boolean isKnown() {
    return known;
  }
}
