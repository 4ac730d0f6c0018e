package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.binancejdbc.testing.Rows;
import io.github.binancejdbc.testing.WireMocks;
import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Trading procedures: read-only by default, exactly once, checked before sending, reconciled. */
class ProceduresTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.lenient();

  static final String ORDER_FULL =
      "{\"symbol\":\"BTCUSDT\",\"orderId\":28,\"orderListId\":-1,"
          + "\"clientOrderId\":\"CID\",\"transactTime\":1507725176595,\"price\":\"20000.00000000\","
          + "\"origQty\":\"0.00100000\",\"executedQty\":\"0.00000000\",\"origQuoteOrderQty\":"
          + "\"0.00000000\",\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"NEW\",\"timeInForce\":"
          + "\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\",\"workingTime\":1507725176595,"
          + "\"selfTradePreventionMode\":\"NONE\",\"fills\":[]}";

  private static final String PLACE =
      "SELECT * FROM TABLE(place_order(symbol => 'BTCUSDT',"
          + " side => 'BUY', order_type => 'LIMIT', quantity => 0.001, price => 20000,"
          + " time_in_force => 'GTC'))";

  @BeforeEach
  void stubs() {
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/time"))
            .willReturn(okJson("{\"serverTime\":" + System.currentTimeMillis() + "}")));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/exchangeInfo"))
            .willReturn(okJson(RealPayloadsTest.EXCHANGE_INFO)));
  }

  private Connection connect(String extra) throws SQLException {
    Properties p = new Properties();
    p.setProperty("apiKey", "test-key");
    p.setProperty("secretKey", "test-secret-xyz");
    return DriverManager.getConnection(
        "jdbc:binance:?maxRetries=0&baseUrl=" + wm.baseUrl() + extra, p);
  }

  private static List<LoggedRequest> posts(String path) {
    return wm.findAll(postRequestedFor(urlPathEqualTo(path)));
  }

  private static void stubOrder() {
    wm.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(okJson(ORDER_FULL)));
  }

  @Test
  void readOnlyConnectionsRefuseAndSendNothing() throws SQLException {
    try (Connection c = connect("")) {
      SQLException e = queryFailure(c, PLACE);
      // 42501 is class 42, "syntax error or access rule violation": JDBC's SQLSyntaxErrorException.
      assertInstanceOf(java.sql.SQLSyntaxErrorException.class, e);
      assertEquals("42501", e.getSQLState());
      assertEquals(
          "place_order changes orders and this connection is read-only: connect with"
              + " trading=true to allow it. Nothing was sent.",
          e.getMessage());
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void placeOrderSendsExactDecimalsOnceAndReturnsTheOrder() throws SQLException {
    stubOrder();
    try (Connection c = connect("&trading=true");
        ResultSet rs = c.createStatement().executeQuery(PLACE)) {
      assertTrue(rs.next());
      assertEquals(28, rs.getLong("order_id"));
      assertEquals("NEW", rs.getString("status"));
      assertEquals(new BigDecimal("20000.00000000"), rs.getBigDecimal("price"));
      assertEquals("PLACED", rs.getString("outcome"));
      assertEquals("[]", rs.getString("fills"));
      assertFalse(rs.next());
    }
    List<LoggedRequest> sent = posts("/api/v3/order");
    assertEquals(1, sent.size());
    String body = sent.get(0).getBodyAsString();
    assertTrue(
        body.matches(
            "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0\\.001&price=20000"
                + "&timeInForce=GTC&newClientOrderId=bjdbc-[0-9a-f]{24}&recvWindow=5000"
                + "&timestamp=\\d+&signature=[0-9a-f]{64}"),
        body);
    assertEquals("test-key", sent.get(0).getHeader("X-MBX-APIKEY"));
  }

  @Test
  void neverAtPrepareOrExplainAndOncePerExecutionEvenWhenReRead() throws SQLException {
    stubOrder();
    try (Connection c = connect("&trading=true")) {
      try (ResultSet rs = c.createStatement().executeQuery("EXPLAIN PLAN FOR " + PLACE)) {
        assertTrue(rs.next());
      }
      PreparedStatement unused = c.prepareStatement(PLACE);
      unused.close();
      assertEquals(0, posts("/api/v3/order").size());
      // A nested-loop join enumerates the function once per outer row: still one order.
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT o.order_id, v.x FROM"
                      + " (VALUES 1, 2, 3) AS v(x), TABLE(place_order(symbol => 'BTCUSDT', side => 'BUY',"
                      + " order_type => 'LIMIT', quantity => 0.001, price => 20000, time_in_force => 'GTC'))"
                      + " AS o WHERE o.order_id > v.x")) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        assertEquals(3, n);
      }
      assertEquals(1, posts("/api/v3/order").size());
    }
  }

  @Test
  void callStatementAndPrepareCallWithPositionalParameters() throws SQLException {
    stubOrder();
    try (Connection c = connect("&trading=true")) {
      try (Statement s = c.createStatement()) {
        assertTrue(
            s.execute(
                "CALL place_order(symbol => 'BTCUSDT', side => 'buy',"
                    + " order_type => 'limit', quantity => 0.001, price => 20000, time_in_force => 'GTC')"));
        try (ResultSet rs = s.getResultSet()) {
          assertTrue(rs.next());
          assertEquals(28, rs.getLong("order_id"));
        }
      }
      try (CallableStatement cs = c.prepareCall("{call place_order(?, ?, ?, ?, null, ?, ?)}")) {
        cs.setString(1, "BTCUSDT");
        cs.setString(2, "SELL");
        cs.setString(3, "LIMIT");
        cs.setBigDecimal(4, new BigDecimal("0.00100"));
        cs.setDouble(5, 25000.5);
        cs.setString(6, "GTC");
        for (int run = 0; run < 2; run++) {
          try (ResultSet rs = cs.executeQuery()) {
            assertTrue(rs.next());
            assertEquals("BTCUSDT", rs.getString("symbol"));
          }
        }
        SQLException out =
            assertThrows(
                SQLFeatureNotSupportedException.class,
                () -> cs.registerOutParameter(1, java.sql.Types.BIGINT));
        assertTrue(out.getMessage().contains("procedures return their results as rows"));
      }
    }
    List<LoggedRequest> sent = posts("/api/v3/order");
    assertEquals(3, sent.size());
    assertTrue(sent.get(0).getBodyAsString().startsWith("symbol=BTCUSDT&side=BUY&type=LIMIT&"));
    String second = sent.get(1).getBodyAsString();
    String third = sent.get(2).getBodyAsString();
    assertTrue(
        second.startsWith(
            "symbol=BTCUSDT&side=SELL&type=LIMIT&quantity=0.001"
                + "&price=25000.5&timeInForce=GTC&newClientOrderId=bjdbc-"),
        second);
    assertNotEquals(clientId(second), clientId(third), "each execution is a new order");
  }

  private static String clientId(String body) {
    return body.replaceAll(".*newClientOrderId=([^&]+).*", "$1");
  }

  @Test
  void filtersAreCheckedBeforeSendingWithTheNearestValidValues() throws SQLException {
    try (Connection c = connect("&trading=true")) {
      SQLException lot =
          queryFailure(
              c,
              "SELECT * FROM TABLE(place_order("
                  + "symbol => 'BTCUSDT', side => 'BUY', order_type => 'LIMIT', quantity => 0.0012345,"
                  + " price => 20000, time_in_force => 'GTC'))");
      assertInstanceOf(SQLDataException.class, lot, lot.getMessage());
      assertEquals(
          "place_order on BTCUSDT fails LOT_SIZE: quantity 0.0012345 is not a multiple"
              + " of the step 0.00001; nearest valid values: 0.00123 or 0.00124. Nothing was sent.",
          lot.getMessage());
      SQLException tick =
          queryFailure(
              c,
              "SELECT * FROM TABLE(place_order("
                  + "symbol => 'BTCUSDT', side => 'BUY', order_type => 'LIMIT', quantity => 0.001,"
                  + " price => 20000.005, time_in_force => 'GTC'))");
      assertTrue(
          tick.getMessage()
              .startsWith(
                  "place_order on BTCUSDT fails PRICE_FILTER: price"
                      + " 20000.005 is not a multiple of the step 0.01; nearest valid values: 20000 or"
                      + " 20000.01"),
          tick.getMessage());
      SQLException notional =
          queryFailure(
              c,
              "SELECT * FROM TABLE(place_order("
                  + "symbol => 'BTCUSDT', side => 'BUY', order_type => 'LIMIT', quantity => 0.0001,"
                  + " price => 20000, time_in_force => 'GTC'))");
      assertTrue(
          notional
              .getMessage()
              .startsWith(
                  "place_order on BTCUSDT fails MIN_NOTIONAL:"
                      + " price x quantity 2 is below the minimum notional 10"),
          notional.getMessage());
      SQLException missing =
          queryFailure(
              c,
              "SELECT * FROM TABLE(place_order("
                  + "symbol => 'BTCUSDT', order_type => 'MARKET', quantity => 0.001))");
      assertEquals(
          "place_order needs side: place_order(side => ...). BUY or SELL. Nothing was" + " sent.",
          missing.getMessage());
    }
    assertEquals(0, posts("/api/v3/order").size());
  }

  @Test
  void connectionGuardsLimitSymbolsAndNotional() throws SQLException {
    stubOrder();
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/ticker/price"))
            .willReturn(okJson("{\"symbol\":\"BTCUSDT\",\"price\":\"60000.00\"}")));
    try (Connection c = connect("&trading=true&allowedSymbols=ETHUSDT")) {
      SQLException e = queryFailure(c, PLACE);
      assertEquals(
          "place_order on BTCUSDT is refused: this connection may trade only ETHUSDT"
              + " (allowedSymbols). Nothing was sent.",
          e.getMessage());
    }
    try (Connection c = connect("&trading=true&maxOrderNotional=50")) {
      SQLException e =
          queryFailure(
              c,
              "SELECT * FROM TABLE(place_order("
                  + "symbol => 'BTCUSDT', side => 'BUY', order_type => 'MARKET', quantity => 0.001))");
      assertEquals(
          "place_order on BTCUSDT is refused: its notional 60 exceeds maxOrderNotional"
              + " 50. Nothing was sent.",
          e.getMessage());
      try (ResultSet rs = c.createStatement().executeQuery(PLACE)) {
        assertTrue(rs.next()); // 0.001 x 20000 = 20 <= 50
      }
    }
    assertEquals(1, posts("/api/v3/order").size());
  }

  @Test
  void a5xxAfterThePostIsReconciledByClientIdWithoutResending() throws SQLException {
    wm.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(503)));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/order"))
            .willReturn(okJson(ORDER_FULL.replace("\"status\":\"NEW\"", "\"status\":\"FILLED\""))));
    try (Connection c = connect("&trading=true");
        ResultSet rs = c.createStatement().executeQuery(PLACE)) {
      assertTrue(rs.next());
      assertEquals("FILLED", rs.getString("status"));
      assertEquals("PLACED", rs.getString("outcome"));
      assertTrue(
          rs.getString("note")
              .startsWith(
                  "The request failed (Binance API error (HTTP" + " 503) on POST /api/v3/order"),
          rs.getString("note"));
      assertFalse(rs.next());
    }
    assertEquals(1, posts("/api/v3/order").size());
    String cid = clientId(posts("/api/v3/order").get(0).getBodyAsString());
    LoggedRequest lookup = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/order"))).get(0);
    assertTrue(
        lookup.getUrl().contains("symbol=BTCUSDT&origClientOrderId=" + cid + "&"), lookup.getUrl());
  }

  @Test
  void aDroppedConnectionWithNoOrderOnTheExchangeSaysItWasNotPlaced() throws SQLException {
    wm.stubFor(
        post(urlPathEqualTo("/api/v3/order"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/order"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"code\":-2013,\"msg\":\"Order does not exist.\"}")));
    long start = System.currentTimeMillis();
    try (Connection c = connect("&trading=true&recvWindow=1000")) {
      SQLException e = queryFailure(c, PLACE);
      assertInstanceOf(SQLTransientException.class, e);
      assertTrue(
          e.getMessage()
              .matches(
                  ".*after \\d+ checks, and the request's recvWindow \\(1000"
                      + " ms\\) has passed, so it can no longer execute: it was not placed; running the"
                      + " statement again is safe\\."),
          e.getMessage());
    }
    // It asked until recvWindow + 1 s had passed: a late order could not have slipped through.
    assertTrue(System.currentTimeMillis() - start >= 2000);
    assertEquals(1, posts("/api/v3/order").size());
    int checks = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/order"))).size();
    assertTrue(checks >= 3 && checks <= 6, "checks " + checks);
  }

  @Test
  void testOrderIsAllowedReadOnlyAndReportsCommissionRates() throws SQLException {
    wm.stubFor(
        post(urlPathEqualTo("/api/v3/order/test"))
            .willReturn(
                okJson(
                    "{\"standardCommissionForOrder\":{\"maker\":\"0.00000112\",\"taker\":\"0.00000114\"},"
                        + "\"specialCommissionForOrder\":{\"maker\":\"0.05000000\",\"taker\":\"0.06000000\"},"
                        + "\"taxCommissionForOrder\":{\"maker\":\"0.00000128\",\"taker\":\"0.00000130\"},"
                        + "\"discount\":{\"enabledForAccount\":true,\"enabledForSymbol\":true,"
                        + "\"discountAsset\":\"BNB\",\"discount\":\"0.25000000\"}}")));
    try (Connection c = connect("");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT * FROM TABLE(test_order("
                        + "symbol => 'BTCUSDT', side => 'BUY', order_type => 'MARKET', quantity => 0.01,"
                        + " compute_commission_rates => TRUE))")) {
      assertTrue(rs.next());
      assertEquals("VALID", rs.getString("outcome"));
      assertEquals(new BigDecimal("0.00000114"), rs.getBigDecimal("standard_taker"));
      assertEquals("BNB", rs.getString("discount_asset"));
      assertEquals(new BigDecimal("0.25000000"), rs.getBigDecimal("discount"));
    }
    String body = posts("/api/v3/order/test").get(0).getBodyAsString();
    assertTrue(
        body.startsWith(
            "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01"
                + "&computeCommissionRates=true&recvWindow=5000&timestamp="),
        body);
  }

  @Test
  void cancelOrderByIdSendsADelete() throws SQLException {
    wm.stubFor(
        delete(urlPathEqualTo("/api/v3/order"))
            .willReturn(
                okJson(
                    ORDER_FULL
                        .replace("\"status\":\"NEW\"", "\"status\":\"CANCELED\"")
                        .replace(
                            "\"clientOrderId\":\"CID\"",
                            "\"origClientOrderId\":\"CID\"," + "\"clientOrderId\":\"cancel-1\""))));
    try (Connection c = connect("&trading=true");
        ResultSet rs =
            c.createStatement()
                .executeQuery("CALL cancel_order(symbol => 'BTCUSDT', order_id => 28)")) {
      assertTrue(rs.next());
      assertEquals("CANCELED", rs.getString("status"));
      assertEquals("CID", rs.getString("orig_client_order_id"));
      assertEquals("CANCELED", rs.getString("outcome"));
    }
    LoggedRequest d = wm.findAll(deleteRequestedFor(urlPathEqualTo("/api/v3/order"))).get(0);
    assertTrue(
        d.getUrl().startsWith("/api/v3/order?symbol=BTCUSDT&orderId=28&recvWindow=5000"),
        d.getUrl());
  }

  @Test
  void retiredListenKeyEndpointsSaySo() throws SQLException {
    wm.stubFor(
        post(urlPathEqualTo("/api/v3/userDataStream"))
            .willReturn(
                aResponse()
                    .withStatus(410)
                    .withBody(
                        "{\"code\":-1016,\"msg\":\"This service is no longer" + " available.\"}")));
    try (Connection c = connect("&trading=true")) {
      SQLException e = queryFailure(c, "CALL start_user_data_stream()");
      assertTrue(
          e.getMessage()
              .startsWith(
                  "start_user_data_stream: Binance retired the"
                      + " listen-key endpoints on 2026-02-20"),
          e.getMessage());
      assertTrue(e.getMessage().contains("This service is no longer available."));
    }
    List<LoggedRequest> sent = posts("/api/v3/userDataStream");
    assertEquals(1, sent.size());
    assertEquals("test-key", sent.get(0).getHeader("X-MBX-APIKEY"));
    assertFalse(sent.get(0).getBodyAsString().contains("signature"));
  }

  @Test
  void secretsNeverAppearInErrors() throws SQLException {
    wm.stubFor(
        post(urlPathEqualTo("/api/v3/order"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested"
                            + " action.\"}")));
    List<String> messages = new ArrayList<>();
    try (Connection c = connect("&trading=true")) {
      SQLException e = queryFailure(c, PLACE);
      for (Throwable t = e; t != null; t = t.getCause()) {
        messages.add(String.valueOf(t.getMessage()));
      }
      assertEquals(-2010, e.getErrorCode());
      assertTrue(e.getMessage().contains("Account has insufficient balance"), e.getMessage());
    }
    for (String m : messages) {
      assertFalse(m.contains("test-secret-xyz"), m);
      assertFalse(m.matches(".*signature=[0-9a-f]{64}.*"), m);
    }
  }

  /** An OTO placement as Binance answers it: the pending leg has not started working (-1). */
  private static final String OTO =
      """
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

  private static final String PLACE_OTO =
      "SELECT client_order_id, status, working_time"
          + " FROM TABLE(place_oto(symbol => 'BTCUSDT', working_type => 'LIMIT',"
          + " working_side => 'SELL', working_quantity => 0.001, working_time_in_force => 'GTC',"
          + " working_peg_price_type => 'MARKET_PEG', pending_type => 'MARKET',"
          + " pending_side => 'BUY', pending_quantity => 0.001,"
          + " list_client_order_id => 'list-1')) ORDER BY order_id";

  @Test
  void pegArgumentsReachTheApiAsItNamesThemAndMakeThePriceOptional() throws SQLException {
    wm.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(okJson(ProceduresTest.ORDER_FULL)));
    try (Connection c = connect("&trading=true")) {
      assertEquals(
          List.of("NEW"),
          Rows.lines(
              c,
              "SELECT status FROM TABLE(place_order("
                  + "symbol => 'BTCUSDT', side => 'BUY', order_type => 'LIMIT', quantity => 0.001,"
                  + " time_in_force => 'GTC', peg_price_type => 'primary_peg', peg_offset_value => 1,"
                  + " peg_offset_type => 'PRICE_LEVEL', new_client_order_id => 'peg-1'))"));
    }
    List<LoggedRequest> sent = posts("/api/v3/order");
    assertEquals(1, sent.size());
    String body = sent.get(0).getBodyAsString();
    assertTrue(
        body.startsWith(
            "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001"
                + "&timeInForce=GTC&newClientOrderId=peg-1&pegPriceType=PRIMARY_PEG&pegOffsetValue=1"
                + "&pegOffsetType=PRICE_LEVEL&recvWindow="),
        body);
  }

  @Test
  void aLimitOrderWithoutPriceOrPegIsRefusedBeforeSending() throws SQLException {
    try (Connection c = connect("&trading=true")) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  Rows.lines(
                      c,
                      "SELECT * FROM TABLE(test_order(symbol => 'BTCUSDT', side => 'BUY',"
                          + " order_type => 'LIMIT', quantity => 0.001, time_in_force => 'GTC'))"));
      assertEquals("22023", e.getSQLState());
      assertEquals(
          "test_order: a LIMIT order needs a price (or peg_price_type, to follow the"
              + " book). Nothing was sent.",
          e.getMessage());

      SQLException market =
          assertThrows(
              SQLException.class,
              () ->
                  Rows.lines(
                      c,
                      "SELECT * FROM TABLE(place_order(symbol => 'BTCUSDT', side => 'BUY',"
                          + " order_type => 'MARKET', quantity => 0.001, peg_price_type => 'MARKET_PEG'))"));
      assertEquals("22023", market.getSQLState());
      assertTrue(
          market.getMessage().startsWith("place_order: a MARKET order cannot be pegged"),
          market.getMessage());
    }
    wm.verify(0, postRequestedFor(urlPathEqualTo("/api/v3/order")));
    wm.verify(0, postRequestedFor(urlPathEqualTo("/api/v3/order/test")));
  }

  @Test
  void aPendingLegHasNoWorkingTimeAndLegsTakePegs() throws SQLException {
    wm.stubFor(post(urlPathEqualTo("/api/v3/orderList/oto")).willReturn(okJson(OTO)));
    try (Connection c = connect("&trading=true")) {
      assertEquals(
          List.of("work-1|NEW|2024-04-05 03:56:29.158", "pend-1|PENDING_NEW|null"),
          Rows.lines(c, PLACE_OTO));
    }
    String body = posts("/api/v3/orderList/oto").get(0).getBodyAsString();
    assertTrue(body.contains("&workingPegPriceType=MARKET_PEG&"), body);
    assertTrue(!body.contains("workingPrice"), body);
  }

  @Test
  void retiredListenKeyEndpointsSayWhatReplacesThemNotTheHtmlPage() throws SQLException {
    wm.stubFor(
        post(urlPathEqualTo("/api/v3/userDataStream"))
            .willReturn(
                aResponse()
                    .withStatus(410)
                    .withHeader("Content-Type", "text/html")
                    .withBody(
                        "<html><head><title>410 Gone</title></head><body>Gone</body></html>")));
    try (Connection c = connect("&trading=true")) {
      SQLException e =
          assertThrows(SQLException.class, () -> Rows.lines(c, "CALL start_user_data_stream()"));
      assertEquals("0A000", e.getSQLState());
      assertEquals(410, e.getErrorCode());
      assertEquals(
          "start_user_data_stream: Binance retired the listen-key endpoints on"
              + " 2026-02-20 and the server says so (HTTP 410 on POST /api/v3/userDataStream)."
              + " Subscribe to the user data stream with the WebSocket API's"
              + " userDataStream.subscribe instead.",
          e.getMessage());
    }
    wm.verify(1, anyRequestedFor(urlPathEqualTo("/api/v3/userDataStream")));
  }

  /** What a statement that must be refused before sending says. */
  private static SQLException refused(Connection c, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> Rows.lines(c, sql));
    assertInstanceOf(SQLDataException.class, e, e.getMessage());
    assertEquals("22023", e.getSQLState());
    return e;
  }

  @Test
  void eachLegOfAnOcoIsCheckedAgainstTheFiltersBeforeSending() throws SQLException {
    try (Connection c = connect("&trading=true")) {
      String oco =
          "SELECT * FROM TABLE(place_oco(symbol => 'BTCUSDT', side => 'SELL',"
              + " quantity => %s, above_type => 'LIMIT_MAKER', above_price => %s,"
              + " below_type => 'STOP_LOSS_LIMIT', below_price => 19000, below_stop_price => %s,"
              + " below_time_in_force => 'GTC'))";
      assertEquals(
          "place_oco on BTCUSDT fails PRICE_FILTER: price 30000.005 is not a multiple"
              + " of the step 0.01; nearest valid values: 30000 or 30000.01. Nothing was sent.",
          refused(c, String.format(oco, "0.001", "30000.005", "19100")).getMessage());
      assertEquals(
          "place_oco on BTCUSDT fails PRICE_FILTER: stop_price 19100.001 is not a"
              + " multiple of the step 0.01; nearest valid values: 19100 or 19100.01. Nothing was"
              + " sent.",
          refused(c, String.format(oco, "0.001", "30000", "19100.001")).getMessage());
      // The list's quantity is each leg's: the first leg reports it.
      assertEquals(
          "place_oco on BTCUSDT fails LOT_SIZE: quantity 0.0012345 is not a multiple"
              + " of the step 0.00001; nearest valid values: 0.00123 or 0.00124. Nothing was sent.",
          refused(c, String.format(oco, "0.0012345", "30000", "19100")).getMessage());
    }
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void theLegsOfOtoOtocoAndOpocoAreCheckedWithTheirOwnOrSharedQuantities() throws SQLException {
    try (Connection c = connect("&trading=true")) {
      assertEquals(
          "place_oto on BTCUSDT fails LOT_SIZE: quantity 0.0012345 is not a multiple"
              + " of the step 0.00001; nearest valid values: 0.00123 or 0.00124. Nothing was sent.",
          refused(
                  c,
                  "SELECT * FROM TABLE(place_oto(symbol => 'BTCUSDT',"
                      + " working_type => 'LIMIT', working_side => 'BUY', working_price => 20000,"
                      + " working_quantity => 0.001, working_time_in_force => 'GTC',"
                      + " pending_type => 'LIMIT_MAKER', pending_side => 'SELL', pending_price => 21000,"
                      + " pending_quantity => 0.0012345))")
              .getMessage());
      String otoco =
          "SELECT * FROM TABLE(%s(symbol => 'BTCUSDT',"
              + " working_type => 'LIMIT', working_side => 'BUY', working_price => %s,"
              + " working_quantity => %s, working_time_in_force => 'GTC', pending_side => 'SELL',"
              + " %s pending_above_type => 'LIMIT_MAKER', pending_above_price => 21000,"
              + " pending_below_type => 'STOP_LOSS_LIMIT', pending_below_price => 19000,"
              + " pending_below_stop_price => 19100, pending_below_time_in_force => 'GTC',"
              + " pending_below_iceberg_qty => %s))";
      // The pending legs share pending_quantity: pending_below's iceberg is checked on its step.
      assertEquals(
          "place_otoco on BTCUSDT fails LOT_SIZE: iceberg_qty 0.0001234 is not a"
              + " multiple of the step 0.00001; nearest valid values: 0.00012 or 0.00013. Nothing"
              + " was sent.",
          refused(
                  c,
                  String.format(
                      otoco,
                      "place_otoco",
                      "20000",
                      "0.001",
                      "pending_quantity => 0.001,",
                      "0.0001234"))
              .getMessage());
      assertTrue(
          refused(c, String.format(otoco, "place_opoco", "20000", "0.0001", "", "0.0001"))
              .getMessage()
              .startsWith(
                  "place_opoco on BTCUSDT fails MIN_NOTIONAL: price x quantity"
                      + " 2 is below the minimum notional 10"));
    }
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  /** The SQLException that running {@code sql} on {@code c} and reading its first row throws. */
  private static SQLException queryFailure(Connection c, String sql) {
    return assertThrows(
        SQLException.class,
        () -> {
          try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
          }
        });
  }
}
