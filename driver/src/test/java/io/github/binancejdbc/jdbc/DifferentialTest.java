package io.github.binancejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.binancejdbc.fixture.FixtureData;
import io.github.binancejdbc.fixture.FixtureExchange;
import io.github.binancejdbc.fixture.FixtureH2;
import io.github.binancejdbc.jdbc.DifferentialCorpus.Param;
import io.github.binancejdbc.jdbc.DifferentialCorpus.Query;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pushdown never changes a result: every query of {@code differential/queries.sql} runs on the
 * driver, against the {@link FixtureExchange}, and on H2 holding the same data, and the answers
 * must be equal (see the corpus header for the comparison directives). Some queries also pin the
 * number of requests the driver sends. Runs under the build's non-UTC default zone (Asia/Tokyo):
 * both sides must answer in UTC wall-clock time regardless.
 */
class DifferentialTest {
  /**
   * Queries on which the driver is known to answer differently from H2, with the difference. Such a
   * case is reported as aborted (skipped) with the actual difference; once the driver is fixed the
   * case fails until it is removed from here.
   */
  static final Map<String, String> KNOWN_DRIVER_BUGS = Map.of();

  /**
   * Known bugs that show only under some JVM zones: these entries may pass (they do under the
   * build's Asia/Tokyo, or UTC) without failing the "now agrees, remove it" check.
   */
  static final Set<String> ZONE_DEPENDENT_BUGS = Set.of();

  private static FixtureExchange exchange;
  private static Connection binance;
  private static Connection h2;

  @BeforeAll
  static void start() throws SQLException {
    exchange = FixtureExchange.start();
    // The requests of each query are asserted: no closed bars kept between queries
    // (RandomDifferentialTest compares the rows with the cache on and off).
    binance =
        DriverManager.getConnection(
            "jdbc:binance:?baseUrl=http://127.0.0.1:" + exchange.port() + "&cacheSize=0");
    h2 = exchange.openH2("differential");
  }

  @AfterAll
  static void stop() throws SQLException {
    try {
      if (binance != null) {
        binance.close();
      }
      if (h2 != null) {
        h2.close();
      }
    } finally {
      exchange.close();
    }
  }

  /** The corpus; {@code -Ddifferential.only=text} keeps the entries whose name contains text. */
  static Stream<Query> corpus() {
    String only = System.getProperty("differential.only", "");
    return DifferentialCorpus.load("/differential/queries.sql").stream()
        .filter(q -> q.name().contains(only));
  }

  @Test
  void corpusIsLargeAndNamesAreUnique() {
    List<Query> all = DifferentialCorpus.load("/differential/queries.sql");
    assertTrue(all.size() >= 60, "corpus size " + all.size());
    assertTrue(all.stream().filter(Query::prepared).count() >= 5, "prepared queries");
    assertEquals(all.size(), all.stream().map(Query::name).distinct().count(), "duplicate names");
    for (String bug : KNOWN_DRIVER_BUGS.keySet()) {
      assertTrue(all.stream().anyMatch(q -> q.name().equals(bug)), "no corpus entry " + bug);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void driverAnswersLikeH2(Query q) throws Throwable {
    String bug = KNOWN_DRIVER_BUGS.get(q.name());
    Throwable failure = null;
    try {
      check(q);
    } catch (AssertionError | SQLException e) {
      failure = e;
    }
    if (failure instanceof SQLException e) {
      failure = new AssertionError(q.name() + ": the driver failed on\n" + q.sql() + "\n" + e, e);
    } else if (failure != null) {
      failure = new AssertionError(q.name() + ": " + failure.getMessage(), failure);
    }
    if (bug == null) {
      if (failure != null) {
        throw failure;
      }
      return;
    }
    if (failure == null && ZONE_DEPENDENT_BUGS.contains(q.name())) {
      return; // shows only under some JVM zones; see the entry
    }
    if (failure == null) {
      fail(q.name() + " now agrees with H2: remove it from KNOWN_DRIVER_BUGS");
    }
    Assumptions.abort("known driver bug (" + bug + "): " + failure.getMessage());
  }

  /** The driver's column names and JDBC types are H2's (so SELECT * compares like for like). */
  @Test
  void driverTablesHaveTheFixtureColumns() throws SQLException {
    DatabaseMetaData md = binance.getMetaData();
    for (Map.Entry<String, List<FixtureH2.Column>> t :
        FixtureH2.columns(FixtureData.standard()).entrySet()) {
      List<String> expected = new ArrayList<>();
      for (FixtureH2.Column c : t.getValue()) {
        expected.add(c.name() + " " + c.type().jdbcType);
      }
      List<String> actual = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, "binance", t.getKey(), null)) {
        while (rs.next()) {
          actual.add(rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE"));
        }
      }
      assertEquals(expected, actual, "columns of " + t.getKey());
    }
  }

  private static void check(Query q) throws SQLException {
    List<List<Object>> expected = runH2(q.sql(), q.params());
    if (!q.emptyOk() && expected.isEmpty()) {
      fail(
          q.name()
              + ": H2 answers no rows; the corpus entry tests nothing (add @empty-ok if"
              + " meant)\n"
              + q.sql());
    }
    exchange.resetRequests();
    List<List<Object>> actual = run(binance, q.sql(), q.params());
    List<FixtureExchange.FixtureRequest> sent = exchange.requests();
    if (Boolean.getBoolean("differential.log")) {
      System.out.println(
          "[differential] "
              + q.name()
              + ": "
              + sent.size()
              + " requests, H2 "
              + expected.size()
              + " rows, driver "
              + actual.size()
              + " rows; "
              + describe(sent.subList(0, Math.min(3, sent.size()))));
    }
    String context =
        "\n"
            + q.sql()
            + (q.prepared() ? "\nparams " + q.params() : "")
            + "\nrequests "
            + describe(sent);

    if (q.unorderedLimit()) {
      Map.Entry<String, Integer> full = DifferentialCorpus.withoutLimit(q.sql());
      List<Param> params = q.params().subList(0, q.params().size() - full.getValue());
      List<List<Object>> all = runH2(full.getKey(), params);
      assertEquals(expected.size(), actual.size(), "row count" + context);
      String missing = RowComparison.missing(all, actual, q.tolerance());
      if (missing != null) {
        fail(missing + context);
      }
    } else {
      List<List<Object>> e = RowComparison.project(expected, q.columns());
      List<List<Object>> a = RowComparison.project(actual, q.columns());
      if (!q.ordered()) {
        e = RowComparison.sorted(e);
        a = RowComparison.sorted(a);
      }
      String diff = RowComparison.diffOrdered(e, a, q.tolerance());
      if (diff != null) {
        fail(diff + context);
      }
    }

    for (Map.Entry<String, Integer> r : q.requests().entrySet()) {
      long n =
          r.getKey().equals("*")
              ? sent.size()
              : sent.stream().filter(x -> x.path().equals(r.getKey())).count();
      assertEquals(r.getValue().longValue(), n, "requests to " + r.getKey() + context);
    }
  }

  private static String describe(List<FixtureExchange.FixtureRequest> sent) {
    if (sent.size() > 12) {
      return sent.size() + " requests, first: " + describe(sent.subList(0, 12));
    }
    List<String> out = new ArrayList<>();
    for (FixtureExchange.FixtureRequest r : sent) {
      out.add(r.path() + "?" + r.query());
    }
    return out.toString();
  }

  /** H2 is the oracle: an error there is a corpus mistake, not a driver failure. */
  private static List<List<Object>> runH2(String sql, List<Param> params) {
    try {
      return run(h2, sql, params);
    } catch (SQLException e) {
      throw new IllegalStateException("H2 rejects the corpus query (make it portable):\n" + sql, e);
    }
  }

  private static List<List<Object>> run(Connection c, String sql, List<Param> params)
      throws SQLException {
    if (params.isEmpty()) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        return RowComparison.read(rs);
      }
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        bind(ps, i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        return RowComparison.read(rs);
      }
    }
  }

  private static void bind(PreparedStatement ps, int i, Param p) throws SQLException {
    switch (p.type()) {
      case "str" -> ps.setString(i, p.value());
      case "int" -> ps.setInt(i, Integer.parseInt(p.value()));
      case "long" -> ps.setLong(i, Long.parseLong(p.value()));
      case "dec" -> ps.setBigDecimal(i, new BigDecimal(p.value()));
      // JDBC: a Timestamp without a Calendar is the JVM zone's wall clock; both sides must agree.
      case "ts" -> ps.setTimestamp(i, Timestamp.valueOf(p.value()));
      case "ldt" -> ps.setObject(i, LocalDateTime.parse(p.value()));
      // The portable form: the UTC instant, read in UTC by both drivers.
      case "tsutc" ->
          ps.setTimestamp(
              i,
              Timestamp.from(
                  LocalDateTime.parse(p.value().replace(' ', 'T')).toInstant(ZoneOffset.UTC)),
              Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT));
      default -> throw new IllegalArgumentException("unknown parameter type " + p.type());
    }
  }
}
