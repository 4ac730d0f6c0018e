package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.testing.WireMocks;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Projection pushdown: the scan delivers only the columns the query uses (EXPLAIN shows {@code
 * fields}), values stay exact, and constraints on columns the query does not return still hold.
 */
class ProjectionPushdownTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  private static final long JAN_1 = 1704067200000L; // 2024-01-01T00:00Z
  private static final String RANGE =
      " WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
          + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
          + " AND open_time < TIMESTAMP '2024-01-01 05:00:00'";
  private static final String QUERY =
      "symbol=BTCUSDT&interval=1h&startTime="
          + JAN_1
          + "&endTime="
          + (JAN_1 + 5 * Bars.HOUR - 1)
          + "&limit=1000";

  private Connection conn;

  @BeforeEach
  void connect() throws SQLException {
    KnownLimits.of(wm.baseUrl());
    conn = DriverManager.getConnection("jdbc:binance:?baseUrl=" + wm.baseUrl() + "&maxRetries=0");
    wm.stubFor(
        get(urlEqualTo("/api/v3/klines?" + QUERY))
            .willReturn(okJson(Bars.klines(JAN_1, 5, Bars.HOUR))));
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private String plan(String sql) throws SQLException {
    try (ResultSet rs = conn.createStatement().executeQuery("EXPLAIN PLAN FOR " + sql)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  @Test
  void explainShowsTheProjectedColumns() throws SQLException {
    String plan = plan("SELECT open_time, close_price FROM klines" + RANGE);
    assertTrue(plan.contains("fields=[[3, 7]]"), plan);
    assertFalse(plan.contains("EnumerableCalc"), plan);
    // SELECT * reads everything: no fields item.
    assertFalse(plan("SELECT * FROM klines" + RANGE).contains("fields="));
  }

  @Test
  void projectedColumnsReturnExactValuesInOneRequest() throws SQLException {
    try (ResultSet rs =
        conn.createStatement().executeQuery("SELECT close_price, open_time FROM klines" + RANGE)) {
      assertEquals(2, rs.getMetaData().getColumnCount());
      assertEquals(
          "close_price", rs.getMetaData().getColumnLabel(1).toLowerCase(java.util.Locale.ROOT));
      for (int i = 0; i < 5; i++) {
        assertTrue(rs.next());
        long open = JAN_1 + i * Bars.HOUR;
        assertEquals(Bars.openPrice(open).add(new BigDecimal("1.00000000")), rs.getBigDecimal(1));
        assertEquals(
            open,
            rs.getTimestamp(
                    2, java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC")))
                .getTime());
      }
      assertFalse(rs.next());
    }
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v3/klines")));
  }

  @Test
  void aConstraintOnAnUnreturnedColumnStillFiltersRows() throws SQLException {
    // The server answers with all five bars whatever the bounds; the enumerator checks
    // close_time >= 03:00 on every row, which keeps the bars opening at 03:00 and 04:00.
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines")).willReturn(okJson(Bars.klines(JAN_1, 5, Bars.HOUR))));
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT volume FROM klines"
                    + RANGE
                    + " AND close_time >= TIMESTAMP '2024-01-01 03:00:00'"
                    + " AND trade_count >= 0")) {
      int n = 0;
      while (rs.next()) {
        assertEquals(new BigDecimal("10.50000000"), rs.getBigDecimal(1));
        n++;
      }
      assertEquals(2, n);
    }
  }

  @Test
  void expressionsAndAggregatesReadOnlyTheirColumns() throws SQLException {
    String sql = "SELECT close_price - open_price, high_price FROM klines" + RANGE;
    // The keys stay where a residual calc reads the fields (they come from the request, unparsed).
    assertTrue(plan(sql).contains("fields=[[0, 1, 3, 4, 5, 7]]"), plan(sql));
    try (ResultSet rs = conn.createStatement().executeQuery(sql)) {
      assertTrue(rs.next());
      assertEquals(new BigDecimal("1.00000000"), rs.getBigDecimal(1));
      assertEquals(Bars.openPrice(JAN_1).add(new BigDecimal("12.50000000")), rs.getBigDecimal(2));
    }
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery("SELECT COUNT(*), SUM(trade_count) FROM klines" + RANGE)) {
      assertTrue(rs.next());
      assertEquals(5, rs.getLong(1));
      long trades = 0;
      for (int i = 0; i < 5; i++) {
        trades += ((JAN_1 + i * Bars.HOUR) / Bars.HOUR) % 1000;
      }
      assertEquals(trades, rs.getLong(2));
    }
  }

  @Test
  void twoProjectionsOfOneTableInOneStatementEachGetTheirColumns() throws SQLException {
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT a.open_price, b.quote_volume FROM (SELECT open_time, open_price FROM klines"
                    + RANGE
                    + ") a JOIN (SELECT open_time, quote_volume FROM klines"
                    + RANGE
                    + ") b ON a.open_time = b.open_time ORDER BY a.open_time")) {
      for (int i = 0; i < 5; i++) {
        assertTrue(rs.next());
        assertEquals(Bars.openPrice(JAN_1 + i * Bars.HOUR), rs.getBigDecimal(1));
        assertEquals(new BigDecimal("420000.12345678"), rs.getBigDecimal(2));
      }
      assertFalse(rs.next());
    }
  }
}
