package io.github.binancejdbc.adapter.client;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import io.github.binancejdbc.testing.FakeClock;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Calls, replies and a scripted last step for testing one {@link Step} at a time: no HTTP, a fake
 * clock, a sleeper that records.
 */
final class StepFixture {
  final FakeClock clock = new FakeClock(Instant.parse("2024-01-01T00:00:10Z"));
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final WeightGovernor governor = new WeightGovernor("http://a", clock, sleeper);

  Hosts hosts(String... urls) {
    return new Hosts(List.of(urls), clock);
  }

  /** A GET of {@code path} on one host, 3 retries, weight 2; the attempt's params are set. */
  Call get(String path, Param... params) {
    return call(Method.GET, path, false, hosts("http://a"), params);
  }

  Call call(Method method, String path, boolean signed, Hosts route, Param... params) {
    Call call =
        new Call(method, path, List.of(params), 2, p -> "read", signed, signed, route, governor, 3);
    call.startAttempt(1);
    call.params = call.query;
    call.host = route.current();
    return call;
  }

  static Reply ok(@Nullable Object answer) {
    return Reply.answered(200, Headers.of(), answer);
  }

  static Reply error(int status, String body, String... headers) {
    return Reply.failed(status, Headers.of(headers), ErrorBody.parse(BinanceHttp.JSON, body));
  }

  /** A last step that answers with {@code replies} in turn and counts the calls it saw. */
  static final class Script implements Step {
    private final Deque<Object> outcomes;
    final List<Call> seen = new ArrayList<>();

    /** Each outcome is a {@link Reply} to return or an {@link IOException} to throw. */
    Script(Object... outcomes) {
      this.outcomes = new ArrayDeque<>(Arrays.asList(outcomes));
    }

    @Override
    public Reply proceed(Call call, Chain next) throws IOException {
      seen.add(call);
      Object outcome = outcomes.removeFirst();
      if (outcome instanceof IOException e) {
        throw e;
      }
      return (Reply) outcome;
    }

    int count() {
      return seen.size();
    }
  }
}
