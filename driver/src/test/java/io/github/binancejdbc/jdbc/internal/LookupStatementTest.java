package io.github.binancejdbc.jdbc.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    // BOOLEAN and BIGINT columns that hold no NULL, and nullable INTEGER and BOOLEAN ones.
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/aggTrades"))
            .willReturn(
                okJson(
                    "[{\"a\":26129,\"p\":\"0.01633102\",\"q\":\"4.70443515\",\"f\":27781,"
                        + "\"l\":27781,\"T\":1498793709153,\"m\":true,\"M\":false},"
                        + "{\"a\":26130,\"p\":\"-12.5\",\"q\":\"0\",\"f\":27782,"
                        + "\"l\":27783,\"T\":-1000,\"m\":false,\"M\":true}]")));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/exchangeInfo"))
            .willReturn(
                okJson(
                    "{\"timezone\":\"UTC\",\"serverTime\":1,\"rateLimits\":[],"
                        + "\"exchangeFilters\":[],\"symbols\":[{\"symbol\":\"BTCUSDT\","
                        + "\"status\":\"TRADING\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\","
                        + "\"baseAssetPrecision\":8,\"icebergAllowed\":true,"
                        + "\"ocoAllowed\":false,\"filters\":[{\"filterType\":\"PRICE_FILTER\","
                        + "\"minPrice\":\"0.01000000\",\"tickSize\":\"1E-8\"}]}]}")));
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
          List.of("SELECT symbol FROM ticker_price WHERE symbol = 'NOPE'"),
          List.of(
              "SELECT agg_trade_id, price, trade_time, is_buyer_maker, is_best_match,"
                  + " first_trade_id FROM agg_trades WHERE symbol = ?",
              "BTCUSDT"),
          List.of("SELECT is_buyer_maker FROM agg_trades WHERE symbol = ?", "BTCUSDT"),
          List.of(
              "SELECT symbol, base_asset_precision, iceberg_allowed, oco_allowed, quote_precision,"
                  + " amend_allowed FROM symbols WHERE symbol = ?",
              "BTCUSDT"),
          // Nullable DECIMAL columns, NULL and not.
          List.of(
              "SELECT filter_type, min_price, max_price, tick_size FROM symbol_filters"
                  + " WHERE symbol = ?",
              "BTCUSDT"));

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

  /**
   * Every method of {@link ResultSet} (195 with unwrap and isWrapperFor, the updaters and the ones
   * a forward-only cursor refuses included), called by reflection with zero, null or false
   * arguments on the first row of a lookup's result set, answers as on Calcite's: the same value
   * (or its absence) or the same SQLState, class and message. Then each again on the closed result
   * set.
   */
  @Test
  void everyResultSetMethodAnswersAsCalcitesDoes() throws SQLException {
    List<java.lang.reflect.Method> methods = new ArrayList<>();
    for (java.lang.reflect.Method m : ResultSet.class.getMethods()) {
      if (!m.getName().equals("next") && !m.getName().equals("close")) {
        methods.add(m);
      }
    }
    methods.sort(
        java.util.Comparator.comparing(
            (java.lang.reflect.Method m) -> m.getName() + Arrays.toString(m.getParameterTypes())));
    assertEquals(193, methods.size(), "ResultSet's methods but next and close");
    bothPathsAgree(
        "every method",
        (c, out, lookup) -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT agg_trade_id, price, trade_time, is_buyer_maker FROM agg_trades"
                      + " WHERE symbol = ?")) {
            ps.setString(1, "BTCUSDT");
            ResultSet rs = ps.executeQuery();
            assertEquals(lookup, rs.getClass().getSimpleName().equals("LookupResultSet"));
            assertTrue(rs.next());
            for (String state : List.of("open", "closed")) {
              for (java.lang.reflect.Method m : methods) {
                out.append(state).append(' ').append(m.getName());
                out.append(Arrays.toString(m.getParameterTypes())).append(": ");
                out.append(invoke(rs, m)).append('\n');
              }
              rs.close();
            }
          }
        });
  }

  /** What calling {@code m} with zero, null or false arguments answers, as text. */
  private static String invoke(ResultSet rs, java.lang.reflect.Method m) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int k = 0; k < types.length; k++) {
      Class<?> t = types[k];
      // Column 1 by index or by label, so that getters read a value.
      args[k] =
          t == int.class
              ? (k == 0 ? 1 : 0)
              : t == long.class
                  ? 0L
                  : t == boolean.class
                      ? false
                      : t == byte.class
                          ? (byte) 0
                          : t == short.class
                              ? (short) 0
                              : t == float.class
                                  ? 0f
                                  : t == double.class
                                      ? 0d
                                      : t == String.class && k == 0 ? "AGG_TRADE_ID" : null;
    }
    try {
      Object o = m.invoke(rs, args);
      // Objects whose class or identity differs between the paths by design show as their type.
      boolean plain =
          o == null || o instanceof Number || o instanceof Boolean || o instanceof String;
      return plain
          ? String.valueOf(o)
          : m.getReturnType().getSimpleName() + (o == rs ? " (itself)" : "");
    } catch (java.lang.reflect.InvocationTargetException e) {
      return e.getCause() instanceof SQLException se
          ? error(se)
          : "not an SQLException: " + e.getCause();
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
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
        .append(' ')
        .append(rs.isAfterLast())
        .append(' ')
        .append(rs.isFirst())
        .append(' ')
        .append(rs.getRow())
        .append(' ')
        .append(rs.getWarnings())
        .append(columns(rs.getMetaData()))
        .append('\n');
    ResultSetMetaData md = rs.getMetaData();
    int count = md.getColumnCount();
    b.append(read(() -> md.getColumnType(count + 1))).append(read(() -> md.getColumnName(0)));
    b.append(read(() -> md.unwrap(ResultSetMetaData.class) == md));
    b.append(read(() -> md.isWrapperFor(ResultSet.class))).append('\n');
    // Reading before the first row, then cursor movements a forward-only result set refuses.
    b.append("before ").append(getters(rs, 1)).append('\n');
    b.append(read(rs::wasNull)).append(read(rs::isLast)).append(read(rs::previous));
    b.append(read(() -> rs.absolute(1))).append(read(() -> rs.relative(1)));
    b.append(read(rs::first)).append(read(rs::last)).append(read(rs::getCursorName));
    b.append(read(() -> rs.getRowId(1))).append(read(rs::rowUpdated)).append(read(rs::rowDeleted));
    b.append(read(rs::rowInserted)).append('\n');
    b.append(read(() -> rs.unwrap(ResultSet.class) == rs))
        .append(read(() -> rs.isWrapperFor(ResultSet.class)));
    b.append(read(() -> rs.unwrap(Statement.class))).append(read(() -> rs.getStatement() != null));
    rs.setFetchSize(7);
    rs.setFetchDirection(ResultSet.FETCH_UNKNOWN);
    b.append(rs.getFetchSize()).append(rs.getFetchDirection()).append('\n');
    boolean first = true;
    while (rs.next()) {
      b.append("row ").append(rs.getRow()).append(' ').append(rs.isFirst()).append('\n');
      if (first) {
        b.append(
            read(
                () -> {
                  rs.updateNull(1);
                  return null;
                }));
        b.append(
            read(
                () -> {
                  rs.updateString("x", "y");
                  return null;
                }));
        b.append(
            read(
                () -> {
                  rs.updateRow();
                  return null;
                }));
        b.append(
                read(
                    () -> {
                      rs.moveToInsertRow();
                      return null;
                    }))
            .append('\n');
        first = false;
      }
      for (int i = 1; i <= count + 1; i++) {
        String label = i <= count ? md.getColumnLabel(i) : "none";
        b.append(i).append(':').append(read(() -> rs.findColumn(label)));
        b.append(getters(rs, i)).append('\n');
        // By label, in another case: the same answers.
        b.append(getters(rs, label.toUpperCase(Locale.ROOT))).append('\n');
      }
    }
    b.append(rs.isAfterLast()).append(rs.getRow()).append(read(rs::next)).append('\n');
    b.append("after ").append(getters(rs, 1)).append('\n');
    Statement statement = rs.getStatement();
    rs.close();
    rs.close();
    b.append(rs.isClosed()).append(read(rs::next)).append(read(() -> rs.getString(1)));
    b.append(read(() -> rs.getStatement() == statement)).append(read(rs::getMetaData));
    b.append("closed ").append(getters(rs, 1));
    for (Getter g :
        List.<Getter>of(
            rs::wasNull,
            rs::getType,
            rs::getFetchSize,
            rs::getRow,
            rs::isBeforeFirst,
            rs::getWarnings,
            () -> rs.findColumn("x"),
            rs::rowUpdated,
            rs::isFirst,
            rs::getHoldability,
            rs::getConcurrency)) {
      b.append(read(g));
    }
    return b.append('\n').toString();
  }

  /** Every getter of column {@code col} (an index or a label), each followed by wasNull. */
  @SuppressWarnings("deprecation") // getBigDecimal(i, scale) and getUnicodeStream too
  private static String getters(ResultSet rs, Object col) {
    Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"), Locale.ROOT);
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    boolean byIndex = col instanceof Integer;
    int i = byIndex ? (Integer) col : 0;
    String l = byIndex ? null : (String) col;
    List<Getter> getters =
        List.of(
            () -> byIndex ? rs.getObject(i) : rs.getObject(l),
            () -> byIndex ? rs.getString(i) : rs.getString(l),
            () -> byIndex ? rs.getNString(i) : rs.getNString(l),
            () -> byIndex ? rs.getBigDecimal(i) : rs.getBigDecimal(l),
            () -> byIndex ? rs.getBigDecimal(i, 2) : rs.getBigDecimal(l, 2),
            () -> byIndex ? rs.getBigDecimal(i, 0) : rs.getBigDecimal(l, 0),
            () -> byIndex ? rs.getLong(i) : rs.getLong(l),
            () -> byIndex ? rs.getInt(i) : rs.getInt(l),
            () -> byIndex ? rs.getShort(i) : rs.getShort(l),
            () -> byIndex ? rs.getByte(i) : rs.getByte(l),
            () -> byIndex ? rs.getDouble(i) : rs.getDouble(l),
            () -> byIndex ? rs.getFloat(i) : rs.getFloat(l),
            () -> byIndex ? rs.getBoolean(i) : rs.getBoolean(l),
            () -> byIndex ? rs.getBytes(i) : rs.getBytes(l),
            () -> byIndex ? rs.getTimestamp(i) : rs.getTimestamp(l),
            () -> byIndex ? rs.getTimestamp(i, tokyo) : rs.getTimestamp(l, tokyo),
            () -> byIndex ? rs.getTimestamp(i, utc) : rs.getTimestamp(l, utc),
            () -> byIndex ? rs.getDate(i) : rs.getDate(l),
            () -> byIndex ? rs.getDate(i, tokyo) : rs.getDate(l, tokyo),
            () -> byIndex ? rs.getTime(i) : rs.getTime(l),
            () -> byIndex ? rs.getTime(i, tokyo) : rs.getTime(l, tokyo),
            () -> byIndex ? rs.getObject(i, Map.of()) : rs.getObject(l, Map.of()),
            () -> byIndex ? rs.getAsciiStream(i) : rs.getAsciiStream(l),
            () -> byIndex ? rs.getUnicodeStream(i) : rs.getUnicodeStream(l),
            () -> byIndex ? rs.getBinaryStream(i) : rs.getBinaryStream(l),
            () -> byIndex ? rs.getCharacterStream(i) : rs.getCharacterStream(l),
            () -> byIndex ? rs.getNCharacterStream(i) : rs.getNCharacterStream(l),
            () -> byIndex ? rs.getArray(i) : rs.getArray(l),
            () -> byIndex ? rs.getBlob(i) : rs.getBlob(l),
            () -> byIndex ? rs.getClob(i) : rs.getClob(l),
            () -> byIndex ? rs.getNClob(i) : rs.getNClob(l),
            () -> byIndex ? rs.getRef(i) : rs.getRef(l),
            () -> byIndex ? rs.getURL(i) : rs.getURL(l),
            () -> byIndex ? rs.getSQLXML(i) : rs.getSQLXML(l));
    StringBuilder b = new StringBuilder();
    for (Getter g : getters) {
      b.append(read(g)).append(read(rs::wasNull));
    }
    for (Class<?> type : CLASSES) {
      b.append(read(() -> byIndex ? rs.getObject(i, type) : rs.getObject(l, type)));
      b.append(read(rs::wasNull));
    }
    return b.toString();
  }

  /** The classes {@code getObject(column, Class)} is asked for. */
  private static final List<Class<?>> CLASSES =
      List.of(
          LocalDateTime.class,
          LocalDate.class,
          java.time.LocalTime.class,
          Instant.class,
          OffsetDateTime.class,
          java.time.ZonedDateTime.class,
          java.time.OffsetTime.class,
          java.sql.Timestamp.class,
          java.sql.Date.class,
          java.sql.Time.class,
          java.util.Date.class,
          String.class,
          java.math.BigDecimal.class,
          Number.class,
          Object.class,
          Long.class,
          Integer.class,
          Short.class,
          Double.class,
          Boolean.class,
          byte[].class);

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
