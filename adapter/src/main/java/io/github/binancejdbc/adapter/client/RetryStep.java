package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * The first step: runs the attempts of a call. A later step that throws {@link Retry} gets another
 * attempt after the wait it names (or the backoff: 250 ms doubling to at most 5 s) while the call
 * has attempts left; after the last one its failure is thrown with "gave up after n attempts".
 * Uncounted retries (a request that was not executed) go again at once.
 *
 * <p>Backoff has no jitter: retries are few, the governor already spreads weight, and a fixed
 * schedule keeps the tests exact.
 */
final class RetryStep implements Step {
  private static final long BACKOFF_BASE_MILLIS = 250;
  private static final long BACKOFF_CAP_MILLIS = 5_000;

  private final Sleeper sleeper;

  RetryStep(Sleeper sleeper) {
    this.sleeper = requireNonNull(sleeper, "sleeper is null");
  }

  @Override
  public Reply proceed(Call call, Chain next) throws IOException {
    for (int attempt = 1; ; attempt++) {
      call.startAttempt(attempt);
      try {
        return next.proceed(call);
      } catch (Retry retry) {
        if (!retry.counted) {
          attempt--;
          continue;
        }
        if (attempt >= call.maxAttempts) {
          throw ResponseErrors.gaveUp(retry.failure(), attempt, retry.giveUpState());
        }
        long waitMillis =
            retry.waitMillis == Retry.BACKOFF ? backoffMillis(attempt) : retry.waitMillis;
        if (waitMillis > 0) {
          Sleeper.sleep(sleeper, waitMillis, "a retry of " + call.name() + " " + call.path);
        }
      }
    }
  }

  static long backoffMillis(int attempt) {
    int shift = Math.min(attempt - 1, 10);
    return Math.min(BACKOFF_CAP_MILLIS, BACKOFF_BASE_MILLIS << shift);
  }
}
