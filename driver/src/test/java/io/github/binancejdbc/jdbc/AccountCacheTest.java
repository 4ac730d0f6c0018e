package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.binancejdbc.testing.Rows;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The account's fills and its orders in a final status, kept in the shared cache per API key: read
 * again with the same key they cost nothing, an order that may still change is asked again, and
 * another key on the same base URL never sees them. Each test reads its own symbol.
 */
class AccountCacheTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  private static final String KEY_A = "account-a-key-0123456789";
  private static final String KEY_B = "account-b-key-9876543210";
  private static final long JAN_1 = 1704067200000L;

  @BeforeEach
  void limitsAreKnown() {
    KnownLimits.of(wm.baseUrl());
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/time"))
            .willReturn(okJson("{\"serverTime\":" + (JAN_1 + 10 * AccountFixtures.DAY) + "}")));
  }

  private static Connection connect(String apiKey) throws SQLException {
    Properties p = new Properties();
    p.setProperty("apiKey", apiKey);
    p.setProperty("secretKey", "secret-of-" + apiKey);
    return DriverManager.getConnection(
        "jdbc:binance:?baseUrl=" + wm.baseUrl() + "&maxRetries=0", p);
  }

  private static void stub(String path, String apiKey, String query, String body) {
    wm.stubFor(
        get(urlPathEqualTo(path))
            .withHeader("X-MBX-APIKEY", equalTo(apiKey))
            .withQueryParam("symbol", equalTo(query.split("&", -1)[0].substring(7)))
            .withQueryParam(
                query.split("&", -1)[1].split("=", -1)[0],
                equalTo(query.split("&", -1)[1].split("=", -1)[1]))
            .willReturn(okJson(body)));
  }

  /** The query strings {@code apiKey} sent to {@code path}, cut before the signed part. */
  private static List<String> sent(String path, String apiKey) {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : wm.findAll(getRequestedFor(urlPathEqualTo(path)))) {
      if (apiKey.equals(r.getHeader("X-MBX-APIKEY"))) {
        String q = r.getUrl().substring(r.getUrl().indexOf('?') + 1);
        out.add(q.substring(0, q.indexOf("&recvWindow=")));
      }
    }
    return out;
  }

  @Test
  void fillsAreReadOncePerKeyAndNeverSharedAcrossKeys() throws SQLException {
    String fills =
        AccountFixtures.array(
            AccountFixtures.trade("ETHUSDT", 100, 7, JAN_1),
            AccountFixtures.trade("ETHUSDT", 105, 7, JAN_1 + 1),
            AccountFixtures.trade("ETHUSDT", 110, 8, JAN_1 + 2));
    stub("/api/v3/myTrades", KEY_A, "symbol=ETHUSDT&fromId=100", fills);
    stub("/api/v3/myTrades", KEY_B, "symbol=ETHUSDT&fromId=100", fills);
    String sql =
        "SELECT trade_id, order_id, price FROM my_trades"
            + " WHERE symbol = 'ETHUSDT' AND trade_id BETWEEN 100 AND 110";
    List<String> rows;
    try (Connection a = connect(KEY_A)) {
      rows = Rows.lines(a, sql);
      assertEquals(
          List.of("100|7|16877.05000000", "105|7|16877.05000000", "110|8|16877.05000000"), rows);
      assertEquals(rows, Rows.lines(a, sql));
      assertEquals(
          List.of("symbol=ETHUSDT&fromId=100&limit=1000"),
          sent("/api/v3/myTrades", KEY_A),
          "the second time from the cache");
      assertEquals(
          List.of("/api/v3/myTrades|symbol=ETHUSDT&fromId=100&limit=3|true"),
          Rows.lines(
              a,
              "SELECT endpoint, query_string, from_cache FROM api_requests" + " WHERE from_cache"));
    }
    try (Connection b = connect(KEY_B)) {
      assertEquals(rows, Rows.lines(b, sql));
      assertEquals(
          List.of("symbol=ETHUSDT&fromId=100&limit=1000"),
          sent("/api/v3/myTrades", KEY_B),
          "another key sends its own request");
    }
    assertEquals(1, sent("/api/v3/myTrades", KEY_A).size());
  }

  @Test
  void ordersAreKeptUpToTheFirstThatMayStillChange() throws SQLException {
    stub(
        "/api/v3/allOrders",
        KEY_A,
        "symbol=BNBUSDT&orderId=1",
        AccountFixtures.array(
            AccountFixtures.order("BNBUSDT", 1, JAN_1, JAN_1, "FILLED"),
            AccountFixtures.order("BNBUSDT", 2, JAN_1, JAN_1, "CANCELED"),
            AccountFixtures.order("BNBUSDT", 3, JAN_1, JAN_1, "NEW"),
            AccountFixtures.order("BNBUSDT", 4, JAN_1, JAN_1, "EXPIRED")));
    stub(
        "/api/v3/allOrders",
        KEY_A,
        "symbol=BNBUSDT&orderId=3",
        AccountFixtures.array(
            AccountFixtures.order("BNBUSDT", 3, JAN_1, JAN_1 + 5, "FILLED"),
            AccountFixtures.order("BNBUSDT", 4, JAN_1, JAN_1, "EXPIRED")));
    String sql =
        "SELECT order_id, status FROM orders"
            + " WHERE symbol = 'BNBUSDT' AND order_id BETWEEN 1 AND 10";
    try (Connection a = connect(KEY_A)) {
      assertEquals(List.of("1|FILLED", "2|CANCELED", "3|NEW", "4|EXPIRED"), Rows.lines(a, sql));
      // Orders 1 and 2 are final and served; order 3 was NEW: asked again from there.
      assertEquals(List.of("1|FILLED", "2|CANCELED", "3|FILLED", "4|EXPIRED"), Rows.lines(a, sql));
      assertEquals(
          List.of("symbol=BNBUSDT&orderId=1&limit=1000", "symbol=BNBUSDT&orderId=3&limit=1000"),
          sent("/api/v3/allOrders", KEY_A));
      // Now all four are final: the third read asks only for orders after them.
      stub("/api/v3/allOrders", KEY_A, "symbol=BNBUSDT&orderId=5", "[]");
      assertEquals(List.of("1|FILLED", "2|CANCELED", "3|FILLED", "4|EXPIRED"), Rows.lines(a, sql));
      assertEquals(
          List.of(
              "symbol=BNBUSDT&orderId=1&limit=1000",
              "symbol=BNBUSDT&orderId=3&limit=1000",
              "symbol=BNBUSDT&orderId=5&limit=1000"),
          sent("/api/v3/allOrders", KEY_A));
    }
    stub("/api/v3/allOrders", KEY_B, "symbol=BNBUSDT&orderId=1", "[]");
    try (Connection b = connect(KEY_B)) {
      assertEquals(List.of(), Rows.lines(b, sql), "key B's account has no orders");
      assertEquals(
          List.of("symbol=BNBUSDT&orderId=1&limit=1000"), sent("/api/v3/allOrders", KEY_B));
    }
  }
}
