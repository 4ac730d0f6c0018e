package io.github.binancejdbc.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Fault injection for tests: scripted misbehaviour of the next requests to {@code /api/...} paths.
 * Each rule applies to the next {@code count} matching requests, then disappears; rules are matched
 * in the order they were added. A {@code path} of null matches every API path; a path ending in
 * {@code *} matches by prefix. Thread-safe. Also reachable over HTTP from loopback as {@code POST
 * /sim/faults} (see the README).
 *
 * <pre>{@code
 * sim.faults().failNext(1, 503);                         // next request: HTTP 503, -1007 body
 * sim.faults().failNextAfterExecution(1, 503, "/api/v3/order"); // the order IS placed, then 503
 * sim.faults().dropNext(2);                               // close the socket without answering
 * sim.faults().delayNext(1, Duration.ofSeconds(3));       // answer late
 * sim.faults().failNextWithCode("/api/v3/klines", -1003); // a Binance error body, usual status
 * sim.faults().dropNextAfterExecution(1, "/api/v3/order"); // placed, then no answer at all
 * sim.faults().unreadableNextAfterExecution(1, "/api/v3/order", null); // placed, answer cut short
 * sim.faults().clockSkew(Duration.ofSeconds(-2));         // server time runs 2 s behind
 * }</pre>
 */
public final class Faults {
  /** What a rule does. */
  public enum Kind {
    /** Sleep before answering. */
    DELAY,
    /** Close the connection without an answer, before executing the request. */
    DROP,
    /** Answer an HTTP error before executing the request. */
    FAIL,
    /** Execute the request (place the order, ...), then answer an HTTP error instead. */
    FAIL_AFTER_EXECUTION,
    /** Answer a Binance error code (with its usual HTTP status) before executing. */
    CODE,
    /** Execute the request, then close the connection without an answer. */
    DROP_AFTER_EXECUTION,
    /**
     * Execute the request, then answer HTTP 200 with a body that is not the answer: the given text
     * (a proxy's HTML page, nothing at all), or, when none is given, the real answer cut short in
     * its middle.
     */
    UNREADABLE_AFTER_EXECUTION
  }

  /** One scripted fault. {@code path} null means any API path. */
  public record Rule(
      Kind kind, int count, String path, long delayMillis, int httpStatus, int code, String msg) {
    public Rule {
      requireNonNull(kind, "kind is null");
      if (count < 1) {
        throw new IllegalArgumentException("count must be at least 1, but was " + count);
      }
    }

    boolean matches(String requestPath) {
      if (path == null) {
        return true;
      }
      return path.endsWith("*")
          ? requestPath.startsWith(path.substring(0, path.length() - 1))
          : requestPath.equals(path);
    }
  }

  private final List<Rule> rules = new ArrayList<>();
  private volatile long skewMillis;

  Faults() {}

  /** Delays the next {@code count} responses by {@code delay}. */
  public Faults delayNext(int count, Duration delay) {
    return delayNext(count, delay, null);
  }

  public Faults delayNext(int count, Duration delay, String path) {
    return add(new Rule(Kind.DELAY, count, path, delay.toMillis(), 0, 0, null));
  }

  /** Closes the connection of the next {@code count} requests without any response. */
  public Faults dropNext(int count) {
    return dropNext(count, null);
  }

  public Faults dropNext(int count, String path) {
    return add(new Rule(Kind.DROP, count, path, 0, 0, 0, null));
  }

  /**
   * Answers the next {@code count} requests with {@code httpStatus} (a 5xx carries Binance's
   * "execution status unknown" body: 500 → -1006, 502/503 → -1007... see {@link #bodyCodeOf}),
   * without executing them.
   */
  public Faults failNext(int count, int httpStatus) {
    return failNext(count, httpStatus, null);
  }

  public Faults failNext(int count, int httpStatus, String path) {
    return add(new Rule(Kind.FAIL, count, path, 0, httpStatus, bodyCodeOf(httpStatus), null));
  }

  /**
   * Executes the next {@code count} requests (an order is placed, a cancel cancels), then answers
   * {@code httpStatus} instead of the result: the "unknown execution status" case a client must
   * reconcile.
   */
  public Faults failNextAfterExecution(int count, int httpStatus) {
    return failNextAfterExecution(count, httpStatus, null);
  }

  public Faults failNextAfterExecution(int count, int httpStatus, String path) {
    return add(
        new Rule(
            Kind.FAIL_AFTER_EXECUTION, count, path, 0, httpStatus, bodyCodeOf(httpStatus), null));
  }

  /** Executes the next {@code count} requests on {@code path}, then closes without answering. */
  public Faults dropNextAfterExecution(int count, String path) {
    return add(new Rule(Kind.DROP_AFTER_EXECUTION, count, path, 0, 0, 0, null));
  }

  /**
   * Executes the next {@code count} requests on {@code path}, then answers 200 with {@code body}
   * instead of the result; a null body sends the real result cut short in its middle.
   */
  public Faults unreadableNextAfterExecution(int count, String path, String body) {
    return add(new Rule(Kind.UNREADABLE_AFTER_EXECUTION, count, path, 0, 200, 0, body));
  }

  /**
   * The next request on {@code path} fails with Binance error {@code code} and its usual message.
   */
  public Faults failNextWithCode(String path, int code) {
    return failNextWithCode(path, code, null);
  }

  /** The next request on {@code path} fails with {@code code} and {@code msg} (null: the usual). */
  public Faults failNextWithCode(String path, int code, String msg) {
    return add(new Rule(Kind.CODE, 1, path, 0, 0, code, msg));
  }

  /** Adds a rule as given. */
  public synchronized Faults add(Rule rule) {
    rules.add(requireNonNull(rule, "rule is null"));
    return this;
  }

  /** Server time = simulator clock + {@code skew} (what {@code /api/v3/time} and signing see). */
  public Faults clockSkew(Duration skew) {
    this.skewMillis = skew.toMillis();
    return this;
  }

  public long clockSkewMillis() {
    return skewMillis;
  }

  /** Removes every rule and the clock skew. */
  public synchronized void reset() {
    rules.clear();
    skewMillis = 0;
  }

  /** The rules still pending, in order. */
  public synchronized List<Rule> pending() {
    return List.copyOf(rules);
  }

  /** Consumes one use of the first rule of {@code kind} matching {@code path}, or returns null. */
  synchronized Rule take(Kind kind, String path) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule r = it.next();
      if (r.kind() == kind && r.matches(path)) {
        int i = rules.indexOf(r);
        if (r.count() == 1) {
          it.remove();
        } else {
          rules.set(
              i,
              new Rule(
                  r.kind(),
                  r.count() - 1,
                  r.path(),
                  r.delayMillis(),
                  r.httpStatus(),
                  r.code(),
                  r.msg()));
        }
        return r;
      }
    }
    return null;
  }

  /** The Binance code a 5xx answer carries by default. */
  static int bodyCodeOf(int httpStatus) {
    return switch (httpStatus) {
      case 500 -> -1006;
      case 502, 503, 504 -> -1007;
      case 429 -> -1003;
      default -> -1000;
    };
  }

  static Kind kindOf(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "delay" -> Kind.DELAY;
      case "drop" -> Kind.DROP;
      case "fail" -> Kind.FAIL;
      case "failafterexecution", "fail_after_execution", "failafter" -> Kind.FAIL_AFTER_EXECUTION;
      case "code" -> Kind.CODE;
      case "dropafterexecution", "drop_after_execution" -> Kind.DROP_AFTER_EXECUTION;
      case "unreadable", "unreadableafterexecution", "unreadable_after_execution" ->
          Kind.UNREADABLE_AFTER_EXECUTION;
      default -> throw new IllegalArgumentException("unknown fault type: " + type);
    };
  }
}
