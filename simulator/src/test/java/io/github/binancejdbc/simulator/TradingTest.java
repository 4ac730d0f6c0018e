package io.github.binancejdbc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order placement, matching, balances, filters and order queries of the demo account. */
class TradingTest {
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

  TestClient.Resp order(String query) {
    return client.signed("POST", "/api/v3/order", query);
  }

  JsonNode book(String symbol, int limit) {
    return client.get("/api/v3/depth?symbol=" + symbol + "&limit=" + limit).json();
  }

  static BigDecimal dec(JsonNode n) {
    return new BigDecimal(n.asText());
  }

  BigDecimal free(String asset) {
    return sim.free(BinanceSimulator.DEMO_ACCOUNT, asset);
  }

  BigDecimal locked(String asset) {
    return sim.locked(BinanceSimulator.DEMO_ACCOUNT, asset);
  }

  @Test
  void marketBuyWalksTheAsksAndPaysCommissionInBase() {
    JsonNode before = book("BTCUSDT", 20);
    String weightBefore = client.get("/api/v3/ping").header("X-MBX-USED-WEIGHT-1M");
    TestClient.Resp r = order("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.08");
    // Successful placement costs no weight.
    assertEquals(
        Integer.parseInt(weightBefore) + 1,
        Integer.parseInt(client.get("/api/v3/ping").header("X-MBX-USED-WEIGHT-1M")));
    assertEquals(200, r.status(), r.body());
    JsonNode o = r.json();
    assertEquals(
        List.of(
            "symbol",
            "orderId",
            "orderListId",
            "clientOrderId",
            "transactTime",
            "price",
            "origQty",
            "executedQty",
            "origQuoteOrderQty",
            "cummulativeQuoteQty",
            "status",
            "timeInForce",
            "type",
            "side",
            "workingTime",
            "fills",
            "selfTradePreventionMode"),
        MarketDataTest.fieldNames(o));
    assertEquals("FILLED", o.get("status").asText());
    assertEquals("0.00000000", o.get("price").asText());
    assertEquals("0.08000000", o.get("executedQty").asText());
    assertEquals(-1, o.get("orderListId").asLong());
    assertEquals(22, o.get("clientOrderId").asText().length());
    BigDecimal qty = BigDecimal.ZERO;
    BigDecimal quote = BigDecimal.ZERO;
    BigDecimal commission = BigDecimal.ZERO;
    BigDecimal lastPrice = BigDecimal.ZERO;
    int level = 0;
    for (JsonNode f : o.get("fills")) {
      assertEquals(
          List.of("price", "qty", "commission", "commissionAsset", "tradeId"),
          MarketDataTest.fieldNames(f));
      BigDecimal p = dec(f.get("price"));
      assertEquals(before.get("asks").get(level++).get(0).asText(), f.get("price").asText());
      assertTrue(p.compareTo(lastPrice) > 0);
      lastPrice = p;
      qty = qty.add(dec(f.get("qty")));
      quote = quote.add(p.multiply(dec(f.get("qty"))).setScale(8, RoundingMode.DOWN));
      assertEquals("BTC", f.get("commissionAsset").asText());
      assertEquals(
          0,
          dec(f.get("qty"))
              .multiply(new BigDecimal("0.001"))
              .setScale(8, RoundingMode.HALF_UP)
              .compareTo(dec(f.get("commission"))));
      commission = commission.add(dec(f.get("commission")));
    }
    assertTrue(o.get("fills").size() > 1, "0.08 BTC takes several levels");
    assertEquals(0, qty.compareTo(new BigDecimal("0.08")));
    assertEquals(0, quote.compareTo(dec(o.get("cummulativeQuoteQty"))));
    assertEquals(0, free("USDT").compareTo(new BigDecimal("10000").subtract(quote)));
    assertEquals(0, free("BTC").compareTo(new BigDecimal("1.08").subtract(commission)));
    // Trade ids continue the symbol's public history.
    long lastHistoric =
        client.get("/api/v3/trades?symbol=BTCUSDT&limit=1").json().get(0).get("id").asLong();
    assertEquals(lastHistoric + 1, o.get("fills").get(0).get("tradeId").asLong());
    // The book lost that liquidity; the last price moved.
    JsonNode after = book("BTCUSDT", 5);
    assertNotEquals(before.get("lastUpdateId"), after.get("lastUpdateId"));
    assertTrue(dec(after.get("asks").get(0).get(0)).compareTo(lastPrice) >= 0);
    assertEquals(
        lastPrice.setScale(8).toPlainString(),
        client.get("/api/v3/ticker/price?symbol=BTCUSDT").json().get("price").asText());
    // Headers carry the unfilled-order counts (a filled order leaves the count at once).
    assertEquals("0", r.header("X-MBX-ORDER-COUNT-10S"));
    assertNotNull(r.header("X-MBX-ORDER-COUNT-1D"));
    JsonNode trades = client.signed("GET", "/api/v3/myTrades", "symbol=BTCUSDT").json();
    assertEquals(o.get("fills").size(), trades.size());
    JsonNode t = trades.get(0);
    assertEquals(
        List.of(
            "symbol",
            "id",
            "orderId",
            "orderListId",
            "price",
            "qty",
            "quoteQty",
            "commission",
            "commissionAsset",
            "time",
            "isBuyer",
            "isMaker",
            "isBestMatch"),
        MarketDataTest.fieldNames(t));
    assertTrue(t.get("isBuyer").asBoolean());
    assertEquals(o.get("orderId").asLong(), t.get("orderId").asLong());
  }

  @Test
  void marketOrderByQuoteQuantity() {
    JsonNode o = order("symbol=ETHUSDT&side=BUY&type=MARKET&quoteOrderQty=100").json();
    assertEquals("FILLED", o.get("status").asText());
    assertEquals("100.00000000", o.get("origQuoteOrderQty").asText());
    assertEquals(o.get("origQty"), o.get("executedQty"));
    BigDecimal spent = dec(o.get("cummulativeQuoteQty"));
    assertTrue(
        spent.compareTo(new BigDecimal("100")) <= 0 && spent.compareTo(new BigDecimal("99")) > 0);
    JsonNode sell = order("symbol=ETHUSDT&side=SELL&type=MARKET&quoteOrderQty=50").json();
    assertEquals("FILLED", sell.get("status").asText());
    assertEquals("USDT", sell.get("fills").get(0).get("commissionAsset").asText());
  }

  @Test
  void limitOrderRestsLocksFundsAndCancels() {
    TestClient.Resp placed =
        order(
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=0.01&price=107000&newClientOrderId=myBid1");
    assertEquals(200, placed.status(), placed.body());
    JsonNode o = placed.json();
    assertEquals("NEW", o.get("status").asText());
    assertEquals("[]", o.get("fills").toString());
    assertEquals("myBid1", o.get("clientOrderId").asText());
    assertEquals("1", placed.header("X-MBX-ORDER-COUNT-10S"));
    assertEquals(0, locked("USDT").compareTo(new BigDecimal("1070")));
    assertEquals(0, free("USDT").compareTo(new BigDecimal("8930")));
    boolean shown = false;
    for (JsonNode l : book("BTCUSDT", 5000).get("bids")) {
      shown |=
          l.get(0).asText().equals("107000.00000000")
              && dec(l.get(1)).compareTo(new BigDecimal("0.01")) >= 0;
    }
    assertTrue(shown, "the order rests on the public book");
    long id = o.get("orderId").asLong();
    JsonNode q = client.signed("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=" + id).json();
    assertEquals(
        List.of(
            "symbol",
            "orderId",
            "orderListId",
            "clientOrderId",
            "price",
            "origQty",
            "executedQty",
            "cummulativeQuoteQty",
            "status",
            "timeInForce",
            "type",
            "side",
            "stopPrice",
            "icebergQty",
            "time",
            "updateTime",
            "isWorking",
            "workingTime",
            "origQuoteOrderQty",
            "selfTradePreventionMode"),
        MarketDataTest.fieldNames(q));
    assertTrue(q.get("isWorking").asBoolean());
    assertEquals(
        q, client.signed("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=myBid1").json());
    assertEquals(1, client.signed("GET", "/api/v3/openOrders", "symbol=BTCUSDT").json().size());
    assertEquals(1, client.signed("GET", "/api/v3/openOrders", "").json().size());
    assertEquals(
        -2010,
        order(
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
                    + "&quantity=0.01&price=99000&newClientOrderId=myBid1")
            .code());
    TestClient.Resp cancel =
        client.signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=" + id);
    JsonNode c = cancel.json();
    assertEquals(
        List.of(
            "symbol",
            "origClientOrderId",
            "orderId",
            "orderListId",
            "clientOrderId",
            "transactTime",
            "price",
            "origQty",
            "executedQty",
            "origQuoteOrderQty",
            "cummulativeQuoteQty",
            "status",
            "timeInForce",
            "type",
            "side",
            "selfTradePreventionMode"),
        MarketDataTest.fieldNames(c));
    assertEquals("CANCELED", c.get("status").asText());
    assertEquals("myBid1", c.get("origClientOrderId").asText());
    assertEquals(0, locked("USDT").signum());
    assertEquals(0, free("USDT").compareTo(new BigDecimal("10000")));
    assertEquals(
        "{\"code\":-2011,\"msg\":\"Unknown order sent.\"}",
        client.signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=" + id).body());
    assertEquals(
        "CANCELED",
        client
            .signed("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=" + id)
            .json()
            .get("status")
            .asText());
    // The client order id is free again once the order is closed.
    assertEquals(
        200,
        order(
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
                    + "&quantity=0.01&price=99000&newClientOrderId=myBid1")
            .status());
    assertEquals(
        "{\"code\":-2013,\"msg\":\"Order does not exist.\"}",
        client.signed("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=999999").body());
    assertEquals(
        "{\"code\":-1102,\"msg\":\"Param 'orderId' or 'origClientOrderId' must be sent, but both were empty/null!\"}",
        client.signed("GET", "/api/v3/order", "symbol=BTCUSDT").body());
  }

  @Test
  void crossingLimitTakesAndLimitMakerIsRefused() {
    JsonNode top = book("BTCUSDT", 1);
    String bid = top.get("bids").get(0).get(0).asText();
    String ask = top.get("asks").get(0).get(0).asText();
    JsonNode sell =
        order(
                "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.001&price="
                    + new BigDecimal(bid).subtract(new BigDecimal("5")))
            .json();
    assertEquals("FILLED", sell.get("status").asText());
    assertEquals(bid, sell.get("fills").get(0).get("price").asText());
    TestClient.Resp maker =
        order("symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.001&price=" + ask);
    assertEquals(
        "{\"code\":-2010,\"msg\":\"Order would immediately match and take.\"}", maker.body());
    JsonNode ack =
        order("symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.001&price=90000").json();
    assertEquals(
        List.of("symbol", "orderId", "orderListId", "clientOrderId", "transactTime"),
        MarketDataTest.fieldNames(ack));
  }

  @Test
  void timeInForceIocAndFok() {
    sim.deposit(BinanceSimulator.DEMO_ACCOUNT, "USDT", "100000");
    JsonNode asks = book("ETHUSDT", 3).get("asks");
    BigDecimal topQty = dec(asks.get(0).get(1));
    String price = asks.get(0).get(0).asText();
    JsonNode ioc =
        order(
                "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=IOC&price="
                    + price
                    + "&quantity="
                    + topQty.add(new BigDecimal("1")).toPlainString())
            .json();
    assertEquals("EXPIRED", ioc.get("status").asText());
    assertEquals(0, dec(ioc.get("executedQty")).compareTo(topQty));
    JsonNode fok =
        order(
                "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=FOK&quantity=30&price="
                    + asks.get(1).get(0).asText())
            .json();
    assertEquals("EXPIRED", fok.get("status").asText());
    assertEquals("0.00000000", fok.get("executedQty").asText());
    assertEquals(0, fok.get("fills").size());
  }

  @Test
  void filtersRejectWithBinanceMessages() {
    assertEquals(
        "{\"code\":-1013,\"msg\":\"Filter failure: LOT_SIZE\"}",
        order("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.000001&price=100000")
            .body());
    assertEquals(
        "{\"code\":-1013,\"msg\":\"Filter failure: PRICE_FILTER\"}",
        order("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=100000.001")
            .body());
    assertEquals(
        "{\"code\":-1013,\"msg\":\"Filter failure: NOTIONAL\"}",
        order("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.00001&price=100000")
            .body());
    assertEquals(
        "{\"code\":-1013,\"msg\":\"Filter failure: PERCENT_PRICE_BY_SIDE\"}",
        order("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=1000")
            .body());
    assertEquals(
        "{\"code\":-1013,\"msg\":\"Filter failure: MARKET_LOT_SIZE\"}",
        order("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=101").body());
    assertEquals(
        "{\"code\":-1111,\"msg\":\"Parameter 'quantity' has too much precision.\"}",
        order("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.000000001").body());
    assertEquals(
        "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}",
        order("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1").body());
    assertEquals(
        -2010,
        order("symbol=ETHUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=11&price=3000").code());
    assertEquals(
        "{\"code\":-1013,\"msg\":\"Market is closed.\"}",
        order("symbol=LUNAUSDT&side=BUY&type=MARKET&quantity=1").body());
    assertEquals(
        -1013,
        order(
                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
                    + "&quantity=0.002&price=100000&icebergQty=0.00001")
            .code());
  }

  @Test
  void parameterRulesPerOrderType() {
    assertEquals(
        "{\"code\":-1102,\"msg\":\"Mandatory parameter 'price' was not sent, was empty/null, or malformed.\"}",
        order("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001").body());
    assertEquals(
        "{\"code\":-1102,\"msg\":\"Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed.\"}",
        order("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.001&price=100000").body());
    assertEquals(
        "{\"code\":-1106,\"msg\":\"Parameter 'price' sent when not required.\"}",
        order("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&price=1").body());
    assertEquals(
        "{\"code\":-1114,\"msg\":\"TimeInForce parameter sent when not required.\"}",
        order("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&timeInForce=GTC").body());
    assertEquals(
        "{\"code\":-1102,\"msg\":\"Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!\"}",
        order("symbol=BTCUSDT&side=BUY&type=MARKET").body());
    assertEquals(
        "{\"code\":-1102,\"msg\":\"Param 'stopPrice' or 'trailingDelta' must be sent, but both were empty/null!\"}",
        order("symbol=BTCUSDT&side=SELL&type=STOP_LOSS&quantity=0.001").body());
    assertEquals(
        "{\"code\":-1117,\"msg\":\"Invalid side.\"}",
        order("symbol=BTCUSDT&side=HOLD&type=MARKET&quantity=0.001").body());
    assertEquals(
        "{\"code\":-1116,\"msg\":\"Invalid orderType.\"}",
        order("symbol=BTCUSDT&side=BUY&type=SPOT&quantity=0.001").body());
    assertEquals(
        "{\"code\":-1115,\"msg\":\"Invalid timeInForce.\"}",
        order("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=DAY&quantity=0.001&price=100000")
            .body());
    assertEquals(-1100, order("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1e-3").code());
    assertEquals(
        -1013,
        order("symbol=BTCUSDT&side=SELL&type=STOP_LOSS&quantity=0.001&trailingDelta=5").code());
  }

  @Test
  void stopOrdersWaitForTheirTrigger() {
    JsonNode bids = book("BTCUSDT", 10).get("bids");
    String last = client.get("/api/v3/ticker/price?symbol=BTCUSDT").json().get("price").asText();
    assertEquals(
        "{\"code\":-2010,\"msg\":\"Order would trigger immediately.\"}",
        order(
                "symbol=BTCUSDT&side=SELL&type=STOP_LOSS&quantity=0.01&stopPrice="
                    + new BigDecimal(last).add(BigDecimal.ONE))
            .body());
    String stop = bids.get(3).get(0).asText();
    JsonNode o =
        order("symbol=BTCUSDT&side=SELL&type=STOP_LOSS&quantity=0.01&stopPrice=" + stop).json();
    assertEquals(
        List.of("symbol", "orderId", "orderListId", "clientOrderId", "transactTime"),
        MarketDataTest.fieldNames(o),
        "STOP_LOSS answers ACK by default");
    long id = o.get("orderId").asLong();
    JsonNode waiting = client.signed("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=" + id).json();
    assertEquals("NEW", waiting.get("status").asText());
    assertEquals(-1, waiting.get("workingTime").asLong());
    assertTrue(!waiting.get("isWorking").asBoolean());
    assertEquals(0, locked("BTC").compareTo(new BigDecimal("0.01")));
    // Our own market sell walks the bids down through the stop, which then fires.
    BigDecimal depth = BigDecimal.ZERO;
    for (int i = 0; i <= 3; i++) {
      depth = depth.add(dec(bids.get(i).get(1)));
    }
    order("symbol=BTCUSDT&side=SELL&type=MARKET&quantity=" + depth.setScale(5, RoundingMode.UP));
    JsonNode fired = client.signed("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=" + id).json();
    assertEquals("FILLED", fired.get("status").asText(), fired.toString());
    assertTrue(fired.get("workingTime").asLong() > 0);
    assertEquals(0, locked("BTC").signum());
  }

  @Test
  void orderHistoryQueriesAndTheirRules() {
    for (int i = 0; i < 3; i++) {
      order("symbol=BNBUSDT&side=BUY&type=MARKET&quantity=0.1");
    }
    JsonNode all = client.signed("GET", "/api/v3/allOrders", "symbol=BNBUSDT").json();
    assertEquals(3, all.size());
    long second = all.get(1).get("orderId").asLong();
    assertEquals(
        2,
        client
            .signed("GET", "/api/v3/allOrders", "symbol=BNBUSDT&orderId=" + second)
            .json()
            .size());
    assertEquals(
        1, client.signed("GET", "/api/v3/allOrders", "symbol=BNBUSDT&limit=1").json().size());
    long now = System.currentTimeMillis();
    assertEquals(
        "{\"code\":-1127,\"msg\":\"More than 24 hours between startTime and endTime.\"}",
        client
            .signed(
                "GET",
                "/api/v3/allOrders",
                "symbol=BNBUSDT&startTime=" + (now - 90_000_000L) + "&endTime=" + now)
            .body());
    assertEquals(
        3,
        client
            .signed(
                "GET",
                "/api/v3/allOrders",
                "symbol=BNBUSDT&startTime=" + (now - 60_000) + "&endTime=" + (now + 60_000))
            .json()
            .size());
    JsonNode trades = client.signed("GET", "/api/v3/myTrades", "symbol=BNBUSDT").json();
    assertTrue(trades.size() >= 3);
    long firstTrade = trades.get(0).get("id").asLong();
    assertEquals(
        trades.size() - 1,
        client
            .signed("GET", "/api/v3/myTrades", "symbol=BNBUSDT&fromId=" + (firstTrade + 1))
            .json()
            .size());
    JsonNode byOrder =
        client.signed("GET", "/api/v3/myTrades", "symbol=BNBUSDT&orderId=" + second).json();
    byOrder.forEach(t -> assertEquals(second, t.get("orderId").asLong()));
    assertEquals(
        -1128,
        client
            .signed(
                "GET", "/api/v3/myTrades", "symbol=BNBUSDT&orderId=" + second + "&startTime=" + now)
            .code());
    assertEquals(
        -1128,
        client.signed("GET", "/api/v3/myTrades", "symbol=BNBUSDT&fromId=1&endTime=" + now).code());
    assertEquals(
        -1127,
        client
            .signed("GET", "/api/v3/myTrades", "symbol=BNBUSDT&startTime=0&endTime=" + now)
            .code());
    assertEquals(0, client.signed("GET", "/api/v3/myTrades", "symbol=ETHBTC").json().size());
  }

  @Test
  void accountShowsBalancesAndCommissions() {
    JsonNode a = client.signed("GET", "/api/v3/account", "").json();
    assertEquals(
        List.of(
            "makerCommission",
            "takerCommission",
            "buyerCommission",
            "sellerCommission",
            "commissionRates",
            "canTrade",
            "canWithdraw",
            "canDeposit",
            "brokered",
            "requireSelfTradePrevention",
            "preventSor",
            "updateTime",
            "accountType",
            "balances",
            "permissions",
            "uid"),
        MarketDataTest.fieldNames(a));
    assertEquals(
        "{\"maker\":\"0.00100000\",\"taker\":\"0.00100000\",\"buyer\":\"0.00000000\","
            + "\"seller\":\"0.00000000\"}",
        a.get("commissionRates").toString());
    assertEquals(
        "[{\"asset\":\"BNB\",\"free\":\"100.00000000\",\"locked\":\"0.00000000\"},"
            + "{\"asset\":\"BTC\",\"free\":\"1.00000000\",\"locked\":\"0.00000000\"},"
            + "{\"asset\":\"ETH\",\"free\":\"10.00000000\",\"locked\":\"0.00000000\"},"
            + "{\"asset\":\"LUNA\",\"free\":\"0.00000000\",\"locked\":\"0.00000000\"},"
            + "{\"asset\":\"USDT\",\"free\":\"10000.00000000\",\"locked\":\"0.00000000\"}]",
        a.get("balances").toString());
    assertEquals(
        4,
        client
            .signed("GET", "/api/v3/account", "omitZeroBalances=true")
            .json()
            .get("balances")
            .size());
    sim.deposit(BinanceSimulator.DEMO_ACCOUNT, "LUNA", "12.5");
    assertEquals(0, free("LUNA").compareTo(new BigDecimal("12.5")));
    JsonNode c = client.signed("GET", "/api/v3/account/commission", "symbol=BTCUSDT").json();
    assertEquals(
        List.of("symbol", "standardCommission", "specialCommission", "taxCommission", "discount"),
        MarketDataTest.fieldNames(c));
    assertEquals("0.00100000", c.get("standardCommission").get("taker").asText());
    JsonNode f = client.signed("GET", "/api/v3/myFilters", "symbol=ETHBTC").json();
    assertEquals(
        List.of("exchangeFilters", "symbolFilters", "assetFilters"), MarketDataTest.fieldNames(f));
    assertEquals("PRICE_FILTER", f.get("symbolFilters").get(0).get("filterType").asText());
    JsonNode limits = client.signed("GET", "/api/v3/rateLimit/order", "").json();
    assertEquals(
        "[{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,"
            + "\"limit\":50,\"count\":0},{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\","
            + "\"intervalNum\":1,\"limit\":160000,\"count\":0}]",
        limits.toString());
    assertEquals(
        "{}",
        client
            .signed(
                "POST", "/api/v3/order/test", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001")
            .body());
    JsonNode rates =
        client
            .signed(
                "POST",
                "/api/v3/order/test",
                "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&computeCommissionRates=true")
            .json();
    assertEquals(
        List.of(
            "standardCommissionForOrder",
            "specialCommissionForOrder",
            "taxCommissionForOrder",
            "discount"),
        MarketDataTest.fieldNames(rates));
    assertEquals(
        -1013,
        client
            .signed(
                "POST",
                "/api/v3/order/test",
                "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.0000001")
            .code());
  }

  @Test
  void unfilledOrderCountIsLimited() {
    // A stopped clock: the three orders fall in one 10-second window even when the test runs
    // across a window's end (it once did, and the third order was accepted).
    Clock stopped = Clock.fixed(Instant.now(), ZoneOffset.UTC);
    try (BinanceSimulator small =
        BinanceSimulator.builder().clock(stopped).orderLimits(2, 100).build().start()) {
      TestClient c = new TestClient(small.baseUrl());
      String q = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=90000";
      assertEquals(200, c.signed("POST", "/api/v3/order", q).status());
      assertEquals(200, c.signed("POST", "/api/v3/order", q).status());
      TestClient.Resp third = c.signed("POST", "/api/v3/order", q);
      assertEquals(429, third.status());
      assertEquals(
          "{\"code\":-1015,\"msg\":\"Too many new orders; current limit is 2 orders per 10 SECOND.\"}",
          third.body());
      JsonNode cancelled = c.signed("DELETE", "/api/v3/openOrders", "symbol=BTCUSDT").json();
      assertEquals(2, cancelled.size());
      assertEquals("CANCELED", cancelled.get(0).get("status").asText());
      assertEquals(-2011, c.signed("DELETE", "/api/v3/openOrders", "symbol=BTCUSDT").code());
    }
  }
}
