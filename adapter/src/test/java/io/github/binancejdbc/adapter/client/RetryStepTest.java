package io.github.binancejdbc.adapter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryStepTest {
  private final StepFixture f = new StepFixture();

  /** A step that throws the given retries in turn, then answers. */
  private static Step failing(Deque<Retry> retries, int[] attempts) {
    return (call, next) -> {
      attempts[0]++;
      Retry r = retries.pollFirst();
      if (r != null) {
        throw r;
      }
      return StepFixture.ok("done:" + call.attempt);
    };
  }

  private static BinanceException failure() {
    return new BinanceException(SqlState.SYSTEM_ERROR, 0, "HTTP 500 on GET /api/v3/x", null);
  }

  @Test
  void countedRetriesWaitTheBackoffThenTheNamedWait() throws IOException {
    Deque<Retry> retries =
        new ArrayDeque<>(
            List.of(
                Retry.after(failure(), SqlState.SYSTEM_ERROR, Retry.BACKOFF),
                Retry.after(failure(), SqlState.SYSTEM_ERROR, Retry.BACKOFF),
                Retry.after(failure(), SqlState.RATE_LIMITED, 3000)));
    int[] attempts = {0};

    Reply reply =
        Step.Chain.of(new RetryStep(f.sleeper), failing(retries, attempts))
            .proceed(f.get("/api/v3/x"));

    assertEquals("done:4", reply.answer());
    assertEquals(4, attempts[0]);
    assertEquals(List.of(250L, 500L, 3000L), f.sleeper.sleeps());
  }

  @Test
  void afterTheLastAttemptTheFailureIsThrownWithTheGiveUpState() {
    Deque<Retry> retries = new ArrayDeque<>();
    for (int i = 0; i < 4; i++) {
      retries.add(Retry.after(failure(), SqlState.SYSTEM_ERROR, 0));
    }
    int[] attempts = {0};

    BinanceException e =
        assertThrows(
            BinanceException.class,
            () ->
                Step.Chain.of(new RetryStep(f.sleeper), failing(retries, attempts))
                    .proceed(f.get("/api/v3/x")));

    assertEquals(4, attempts[0]);
    assertEquals("HTTP 500 on GET /api/v3/x (gave up after 4 attempts)", e.getMessage());
    assertSame(SqlState.SYSTEM_ERROR, e.state());
    assertEquals(List.of(), f.sleeper.sleeps());
  }

  @Test
  void aPostHasOneAttemptAndSaysNoRetryIsAllowed() {
    Deque<Retry> retries =
        new ArrayDeque<>(List.of(Retry.after(failure(), SqlState.RATE_LIMITED, 1000)));
    int[] attempts = {0};
    Call post = f.call(Method.POST, "/api/v3/order", true, f.hosts("http://a"));

    BinanceException e =
        assertThrows(
            BinanceException.class,
            () ->
                Step.Chain.of(new RetryStep(f.sleeper), failing(retries, attempts)).proceed(post));

    assertEquals(1, attempts[0]);
    assertEquals("HTTP 500 on GET /api/v3/x (no retry allowed)", e.getMessage());
    assertSame(SqlState.RATE_LIMITED, e.state());
  }

  @Test
  void uncountedRetriesGoAgainAtOnceWithoutUsingAnAttempt() throws IOException {
    Deque<Retry> retries = new ArrayDeque<>(List.of(Retry.uncounted(), Retry.uncounted()));
    int[] attempts = {0};
    Call post = f.call(Method.POST, "/api/v3/order", true, f.hosts("http://a"));

    Reply reply = Step.Chain.of(new RetryStep(f.sleeper), failing(retries, attempts)).proceed(post);

    assertEquals("done:1", reply.answer());
    assertEquals(3, attempts[0]);
    assertEquals(List.of(), f.sleeper.sleeps());
  }

  @Test
  void backoffDoublesUpToFiveSeconds() {
    assertEquals(250, RetryStep.backoffMillis(1));
    assertEquals(2000, RetryStep.backoffMillis(4));
    assertEquals(5000, RetryStep.backoffMillis(6));
    assertEquals(5000, RetryStep.backoffMillis(40));
  }
}
