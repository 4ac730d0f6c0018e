package io.github.binancejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.binancejdbc.fixture.FixtureData;
import io.github.binancejdbc.fixture.FixtureExchange;
import io.github.binancejdbc.jdbc.RandomQueries.Query;
import io.github.binancejdbc.jdbc.RandomQueries.Scan;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random differential testing: {@link RandomQueries} generates seeded queries, each runs on the
 * driver (against the fixture exchange) with the cache of closed history off and on, and on H2
 * holding the same rows, and the answers must be equal. The driver must also stay within a request
 * budget computed from the rows each scan of the query matches ({@code ceil(rows / 1000) + 2} per
 * scan, plus one per IN-list value), so a runaway scan fails even when its answer is right. A
 * documented refusal (0A000 for a window frame Calcite computes wrongly) is accepted where the
 * generator marks it.
 *
 * <p>The default run is {@value #DEFAULT_COUNT} queries of seed {@value #DEFAULT_SEED}. {@code mvn
 * -Prandom-differential verify} runs thousands ({@code -Drandom.count}, {@code -Drandom.seed}); a
 * failure names the query's index and seed, so {@code -Drandom.seed=S -Drandom.only=#N} repeats it.
 */
class RandomDifferentialTest {
  static final long DEFAULT_SEED = 14;
  static final int DEFAULT_COUNT = 200;

  /** Binance's largest page of trades. */
  private static final int PAGE = 1000;

  private static FixtureExchange exchange;
  private static Connection binance;

  /** The same driver with {@code cacheSize=0}: the rows must not depend on the cache. */
  private static Connection uncached;

  private static Connection h2;

  @BeforeAll
  static void start() throws SQLException {
    exchange = FixtureExchange.start();
    // Default retries: a GET that meets a dropped keep-alive connection is retried, as in use.
    binance = DriverManager.getConnection(exchange.jdbcUrl());
    uncached = DriverManager.getConnection(exchange.jdbcUrl() + "&cacheSize=0");
    h2 = exchange.openH2("random_differential");
  }

  @AfterAll
  static void stop() throws SQLException {
    try {
      binance.close();
      uncached.close();
      h2.close();
    } finally {
      exchange.close();
    }
  }

  static Stream<Query> queries() {
    long seed = Long.getLong("random.seed", DEFAULT_SEED);
    int count = Integer.getInteger("random.count", DEFAULT_COUNT);
    String only = System.getProperty("random.only", "");
    return RandomQueries.generate(FixtureData.standard(), seed, count).stream()
        .filter(q -> only.isEmpty() || q.name().startsWith(only + " "));
  }

  @Test
  void generatorIsDeterministicAndCoversEveryShape() {
    List<Query> a = RandomQueries.generate(FixtureData.standard(), 7, 400);
    List<Query> b = RandomQueries.generate(FixtureData.standard(), 7, 400);
    assertEquals(a, b);
    for (String shape :
        List.of(
            "klines scan",
            "klines ordered scan",
            "trades scan",
            "agg_trades ordered scan",
            "klines aggregate",
            "trades aggregate",
            "window",
            "klines self-join",
            "trades-agg_trades join",
            "IN sub-query",
            "trade_id IN sub-query",
            "scalar sub-query",
            "UNION",
            "UNION ALL",
            "INTERSECT",
            "EXCEPT")) {
      assertTrue(
          a.stream()
              .anyMatch(q -> q.name().endsWith(") " + shape) || q.name().endsWith(" " + shape)),
          shape);
    }
    assertTrue(a.stream().anyMatch(q -> q.sql().contains("RANGE BETWEEN INTERVAL")));
    assertTrue(a.stream().anyMatch(q -> q.sql().contains(".5")), "fractional id bounds");
    assertTrue(a.stream().anyMatch(q -> q.sql().contains(" LIMIT 1000")), "page-size limits");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void driverAnswersLikeH2WithinTheRequestBudget(Query q) throws SQLException {
    if (Boolean.getBoolean("random.log")) {
      System.err.println("[random] " + q.name() + ": " + q.sql());
    }
    List<List<Object>> expected;
    try (Statement s = h2.createStatement();
        ResultSet rs = s.executeQuery(q.sql())) {
      expected = RowComparison.read(rs);
    }
    // Cache off, then on: the cached connection has by now held what earlier queries read.
    for (Connection driver : List.of(uncached, binance)) {
      String mode = driver == binance ? " (cache on)" : " (cache off)";
      runOn(driver, q, expected, mode);
    }
  }

  private static void runOn(Connection driver, Query q, List<List<Object>> expected, String mode)
      throws SQLException {
    exchange.resetRequests();
    List<List<Object>> actual;
    try (Statement s = driver.createStatement()) {
      s.setQueryTimeout(30);
      try (ResultSet rs = s.executeQuery(q.sql())) {
        actual = RowComparison.read(rs);
      }
    } catch (SQLException e) {
      if (q.refusal() != null && q.refusal().equals(e.getSQLState())) {
        assertEquals(0, exchange.requestCount(), "a refusal sends nothing");
        return;
      }
      throw new AssertionError(
          q.name()
              + mode
              + ": the driver failed ("
              + e.getSQLState()
              + ") on\n"
              + q.sql()
              + "\n"
              + e,
          e);
    }
    List<FixtureExchange.FixtureRequest> sent = exchange.requests();
    if (q.refusal() != null) {
      fail(q.name() + ": expected the documented refusal " + q.refusal() + "\n" + q.sql());
    }
    List<List<Object>> e = q.ordered() ? expected : RowComparison.sorted(expected);
    List<List<Object>> a = q.ordered() ? actual : RowComparison.sorted(actual);
    String diff = RowComparison.diffOrdered(e, a, q.tolerance());
    if (diff != null) {
      fail(q.name() + mode + ": " + diff + "\n" + q.sql() + "\nrequests " + describe(sent));
    }
    int budget = budget(q);
    if (sent.size() > budget) {
      fail(
          q.name()
              + mode
              + ": "
              + sent.size()
              + " requests, budget "
              + budget
              + "\n"
              + q.sql()
              + "\nrequests "
              + describe(sent));
    }
    String early = startedTooEarly(q, sent);
    if (early != null) {
      fail(q.name() + mode + ": " + early + "\n" + q.sql() + "\nrequests " + describe(sent));
    }
  }

  /**
   * A request by {@code fromId} far below every id the query's scans of that table can match (or
   * below the lowest id written in the query), when each of them has a lower bound: a scan from the
   * start of history. Backward pages may start up to a page before the first match.
   */
  private static String startedTooEarly(Query q, List<FixtureExchange.FixtureRequest> sent)
      throws SQLException {
    for (String table : List.of("trades", "agg_trades")) {
      String path = table.equals("trades") ? "/api/v3/historicalTrades" : "/api/v3/aggTrades";
      Long floor = null;
      boolean unbounded = false;
      for (Scan s : q.scans()) {
        if (!s.table().equals(table)) {
          continue;
        }
        if (!s.bounded()) {
          unbounded = true; // may rightly read from the first trade on
          continue;
        }
        Long lowest = s.lowestId();
        try (Statement st = h2.createStatement();
            ResultSet rs =
                st.executeQuery(
                    "SELECT MIN(" + s.idColumn() + ") FROM " + table + " WHERE " + s.where())) {
          rs.next();
          long min = rs.getLong(1);
          if (!rs.wasNull()) {
            lowest = lowest == null ? min : Math.min(lowest, min);
          }
        }
        if (lowest == null) {
          unbounded = true;
        } else {
          floor = floor == null ? lowest : Math.min(floor, lowest);
        }
      }
      if (floor == null || unbounded) {
        continue;
      }
      for (FixtureExchange.FixtureRequest r : sent) {
        String from = r.params().get("fromId");
        if (r.path().equals(path) && from != null && Long.parseLong(from) < floor - PAGE) {
          return r.path() + " from id " + from + ", far below the lowest id wanted (" + floor + ")";
        }
      }
    }
    return null;
  }

  /** What the scans of a query may cost: full pages of the rows they match, and two more. */
  private static int budget(Query q) throws SQLException {
    int budget = 0;
    for (Scan s : q.scans()) {
      try (Statement st = h2.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT COUNT(*) FROM " + s.table() + " WHERE " + s.where())) {
        rs.next();
        // Full pages of the matching rows, one more to see the end, one time-to-id lookup.
        budget += (int) Math.ceil(rs.getLong(1) / 1000.0) + 2 + s.points();
      }
    }
    return budget;
  }

  private static String describe(List<FixtureExchange.FixtureRequest> sent) {
    List<String> out = new ArrayList<>();
    for (FixtureExchange.FixtureRequest r : sent.subList(0, Math.min(8, sent.size()))) {
      out.add(r.path() + "?" + r.query());
    }
    return sent.size() + " " + out;
  }
}
