package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Binance errors reach the JDBC caller as SQLExceptions with the Binance code, the verbatim
 * message, the endpoint and a fitting SQLState and subclass, however the statement was executed.
 */
class ErrorsTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.lenient();

  private static final String KLINES_1H = "/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=1";

  private SQLException failure(String url, String sql) {
    return assertThrows(
        SQLException.class,
        () -> {
          try (Connection c = DriverManager.getConnection(url);
              ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
              // read everything
            }
          }
        });
  }

  private String url() {
    return "jdbc:binance:?baseUrl=" + wm.baseUrl() + "&maxRetries=2";
  }

  @Test
  void invalidSymbolIsADataExceptionWithTheBinanceCode() {
    wm.stubFor(
        get(urlEqualTo("/api/v3/klines?symbol=NOPE&interval=1h&limit=1"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
    SQLException e =
        failure(
            url(),
            "SELECT * FROM klines WHERE symbol = 'NOPE'"
                + " AND timeframe = '1h' ORDER BY open_time DESC LIMIT 1");
    assertInstanceOf(SQLDataException.class, e);
    assertEquals(-1121, e.getErrorCode());
    assertEquals("22023", e.getSQLState());
    assertTrue(
        e.getMessage()
            .startsWith(
                "Binance API error -1121 (HTTP 400) on GET /api/v3/klines:"
                    + " Invalid symbol. [symbol=NOPE, interval=1h, limit=1]"),
        e.getMessage());
  }

  @Test
  void invalidIntervalNamesTheValidOnes() {
    wm.stubFor(
        get(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=2m&limit=1"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"code\":-1120,\"msg\":\"Invalid interval.\"}")));
    SQLException e =
        failure(
            url(),
            "SELECT * FROM klines WHERE symbol = 'BTCUSDT'"
                + " AND timeframe = '2m' ORDER BY open_time DESC LIMIT 1");
    assertEquals(-1120, e.getErrorCode());
    assertEquals("22023", e.getSQLState());
    assertTrue(e.getMessage().contains("Invalid interval."), e.getMessage());
    assertTrue(e.getMessage().contains("1s 1m 3m 5m 15m 30m 1h"), e.getMessage());
  }

  @Test
  void rateLimitedThenServedAfterRetryAfter() throws SQLException {
    wm.stubFor(
        get(urlEqualTo(KLINES_1H))
            .inScenario("429")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withBody(
                        "{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is"
                            + " 6000 request weight per 1 MINUTE.\"}"))
            .willSetStateTo("served"));
    wm.stubFor(
        get(urlEqualTo(KLINES_1H))
            .inScenario("429")
            .whenScenarioStateIs("served")
            .willReturn(okJson(Bars.klines(1704067200000L, 1, Bars.HOUR))));
    try (Connection c = DriverManager.getConnection(url());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT close_price FROM klines"
                        + " WHERE symbol = 'BTCUSDT' AND timeframe = '1h' ORDER BY open_time DESC LIMIT 1")) {
      assertTrue(rs.next());
      assertEquals("40001.00000000", rs.getString(1));
      assertFalse(rs.next());
    }
    wm.verify(2, getRequestedFor(urlEqualTo(KLINES_1H)));
  }

  @Test
  void bannedIpStopsAllTrafficUntilTheBanEnds() {
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/time"))
            .willReturn(
                aResponse()
                    .withStatus(418)
                    .withHeader("Retry-After", "120")
                    .withBody(
                        "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned"
                            + " until 1999999999999.\"}")));
    // A base URL of its own, so the ban does not leak into other tests' governors.
    String banned = "jdbc:binance://127.0.0.1:" + wm.getPort() + "?maxRetries=2";
    SQLException first = failure(banned, "SELECT * FROM server_time");
    assertInstanceOf(SQLNonTransientException.class, first);
    assertEquals("53000", first.getSQLState());
    assertTrue(first.getMessage().contains("banned"), first.getMessage());
    SQLException second = failure(banned, "SELECT * FROM server_time");
    assertTrue(second.getMessage().contains("nothing was sent"), second.getMessage());
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v3/time")));
  }

  @Test
  void serverErrorsAreRetriedForReads() throws SQLException {
    wm.stubFor(
        get(urlEqualTo("/api/v3/avgPrice?symbol=ETHUSDT"))
            .inScenario("5xx")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("reset"));
    wm.stubFor(
        get(urlEqualTo("/api/v3/avgPrice?symbol=ETHUSDT"))
            .inScenario("5xx")
            .whenScenarioStateIs("reset")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlEqualTo("/api/v3/avgPrice?symbol=ETHUSDT"))
            .inScenario("5xx")
            .whenScenarioStateIs("ok")
            .willReturn(
                okJson("{\"mins\":5,\"price\":\"2201.12345678\",\"closeTime\":1704067200123}")));
    try (Connection c = DriverManager.getConnection(url());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT mins, price, close_time FROM avg_price WHERE symbol = 'ETHUSDT'")) {
      assertTrue(rs.next());
      assertEquals(5, rs.getInt(1));
      assertEquals("2201.12345678", rs.getString(2));
      assertEquals(1704067200123L, rs.getObject(3, Instant.class).toEpochMilli());
    }
    wm.verify(3, getRequestedFor(urlEqualTo("/api/v3/avgPrice?symbol=ETHUSDT")));
  }

  @Test
  void serverErrorsBeyondTheRetriesAreTransient() {
    wm.stubFor(
        get(urlEqualTo("/api/v3/avgPrice?symbol=BNBUSDT")).willReturn(aResponse().withStatus(503)));
    SQLException e = failure(url(), "SELECT * FROM avg_price WHERE symbol = 'BNBUSDT'");
    assertInstanceOf(SQLTransientException.class, e);
    assertEquals("58000", e.getSQLState());
    assertEquals(503, e.getErrorCode());
    wm.verify(3, getRequestedFor(urlEqualTo("/api/v3/avgPrice?symbol=BNBUSDT")));
  }

  @Test
  void malformedJsonNamesTheEndpointAndLocation() {
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker/price?symbol=BTCUSDT"))
            .willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":")));
    SQLException e = failure(url(), "SELECT * FROM ticker_price WHERE symbol = 'BTCUSDT'");
    assertEquals("XX000", e.getSQLState());
    assertTrue(
        e.getMessage().startsWith("Unexpected response from GET /api/v3/ticker/price"),
        e.getMessage());
    assertTrue(e.getMessage().contains("column"), e.getMessage());
  }

  @Test
  void aGetterTheColumnsTypeCannotServeIsAConversionErrorOnEveryPath() throws SQLException {
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker/price?symbol=BTCUSDT"))
            .willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"43251.12000000\"}")));
    // A key lookup (the driver's own statement) and a planned statement (Calcite's).
    for (String sql :
        List.of(
            "SELECT symbol FROM ticker_price WHERE symbol = 'BTCUSDT'",
            "SELECT symbol FROM ticker_price WHERE symbol = 'BTCUSDT' ORDER BY 1")) {
      for (boolean prepared : new boolean[] {true, false}) {
        try (Connection c = DriverManager.getConnection(url());
            Statement s = prepared ? c.prepareStatement(sql) : c.createStatement();
            ResultSet rs =
                prepared ? ((PreparedStatement) s).executeQuery() : s.executeQuery(sql)) {
          assertTrue(rs.next());
          assertEquals("BTCUSDT", rs.getString(1));
          SQLException e = assertThrows(SQLException.class, () -> rs.getLong(1));
          assertInstanceOf(SQLDataException.class, e, sql);
          assertEquals("22018", e.getSQLState(), sql);
          assertEquals(
              "This column's value cannot be read as long: use getString or getObject, or the"
                  + " getter of the column's type (ResultSetMetaData.getColumnTypeName)",
              e.getMessage(),
              sql);
        }
      }
    }
  }

  @Test
  void unknownTableIsASyntaxError() {
    SQLException e = failure(url(), "SELECT * FROM candles");
    assertInstanceOf(SQLSyntaxErrorException.class, e);
    assertEquals("42P01", e.getSQLState());
    assertTrue(e.getMessage().contains("Object 'candles' not found"), e.getMessage());
  }
}
