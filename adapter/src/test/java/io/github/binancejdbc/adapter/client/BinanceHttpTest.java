package io.github.binancejdbc.adapter.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonToken;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.ErrorKind;
import io.github.binancejdbc.testing.FakeClock;
import io.github.binancejdbc.testing.WireMocks;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BinanceHttpTest {
  @RegisterExtension static final WireMockExtension WM = WireMocks.strict();

  private static final String KLINES_URL = "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=2";
  private static final List<Param> KLINES_PARAMS =
      List.of(Param.of("symbol", "BTCUSDT"), Param.of("interval", "1m"), Param.of("limit", 2));
  private static final String KLINES_BODY =
      "[[1704067200000,\"42000.01\",\"x\",\"x\",\"x\",\"x\",1704067259999,\"x\",3,\"x\",\"x\",\"0\"],"
          + "[1704067260000,\"42001.50\",\"x\",\"x\",\"x\",\"x\",1704067319999,\"x\",4,\"x\",\"x\",\"0\"]]";

  /** Reads "openTime/open" per kline; a non-array body is an unexpected shape. */
  private static final BodyReader<List<String>> KLINES =
      p -> {
        JsonToken first = p.nextToken();
        if (first != JsonToken.START_ARRAY) {
          throw new IllegalStateException("expected an array of klines but got " + first);
        }
        List<String> rows = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
          p.nextToken();
          long openTime = p.getLongValue();
          p.nextToken();
          String open = p.getText();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
          }
          rows.add(openTime + "/" + open);
        }
        return rows;
      };

  /** Reads {"serverTime": n}. */
  private static final BodyReader<Long> SERVER_TIME =
      p -> {
        long time = -1;
        p.nextToken();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          if ("serverTime".equals(name)) {
            time = p.getLongValue();
          }
        }
        return time;
      };

  private final FakeClock clock = new FakeClock(Instant.parse("2024-01-01T00:00:10Z"));
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final List<BinanceHttp> opened = new ArrayList<>();
  private WeightGovernor governor;
  private BinanceHttp http;

  @BeforeEach
  void setUp() {
    governor = new WeightGovernor(WM.baseUrl(), clock, sleeper);
    http = http(3);
  }

  @AfterEach
  void tearDown() {
    opened.forEach(BinanceHttp::close);
  }

  @Test
  void successfulGetIsParsedAndItsUsedWeightFedToTheGovernor() {
    WM.stubFor(
        get(urlEqualTo(KLINES_URL))
            .willReturn(okJson(KLINES_BODY).withHeader("X-MBX-USED-WEIGHT-1M", "42")));

    List<String> rows = http.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES);

    assertEquals(List.of("1704067200000/42000.01", "1704067260000/42001.50"), rows);
    WM.verify(
        1,
        getRequestedFor(urlEqualTo(KLINES_URL))
            .withHeader("User-Agent", matching("binance-jdbc/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?")));
    assertEquals(42, governor.usedInWindow());
    assertEquals(List.of(), sleeper.sleeps());
  }

  @Test
  void paramsKeepTheirOrderAndTheSymbolsArrayIsPercentEncoded() {
    String url =
        "/api/v3/ticker/price?symbols=%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D&symbolStatus=TRADING";
    WM.stubFor(
        get(urlEqualTo(url))
            .willReturn(
                okJson("[{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}]")
                    .withHeader("x-mbx-used-weight-1m", "4")));

    String first =
        http.get(
            "/api/v3/ticker/price",
            List.of(
                Param.of("symbols", "[\"BTCUSDT\",\"ETHUSDT\"]"),
                Param.of("symbolStatus", "TRADING")),
            EndpointWeights.TICKER_PRICE_SYMBOLS_OR_ALL,
            p -> {
              p.nextToken();
              p.nextToken();
              p.nextToken();
              p.nextToken();
              return p.getText();
            });

    assertEquals("BTCUSDT", first);
    WM.verify(
        1,
        getRequestedFor(urlEqualTo(url))
            .withQueryParam("symbols", equalTo("[\"BTCUSDT\",\"ETHUSDT\"]")));
    assertEquals(4, governor.usedInWindow());
  }

  @Test
  void noQuestionMarkWithoutParamsAndTheLegacyHeaderIsRead() {
    WM.stubFor(
        get(urlEqualTo("/api/v3/time"))
            .willReturn(
                okJson("{\"serverTime\":1704067210000}").withHeader("X-MBX-USED-WEIGHT", "7")));

    long serverTime = http.get("/api/v3/time", List.of(), EndpointWeights.TIME, SERVER_TIME);

    assertEquals(1704067210000L, serverTime);
    WM.verify(1, getRequestedFor(urlEqualTo("/api/v3/time")));
    assertEquals(7, governor.usedInWindow());
  }

  @Test
  void invalidSymbolBecomesDataErrorWithoutRetry() {
    WM.stubFor(
        get(urlEqualTo("/api/v3/klines?symbol=FOO"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));

    BinanceException e =
        assertThrows(
            BinanceException.class,
            () -> http.get("/api/v3/klines", List.of(Param.of("symbol", "FOO")), 2, KLINES));

    assertEquals(ErrorKind.DATA, e.kind());
    assertEquals("22023", e.sqlState());
    assertEquals(-1121, e.vendorCode());
    assertEquals(
        "Binance API error -1121 (HTTP 400) on GET /api/v3/klines: Invalid symbol. [symbol=FOO]"
            + " (hint: check the symbol in the symbols table)",
        e.getMessage());
    WM.verify(1, getRequestedFor(urlEqualTo("/api/v3/klines?symbol=FOO")));
  }

  @Test
  void invalidIntervalListsTheValidOnes() {
    String url = "/api/v3/klines?symbol=BTCUSDT&interval=2m";
    WM.stubFor(
        get(urlEqualTo(url))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"code\":-1120,\"msg\":\"Invalid interval.\"}")));

    BinanceException e =
        assertThrows(
            BinanceException.class,
            () ->
                http.get(
                    "/api/v3/klines",
                    List.of(Param.of("symbol", "BTCUSDT"), Param.of("interval", "2m")),
                    2,
                    KLINES));

    assertEquals(ErrorKind.DATA, e.kind());
    assertEquals("22023", e.sqlState());
    assertEquals(-1120, e.vendorCode());
    assertEquals(
        "Binance API error -1120 (HTTP 400) on GET /api/v3/klines: Invalid interval."
            + " [symbol=BTCUSDT, interval=2m]"
            + " (hint: valid intervals: 1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M)",
        e.getMessage());
    WM.verify(1, getRequestedFor(urlEqualTo(url)));
  }

  @Test
  void signatureIsRedactedInErrorMessages() {
    String url = "/api/v3/account?timestamp=1704067210000&signature=deadbeef";
    WM.stubFor(
        get(urlEqualTo(url))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}")));

    BinanceException e =
        assertThrows(
            BinanceException.class,
            () ->
                http.get(
                    "/api/v3/account",
                    List.of(
                        Param.of("timestamp", 1704067210000L), Param.of("signature", "deadbeef")),
                    20,
                    SERVER_TIME));

    assertEquals(ErrorKind.AUTHORIZATION, e.kind());
    assertEquals("28000", e.sqlState());
    assertEquals(
        "Binance API error -1022 (HTTP 401) on GET /api/v3/account: Signature for this request is"
            + " not valid. [timestamp=1704067210000, signature=****]"
            + " (hint: check the secret key or private key)",
        e.getMessage());
    assertFalse(e.getMessage().contains("deadbeef"));
  }

  @Test
  void rateLimitWaitsRetryAfterThenRetries() {
    sequence(
        KLINES_URL,
        aResponse()
            .withStatus(429)
            .withHeader("Retry-After", "3")
            .withBody("{\"code\":-1003,\"msg\":\"Too many requests queued.\"}"),
        okJson(KLINES_BODY));

    List<String> rows = http.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES);

    assertEquals(2, rows.size());
    WM.verify(2, getRequestedFor(urlEqualTo(KLINES_URL)));
    // One wait only: the governor's pause has passed when the retry acquires its weight.
    assertEquals(List.of(3_000L), sleeper.sleeps());
  }

  @Test
  void rateLimitPausesOtherRequestsToTheSameBaseUrl() {
    BinanceHttp noRetry = http(0);
    WM.stubFor(
        get(urlEqualTo(KLINES_URL))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "3")
                    .withBody(
                        "{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is"
                            + " 6000 request weight per 1 MINUTE.\"}")));

    BinanceException e =
        assertThrows(
            BinanceException.class, () -> noRetry.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES));

    assertEquals(ErrorKind.RATE_LIMITED, e.kind());
    assertEquals("53000", e.sqlState());
    assertEquals(-1003, e.vendorCode());
    assertEquals(
        "Binance API error -1003 (HTTP 429) on GET /api/v3/klines: Too much request weight used;"
            + " current limit is 6000 request weight per 1 MINUTE."
            + " [symbol=BTCUSDT, interval=1m, limit=2] (hint: wait for Retry-After; poll less)"
            + " (no retry allowed)",
        e.getMessage());
    assertEquals(List.of(), sleeper.sleeps());

    // Another caller of the same governor (another connection, same host) waits the pause out.
    governor.acquire(1);
    assertEquals(List.of(3_000L), sleeper.sleeps());
    WM.verify(1, getRequestedFor(urlEqualTo(KLINES_URL)));
  }

  @Test
  void rateLimitWithoutBodyOrRetryAfterWaitsOneSecondAndReportsMinus1003() {
    BinanceHttp oneRetry = http(1);
    WM.stubFor(get(urlEqualTo(KLINES_URL)).willReturn(status(429)));

    BinanceException e =
        assertThrows(
            BinanceException.class, () -> oneRetry.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES));

    assertEquals(ErrorKind.RATE_LIMITED, e.kind());
    assertEquals(-1003, e.vendorCode());
    assertEquals(
        "Binance API error (HTTP 429) on GET /api/v3/klines: rate limited"
            + " [symbol=BTCUSDT, interval=1m, limit=2] (gave up after 2 attempts)",
        e.getMessage());
    assertEquals(List.of(1_000L), sleeper.sleeps());
    WM.verify(2, getRequestedFor(urlEqualTo(KLINES_URL)));
  }

  @Test
  void banStopsThisAndEveryLaterRequestUntilItEnds() {
    WM.stubFor(
        get(urlEqualTo(KLINES_URL))
            .willReturn(
                aResponse()
                    .withStatus(418)
                    .withHeader("Retry-After", "120")
                    .withBody(
                        "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned"
                            + " until 1704067330000. Please use WebSocket Streams for live updates"
                            + " to avoid bans.\"}")));

    BinanceException first =
        assertThrows(
            BinanceException.class, () -> http.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES));

    assertEquals(ErrorKind.BANNED, first.kind());
    assertEquals("53000", first.sqlState());
    assertEquals(-1003, first.vendorCode());
    assertEquals(
        "The IP is banned by Binance until 2024-01-01T00:02:10Z; all requests to "
            + WM.baseUrl()
            + " are halted until then (Binance API error -1003 (HTTP 418) on GET /api/v3/klines:"
            + " Way too much request weight used; IP banned until 1704067330000. Please use"
            + " WebSocket Streams for live updates to avoid bans. [symbol=BTCUSDT, interval=1m,"
            + " limit=2])",
        first.getMessage());

    BinanceException second =
        assertThrows(
            BinanceException.class, () -> http.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES));

    assertEquals(ErrorKind.BANNED, second.kind());
    assertEquals("53000", second.sqlState());
    assertTrue(second.getMessage().endsWith("are halted until then (nothing was sent)"));
    WM.verify(1, getRequestedFor(urlEqualTo(KLINES_URL)));
    assertEquals(List.of(), sleeper.sleeps());

    clock.advance(120_000);
    WM.stubFor(get(urlEqualTo(KLINES_URL)).willReturn(okJson(KLINES_BODY)));
    assertEquals(2, http.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES).size());
    WM.verify(2, getRequestedFor(urlEqualTo(KLINES_URL)));
  }

  @Test
  void banWithoutRetryAfterUsesTheInstantInTheMessage() {
    WM.stubFor(
        get(urlEqualTo("/api/v3/time"))
            .willReturn(
                aResponse()
                    .withStatus(418)
                    .withBody(
                        "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned"
                            + " until 1704067270000.\"}")));

    assertThrows(BinanceException.class, () -> http.get("/api/v3/time", List.of(), 1, SERVER_TIME));

    assertEquals(Instant.parse("2024-01-01T00:01:10Z"), governor.bannedUntil());
  }

  @Test
  void serverErrorsAreRetriedWithExponentialBackoff() {
    sequence(
        KLINES_URL,
        status(503),
        aResponse().withStatus(502).withBody("{\"code\":-1001,\"msg\":\"Internal error.\"}"),
        okJson(KLINES_BODY));

    List<String> rows = http.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES);

    assertEquals(2, rows.size());
    WM.verify(3, getRequestedFor(urlEqualTo(KLINES_URL)));
    assertEquals(List.of(250L, 500L), sleeper.sleeps());
    // Each attempt paid its weight.
    assertEquals(6, governor.usedInWindow());
  }

  @Test
  void serverErrorsBeyondMaxRetriesBecomeServerError() {
    BinanceHttp twoRetries = http(2);
    WM.stubFor(
        get(urlEqualTo(KLINES_URL))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withBody("<html><body>Service Unavailable</body></html>")));

    BinanceException e =
        assertThrows(
            BinanceException.class,
            () -> twoRetries.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES));

    assertEquals(ErrorKind.SERVER, e.kind());
    assertEquals("58000", e.sqlState());
    assertEquals(503, e.vendorCode());
    assertEquals(
        "Binance API error (HTTP 503) on GET /api/v3/klines: server error, body:"
            + " <html><body>Service Unavailable</body></html> [symbol=BTCUSDT, interval=1m,"
            + " limit=2] (gave up after 3 attempts)",
        e.getMessage());
    WM.verify(3, getRequestedFor(urlEqualTo(KLINES_URL)));
    assertEquals(List.of(250L, 500L), sleeper.sleeps());
  }

  @Test
  void serverErrorWithBinanceCodeReportsThatCode() {
    BinanceHttp noRetry = http(0);
    WM.stubFor(
        get(urlEqualTo(KLINES_URL))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody(
                        "{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend"
                            + " server. Send status unknown; execution status unknown.\"}")));

    BinanceException e =
        assertThrows(
            BinanceException.class, () -> noRetry.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES));

    assertEquals(ErrorKind.SERVER, e.kind());
    assertEquals("58000", e.sqlState());
    assertEquals(-1007, e.vendorCode());
    WM.verify(1, getRequestedFor(urlEqualTo(KLINES_URL)));
  }

  @Test
  void connectionResetIsRetried() {
    sequence(
        KLINES_URL, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(KLINES_BODY));

    List<String> rows = http.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES);

    assertEquals(2, rows.size());
    WM.verify(2, getRequestedFor(urlEqualTo(KLINES_URL)));
    assertEquals(List.of(250L), sleeper.sleeps());
  }

  @Test
  void connectionRefusedBeyondMaxRetriesBecomesIoServerError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    BinanceConfig config =
        BinanceConfig.newBuilder()
            .baseUrl("http://127.0.0.1:" + closedPort)
            .clock(clock)
            .sleeper(sleeper)
            .maxRetries(2)
            .build();
    BinanceHttp refused = track(new BinanceHttp(config, governor));

    BinanceException e =
        assertThrows(
            BinanceException.class,
            () -> refused.get("/api/v3/time", List.of(), EndpointWeights.TIME, SERVER_TIME));

    assertEquals(ErrorKind.SERVER, e.kind());
    assertEquals("58030", e.sqlState());
    assertInstanceOf(ConnectException.class, e.getCause());
    assertTrue(
        e.getMessage().startsWith("I/O error on GET /api/v3/time: java.net.ConnectException: "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith(" (gave up after 3 attempts)"), e.getMessage());
    assertEquals(List.of(250L, 500L), sleeper.sleeps());
  }

  @Test
  void truncatedJsonIsAnInternalErrorNamingTheLocation() {
    WM.stubFor(get(urlEqualTo(KLINES_URL)).willReturn(okJson("[[1,\"2\"")));

    BinanceException e =
        assertThrows(
            BinanceException.class, () -> http.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES));

    assertEquals(ErrorKind.INTERNAL, e.kind());
    assertEquals("XX000", e.sqlState());
    assertEquals(
        "Unexpected response from GET /api/v3/klines: Unexpected end-of-input: expected close"
            + " marker for Array (start marker at [line: 1, column: 2]) at line 1, column 8,"
            + " JSON path /0/1 [symbol=BTCUSDT, interval=1m, limit=2] (gave up after 4 attempts)",
        e.getMessage());
    // An unreadable answer to a read is asked again, like a 5xx, with the same backoff.
    WM.verify(4, getRequestedFor(urlEqualTo(KLINES_URL)));
    assertEquals(List.of(250L, 500L, 1000L), sleeper.sleeps());
  }

  @Test
  void truncatedObjectIsAnInternalError() {
    WM.stubFor(get(urlEqualTo("/api/v3/time")).willReturn(okJson("{\"x\":")));

    BinanceException e =
        assertThrows(
            BinanceException.class, () -> http.get("/api/v3/time", List.of(), 1, SERVER_TIME));

    assertEquals(ErrorKind.INTERNAL, e.kind());
    assertEquals("XX000", e.sqlState());
    assertTrue(
        e.getMessage()
            .startsWith("Unexpected response from GET /api/v3/time: Unexpected end-of-input"),
        e.getMessage());
    assertTrue(e.getMessage().contains(" at line 1, column 6, JSON path /x"), e.getMessage());
  }

  @Test
  void unexpectedShapeReportedByTheReaderIsAnInternalError() {
    WM.stubFor(get(urlEqualTo(KLINES_URL)).willReturn(okJson("{\"symbol\":\"BTCUSDT\"}")));

    BinanceException e =
        assertThrows(
            BinanceException.class, () -> http.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES));

    assertEquals(ErrorKind.INTERNAL, e.kind());
    assertEquals(
        "Unexpected response from GET /api/v3/klines: expected an array of klines but got"
            + " START_OBJECT at line 1, column 2, JSON path / [symbol=BTCUSDT, interval=1m,"
            + " limit=2] (gave up after 4 attempts)",
        e.getMessage());
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }

  @Test
  void notFoundWithoutBinanceBodyIsFeatureNotSupported() {
    WM.stubFor(
        get(urlEqualTo("/api/v1/ticker/allPrices"))
            .willReturn(aResponse().withStatus(404).withBody("<html>\n  Not Found\n</html>")));

    BinanceException e =
        assertThrows(
            BinanceException.class,
            () -> http.get("/api/v1/ticker/allPrices", List.of(), 1, SERVER_TIME));

    assertEquals(ErrorKind.FEATURE_NOT_SUPPORTED, e.kind());
    assertEquals("0A000", e.sqlState());
    assertEquals(404, e.vendorCode());
    assertEquals(
        "Binance API error (HTTP 404) on GET /api/v1/ticker/allPrices: endpoint not found"
            + " (retired?), body: <html> Not Found </html>",
        e.getMessage());
    WM.verify(1, getRequestedFor(urlEqualTo("/api/v1/ticker/allPrices")));
  }

  @Test
  void governorWaitsForTheNextMinuteInsteadOfExceedingTheLimit() {
    governor.setLimit("REQUEST_WEIGHT", "MINUTE", 1, 10);
    WM.stubFor(
        get(urlEqualTo("/api/v3/time"))
            .willReturn(
                okJson("{\"serverTime\":1704067210000}").withHeader("X-MBX-USED-WEIGHT-1M", "9")));

    http.get("/api/v3/time", List.of(), 1, SERVER_TIME);
    assertEquals(List.of(), sleeper.sleeps());

    http.get("/api/v3/time", List.of(), 2, SERVER_TIME);

    assertEquals(List.of(50_000L), sleeper.sleeps());
    WM.verify(2, getRequestedFor(urlEqualTo("/api/v3/time")));
  }

  @Test
  void interruptDuringBackoffBecomesTimeout() {
    WM.stubFor(get(urlEqualTo(KLINES_URL)).willReturn(status(503)));
    BinanceConfig config =
        BinanceConfig.newBuilder()
            .baseUrl(WM.baseUrl())
            .clock(clock)
            .sleeper(
                millis -> {
                  throw new InterruptedException("cancel");
                })
            .build();
    BinanceHttp interrupted = track(new BinanceHttp(config, governor));

    try {
      BinanceException e =
          assertThrows(
              BinanceException.class,
              () -> interrupted.get("/api/v3/klines", KLINES_PARAMS, 2, KLINES));
      assertEquals(ErrorKind.TIMEOUT, e.kind());
      assertEquals("57014", e.sqlState());
      assertEquals("Interrupted while waiting for a retry of GET /api/v3/klines", e.getMessage());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
    WM.verify(1, getRequestedFor(urlEqualTo(KLINES_URL)));
  }

  @Test
  void closedTransportSendsNothing() {
    http.close();
    http.close(); // idempotent

    BinanceException e =
        assertThrows(
            BinanceException.class, () -> http.get("/api/v3/time", List.of(), 1, SERVER_TIME));

    assertEquals(ErrorKind.CONNECTION, e.kind());
    assertEquals("08003", e.sqlState());
    WM.verify(0, getRequestedFor(urlEqualTo("/api/v3/time")));
  }

  @Test
  void publicConstructorUsesTheProcessWideGovernorOfTheBaseUrl() {
    BinanceConfig config =
        BinanceConfig.newBuilder()
            .baseUrl("http://shared-governor.invalid")
            .clock(clock)
            .sleeper(sleeper)
            .build();
    BinanceHttp a = track(new BinanceHttp(config));
    BinanceHttp b = track(new BinanceHttp(config));

    assertSame(a.governor(), b.governor());
    assertSame(
        WeightGovernor.forBaseUrl("http://shared-governor.invalid", clock, sleeper), a.governor());
  }

  private BinanceHttp http(int maxRetries) {
    BinanceConfig config =
        BinanceConfig.newBuilder()
            .baseUrl(WM.baseUrl())
            .clock(clock)
            .sleeper(sleeper)
            .maxRetries(maxRetries)
            .build();
    return track(new BinanceHttp(config, governor));
  }

  private BinanceHttp track(BinanceHttp h) {
    opened.add(h);
    return h;
  }

  /** Answers successive GETs of {@code url} with {@code responses}, the last one repeating. */
  private static void sequence(String url, ResponseDefinitionBuilder... responses) {
    for (int i = 0; i < responses.length; i++) {
      String state = i == 0 ? Scenario.STARTED : "step" + i;
      var stub =
          get(urlEqualTo(url))
              .inScenario("seq")
              .whenScenarioStateIs(state)
              .willReturn(responses[i]);
      if (i + 1 < responses.length) {
        stub = stub.willSetStateTo("step" + (i + 1));
      }
      WM.stubFor(stub);
    }
  }
}
