package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adapter used alone: a Calcite model mounts the Binance schema (BinanceSchemaFactory) next to
 * the user's own H2 database (Calcite's JDBC adapter), and one SQL statement joins them through a
 * plain jdbc:calcite: connection, with the klines scan still pushed down to one bounded request.
 */
class ModelSchemaTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  @Test
  void userTradesInH2JoinKlinesInOneStatement() throws Exception {
    String klines =
        "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=1704067200000"
            + "&endTime=1704074399999&limit=1000";
    wm.stubFor(
        get(urlEqualTo(klines)).willReturn(okJson(Bars.klines(1704067200000L, 2, Bars.HOUR))));
    wm.stubFor(
        get(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT"))
            .willReturn(
                okJson(
                    "{\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\","
                        + "\"intervalNum\":1,\"limit\":6000}],\"symbols\":[]}")));
    String h2 = "jdbc:h2:mem:modelschema;DB_CLOSE_DELAY=-1";
    try (Connection db = DriverManager.getConnection(h2);
        Statement st = db.createStatement()) {
      st.execute(
          "CREATE TABLE my_fills (fill_id INT PRIMARY KEY, symbol VARCHAR(20),"
              + " bar_hour INT, price DECIMAL(20,8), qty DECIMAL(20,8))");
      st.execute(
          "INSERT INTO my_fills VALUES (1, 'BTCUSDT', 0, 40000.50000000, 0.10000000),"
              + " (2, 'BTCUSDT', 1, 40003.00000000, 0.20000000), (3, 'ETHUSDT', 0, 2300, 1)");
    }
    String model =
        "inline:{version: '1.0', defaultSchema: 'binance', schemas: ["
            + "{name: 'mine', type: 'custom', factory: 'org.apache.calcite.adapter.jdbc.JdbcSchema$Factory',"
            + " operand: {jdbcDriver: 'org.h2.Driver', jdbcUrl: '"
            + h2
            + "'}},"
            + "{name: 'binance', type: 'custom', factory: '"
            + BinanceSchemaFactory.class.getName()
            + "',"
            + " operand: {baseUrl: '"
            + wm.baseUrl()
            + "', cacheSize: 0}}]}";
    Properties info = new Properties();
    info.setProperty("model", model);
    info.setProperty("caseSensitive", "false");
    String sql =
        "SELECT f.fill_id, k.close_price, (k.close_price - f.price) * f.qty AS pnl"
            + " FROM mine.my_fills f JOIN binance.klines k"
            + " ON k.symbol = f.symbol"
            + " AND k.open_time = TIMESTAMPADD(HOUR, f.bar_hour, TIMESTAMP '2024-01-01 00:00:00')"
            + " WHERE k.symbol = 'BTCUSDT' AND k.timeframe = '1h'"
            + " AND k.open_time >= TIMESTAMP '2024-01-01 00:00:00'"
            + " AND k.open_time < TIMESTAMP '2024-01-01 02:00:00'"
            + " ORDER BY f.fill_id";
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:calcite:", info);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        rows.add(
            rs.getInt(1)
                + " "
                + rs.getBigDecimal(2).toPlainString()
                + " "
                + rs.getBigDecimal(3).stripTrailingZeros().toPlainString());
      }
    }
    // Closes of the bars: 40001 at 00:00 and 40002 at 01:00 (Bars: open + 1).
    assertEquals(List.of("1 40001.00000000 0.05", "2 40002.00000000 -0.2"), rows);
    wm.verify(1, getRequestedFor(urlEqualTo(klines)));
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v3/klines")));
  }
}
