package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a step to ask {@link RetryStep} for another attempt of the call. Carries what the
 * caller sees when no attempt is left, and how long to wait first. Not an error the caller sees.
 */
final class Retry extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** {@link #waitMillis} for "the backoff of this attempt". */
  static final long BACKOFF = -1;

  /** Thrown (with "gave up after n attempts") when no attempt is left; null when uncounted. */
  final transient @Nullable BinanceException failure;

  /** The SQLState {@link #failure} is thrown with. */
  final @Nullable SqlState giveUpState;

  /** How long to wait before the next attempt, or {@link #BACKOFF}. */
  final long waitMillis;

  /** Whether the attempt counts against the call's attempts. */
  final boolean counted;

  private Retry(
      @Nullable BinanceException failure,
      @Nullable SqlState giveUpState,
      long waitMillis,
      boolean counted) {
    super(null, null, false, false);
    this.failure = failure;
    this.giveUpState = giveUpState;
    this.waitMillis = waitMillis;
    this.counted = counted;
  }

  /**
   * Another attempt, counted against the call's attempts.
   *
   * @param failure thrown (with "gave up after n attempts") when no attempt is left
   * @param giveUpState the SQLState it is thrown with
   * @param waitMillis how long to wait first, or {@link #BACKOFF}
   */
  /** The failure to give up with; only a counted retry gives up, and it always has one. */
  BinanceException failure() {
    return requireNonNull(failure, "an uncounted retry never gives up");
  }

  /** The SQLState {@link #failure()} is thrown with. */
  SqlState giveUpState() {
    return requireNonNull(giveUpState, "an uncounted retry never gives up");
  }

  static Retry after(BinanceException failure, SqlState giveUpState, long waitMillis) {
    return new Retry(failure, giveUpState, waitMillis, true);
  }

  /**
   * Another attempt at once that does not count: the request was not executed (rejected for its
   * timestamp, or never sent), so it is not a retry of the same request.
   */
  static Retry uncounted() {
    return new Retry(null, null, 0, false);
  }
}
