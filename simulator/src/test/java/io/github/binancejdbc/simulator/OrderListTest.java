package io.github.binancejdbc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order lists, cancel-replace, amend, SOR and self-trade prevention. */
class OrderListTest {
  BinanceSimulator sim;
  TestClient client;

  @BeforeEach
  void start() {
    sim = BinanceSimulator.builder().build().start();
    client = new TestClient(sim.baseUrl());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  TestClient.Resp post(String path, String query) {
    return client.signed("POST", path, query);
  }

  BigDecimal top(String symbol, String side) {
    return new BigDecimal(
        client
            .get("/api/v3/depth?symbol=" + symbol + "&limit=1")
            .json()
            .get(side)
            .get(0)
            .get(0)
            .asText());
  }

  @Test
  void ocoPlacesTwoLegsLocksOnceAndCancelsTogether() {
    BigDecimal bid = top("BTCUSDT", "bids");
    BigDecimal ask = top("BTCUSDT", "asks");
    String q =
        "symbol=BTCUSDT&side=SELL&quantity=0.1&listClientOrderId=myOco"
            + "&aboveType=LIMIT_MAKER&abovePrice="
            + ask.add(new BigDecimal("500"))
            + "&belowType=STOP_LOSS_LIMIT&belowStopPrice="
            + bid.subtract(new BigDecimal("500"))
            + "&belowPrice="
            + bid.subtract(new BigDecimal("510"))
            + "&belowTimeInForce=GTC";
    TestClient.Resp r = post("/api/v3/orderList/oco", q);
    assertEquals(200, r.status(), r.body());
    JsonNode l = r.json();
    assertEquals(
        List.of(
            "orderListId",
            "contingencyType",
            "listStatusType",
            "listOrderStatus",
            "listClientOrderId",
            "transactionTime",
            "symbol",
            "orders",
            "orderReports"),
        MarketDataTest.fieldNames(l));
    assertEquals("OCO", l.get("contingencyType").asText());
    assertEquals("EXEC_STARTED", l.get("listStatusType").asText());
    assertEquals("EXECUTING", l.get("listOrderStatus").asText());
    assertEquals("myOco", l.get("listClientOrderId").asText());
    JsonNode stop = l.get("orderReports").get(0);
    JsonNode maker = l.get("orderReports").get(1);
    assertEquals("STOP_LOSS_LIMIT", stop.get("type").asText());
    assertEquals(-1, stop.get("workingTime").asLong());
    assertTrue(stop.has("stopPrice"));
    assertEquals("LIMIT_MAKER", maker.get("type").asText());
    assertTrue(maker.get("workingTime").asLong() > 0);
    assertEquals(l.get("orderListId").asLong(), maker.get("orderListId").asLong());
    assertEquals("2", r.header("X-MBX-ORDER-COUNT-10S"));
    assertEquals(
        0, sim.locked(BinanceSimulator.DEMO_ACCOUNT, "BTC").compareTo(new BigDecimal("0.1")));
    JsonNode open = client.signed("GET", "/api/v3/openOrderList", "").json();
    assertEquals(1, open.size());
    assertTrue(!open.get(0).has("orderReports"));
    JsonNode byId =
        client.signed("GET", "/api/v3/orderList", "orderListId=" + l.get("orderListId")).json();
    assertEquals(open.get(0), byId);
    assertEquals(byId, client.signed("GET", "/api/v3/orderList", "origClientOrderId=myOco").json());
    assertEquals(1, client.signed("GET", "/api/v3/allOrderList", "").json().size());
    // Cancelling one leg cancels the list.
    JsonNode c =
        client
            .signed(
                "DELETE",
                "/api/v3/order",
                "symbol=BTCUSDT&orderId=" + maker.get("orderId").asLong())
            .json();
    assertEquals("CANCELED", c.get("status").asText());
    JsonNode after =
        client.signed("GET", "/api/v3/orderList", "orderListId=" + l.get("orderListId")).json();
    assertEquals("ALL_DONE", after.get("listStatusType").asText());
    assertEquals("ALL_DONE", after.get("listOrderStatus").asText());
    assertEquals(0, sim.locked(BinanceSimulator.DEMO_ACCOUNT, "BTC").signum());
    assertEquals(0, client.signed("GET", "/api/v3/openOrderList", "").json().size());
  }

  @Test
  void ocoRulesAndListCancel() {
    BigDecimal bid = top("ETHUSDT", "bids");
    BigDecimal ask = top("ETHUSDT", "asks");
    String base = "symbol=ETHUSDT&side=SELL&quantity=1";
    assertEquals(
        "{\"code\":-1168,\"msg\":\"At least one OCO order must be contingent.\"}",
        post(
                "/api/v3/orderList/oco",
                base
                    + "&aboveType=LIMIT_MAKER&abovePrice="
                    + ask.add(BigDecimal.TEN)
                    + "&belowType=LIMIT_MAKER&belowPrice="
                    + bid.subtract(BigDecimal.TEN))
            .body());
    assertEquals(
        "{\"code\":-1197,\"msg\":\"A stop loss order in a sell OCO must be below.\"}",
        post(
                "/api/v3/orderList/oco",
                base
                    + "&aboveType=STOP_LOSS&aboveStopPrice="
                    + ask.add(BigDecimal.TEN)
                    + "&belowType=LIMIT_MAKER&belowPrice="
                    + bid.subtract(BigDecimal.TEN))
            .body());
    assertEquals(
        -1158,
        post(
                "/api/v3/orderList/oco",
                base + "&aboveType=LIMIT&abovePrice=1" + "&belowType=STOP_LOSS&belowStopPrice=1")
            .code());
    assertEquals(
        "{\"code\":-2010,\"msg\":\"Order would trigger immediately.\"}",
        post(
                "/api/v3/orderList/oco",
                base
                    + "&aboveType=LIMIT_MAKER&abovePrice="
                    + ask.add(BigDecimal.TEN)
                    + "&belowType=STOP_LOSS&belowStopPrice="
                    + ask.add(BigDecimal.ONE))
            .body());
    JsonNode ok =
        post(
                "/api/v3/orderList/oco",
                base
                    + "&aboveType=TAKE_PROFIT&aboveStopPrice="
                    + ask.add(BigDecimal.TEN)
                    + "&belowType=STOP_LOSS&belowStopPrice="
                    + bid.subtract(BigDecimal.TEN)
                    + "&newOrderRespType=FULL")
            .json();
    assertEquals("[]", ok.get("orderReports").get(0).get("fills").toString());
    // Plain orders and the list go in one DELETE openOrders.
    post(
        "/api/v3/order",
        "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=2400");
    JsonNode all = client.signed("DELETE", "/api/v3/openOrders", "symbol=ETHUSDT").json();
    assertEquals(2, all.size());
    assertEquals("CANCELED", all.get(0).get("status").asText());
    assertEquals("OCO", all.get(1).get("contingencyType").asText());
    assertEquals("CANCELED", all.get(1).get("orderReports").get(1).get("status").asText());
    assertEquals(
        -2011,
        client
            .signed(
                "DELETE",
                "/api/v3/orderList",
                "symbol=ETHUSDT&orderListId=" + ok.get("orderListId").asLong())
            .code());
  }

  @Test
  void otoPendingLegGoesLiveWhenTheWorkingLegFills() {
    BigDecimal ask = top("BNBUSDT", "asks");
    String q =
        "symbol=BNBUSDT&workingType=LIMIT&workingSide=BUY&workingTimeInForce=GTC"
            + "&workingQuantity=1&workingPrice="
            + ask.add(BigDecimal.ONE)
            + "&pendingType=LIMIT&pendingSide=SELL&pendingTimeInForce=GTC&pendingQuantity=0.9"
            + "&pendingPrice="
            + ask.add(new BigDecimal("50"));
    JsonNode l = post("/api/v3/orderList/oto", q).json();
    assertEquals("OTO", l.get("contingencyType").asText());
    JsonNode working = l.get("orderReports").get(0);
    JsonNode pending = l.get("orderReports").get(1);
    assertEquals("FILLED", working.get("status").asText());
    assertEquals("NEW", pending.get("status").asText());
    assertTrue(pending.get("workingTime").asLong() > 0);
    // A working leg that rests keeps the pending one PENDING_NEW.
    String resting =
        "symbol=BNBUSDT&workingType=LIMIT_MAKER&workingSide=BUY"
            + "&workingQuantity=1&workingPrice=600&pendingType=MARKET&pendingSide=SELL&pendingQuantity=1";
    JsonNode l2 = post("/api/v3/orderList/oto", resting).json();
    assertEquals("PENDING_NEW", l2.get("orderReports").get(1).get("status").asText());
    assertEquals(-1, l2.get("orderReports").get(1).get("workingTime").asLong());
    JsonNode otoco =
        post(
                "/api/v3/orderList/otoco",
                "symbol=BNBUSDT&workingType=LIMIT&workingSide=BUY"
                    + "&workingTimeInForce=GTC&workingQuantity=1&workingPrice=600&pendingSide=SELL"
                    + "&pendingQuantity=1&pendingAboveType=LIMIT_MAKER&pendingAbovePrice=700"
                    + "&pendingBelowType=STOP_LOSS&pendingBelowStopPrice=550")
            .json();
    assertEquals(3, otoco.get("orders").size());
    assertEquals("OTO", otoco.get("contingencyType").asText());
    JsonNode opo =
        post(
                "/api/v3/orderList/opo",
                "symbol=BNBUSDT&workingType=LIMIT&workingSide=BUY"
                    + "&workingTimeInForce=GTC&workingQuantity=1&workingPrice="
                    + ask.add(BigDecimal.ONE)
                    + "&pendingType=LIMIT_MAKER&pendingSide=SELL&pendingPrice=700")
            .json();
    assertEquals("NEW", opo.get("orderReports").get(1).get("status").asText());
    assertEquals(
        -1222,
        post(
                "/api/v3/orderList/opo",
                "symbol=BNBUSDT&workingType=LIMIT&workingSide=SELL"
                    + "&workingTimeInForce=GTC&workingQuantity=1&workingPrice=700"
                    + "&pendingType=LIMIT_MAKER&pendingSide=BUY&pendingPrice=500")
            .code());
  }

  @Test
  void cancelReplaceOutcomes() {
    String place = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=105000";
    long id = post("/api/v3/order", place).json().get("orderId").asLong();
    TestClient.Resp ok =
        post(
            "/api/v3/order/cancelReplace",
            "symbol=BTCUSDT&side=BUY&type=LIMIT"
                + "&timeInForce=GTC&quantity=0.02&price=104000&cancelReplaceMode=STOP_ON_FAILURE"
                + "&cancelOrderId="
                + id);
    assertEquals(200, ok.status(), ok.body());
    JsonNode r = ok.json();
    assertEquals(
        List.of("cancelResult", "newOrderResult", "cancelResponse", "newOrderResponse"),
        MarketDataTest.fieldNames(r));
    assertEquals("SUCCESS", r.get("cancelResult").asText());
    assertEquals("CANCELED", r.get("cancelResponse").get("status").asText());
    assertEquals("NEW", r.get("newOrderResponse").get("status").asText());
    TestClient.Resp stop =
        post(
            "/api/v3/order/cancelReplace",
            "symbol=BTCUSDT&side=BUY&type=LIMIT"
                + "&timeInForce=GTC&quantity=0.02&price=104000&cancelReplaceMode=STOP_ON_FAILURE"
                + "&cancelOrderId="
                + id);
    assertEquals(400, stop.status());
    assertEquals(
        "{\"code\":-2022,\"msg\":\"Order cancel-replace failed.\",\"data\":{"
            + "\"cancelResult\":\"FAILURE\",\"newOrderResult\":\"NOT_ATTEMPTED\",\"cancelResponse\":"
            + "{\"code\":-2011,\"msg\":\"Unknown order sent.\"},\"newOrderResponse\":null}}",
        stop.body());
    TestClient.Resp allow =
        post(
            "/api/v3/order/cancelReplace",
            "symbol=BTCUSDT&side=BUY&type=LIMIT"
                + "&timeInForce=GTC&quantity=0.01&price=103000&cancelReplaceMode=ALLOW_FAILURE"
                + "&cancelOrderId="
                + id);
    assertEquals(409, allow.status());
    assertEquals(-2021, allow.code());
    assertEquals("SUCCESS", allow.json().get("data").get("newOrderResult").asText());
    long live = r.get("newOrderResponse").get("orderId").asLong();
    String ask = top("BTCUSDT", "asks").toPlainString();
    TestClient.Resp half =
        post(
            "/api/v3/order/cancelReplace",
            "symbol=BTCUSDT&side=BUY"
                + "&type=LIMIT_MAKER&quantity=0.01&price="
                + ask
                + "&cancelReplaceMode=STOP_ON_FAILURE"
                + "&cancelOrderId="
                + live);
    assertEquals(409, half.status());
    JsonNode data = half.json().get("data");
    assertEquals("SUCCESS", data.get("cancelResult").asText());
    assertEquals("FAILURE", data.get("newOrderResult").asText());
    assertEquals(
        "{\"code\":-2010,\"msg\":\"Order would immediately match and take.\"}",
        data.get("newOrderResponse").toString());
    assertEquals(
        -1102,
        post(
                "/api/v3/order/cancelReplace",
                "symbol=BTCUSDT&side=BUY&type=MARKET"
                    + "&quantity=0.001&cancelReplaceMode=STOP_ON_FAILURE")
            .code());
  }

  @Test
  void amendKeepPriorityReducesQuantity() {
    JsonNode o =
        post(
                "/api/v3/order",
                "symbol=ETHBTC&side=SELL&type=LIMIT&timeInForce=GTC"
                    + "&quantity=2&price=0.03&newClientOrderId=ask1")
            .json();
    TestClient.Resp a =
        client.signed(
            "PUT",
            "/api/v3/order/amend/keepPriority",
            "symbol=ETHBTC&orderId=" + o.get("orderId").asLong() + "&newQty=1.5");
    assertEquals(200, a.status(), a.body());
    JsonNode r = a.json();
    assertEquals(
        List.of("transactTime", "executionId", "amendedOrder"), MarketDataTest.fieldNames(r));
    JsonNode ao = r.get("amendedOrder");
    assertEquals(
        List.of(
            "symbol",
            "orderId",
            "orderListId",
            "origClientOrderId",
            "clientOrderId",
            "price",
            "qty",
            "executedQty",
            "preventedQty",
            "quoteOrderQty",
            "cumulativeQuoteQty",
            "status",
            "timeInForce",
            "type",
            "side",
            "workingTime",
            "selfTradePreventionMode"),
        MarketDataTest.fieldNames(ao));
    assertEquals("ask1", ao.get("origClientOrderId").asText());
    assertNotEquals("ask1", ao.get("clientOrderId").asText());
    assertEquals("1.50000000", ao.get("qty").asText());
    assertEquals(
        0, sim.locked(BinanceSimulator.DEMO_ACCOUNT, "ETH").compareTo(new BigDecimal("1.5")));
    assertEquals(
        "{\"code\":-2038,\"msg\":\"Order amend (quantity increase) is not supported.\"}",
        client
            .signed(
                "PUT",
                "/api/v3/order/amend/keepPriority",
                "symbol=ETHBTC&orderId=" + o.get("orderId").asLong() + "&newQty=3")
            .body());
    JsonNode amendments =
        client
            .signed(
                "GET",
                "/api/v3/order/amendments",
                "symbol=ETHBTC&orderId=" + o.get("orderId").asLong())
            .json();
    assertEquals(1, amendments.size());
    assertEquals(
        List.of(
            "symbol",
            "orderId",
            "executionId",
            "origClientOrderId",
            "newClientOrderId",
            "origQty",
            "newQty",
            "time"),
        MarketDataTest.fieldNames(amendments.get(0)));
    assertEquals("2.00000000", amendments.get(0).get("origQty").asText());
  }

  @Test
  void smartOrderRoutingRecordsAllocations() {
    TestClient.Resp r =
        post("/api/v3/sor/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001");
    assertEquals(200, r.status(), r.body());
    JsonNode o = r.json();
    assertEquals("SOR", o.get("workingFloor").asText());
    assertTrue(o.get("usedSor").asBoolean());
    JsonNode fill = o.get("fills").get(0);
    assertEquals(
        List.of("matchType", "price", "qty", "commission", "commissionAsset", "tradeId", "allocId"),
        MarketDataTest.fieldNames(fill));
    assertEquals(-1, fill.get("tradeId").asLong());
    JsonNode allocations = client.signed("GET", "/api/v3/myAllocations", "symbol=BTCUSDT").json();
    assertEquals(o.get("fills").size(), allocations.size());
    assertEquals("SOR", allocations.get(0).get("allocationType").asText());
    assertEquals(0, client.signed("GET", "/api/v3/myTrades", "symbol=BTCUSDT").json().size());
    assertEquals(
        -1013,
        post("/api/v3/sor/order", "symbol=ETHBTC&side=BUY&type=MARKET&quantity=0.01").code());
    JsonNode test =
        post(
                "/api/v3/sor/order/test",
                "symbol=BTCUSDT&side=BUY&type=MARKET"
                    + "&quantity=0.001&computeCommissionRates=true")
            .json();
    assertEquals(
        List.of("standardCommissionForOrder", "taxCommissionForOrder", "discount"),
        MarketDataTest.fieldNames(test));
  }

  @Test
  void smartOrderRoutingTakesThePlainOrderParametersButQuoteAmountsTriggersAndPegs() {
    assertEquals(
        List.of(
            "symbol",
            "side",
            "type",
            "timeInForce",
            "quantity",
            "price",
            "newClientOrderId",
            "strategyId",
            "strategyType",
            "icebergQty",
            "newOrderRespType",
            "selfTradePreventionMode"),
        OrderParams.SOR_PARAMS);
    String market = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001";
    for (String refused :
        List.of("quoteOrderQty=10", "stopPrice=1", "trailingDelta=100", "pegOffsetValue=1")) {
      assertEquals(-1104, post("/api/v3/sor/order", market + "&" + refused).code(), refused);
    }
    assertEquals(
        200, post("/api/v3/sor/order", market + "&strategyId=7&newOrderRespType=ACK").status());
  }

  @Test
  void selfTradePreventionExpiresOneSide() {
    JsonNode asks = client.get("/api/v3/depth?symbol=BTCUSDT&limit=1").json().get("asks").get(0);
    String ask = asks.get(0).asText();
    BigDecimal generated = new BigDecimal(asks.get(1).asText());
    // Our ask queues behind the generated liquidity at the best ask.
    JsonNode maker =
        post(
                "/api/v3/order",
                "symbol=BTCUSDT&side=SELL&type=LIMIT_MAKER&quantity=0.01" + "&price=" + ask)
            .json();
    // Our bid takes the generated liquidity, then meets our own ask: the maker expires.
    String qty = generated.add(new BigDecimal("0.005")).toPlainString();
    JsonNode taker =
        post(
                "/api/v3/order",
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
                    + "&quantity="
                    + qty
                    + "&price="
                    + ask)
            .json();
    assertEquals("PARTIALLY_FILLED", taker.get("status").asText(), taker.toString());
    JsonNode m =
        client
            .signed("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=" + maker.get("orderId"))
            .json();
    assertEquals("EXPIRED_IN_MATCH", m.get("status").asText());
    assertEquals("0.01000000", m.get("preventedQuantity").asText());
    JsonNode prevented =
        client
            .signed(
                "GET",
                "/api/v3/myPreventedMatches",
                "symbol=BTCUSDT&orderId=" + maker.get("orderId"))
            .json();
    assertEquals(1, prevented.size());
    assertEquals(
        List.of(
            "symbol",
            "preventedMatchId",
            "takerOrderId",
            "makerSymbol",
            "makerOrderId",
            "tradeGroupId",
            "selfTradePreventionMode",
            "price",
            "makerPreventedQuantity",
            "transactTime"),
        MarketDataTest.fieldNames(prevented.get(0)));
    assertEquals("EXPIRE_MAKER", prevented.get(0).get("selfTradePreventionMode").asText());
    assertEquals(
        -1128, client.signed("GET", "/api/v3/myPreventedMatches", "symbol=BTCUSDT").code());
    // With EXPIRE_TAKER the incoming order expires instead.
    JsonNode ethAsk = client.get("/api/v3/depth?symbol=ETHBTC&limit=1").json().get("asks").get(0);
    JsonNode maker2 =
        post(
                "/api/v3/order",
                "symbol=ETHBTC&side=SELL&type=LIMIT&timeInForce=GTC"
                    + "&quantity=1&price="
                    + ethAsk.get(0).asText())
            .json();
    String qty2 = new BigDecimal(ethAsk.get(1).asText()).add(BigDecimal.ONE).toPlainString();
    JsonNode taker2 =
        post(
                "/api/v3/order",
                "symbol=ETHBTC&side=BUY&type=LIMIT&timeInForce=GTC"
                    + "&quantity="
                    + qty2
                    + "&price="
                    + ethAsk.get(0).asText()
                    + "&selfTradePreventionMode=EXPIRE_TAKER")
            .json();
    assertEquals("EXPIRED_IN_MATCH", taker2.get("status").asText(), taker2.toString());
    assertTrue(taker2.has("preventedMatchId"));
    assertEquals(
        "NEW",
        client
            .signed("GET", "/api/v3/order", "symbol=ETHBTC&orderId=" + maker2.get("orderId"))
            .json()
            .get("status")
            .asText());
  }

  @Test
  void accountsTradeWithEachOther() {
    String bobKey = "bobKey" + "0".repeat(58);
    try (BinanceSimulator two =
        BinanceSimulator.builder()
            .apiKey(ApiKey.hmac(bobKey, "bobSecret").forAccount("bob"))
            .account("bob", java.util.Map.of("USDT", "50000"))
            .build()
            .start()) {
      TestClient alice = new TestClient(two.baseUrl());
      TestClient bob = alice.withKey(bobKey, "bobSecret");
      JsonNode asks = alice.get("/api/v3/depth?symbol=BTCUSDT&limit=1").json().get("asks").get(0);
      BigDecimal price = new BigDecimal(asks.get(0).asText());
      // Alice's ask queues behind the generated liquidity at the best ask.
      JsonNode sell =
          alice
              .signed(
                  "POST",
                  "/api/v3/order",
                  "symbol=BTCUSDT&side=SELL&type=LIMIT"
                      + "&timeInForce=GTC&quantity=0.1&price="
                      + price)
              .json();
      BigDecimal qty = new BigDecimal(asks.get(1).asText()).add(new BigDecimal("0.1"));
      JsonNode buy =
          bob.signed(
                  "POST",
                  "/api/v3/order",
                  "symbol=BTCUSDT&side=BUY&type=LIMIT"
                      + "&timeInForce=GTC&quantity="
                      + qty.toPlainString()
                      + "&price="
                      + price)
              .json();
      assertEquals("FILLED", buy.get("status").asText(), buy.toString());
      JsonNode mine = alice.signed("GET", "/api/v3/myTrades", "symbol=BTCUSDT").json();
      assertEquals(1, mine.size());
      assertTrue(mine.get(0).get("isMaker").asBoolean());
      assertEquals(sell.get("orderId").asLong(), mine.get(0).get("orderId").asLong());
      assertEquals(0, two.free("demo", "BTC").compareTo(new BigDecimal("0.9")));
      BigDecimal proceeds = price.multiply(new BigDecimal("0.1"));
      BigDecimal fee =
          proceeds.multiply(new BigDecimal("0.001")).setScale(8, java.math.RoundingMode.HALF_UP);
      assertEquals(
          0,
          two.free("demo", "USDT").compareTo(new BigDecimal("10000").add(proceeds).subtract(fee)));
      assertEquals(
          0,
          two.free("bob", "BTC")
              .compareTo(
                  qty.subtract(qty.multiply(new BigDecimal("0.001")))
                      .setScale(8, java.math.RoundingMode.HALF_UP)),
          two.free("bob", "BTC").toPlainString());
    }
  }
}
