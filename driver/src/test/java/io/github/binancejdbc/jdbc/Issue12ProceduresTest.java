package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pegged orders, pending legs' working time, and the retired listen-key endpoints. */
class Issue12ProceduresTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(false)
          .build();

  /** An OTO placement as Binance answers it: the pending leg has not started working (-1). */
  private static final String OTO = """
      {"orderListId":0,"contingencyType":"OTO","listStatusType":"EXEC_STARTED",
       "listOrderStatus":"EXECUTING","listClientOrderId":"list-1","transactionTime":1712289389158,
       "symbol":"BTCUSDT",
       "orders":[{"symbol":"BTCUSDT","orderId":4,"clientOrderId":"work-1"},
                 {"symbol":"BTCUSDT","orderId":5,"clientOrderId":"pend-1"}],
       "orderReports":[
        {"symbol":"BTCUSDT","orderId":4,"orderListId":0,"clientOrderId":"work-1",
         "transactTime":1712289389158,"price":"30000.00000000","origQty":"0.00100000",
         "executedQty":"0.00000000","origQuoteOrderQty":"0.000000",
         "cummulativeQuoteQty":"0.00000000","status":"NEW","timeInForce":"GTC","type":"LIMIT",
         "side":"SELL","workingTime":1712289389158,"selfTradePreventionMode":"NONE"},
        {"symbol":"BTCUSDT","orderId":5,"orderListId":0,"clientOrderId":"pend-1",
         "transactTime":1712289389158,"price":"0.00000000","origQty":"0.00100000",
         "executedQty":"0.00000000","origQuoteOrderQty":"0.000000",
         "cummulativeQuoteQty":"0.00000000","status":"PENDING_NEW","timeInForce":"GTC",
         "type":"MARKET","side":"BUY","workingTime":-1,"selfTradePreventionMode":"NONE"}]}
      """;

  private static final String PLACE_OTO = "SELECT client_order_id, status, working_time"
      + " FROM TABLE(place_oto(symbol => 'BTCUSDT', working_type => 'LIMIT',"
      + " working_side => 'SELL', working_quantity => 0.001, working_time_in_force => 'GTC',"
      + " %s, pending_type => 'MARKET', pending_side => 'BUY', pending_quantity => 0.001,"
      + " list_client_order_id => 'list-1')) ORDER BY order_id";

  @BeforeEach
  void stubs() {
    wm.stubFor(get(urlPathEqualTo("/api/v3/time")).willReturn(okJson("{\"serverTime\":"
        + System.currentTimeMillis() + "}")));
    wm.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo"))
        .willReturn(okJson(RealPayloadsTest.EXCHANGE_INFO)));
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("apiKey", "test-key");
    p.setProperty("secretKey", "test-secret-xyz");
    return DriverManager.getConnection(
        "jdbc:binance:?maxRetries=0&trading=true&baseUrl=" + wm.baseUrl(), p);
  }

  private static List<LoggedRequest> posts(String path) {
    return wm.findAll(postRequestedFor(urlPathEqualTo(path)));
  }

  @Test
  void pegArgumentsReachTheApiAsItNamesThemAndMakeThePriceOptional() throws SQLException {
    wm.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(okJson(ProceduresTest.ORDER_FULL)));
    try (Connection c = connect()) {
      assertEquals(List.of("NEW"), ResultRows.lines(c, "SELECT status FROM TABLE(place_order("
          + "symbol => 'BTCUSDT', side => 'BUY', order_type => 'LIMIT', quantity => 0.001,"
          + " time_in_force => 'GTC', peg_price_type => 'primary_peg', peg_offset_value => 1,"
          + " peg_offset_type => 'PRICE_LEVEL', new_client_order_id => 'peg-1'))"));
    }
    List<LoggedRequest> sent = posts("/api/v3/order");
    assertEquals(1, sent.size());
    String body = sent.get(0).getBodyAsString();
    assertTrue(body.startsWith("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001"
        + "&timeInForce=GTC&newClientOrderId=peg-1&pegPriceType=PRIMARY_PEG&pegOffsetValue=1"
        + "&pegOffsetType=PRICE_LEVEL&recvWindow="), body);
  }

  @Test
  void aLimitOrderWithoutPriceOrPegIsRefusedBeforeSending() throws SQLException {
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class, () -> ResultRows.lines(c,
          "SELECT * FROM TABLE(test_order(symbol => 'BTCUSDT', side => 'BUY',"
              + " order_type => 'LIMIT', quantity => 0.001, time_in_force => 'GTC'))"));
      assertEquals("22023", e.getSQLState());
      assertEquals("test_order: a LIMIT order needs a price (or peg_price_type, to follow the"
          + " book). Nothing was sent.", e.getMessage());

      SQLException market = assertThrows(SQLException.class, () -> ResultRows.lines(c,
          "SELECT * FROM TABLE(place_order(symbol => 'BTCUSDT', side => 'BUY',"
              + " order_type => 'MARKET', quantity => 0.001, peg_price_type => 'MARKET_PEG'))"));
      assertEquals("22023", market.getSQLState());
      assertTrue(market.getMessage().startsWith("place_order: a MARKET order cannot be pegged"),
          market.getMessage());
    }
    wm.verify(0, postRequestedFor(urlPathEqualTo("/api/v3/order")));
    wm.verify(0, postRequestedFor(urlPathEqualTo("/api/v3/order/test")));
  }

  @Test
  void aPendingLegHasNoWorkingTimeAndLegsTakePegs() throws SQLException {
    wm.stubFor(post(urlPathEqualTo("/api/v3/orderList/oto")).willReturn(okJson(OTO)));
    try (Connection c = connect()) {
      assertEquals(List.of("work-1|NEW|2024-04-05 03:56:29.158", "pend-1|PENDING_NEW|null"),
          ResultRows.lines(c, String.format(PLACE_OTO, "working_peg_price_type => 'MARKET_PEG'")));
    }
    String body = posts("/api/v3/orderList/oto").get(0).getBodyAsString();
    assertTrue(body.contains("&workingPegPriceType=MARKET_PEG&"), body);
    assertTrue(!body.contains("workingPrice"), body);
  }

  @Test
  void retiredListenKeyEndpointsSayWhatReplacesThemNotTheHtmlPage() throws SQLException {
    wm.stubFor(post(urlPathEqualTo("/api/v3/userDataStream")).willReturn(aResponse()
        .withStatus(410).withHeader("Content-Type", "text/html")
        .withBody("<html><head><title>410 Gone</title></head><body>Gone</body></html>")));
    try (Connection c = connect()) {
      SQLException e = assertThrows(SQLException.class,
          () -> ResultRows.lines(c, "CALL start_user_data_stream()"));
      assertEquals("0A000", e.getSQLState());
      assertEquals(410, e.getErrorCode());
      assertEquals("start_user_data_stream: Binance retired the listen-key endpoints on"
          + " 2026-02-20 and the server says so (HTTP 410 on POST /api/v3/userDataStream)."
          + " Subscribe to the user data stream with the WebSocket API's"
          + " userDataStream.subscribe instead.", e.getMessage());
    }
    wm.verify(1, anyRequestedFor(urlPathEqualTo("/api/v3/userDataStream")));
  }
}
