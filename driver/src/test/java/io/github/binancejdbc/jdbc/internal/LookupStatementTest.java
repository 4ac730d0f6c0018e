package io.github.binancejdbc.jdbc.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.binancejdbc.testing.WireMocks;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A prepared lookup run without Calcite's connection ({@link LookupStatement}) against the same
 * statement prepared by Calcite, each on a fresh connection, in three JVM zones: the same metadata,
 * parameters, values through every getter, errors, result-set properties and requests; and the
 * Calcite connection is never created for it.
 */
class LookupStatementTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.lenient();

  private static final List<String> ZONES = List.of("UTC", "America/New_York", "Asia/Kolkata");

  private TimeZone zone;

  @BeforeEach
  void stubs() {
    zone = TimeZone.getDefault();
    SimpleLookupTest.stubsWithKnownLimits(wm);
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker/price?symbol=ETHUSDT"))
            .willReturn(okJson("{\"symbol\":\"ETHUSDT\",\"price\":\"0.00000000\"}")));
  }

  @AfterEach
  void restore() {
    SimpleLookup.enabled = true;
    TimeZone.setDefault(zone);
  }

  /** Statements and the values bound to their parameters. */
  private static final List<List<String>> STATEMENTS =
      List.of(
          List.of("SELECT symbol, price FROM ticker_price WHERE symbol = ?", "BTCUSDT", "ETHUSDT"),
          List.of("SELECT price FROM ticker_price WHERE symbol = ?", "BTCUSDT"),
          List.of("SELECT price, mins, close_time FROM avg_price WHERE symbol = ?", "BTCUSDT"),
          List.of(
              "SELECT open_time, close_price, trade_count, close_time FROM klines"
                  + " WHERE symbol = ? AND timeframe = '1h'"
                  + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'",
              "BTCUSDT"),
          // A required key missing: the scan's error, on both paths.
          List.of("SELECT open_time FROM klines WHERE symbol = ?", "BTCUSDT"),
          List.of("SELECT symbol FROM ticker_price WHERE symbol = 'NOPE'"));

  @Test
  void answersAsCalcitesPreparedStatementInEveryZone() throws SQLException {
    List<String> sqls = new ArrayList<>();
    for (List<String> s : STATEMENTS) {
      sqls.add(s.get(0));
    }
    sqls.addAll(SimpleLookupTest.LOOKUPS);
    for (String z : ZONES) {
      TimeZone.setDefault(TimeZone.getTimeZone(z));
      for (String sql : sqls) {
        List<String> values = List.of();
        for (List<String> s : STATEMENTS) {
          if (s.get(0).equals(sql)) {
            values = s.subList(1, s.size());
          }
        }
        String calcite = run(sql, values, false);
        String lookup = run(sql, values, true);
        assertSame(calcite, lookup, z + ": " + sql);
      }
    }
  }

  @Test
  void aStatementRunsLookupsAsCalcitesStatementDoes() throws SQLException {
    for (String z : ZONES) {
      TimeZone.setDefault(TimeZone.getTimeZone(z));
      // Calcite plans the others on both paths: once is enough for them.
      List<String> sqls = new ArrayList<>(SimpleLookupTest.LOOKUPS);
      if (z.equals("UTC")) {
        sqls.addAll(SimpleLookupTest.OTHERS);
      }
      for (String sql : sqls) {
        bothPathsAgree(
            z + ": " + sql,
            (c, out, lookup) -> {
              try (Statement s = c.createStatement()) {
                out.append(rows(s.executeQuery(sql)));
                out.append("execute ").append(s.execute(sql)).append(' ');
                out.append(rows(s.getResultSet())).append(s.getUpdateCount());
              } catch (SQLException e) {
                out.append(error(e)).append('\n');
              }
              assertEquals(
                  !lookup || !SimpleLookupTest.LOOKUPS.contains(sql),
                  opened(c),
                  "Calcite's connection created: " + sql);
            });
      }
    }
  }

  @Test
  void aStatementMovesToCalcitesForAnythingElse() throws SQLException {
    bothPathsAgree(
        "statement",
        (c, out, lookup) -> {
          try (Statement s = c.createStatement()) {
            ResultSet first = s.executeQuery(SimpleLookupTest.LOOKUPS.get(0));
            out.append(s.getWarnings()).append('\n');
            s.clearWarnings();
            assertEquals(!lookup, opened(c));
            // A planned statement: Calcite's statement runs it; the last result set is closed.
            ResultSet planned = s.executeQuery(SimpleLookupTest.OTHERS.get(0));
            assertTrue(opened(c));
            out.append(first.isClosed()).append('\n').append(rows(planned));
            out.append(rows(s.executeQuery(SimpleLookupTest.LOOKUPS.get(1))));
            s.setMaxRows(1);
            out.append(
                rows(
                    s.executeQuery(
                        "SELECT open_time FROM klines WHERE symbol = 'BTCUSDT'"
                            + " AND timeframe = '1h'")));
          }
        });
  }

  /** What one path shows on a fresh connection. */
  @FunctionalInterface
  private interface Run {
    void run(Connection c, StringBuilder out, boolean lookup) throws SQLException;
  }

  /** {@code run} on Calcite's path and on the lookup path shows the same, requests included. */
  private static void bothPathsAgree(String what, Run run) throws SQLException {
    List<String> seen = new ArrayList<>();
    for (boolean lookup : new boolean[] {false, true}) {
      SimpleLookup.enabled = lookup;
      wm.resetRequests();
      StringBuilder out = new StringBuilder();
      try (Connection c = connect()) {
        run.run(c, out, lookup);
      }
      seen.add(out + requests());
    }
    assertSame(seen.get(0), seen.get(1), what);
  }

  /** Everything observable of {@code sql} prepared on a fresh connection and run per value. */
  private static String run(String sql, List<String> values, boolean lookup) throws SQLException {
    SimpleLookup.enabled = lookup;
    wm.resetRequests();
    StringBuilder out = new StringBuilder();
    try (Connection c = connect()) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        out.append(parameters(ps.getParameterMetaData())).append('\n');
        out.append(columns(ps.getMetaData())).append('\n');
        ResultSet previous = null;
        for (String v : values.isEmpty() ? List.of("") : values) {
          if (!values.isEmpty()) {
            ps.setString(1, v);
          }
          try {
            ResultSet rs = ps.executeQuery();
            out.append(previous == null ? "" : "previous closed " + previous.isClosed() + "\n");
            out.append(rows(rs));
            previous = rs;
          } catch (SQLException e) {
            out.append(error(e)).append('\n');
          }
        }
        if (!values.isEmpty()) {
          // execute(), the result set, the update count and the end of the results.
          ps.setString(1, values.get(0));
          try {
            out.append("execute ").append(ps.execute()).append(' ');
            ResultSet rs = ps.getResultSet();
            out.append(rs.next()).append(' ').append(ps.getUpdateCount()).append(' ');
            out.append(ps.getMoreResults()).append(' ').append(rs.isClosed()).append(' ');
            out.append(ps.getUpdateCount()).append(' ');
            // Avatica keeps answering the closed result set here; so must the lookup.
            ResultSet after = ps.getResultSet();
            out.append("after the end ").append(after == null ? "none" : after.isClosed());
            out.append('\n');
          } catch (SQLException e) {
            out.append(error(e)).append('\n');
          }
        }
      }
      assertEquals(!lookup, opened(c), "Calcite's connection created: " + sql);
    }
    return out + requests();
  }

  @Test
  @SuppressWarnings("try") // the statement is closed early on purpose, then used
  void otherCallsGoToCalcitesStatementWithTheBindingsSoFar() throws SQLException {
    String sql = "SELECT symbol, price FROM ticker_price WHERE symbol = ?";
    bothPathsAgree(
        sql,
        (c, out, lookup) -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "ETHUSDT");
            ResultSet first = ps.executeQuery();
            assertEquals(!lookup, opened(c));
            out.append(rows(first));
            // An unbound parameter and one out of range: Calcite's statement reports them.
            ps.clearParameters();
            try {
              ps.executeQuery();
            } catch (SQLException e) {
              out.append(error(e)).append('\n');
            }
            try {
              ps.setString(2, "X");
            } catch (SQLException e) {
              out.append(error(e)).append('\n');
            }
            assertTrue(opened(c));
            ps.setObject(1, "BTCUSDT");
            out.append(rows(ps.executeQuery()));
            ps.close();
            try {
              ps.setString(1, "BTCUSDT");
            } catch (SQLException e) {
              out.append(error(e)).append('\n');
            }
            out.append(ps.isClosed()).append('\n');
          }
          try (Connection c2 = connect()) {
            try (PreparedStatement ps = c2.prepareStatement(sql)) {
              // Bound before a setting moves the statement to Calcite's: the binding goes along.
              ps.setNString(1, "ETHUSDT");
              ps.setQueryTimeout(30);
              assertTrue(opened(c2), "a setting is Calcite's statement's");
              out.append(ps.getQueryTimeout()).append('\n');
              out.append(rows(ps.executeQuery()));
              assertTrue(out.toString().contains("ETHUSDT"), out.toString());
            }
          }
        });
  }

  /** Equal texts, reporting the first line that differs (object hashes in messages ignored). */
  private static void assertSame(String expected, String actual, String what) {
    List<String> e = expected.replaceAll("@[0-9a-f]+", "@").lines().toList();
    List<String> a = actual.replaceAll("@[0-9a-f]+", "@").lines().toList();
    for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
      assertEquals(e.get(i), a.get(i), what + ", line " + (i + 1));
    }
    assertEquals(e.size(), a.size(), what + ": lines\n" + actual);
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:binance:?baseUrl=" + wm.baseUrl() + "&maxRetries=0&cacheSize=0");
  }

  private static boolean opened(Connection c) {
    return ((ConnectionProxy) Proxy.getInvocationHandler(c)).isOpened();
  }

  private static String error(SQLException e) {
    return "error " + e.getSQLState() + " " + e.getClass().getSimpleName() + " " + e.getMessage();
  }

  static String parameters(ParameterMetaData pm) throws SQLException {
    StringBuilder b = new StringBuilder().append(pm.getParameterCount());
    for (int p = 1; p <= pm.getParameterCount() + 1; p++) {
      try {
        b.append(' ')
            .append(pm.getParameterType(p))
            .append(pm.getParameterTypeName(p))
            .append(pm.getPrecision(p))
            .append(pm.getScale(p))
            .append(pm.getParameterClassName(p))
            .append(pm.isNullable(p))
            .append(pm.isSigned(p))
            .append(pm.getParameterMode(p));
      } catch (SQLException e) {
        b.append(' ').append(error(e));
      }
    }
    return b.toString();
  }

  static String columns(ResultSetMetaData md) throws SQLException {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      b.append(md.getColumnLabel(i))
          .append(' ')
          .append(md.getColumnName(i))
          .append(' ')
          .append(md.getTableName(i))
          .append(' ')
          .append(md.getSchemaName(i))
          .append(' ')
          .append(md.getCatalogName(i))
          .append(' ')
          .append(md.getColumnType(i))
          .append(md.getColumnTypeName(i))
          .append(md.getPrecision(i))
          .append(md.getScale(i))
          .append(md.isNullable(i))
          .append(md.getColumnClassName(i))
          .append(md.getColumnDisplaySize(i))
          .append(md.isSigned(i))
          .append(md.isAutoIncrement(i))
          .append(md.isCaseSensitive(i))
          .append(md.isSearchable(i))
          .append(md.isCurrency(i))
          .append(md.isReadOnly(i))
          .append(md.isWritable(i))
          .append(md.isDefinitelyWritable(i))
          .append('\n');
    }
    return b.toString();
  }

  /** Every row through every getter, and the result set's properties and errors. */
  private static String rows(ResultSet rs) throws SQLException {
    StringBuilder b = new StringBuilder();
    b.append(rs.getType())
        .append(' ')
        .append(rs.getConcurrency())
        .append(' ')
        .append(rs.getHoldability())
        .append(' ')
        .append(rs.getFetchSize())
        .append(' ')
        .append(rs.getFetchDirection())
        .append(' ')
        .append(rs.isBeforeFirst())
        .append(columns(rs.getMetaData()))
        .append('\n');
    ResultSetMetaData md = rs.getMetaData();
    Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"), Locale.ROOT);
    while (rs.next()) {
      b.append("row ").append(rs.getRow()).append(' ').append(rs.isFirst()).append('\n');
      for (int i = 1; i <= md.getColumnCount() + 1; i++) {
        int col = i;
        String label = i <= md.getColumnCount() ? md.getColumnLabel(i) : "none";
        b.append(col).append(':');
        b.append(read(() -> rs.findColumn(label)));
        b.append(read(() -> rs.getObject(col))).append(read(rs::wasNull));
        b.append(read(() -> rs.getObject(label)));
        b.append(read(() -> rs.getString(col)));
        b.append(read(() -> rs.getBigDecimal(col)));
        b.append(read(() -> rs.getLong(col))).append(read(rs::wasNull));
        b.append(read(() -> rs.getInt(col)));
        b.append(read(() -> rs.getShort(col)));
        b.append(read(() -> rs.getDouble(col)));
        b.append(read(() -> rs.getFloat(col)));
        b.append(read(() -> rs.getBoolean(col)));
        b.append(read(() -> rs.getBytes(col)));
        b.append(read(() -> rs.getTimestamp(col)));
        b.append(read(() -> rs.getTimestamp(col, tokyo)));
        b.append(read(() -> rs.getDate(col)));
        b.append(read(() -> rs.getTime(col)));
        b.append(read(() -> rs.getObject(col, LocalDateTime.class)));
        b.append(read(() -> rs.getObject(col, LocalDate.class)));
        b.append(read(() -> rs.getObject(col, Instant.class)));
        b.append(read(() -> rs.getObject(col, OffsetDateTime.class)));
        b.append(read(() -> rs.getObject(col, String.class)));
        b.append(read(() -> rs.getObject(col, java.math.BigDecimal.class)));
        b.append(read(() -> rs.getObject(col, Long.class)));
        b.append('\n');
      }
    }
    b.append(rs.isAfterLast()).append(read(rs::next)).append('\n');
    rs.close();
    b.append(rs.isClosed()).append(read(rs::next)).append(read(() -> rs.getString(1)));
    return b.append('\n').toString();
  }

  @FunctionalInterface
  private interface Getter {
    Object get() throws SQLException;
  }

  private static String read(Getter g) {
    try {
      Object o = g.get();
      if (o instanceof byte[] bytes) {
        o = java.util.Arrays.toString(bytes);
      }
      return (o == null ? "null" : o.getClass().getSimpleName() + "=" + o) + " ";
    } catch (SQLException e) {
      return error(e) + " ";
    } catch (RuntimeException e) {
      return "runtime " + e.getClass().getSimpleName() + " " + e.getMessage() + " ";
    }
  }

  private static String requests() {
    List<String> urls = new ArrayList<>();
    for (ServeEvent e : wm.getAllServeEvents()) {
      urls.add(e.getRequest().getUrl());
    }
    Collections.reverse(urls);
    return urls.toString();
  }
}
