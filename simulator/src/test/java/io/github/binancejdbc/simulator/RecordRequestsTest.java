package io.github.binancejdbc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The request journal tests read what a client sent from. */
class RecordRequestsTest {
  @Test
  void keepsMethodPathRawQueryBodyAndKeyInArrivalOrderAndForgetsOnClear() {
    try (BinanceSimulator sim = BinanceSimulator.builder().recordRequests().build().start()) {
      TestClient c = new TestClient(sim.baseUrl());
      assertEquals(200, c.get("/api/v3/klines?symbol=BTCUSDT&interval=1d&limit=2").status());
      TestClient.Resp placed =
          c.signedBody(
              "POST", "/api/v3/order/test", "symbol=ETHUSDT&side=SELL&type=MARKET&quantity=0.5");
      assertEquals(200, placed.status(), placed.toString());
      // Unknown paths and failed requests are kept too; the control endpoints are not.
      assertEquals(404, c.get("/api/v3/nothing").status());
      assertEquals(200, c.get("/sim/info").status());

      List<RecordedRequest> seen = sim.requests();
      assertEquals(3, seen.size(), seen.toString());
      assertEquals(
          new RecordedRequest(
              "GET", "/api/v3/klines", "symbol=BTCUSDT&interval=1d&limit=2", "", null),
          seen.get(0));
      RecordedRequest post = seen.get(1);
      assertEquals(
          List.of("POST", "/api/v3/order/test", "", BinanceSimulator.DEMO_API_KEY),
          List.of(post.method(), post.path(), post.query(), post.apiKey()));
      assertTrue(
          post.body()
              .matches(
                  "symbol=ETHUSDT&side=SELL&type=MARKET&quantity=0\\.5&timestamp=\\d+"
                      + "&signature=[0-9a-f]{64}"),
          post.body());
      assertEquals(new RecordedRequest("GET", "/api/v3/nothing", "", "", null), seen.get(2));

      sim.clearRequests();
      assertEquals(List.of(), sim.requests());
      c.get("/api/v3/ping");
      assertEquals(
          List.of(new RecordedRequest("GET", "/api/v3/ping", "", "", null)), sim.requests());
    }
  }

  @Test
  void aSimulatorNotRecordingSaysHowToMakeItRecord() {
    try (BinanceSimulator sim = BinanceSimulator.builder().build().start()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, sim::requests);
      assertEquals("not recording: build with recordRequests()", e.getMessage());
      assertThrows(IllegalStateException.class, sim::clearRequests);
    }
  }
}
