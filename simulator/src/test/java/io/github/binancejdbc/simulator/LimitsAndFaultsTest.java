package io.github.binancejdbc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binancejdbc.testing.FakeClock;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request-weight enforcement (429, then 418) and scripted faults. */
class LimitsAndFaultsTest {
  static final long MINUTE_START = 1_700_000_040_000L; // a whole minute

  @Test
  void overTheWeightLimitAnswers429ThenBans() {
    FakeClock clock = new FakeClock(MINUTE_START + 5_000);
    try (BinanceSimulator sim =
        BinanceSimulator.builder().clock(clock).weightLimit(30).build().start()) {
      TestClient c = new TestClient(sim.baseUrl());
      assertEquals("20", c.get("/api/v3/exchangeInfo").header("X-MBX-USED-WEIGHT-1M"));
      assertEquals(
          "22",
          c.get("/api/v3/klines?symbol=BTCUSDT&interval=1d&limit=1")
              .header("X-MBX-USED-WEIGHT-1M"));
      TestClient.Resp limited = c.get("/api/v3/exchangeInfo");
      assertEquals(429, limited.status());
      assertEquals("55", limited.header("Retry-After"));
      assertEquals("22", limited.header("X-MBX-USED-WEIGHT-1M"));
      assertEquals(
          "{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 30 request"
              + " weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the"
              + " API.\"}",
          limited.body());
      // Ignoring the 429 gets the IP banned, for 2 minutes the first time.
      TestClient.Resp banned = c.get("/api/v3/exchangeInfo");
      assertEquals(418, banned.status());
      assertEquals("120", banned.header("Retry-After"));
      long until = MINUTE_START + 5_000 + 120_000;
      assertEquals(
          "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until "
              + until
              + ". Please use WebSocket Streams for live updates to avoid bans.\"}",
          banned.body());
      clock.advance(60_000);
      TestClient.Resp still = c.get("/api/v3/ping");
      assertEquals(418, still.status());
      assertEquals("60", still.header("Retry-After"));
      clock.advance(60_001);
      TestClient.Resp free = c.get("/api/v3/ping");
      assertEquals(200, free.status());
      assertEquals("1", free.header("X-MBX-USED-WEIGHT-1M"));
      // A new window starts from zero; a second ban lasts longer.
      c.get("/api/v3/exchangeInfo");
      c.get("/api/v3/exchangeInfo");
      TestClient.Resp again = c.get("/api/v3/exchangeInfo");
      assertEquals(418, again.status());
      assertEquals("480", again.header("Retry-After"));
      sim.resetRateLimits();
      assertEquals(200, c.get("/api/v3/ping").status());
    }
  }

  @Test
  void weightFollowsTheDocumentedTable() {
    FakeClock clock = new FakeClock(MINUTE_START);
    try (BinanceSimulator sim = BinanceSimulator.builder().clock(clock).build().start()) {
      TestClient c =
          new TestClient(
              sim.baseUrl(),
              BinanceSimulator.DEMO_API_KEY,
              BinanceSimulator.DEMO_SECRET_KEY,
              clock::millis);
      String[][] cases = {
        {"/api/v3/depth?symbol=BTCUSDT", "5"},
        {"/api/v3/depth?symbol=BTCUSDT&limit=500", "25"},
        {"/api/v3/depth?symbol=BTCUSDT&limit=1000", "50"},
        {"/api/v3/depth?symbol=BTCUSDT&limit=5000", "250"},
        {"/api/v3/trades?symbol=BTCUSDT&limit=1", "25"},
        {"/api/v3/aggTrades?symbol=BTCUSDT&limit=1", "4"},
        {"/api/v3/ticker/24hr", "80"},
        {"/api/v3/ticker/24hr?symbol=BTCUSDT", "2"},
        {"/api/v3/ticker?symbols=%5B%22BTCUSDT%22,%22ETHUSDT%22%5D", "8"},
        {"/api/v3/ticker/price", "4"},
        {"/api/v3/avgPrice?symbol=BTCUSDT", "2"},
      };
      int used = 0;
      for (String[] k : cases) {
        used += Integer.parseInt(k[1]);
        assertEquals(Integer.toString(used), c.get(k[0]).header("X-MBX-USED-WEIGHT-1M"), k[0]);
      }
      used += 20;
      assertEquals(
          Integer.toString(used),
          c.signed("GET", "/api/v3/account", "").header("X-MBX-USED-WEIGHT-1M"));
      used += 1; // a rejected order pays its weight
      assertEquals(
          Integer.toString(used),
          c.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=5")
              .header("X-MBX-USED-WEIGHT-1M"));
      // Weight of 0 for a placed order.
      assertEquals(
          Integer.toString(used),
          c.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001")
              .header("X-MBX-USED-WEIGHT-1M"));
      clock.advance(60_000);
      assertEquals("1", c.get("/api/v3/ping").header("X-MBX-USED-WEIGHT-1M"));
    }
  }

  @Test
  void scriptedFaults() {
    try (BinanceSimulator sim = BinanceSimulator.builder().build().start()) {
      TestClient c = new TestClient(sim.baseUrl());
      // Dropped: the socket closes without a byte of response.
      sim.faults().dropNext(1);
      assertEquals(-1, rawGet(sim.port(), "/api/v3/ping"));
      assertEquals(200, c.get("/api/v3/ping").status());
      // A POST is not retried by the JDK client, so the drop surfaces as an I/O error there too,
      // and the order was never placed.
      sim.faults().dropNext(1, "/api/v3/order");
      assertThrows(
          UncheckedIOException.class,
          () ->
              c.signed(
                  "POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001"));
      assertEquals("[]", c.signed("GET", "/api/v3/allOrders", "symbol=BTCUSDT").body());

      sim.faults().failNext(1, 503);
      TestClient.Resp unavailable = c.get("/api/v3/time");
      assertEquals(503, unavailable.status());
      assertEquals(
          "{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend server. Send"
              + " status unknown; execution status unknown.\"}",
          unavailable.body());
      assertEquals(200, c.get("/api/v3/time").status());

      sim.faults().failNext(1, 500, "/api/v3/klines");
      assertEquals(200, c.get("/api/v3/ping").status());
      assertEquals(-1006, c.get("/api/v3/klines?symbol=BTCUSDT&interval=1d&limit=1").code());

      sim.faults().failNextWithCode("/api/v3/depth", -1003);
      TestClient.Resp code = c.get("/api/v3/depth?symbol=BTCUSDT");
      assertEquals(429, code.status());
      assertEquals(-1003, code.code());
      assertEquals(200, c.get("/api/v3/depth?symbol=BTCUSDT").status());

      sim.faults().delayNext(1, Duration.ofMillis(400));
      long t0 = System.nanoTime();
      c.get("/api/v3/ping");
      assertTrue(System.nanoTime() - t0 >= 400_000_000L);

      // The order is placed, but the client hears 503: it must reconcile.
      sim.faults().failNextAfterExecution(1, 503, "/api/v3/order");
      TestClient.Resp unknown =
          c.signed(
              "POST",
              "/api/v3/order",
              "symbol=BTCUSDT&side=BUY&type=LIMIT"
                  + "&timeInForce=GTC&quantity=0.001&price=100000&newClientOrderId=maybePlaced");
      assertEquals(503, unknown.status());
      JsonNode open = c.signed("GET", "/api/v3/openOrders", "symbol=BTCUSDT").json();
      assertEquals("maybePlaced", open.get(0).get("clientOrderId").asText());
      assertTrue(sim.faults().pending().isEmpty());
    }
  }

  /** Sends a bare GET and returns the first byte of the answer (-1: closed without one). */
  @SuppressWarnings("AddressSelection") // an IP literal: there is no name to resolve
  private static int rawGet(int port, String path) {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      s.setSoTimeout(5_000);
      s.getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return s.getInputStream().read();
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  @Test
  void clockSkewMovesServerTime() {
    try (BinanceSimulator sim = BinanceSimulator.builder().build().start()) {
      TestClient c = new TestClient(sim.baseUrl());
      sim.faults().clockSkew(Duration.ofSeconds(-10));
      long server = c.get("/api/v3/time").json().get("serverTime").asLong();
      assertTrue(Math.abs(System.currentTimeMillis() - 10_000 - server) < 2_000);
      assertEquals(-1021, c.signed("GET", "/api/v3/account", "").code());
      sim.faults().clockSkew(Duration.ofSeconds(10));
      assertEquals(
          "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}",
          c.signed("GET", "/api/v3/account", "").body());
      assertEquals(200, c.signed("GET", "/api/v3/account", "recvWindow=15000").status());
      sim.faults().reset();
      assertEquals(200, c.signed("GET", "/api/v3/account", "").status());
    }
  }

  @Test
  void adminEndpointScriptsFaultsOverHttp() {
    try (BinanceSimulator sim = BinanceSimulator.builder().build().start()) {
      TestClient c = new TestClient(sim.baseUrl());
      TestClient.Resp added =
          c.send(
              "POST",
              "/sim/faults",
              "{\"type\":\"fail\",\"count\":2,\"status\":502,\"path\":\"/api/v3/ticker/*\"}",
              Map.of());
      assertEquals(200, added.status(), added.body());
      assertEquals(1, added.json().get("rules").size());
      assertEquals(200, c.get("/api/v3/ping").status());
      assertEquals(502, c.get("/api/v3/ticker/price").status());
      assertEquals(502, c.get("/api/v3/ticker/bookTicker").status());
      assertEquals(200, c.get("/api/v3/ticker/price").status());
      c.send(
          "POST",
          "/sim/faults",
          "{\"type\":\"code\",\"code\":-1021,\"path\":\"/api/v3/account\"}",
          Map.of());
      assertEquals(1, c.get("/sim/faults").json().get("rules").size());
      assertEquals(
          "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}",
          c.signed("GET", "/api/v3/account", "").body());
      c.send("POST", "/sim/faults", "{\"type\":\"drop\",\"count\":3}", Map.of());
      assertEquals(0, c.send("DELETE", "/sim/faults", null, Map.of()).json().get("rules").size());
      assertEquals(200, c.get("/api/v3/ping").status());
      c.send("POST", "/sim/faults", "{\"type\":\"clockSkew\",\"skewMs\":-20000}", Map.of());
      assertEquals(-20_000, sim.faults().clockSkewMillis());
      assertEquals(400, c.send("POST", "/sim/faults", "{\"type\":\"explode\"}", Map.of()).status());
      JsonNode info = c.get("/sim/info").json();
      assertEquals(BinanceSimulator.DEMO_API_KEY, info.get("demoApiKey").asText());
      assertEquals("2025-06-30T00:00:00Z", info.get("marketTime").asText());
      assertEquals(200, c.send("POST", "/sim/limits/reset", "", Map.of()).status());
    }
  }
}
