package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DatabaseMetaData that tools can trust, answered without calling the API, and the statement
 * behaviours tools rely on (timeouts, cancel, read-only).
 */
public class MetadataTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  /** This class counts requests: the limits are known up front (see {@link KnownLimits}). */
  @BeforeEach
  void limitsAreKnown() {
    KnownLimits.of(wm.baseUrl());
  }

  private Connection connect(String extra) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:binance:?maxRetries=0&baseUrl=" + wm.baseUrl() + extra);
  }

  /** The values of column {@code name} of every row; the result set closed. */
  public static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        out.add(rs.getString(name));
      }
    }
    return out;
  }

  @Test
  void catalogsSchemasAndTablesShowOnlyUserData() throws SQLException {
    try (Connection c = connect("")) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals(List.of(), column(md.getCatalogs(), "TABLE_CAT"));
      assertEquals(List.of("binance"), column(md.getSchemas(), "TABLE_SCHEM"));
      assertEquals(List.of("binance"), column(md.getSchemas(null, "bin%"), "TABLE_SCHEM"));
      List<String> schemas = column(md.getTables(null, null, "%", null), "TABLE_SCHEM");
      assertFalse(schemas.isEmpty());
      assertTrue(schemas.stream().allMatch("binance"::equals), schemas.toString());
      assertEquals(List.of(), column(md.getColumns(null, "metadata", "%", "%"), "COLUMN_NAME"));
      assertEquals("Binance Spot API", md.getDatabaseProductName());
      assertEquals("binance-jdbc", md.getDriverName());
      assertEquals("\"", md.getIdentifierQuoteString());
      assertTrue(md.storesLowerCaseIdentifiers());
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void primaryAndForeignKeys() throws SQLException {
    try (Connection c = connect("")) {
      DatabaseMetaData md = c.getMetaData();
      assertEquals(
          List.of("symbol", "timeframe", "time_zone", "open_time"),
          column(md.getPrimaryKeys(null, "binance", "klines"), "COLUMN_NAME"));
      assertEquals(
          List.of("symbol"), column(md.getPrimaryKeys(null, null, "symbols"), "COLUMN_NAME"));
      try (ResultSet rs = md.getImportedKeys(null, "binance", "klines")) {
        assertTrue(rs.next());
        assertEquals("symbols", rs.getString("PKTABLE_NAME"));
        assertEquals("symbol", rs.getString("PKCOLUMN_NAME"));
        assertEquals("klines", rs.getString("FKTABLE_NAME"));
        assertEquals(1, rs.getShort("KEY_SEQ"));
        assertFalse(rs.next());
      }
      List<String> referencing =
          column(md.getExportedKeys(null, "binance", "symbols"), "FKTABLE_NAME");
      assertTrue(
          referencing.containsAll(
              List.of("klines", "trades", "order_book", "ticker_24hr", "symbol_filters")),
          referencing.toString());
      assertFalse(referencing.contains("rate_limits"));
      assertEquals(
          List.of(), column(md.getImportedKeys(null, "binance", "symbols"), "PKTABLE_NAME"));
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void proceduresAreListedOnceWithParametersAndResultColumns() throws SQLException {
    try (Connection c = connect("")) {
      DatabaseMetaData md = c.getMetaData();
      assertTrue(md.supportsStoredProcedures());
      List<String> names = column(md.getProcedures(null, "binance", "%"), "PROCEDURE_NAME");
      assertEquals(1, names.stream().filter("place_order"::equals).count());
      assertTrue(
          names.containsAll(
              List.of(
                  "test_order",
                  "cancel_order",
                  "cancel_open_orders",
                  "cancel_replace_order",
                  "amend_order",
                  "place_oco",
                  "place_oto",
                  "place_otoco",
                  "place_opo",
                  "place_opoco",
                  "cancel_order_list",
                  "place_sor_order",
                  "test_sor_order",
                  "start_user_data_stream")),
          names.toString());
      assertEquals(List.of(), column(md.getFunctions(null, null, "%"), "FUNCTION_NAME"));
      List<String> kinds = new ArrayList<>();
      try (ResultSet rs = md.getProcedureColumns(null, "binance", "place_order", "%")) {
        while (rs.next()) {
          kinds.add(
              rs.getString("COLUMN_NAME")
                  + ":"
                  + rs.getShort("COLUMN_TYPE")
                  + ":"
                  + rs.getString("TYPE_NAME")
                  + ":"
                  + rs.getString("IS_NULLABLE"));
        }
      }
      assertEquals("symbol:1:VARCHAR:NO", kinds.get(0));
      assertTrue(kinds.contains("quantity:1:DECIMAL:YES"), kinds.toString());
      assertTrue(kinds.contains("order_id:3:BIGINT:YES"), kinds.toString());
      assertTrue(kinds.contains("transact_time:3:TIMESTAMP:YES"), kinds.toString());
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void typeInfoListsStandardTypesOnly() throws SQLException {
    try (Connection c = connect("")) {
      List<String> types = column(c.getMetaData().getTypeInfo(), "TYPE_NAME");
      assertTrue(
          types.containsAll(
              List.of("VARCHAR", "DECIMAL", "TIMESTAMP", "BIGINT", "INTEGER", "BOOLEAN")),
          types.toString());
      assertFalse(
          types.contains("GEOMETRY") || types.contains("CURSOR") || types.contains("UUID"),
          types.toString());
    }
  }

  @Test
  void readOnlyFollowsTheTradingProperty() throws SQLException {
    try (Connection c = connect("")) {
      assertTrue(c.isReadOnly());
      assertTrue(c.getMetaData().isReadOnly());
    }
    try (Connection c = connect("&trading=true")) {
      assertFalse(c.isReadOnly());
      assertFalse(c.getMetaData().isReadOnly());
    }
  }

  @Test
  void dbeaverAndMetabaseProbesSendNothing() throws SQLException {
    try (Connection c = connect("")) {
      DatabaseMetaData md = c.getMetaData();
      // DBeaver opening a connection and a table.
      md.getCatalogs().close();
      md.getSchemas().close();
      md.getTables(null, "binance", "%", new String[] {"TABLE", "VIEW"}).close();
      md.getColumns(null, "binance", "klines", "%").close();
      md.getPrimaryKeys(null, "binance", "klines").close();
      md.getImportedKeys(null, "binance", "klines").close();
      md.getIndexInfo(null, "binance", "klines", false, true).close();
      try (Statement s = c.createStatement()) {
        s.setMaxRows(200);
        SQLException e =
            assertThrows(
                SQLException.class,
                () -> {
                  try (ResultSet rs = s.executeQuery("SELECT * FROM binance.klines")) {
                    rs.next();
                  }
                });
        assertEquals(
            "klines needs symbol and timeframe: WHERE symbol = 'BTCUSDT' AND timeframe" + " = '1h'",
            e.getMessage());
      }
      // Metabase's sync probe, on every table.
      for (String t : column(md.getTables(null, "binance", "%", null), "TABLE_NAME")) {
        try (ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT TRUE AS _ FROM \"binance\".\"" + t + "\" WHERE 1 <> 1 LIMIT 0")) {
          assertFalse(rs.next(), t);
        }
      }
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void queryTimeoutStopsBetweenPages() throws SQLException {
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines"))
            .willReturn(okJson(Bars.klines(0, 1000, 60_000)).withFixedDelay(1200)));
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> {
                try (ResultSet rs =
                    s.executeQuery(
                        "SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1m'")) {
                  while (rs.next()) {
                    // read until the timeout
                  }
                }
              });
      assertInstanceOf(SQLTimeoutException.class, e, e.toString());
      assertEquals("57014", e.getSQLState());
    }
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v3/klines")));
  }

  @Test
  void cancelStopsFetching() throws SQLException {
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines")).willReturn(okJson(Bars.klines(0, 1000, 60_000))));
    try (Connection c = connect("");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1m'")) {
      assertTrue(rs.next());
      s.cancel();
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> {
                while (rs.next()) {
                  // the rest of the first page, then the cancel
                }
              });
      assertEquals("57014", e.getSQLState());
    }
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v3/klines")));
  }
}
