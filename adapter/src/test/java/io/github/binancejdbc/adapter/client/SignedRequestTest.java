package io.github.binancejdbc.adapter.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonToken;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.auth.Signer;
import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.testing.FakeClock;
import io.github.binancejdbc.testing.WireMocks;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signed requests: the API key only where signed, the exact bytes signed, a fresh timestamp from
 * the measured server offset, one re-sync after -1021, and no blind retry of an order.
 */
class SignedRequestTest {
  @RegisterExtension static final WireMockExtension WM = WireMocks.lenient();

  private static final String SECRET = "test-secret-do-not-use";
  private static final BodyReader<String> RAW =
      p -> {
        StringBuilder sb = new StringBuilder();
        while (p.nextToken() != null) {
          if (p.currentToken() == JsonToken.VALUE_STRING || p.currentToken().isNumeric()) {
            sb.append(p.getText()).append(' ');
          }
        }
        return sb.toString().strip();
      };

  private final FakeClock clock = new FakeClock(Instant.parse("2024-01-01T00:00:00Z"));

  private BinanceHttp http() {
    BinanceConfig config =
        BinanceConfig.newBuilder()
            .baseUrl(WM.baseUrl())
            .apiKey("test-api-key")
            .secretKey(SECRET)
            .recvWindowMillis(7000)
            .clock(clock)
            .sleeper(new RecordingSleeper(clock))
            .build();
    return new BinanceHttp(
        config, new WeightGovernor(WM.baseUrl(), clock, new RecordingSleeper(clock)));
  }

  private void serverTime(long millis) {
    WM.stubFor(
        get(urlPathEqualTo("/api/v3/time")).willReturn(okJson("{\"serverTime\":" + millis + "}")));
  }

  @Test
  void signedGetCarriesKeyTimestampAndAVerifiableSignature() {
    serverTime(Instant.parse("2024-01-01T00:00:02Z").toEpochMilli());
    WM.stubFor(get(urlPathEqualTo("/api/v3/account")).willReturn(okJson("{\"uid\":42}")));
    try (BinanceHttp http = http()) {
      assertEquals(
          "42",
          http.signed(
              Method.GET, "/api/v3/account", List.of(Param.of("omitZeroBalances", true)), 20, RAW));
      assertEquals(2000L, http.serverOffsetMillis());
    }
    LoggedRequest r = WM.findAll(getRequestedFor(urlPathEqualTo("/api/v3/account"))).get(0);
    String query = r.getUrl().substring(r.getUrl().indexOf('?') + 1);
    assertTrue(
        query.startsWith(
            "omitZeroBalances=true&recvWindow=7000&timestamp=1704067202000" + "&signature="),
        query);
    String payload = query.substring(0, query.indexOf("&signature="));
    assertEquals(
        Signer.hmac(SECRET).sign(payload), query.substring(query.indexOf("&signature=") + 11));
    assertEquals("test-api-key", r.getHeader("X-MBX-APIKEY"));
    WM.verify(getRequestedFor(urlPathEqualTo("/api/v3/time")).withHeader("X-MBX-APIKEY", absent()));
  }

  @Test
  void postSignsTheFormBody() {
    serverTime(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
    WM.stubFor(
        any(urlPathEqualTo("/api/v3/order"))
            .willReturn(okJson("{\"orderId\":7,\"status\":\"NEW\"}")));
    try (BinanceHttp http = http()) {
      assertEquals(
          "7 NEW",
          http.signed(
              Method.POST,
              "/api/v3/order",
              List.of(
                  Param.of("symbol", "BTCUSDT"),
                  Param.of("side", "BUY"),
                  Param.of("type", "LIMIT"),
                  Param.of("quantity", "0.00100000"),
                  Param.of("price", "20000.1")),
              1,
              RAW));
    }
    LoggedRequest r = WM.findAll(postRequestedFor(urlPathEqualTo("/api/v3/order"))).get(0);
    assertFalse(r.getUrl().contains("?"), r.getUrl());
    String body = r.getBodyAsString();
    assertTrue(
        body.startsWith(
            "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.00100000"
                + "&price=20000.1&recvWindow=7000&timestamp="),
        body);
    String payload = body.substring(0, body.indexOf("&signature="));
    assertEquals(
        Signer.hmac(SECRET).sign(payload), body.substring(body.indexOf("&signature=") + 11));
    assertEquals(
        "application/x-www-form-urlencoded", r.getHeader("Content-Type").split(";", -1)[0]);
  }

  @Test
  void invalidTimestampResyncsTheClockAndRetriesOnce() {
    WM.stubFor(
        get(urlPathEqualTo("/api/v3/time"))
            .inScenario("clock")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("{\"serverTime\":1704067200000}"))
            .willSetStateTo("skewed"));
    WM.stubFor(
        get(urlPathEqualTo("/api/v3/time"))
            .inScenario("clock")
            .whenScenarioStateIs("skewed")
            .willReturn(okJson("{\"serverTime\":1704067209000}")));
    WM.stubFor(
        get(urlPathEqualTo("/api/v3/openOrders"))
            .inScenario("skew")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"code\":-1021,\"msg\":\"Timestamp for"
                            + " this request is outside of the recvWindow.\"}"))
            .willSetStateTo("ok"));
    WM.stubFor(
        get(urlPathEqualTo("/api/v3/openOrders"))
            .inScenario("skew")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("[]")));
    try (BinanceHttp http = http()) {
      assertEquals("", http.signed(Method.GET, "/api/v3/openOrders", List.of(), 6, RAW));
      assertEquals(9000L, http.serverOffsetMillis());
    }
    List<LoggedRequest> sent = WM.findAll(getRequestedFor(urlPathEqualTo("/api/v3/openOrders")));
    assertEquals(2, sent.size());
    assertTrue(sent.get(0).getUrl().contains("timestamp=1704067200000"), sent.get(0).getUrl());
    assertTrue(sent.get(1).getUrl().contains("timestamp=1704067209000"), sent.get(1).getUrl());
    WM.verify(2, getRequestedFor(urlPathEqualTo("/api/v3/time")));
  }

  @Test
  void aSecondInvalidTimestampIsReported() {
    serverTime(0);
    WM.stubFor(
        get(urlPathEqualTo("/api/v3/openOrders"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"code\":-1021,\"msg\":\"Timestamp for this request was 1000ms ahead of the"
                            + " server's time.\"}")));
    try (BinanceHttp http = http()) {
      BinanceException e =
          assertThrows(
              BinanceException.class,
              () -> http.signed(Method.GET, "/api/v3/openOrders", List.of(), 6, RAW));
      assertEquals(-1021, e.vendorCode());
      assertEquals("22023", e.sqlState());
      assertTrue(e.getMessage().contains("1000ms ahead"), e.getMessage());
      assertFalse(e.getMessage().contains("signature=") && !e.getMessage().contains("****"));
    }
    WM.verify(2, getRequestedFor(urlPathEqualTo("/api/v3/openOrders")));
  }

  @Test
  void anOrderIsNeverRetriedAfterA5xxOrADroppedConnection() {
    serverTime(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
    WM.stubFor(
        any(urlPathEqualTo("/api/v3/order"))
            .withHeader("X-Fault", absent())
            .willReturn(aResponse().withStatus(503)));
    try (BinanceHttp http = http()) {
      BinanceException e =
          assertThrows(
              BinanceException.class,
              () ->
                  http.signed(
                      Method.POST,
                      "/api/v3/order",
                      List.of(Param.of("symbol", "BTCUSDT")),
                      1,
                      RAW));
      assertTrue(e.outcomeUnknown());
      assertTrue(
          e.getMessage()
              .endsWith("(execution status unknown: the request may have been" + " executed)"),
          e.getMessage());
      WM.stubFor(
          any(urlPathEqualTo("/api/v3/order"))
              .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
      BinanceException reset =
          assertThrows(
              BinanceException.class,
              () ->
                  http.signed(
                      Method.DELETE,
                      "/api/v3/order",
                      List.of(Param.of("symbol", "BTCUSDT")),
                      1,
                      RAW));
      assertTrue(reset.outcomeUnknown());
      WM.stubFor(
          any(urlPathEqualTo("/api/v3/order"))
              .willReturn(
                  aResponse()
                      .withStatus(400)
                      .withBody(
                          "{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend server."
                              + " Send status unknown; execution status unknown.\"}")));
      BinanceException timeout =
          assertThrows(
              BinanceException.class,
              () ->
                  http.signed(
                      Method.POST,
                      "/api/v3/order",
                      List.of(Param.of("symbol", "BTCUSDT")),
                      1,
                      RAW));
      assertTrue(timeout.outcomeUnknown());
      assertEquals(-1007, timeout.vendorCode());
    }
    WM.verify(2, postRequestedFor(urlPathEqualTo("/api/v3/order")));
  }

  @Test
  void withoutCredentialsNothingIsSent() {
    BinanceConfig config = BinanceConfig.newBuilder().baseUrl(WM.baseUrl()).build();
    try (BinanceHttp http = new BinanceHttp(config)) {
      BinanceException e =
          assertThrows(
              BinanceException.class,
              () -> http.signed(Method.GET, "/api/v3/account", List.of(), 20, RAW));
      assertEquals("28000", e.sqlState());
      assertTrue(
          e.getMessage()
              .startsWith(
                  "GET /api/v3/account is a signed endpoint: set apiKey" + " and secretKey"),
          e.getMessage());
    }
    WM.verify(0, getRequestedFor(urlPathEqualTo("/api/v3/account")));
    WM.verify(0, getRequestedFor(urlPathEqualTo("/api/v3/time")));
  }

  @Test
  void unsignedRequestsNeverCarryTheKey() {
    WM.stubFor(get(urlPathEqualTo("/api/v3/ticker/price")).willReturn(okJson("{\"price\":\"1\"}")));
    try (BinanceHttp http = http()) {
      http.get("/api/v3/ticker/price", List.of(Param.of("symbol", "BTCUSDT")), 2, RAW);
    }
    WM.verify(
        getRequestedFor(urlPathEqualTo("/api/v3/ticker/price"))
            .withHeader("X-MBX-APIKEY", absent())
            .withQueryParam("symbol", equalTo("BTCUSDT")));
  }
}
