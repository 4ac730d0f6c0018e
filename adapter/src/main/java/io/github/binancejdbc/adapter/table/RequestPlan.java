package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests a scan will send, as EXPLAIN shows them: for each kind, the request (method, path,
 * parameters), how many, and the weight; and the total weight. Counts are exact where the query
 * fixes them (a klines range: its 1000-bar pages), an upper bound where the data decides (at most 8
 * windows), or open where only the data can tell (pages until exhausted).
 */
public final class RequestPlan {
  /** How sure a count is. */
  enum How {
    EXACT,
    AT_MOST,
    OPEN
  }

  /**
   * One kind of request.
   *
   * @param query the parameters, unencoded and in the order sent ({@code ?0} and {@code {...}}
   *     stand for values known at execution)
   * @param n the count for EXACT and AT_MOST
   * @param note how an OPEN count goes on, e.g. {@code pages until exhausted}
   */
  record Line(String method, String path, String query, int weight, How how, long n, String note) {
    @Override
    public String toString() {
      String count =
          switch (how) {
            case EXACT -> Long.toString(n);
            case AT_MOST -> "at most " + n;
            case OPEN -> note;
          };
      return method
          + " "
          + path
          + (query.isEmpty() ? "" : "?" + query)
          + " x "
          + count
          + " (weight "
          + weight
          + (how == How.EXACT && n == 1 ? "" : " each")
          + ")";
    }
  }

  private final List<Line> lines = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** A plan of no request (a system table, a query that cannot match). */
  static RequestPlan none() {
    return new RequestPlan();
  }

  /** Adds {@code n} requests of {@code weight} each. */
  RequestPlan exact(long n, String method, String path, String query, int weight) {
    if (n > 0) {
      lines.add(new Line(method, path, query, weight, How.EXACT, n, null));
    }
    return this;
  }

  /** Adds at most {@code n} requests of {@code weight} each. */
  RequestPlan atMost(long n, String method, String path, String query, int weight) {
    if (n > 0) {
      lines.add(new Line(method, path, query, weight, How.AT_MOST, n, null));
    }
    return this;
  }

  /** Adds one request per combination of {@code keys}: exact, or a bound when they are. */
  RequestPlan per(BinanceTable.Keys keys, String method, String path, String query, int weight) {
    return keys.exact()
        ? exact(keys.count(), method, path, query, weight)
        : atMost(keys.count(), method, path, query, weight);
  }

  /** Adds requests whose number the data decides, e.g. {@code pages until exhausted}. */
  RequestPlan open(String note, String method, String path, String query, int weight) {
    lines.add(new Line(method, path, query, weight, How.OPEN, 0, note));
    return this;
  }

  /**
   * Adds {@code other}'s requests once per outer row of a lookup join's batch of {@code rows}:
   * counts become upper bounds (outer rows may share a value, each value is asked once).
   */
  RequestPlan perOuterRow(RequestPlan other, long rows) {
    for (Line l : other.lines) {
      lines.add(
          l.how() == How.OPEN
              ? new Line(
                  l.method(),
                  l.path(),
                  l.query(),
                  l.weight(),
                  How.OPEN,
                  0,
                  "per outer row: " + l.note())
              : new Line(
                  l.method(), l.path(), l.query(), l.weight(), How.AT_MOST, l.n() * rows, null));
    }
    notes.addAll(other.notes);
    notes.add("counted per batch of " + rows + " outer rows");
    return this;
  }

  /** Adds a remark shown after the requests, e.g. what is served from a cache. */
  RequestPlan note(String note) {
    notes.add(note);
    return this;
  }

  /** The parameters as EXPLAIN shows them: {@code name=value&...}, unencoded. */
  static String query(List<Param> params) {
    StringBuilder sb = new StringBuilder();
    for (Param p : params) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(p.name()).append('=').append(p.value());
    }
    return sb.toString();
  }

  /** The {@code requests} item of EXPLAIN. */
  public String requests() {
    List<String> parts = new ArrayList<>();
    for (Line l : lines) {
      parts.add(l.toString());
    }
    if (parts.isEmpty() && notes.isEmpty()) {
      parts.add("none");
    }
    parts.addAll(notes);
    return parts.toString();
  }

  /**
   * The {@code weight} item of EXPLAIN: the total ({@code 4}), an upper bound ({@code at most
   * 160}), or what is known plus a rate for the open part ({@code 2 per page}).
   */
  public String weight() {
    long fixed = 0;
    boolean bound = false;
    List<String> open = new ArrayList<>();
    for (Line l : lines) {
      switch (l.how()) {
        case EXACT -> fixed += l.n() * l.weight();
        case AT_MOST -> {
          fixed += l.n() * l.weight();
          bound = true;
        }
        case OPEN -> open.add(l.weight() + " per request");
      }
    }
    String head = (bound ? "at most " : "") + fixed;
    if (open.isEmpty()) {
      return head;
    }
    return (fixed == 0 ? "" : head + " + ") + String.join(" + ", open);
  }
}
