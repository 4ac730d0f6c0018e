package io.github.binancejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SQL face: every table and column works unquoted (in any case), none is a reserved word, the
 * types are the contract's, and tools see remarks and clean type names. No request is sent: the
 * base URL points at a closed port.
 */
class SchemaTest {
  static final List<String> TABLES =
      List.of(
          "klines",
          "ui_klines",
          "trades",
          "agg_trades",
          "order_book",
          "avg_price",
          "ticker_24hr",
          "ticker_price",
          "book_ticker",
          "rolling_ticker",
          "trading_day_ticker",
          "symbols",
          "symbol_filters",
          "rate_limits",
          "server_time",
          "ping",
          "execution_rules",
          "reference_prices",
          "reference_price_calculations",
          "block_trades",
          "account",
          "account_balances",
          "open_orders",
          "orders",
          "my_trades",
          "order_lists",
          "open_order_lists",
          "order_rate_limits",
          "prevented_matches",
          "sor_allocations",
          "commission_rates",
          "order_amendments",
          "my_filters",
          "api_requests",
          "api_usage");

  private Connection conn;

  @BeforeEach
  void connect() throws SQLException {
    conn = DriverManager.getConnection("jdbc:binance:?baseUrl=http://127.0.0.1:9&maxRetries=0");
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private Map<String, List<String>> columns() throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (ResultSet rs = conn.getMetaData().getColumns(null, "binance", "%", "%")) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString("TABLE_NAME"), k -> new ArrayList<>())
            .add(rs.getString("COLUMN_NAME"));
      }
    }
    return out;
  }

  @Test
  void everyTableOfTheContractExists() throws SQLException {
    assertEquals(TABLES.stream().sorted().toList(), columns().keySet().stream().sorted().toList());
  }

  @Test
  void everyColumnWorksUnquotedInAnyCaseAndIsNotReserved() throws SQLException {
    var reserved = SqlParser.create("").getMetadata();
    int checked = 0;
    try (Statement s = conn.createStatement()) {
      for (Map.Entry<String, List<String>> t : columns().entrySet()) {
        for (String col : t.getValue()) {
          assertFalse(
              reserved.isReservedWord(col.toUpperCase(Locale.ROOT)),
              t.getKey() + "." + col + " is a reserved word");
          for (String sql :
              List.of(
                  "SELECT " + col + " FROM " + t.getKey() + " WHERE 1 <> 1",
                  "SELECT "
                      + col.toUpperCase(Locale.ROOT)
                      + " FROM "
                      + t.getKey().toUpperCase(Locale.ROOT)
                      + " WHERE "
                      + col
                      + " IS NULL AND 1 = 0",
                  "SELECT t." + col + " FROM binance." + t.getKey() + " AS t WHERE 1 <> 1")) {
            try (ResultSet rs = s.executeQuery(sql)) {
              assertFalse(rs.next(), sql);
              assertEquals(col, rs.getMetaData().getColumnLabel(1).toLowerCase(Locale.ROOT), sql);
            }
          }
          checked++;
        }
      }
    }
    assertTrue(checked > 150, "checked " + checked);
  }

  @Test
  void klinesColumnsHaveTheContractTypes() throws SQLException {
    try (ResultSet rs = conn.createStatement().executeQuery("SELECT * FROM klines WHERE 1 <> 1")) {
      ResultSetMetaData md = rs.getMetaData();
      Map<String, String> types = new LinkedHashMap<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        types.put(
            md.getColumnName(i),
            md.getColumnTypeName(i) + "/" + md.getPrecision(i) + "/" + md.getScale(i));
      }
      assertTrue(types.get("symbol").startsWith("VARCHAR/"), types.get("symbol"));
      assertEquals("TIMESTAMP/3/0", types.get("open_time"));
      assertEquals("DECIMAL/38/8", types.get("open_price"));
      assertEquals("BIGINT/19/0", types.get("trade_count"));
      assertEquals("VARCHAR", md.getColumnTypeName(3).replaceAll("[(].*", ""));
      assertEquals(Types.DECIMAL, md.getColumnType(5));
    }
  }

  @Test
  void metadataShowsRemarksAndCleanTypeNames() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    try (ResultSet rs = md.getTables(null, "binance", "klines", null)) {
      assertTrue(rs.next());
      assertEquals(
          "Kline/candlestick bars (GET /api/v3/klines). Requires WHERE symbol and" + " timeframe",
          rs.getString("REMARKS"));
    }
    try (ResultSet rs = md.getColumns(null, "binance", "klines", "open_time")) {
      assertTrue(rs.next());
      assertEquals("TIMESTAMP", rs.getString("TYPE_NAME"));
      assertEquals(
          "Bar open time (UTC). Pushed down: =, <, <=, >, >=, BETWEEN", rs.getString("REMARKS"));
      assertEquals("NO", rs.getString("IS_NULLABLE"));
    }
    try (ResultSet rs = md.getColumns(null, "binance", "klines", "symbol")) {
      assertTrue(rs.next());
      assertEquals("VARCHAR", rs.getString("TYPE_NAME"));
      assertTrue(rs.getString("REMARKS").endsWith("Required: WHERE symbol = ... (or IN (...))"));
    }
    try (ResultSet rs = md.getColumns(null, "binance", "%", "%")) {
      while (rs.next()) {
        String type = rs.getString("TYPE_NAME");
        assertFalse(type.contains("NOT NULL") || type.contains("("), type);
        assertNotNull(rs.getString("REMARKS"), rs.getString("COLUMN_NAME"));
      }
    }
  }

  @Test
  void transactionsAreHarmless() throws SQLException {
    assertTrue(conn.getAutoCommit());
    conn.setAutoCommit(false);
    conn.commit();
    conn.rollback();
    assertTrue(conn.getAutoCommit());
    assertEquals(Connection.TRANSACTION_NONE, conn.getTransactionIsolation());
    // Nothing listens on port 9: isValid asks the server and says so.
    assertFalse(conn.isValid(1));
    conn.close();
    assertFalse(conn.isValid(1));
    assertTrue(conn.isClosed());
  }

  @Test
  void lenientSqlThatBiToolsWriteIsAccepted() throws SQLException {
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT symbol AS s, COUNT(*) AS n FROM symbols WHERE status != 'BREAK' AND 1 = 0"
                    + " GROUP BY s")) {
      assertFalse(rs.next());
    }
  }
}
