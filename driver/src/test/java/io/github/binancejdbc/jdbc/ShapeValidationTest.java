package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A body of the wrong shape never becomes "no rows": an array of non-objects, an object where an
 * array belongs, an element without its key, a corrupted number, on any page, fail the statement
 * with XX000 naming the endpoint and the JSON path, after the read was asked again.
 */
class ShapeValidationTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.lenient();

  private static final String TRADE =
      "{\"id\":%d,\"price\":\"%s\",\"qty\":\"1.00000000\","
          + "\"quoteQty\":\"1.0\",\"time\":1704067200000,\"isBuyerMaker\":true,\"isBestMatch\":true}";

  @BeforeEach
  void limitsAreKnown() {
    KnownLimits.of(wm.baseUrl());
  }

  private SQLException failure(String sql) {
    return assertThrows(
        SQLException.class,
        () -> {
          try (Connection c =
                  DriverManager.getConnection(
                      "jdbc:binance:?maxRetries=1&baseUrl=" + wm.baseUrl());
              ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
              // read everything
            }
          }
        });
  }

  private void assertUnreadable(String path, String body, String sql, String detail) {
    wm.resetAll();
    wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(body)));
    SQLException e = failure(sql);
    assertEquals("XX000", e.getSQLState(), e.getMessage());
    assertTrue(
        e.getMessage().startsWith("Unexpected response from GET " + path + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
    assertTrue(e.getMessage().endsWith("(gave up after 2 attempts)"), e.getMessage());
    wm.verify(2, getRequestedFor(urlPathEqualTo(path)));
  }

  private static final String LATEST_TRADES =
      "SELECT * FROM trades WHERE symbol = 'BTCUSDT' ORDER BY trade_id DESC LIMIT 3";
  private static final String AGG =
      "SELECT * FROM agg_trades WHERE symbol = 'BTCUSDT'" + " ORDER BY agg_trade_id DESC LIMIT 3";

  @Test
  void anArrayOfNonObjectsIsAnError() {
    assertUnreadable(
        "/api/v3/trades",
        "[1,2,3]",
        LATEST_TRADES,
        "expected START_OBJECT or END_ARRAY but found VALUE_NUMBER_INT in an array");
    assertUnreadable(
        "/api/v3/aggTrades",
        "[[1],[2]]",
        AGG,
        "expected START_OBJECT or END_ARRAY but found START_ARRAY in an array");
    assertUnreadable(
        "/api/v3/ticker/24hr",
        "[\"BTCUSDT\"]",
        "SELECT * FROM ticker_24hr WHERE symbol IN ('BTCUSDT', 'ETHUSDT')",
        "found VALUE_STRING in an array");
  }

  @Test
  void anObjectWhereAnArrayBelongsIsAnError() {
    assertUnreadable(
        "/api/v3/trades",
        String.format(TRADE, 7, "1.5"),
        LATEST_TRADES,
        "expected START_ARRAY but found START_OBJECT");
  }

  @Test
  void anElementWithoutItsKeyOrWithACorruptedNumberIsAnError() {
    assertUnreadable(
        "/api/v3/trades",
        "[" + String.format(TRADE, 9, "1.5") + ",{\"price\":\"1\"}]",
        LATEST_TRADES,
        "an element without \"id\" at line 1, column 134, JSON path /1");
    assertUnreadable(
        "/api/v3/trades",
        "[" + String.format(TRADE, 9, "1.5x") + "]",
        LATEST_TRADES,
        "JSON path /0/price");
  }
}
