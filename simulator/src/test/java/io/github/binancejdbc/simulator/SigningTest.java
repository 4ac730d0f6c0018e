package io.github.binancejdbc.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request signing and timing security as Binance documents them. */
class SigningTest {
  static final String VECTOR_QUERY =
      "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1"
          + "&price=0.1&recvWindow=5000&timestamp=1499827319559";
  static final String VECTOR_SIGNATURE =
      "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

  @Test
  void hmacTestVectorsOfTheDocumentationVerify() {
    ApiKey docs = ApiKey.hmac(BinanceSimulator.DOCS_API_KEY, BinanceSimulator.DOCS_SECRET_KEY);
    assertTrue(docs.verifies(VECTOR_QUERY.getBytes(UTF_8), VECTOR_SIGNATURE));
    assertTrue(
        docs.verifies(
            VECTOR_QUERY.getBytes(UTF_8), VECTOR_SIGNATURE.toUpperCase(java.util.Locale.ROOT)));
    String mixed =
        "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
            + "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    assertTrue(
        docs.verifies(
            mixed.getBytes(UTF_8),
            "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77"));
    String unicode =
        "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY"
            + "&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    assertTrue(
        docs.verifies(
            unicode.getBytes(UTF_8),
            "e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3"));
    assertFalse(docs.verifies(unicode.getBytes(UTF_8), VECTOR_SIGNATURE));
    assertFalse(docs.toString().contains(BinanceSimulator.DOCS_SECRET_KEY));
  }

  /** A simulator whose clock stands just after the documentation's example timestamp. */
  private static BinanceSimulator atVectorTime() {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(1499827319559L + 100), ZoneOffset.UTC);
    return BinanceSimulator.builder().clock(clock).build().start();
  }

  @Test
  void theDocumentedRequestPassesSignatureChecksOnTheWire() {
    try (BinanceSimulator sim = atVectorTime()) {
      TestClient c = new TestClient(sim.baseUrl());
      Map<String, String> key = Map.of("X-MBX-APIKEY", BinanceSimulator.DOCS_API_KEY);
      // Signature and timestamp are accepted; LTCBTC is not listed here.
      TestClient.Resp asQuery =
          c.send(
              "POST",
              "/api/v3/order?" + VECTOR_QUERY + "&signature=" + VECTOR_SIGNATURE,
              null,
              key);
      assertEquals(-1121, asQuery.code(), asQuery.body());
      TestClient.Resp asBody =
          c.send("POST", "/api/v3/order", VECTOR_QUERY + "&signature=" + VECTOR_SIGNATURE, key);
      assertEquals(-1121, asBody.code(), asBody.body());
      TestClient.Resp mixed =
          c.send(
              "POST",
              "/api/v3/order?symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
              "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature="
                  + "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77",
              key);
      assertEquals(-1121, mixed.code(), mixed.body());
      TestClient.Resp tampered =
          c.send(
              "POST",
              "/api/v3/order?"
                  + VECTOR_QUERY.replace("price=0.1", "price=0.2")
                  + "&signature="
                  + VECTOR_SIGNATURE,
              null,
              key);
      assertEquals(400, tampered.status());
      assertEquals(
          "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}", tampered.body());
    }
  }

  @Test
  void timestampAndRecvWindowAreEnforced() {
    try (BinanceSimulator sim = atVectorTime()) {
      long now = 1499827319559L + 100;
      TestClient c = new TestClient(sim.baseUrl());
      assertEquals(
          "{\"code\":-1021,\"msg\":\"Timestamp for this request was 1000ms ahead of the server's time.\"}",
          signedAccount(c, now + 1000, null).body());
      assertEquals(200, signedAccount(c, now + 999, null).status());
      assertEquals(
          "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}",
          signedAccount(c, now - 5001, null).body());
      assertEquals(200, signedAccount(c, now - 5000, null).status());
      assertEquals(200, signedAccount(c, now - 59_000, "60000").status());
      assertEquals(-1021, signedAccount(c, now - 5_000, "4999.999").code());
      assertEquals(
          "{\"code\":-1102,\"msg\":\"'recvWindow' contains unexpected value. Cannot be greater than 60000.\"}",
          signedAccount(c, now, "60001").body());
      // Microseconds are accepted as the timestamp.
      assertEquals(200, signedAccount(c, now * 1000, null).status());
      TestClient.Resp noTimestamp =
          c.send(
              "GET",
              "/api/v3/account?signature=00",
              null,
              Map.of("X-MBX-APIKEY", BinanceSimulator.DEMO_API_KEY));
      assertEquals(
          "{\"code\":-1102,\"msg\":\"Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.\"}",
          noTimestamp.body());
      TestClient.Resp noSignature =
          c.send(
              "GET",
              "/api/v3/account?timestamp=" + now,
              null,
              Map.of("X-MBX-APIKEY", BinanceSimulator.DEMO_API_KEY));
      assertEquals(-1102, noSignature.code());
    }
  }

  private static TestClient.Resp signedAccount(TestClient c, long timestamp, String recvWindow) {
    String q =
        (recvWindow == null ? "" : "recvWindow=" + recvWindow + "&") + "timestamp=" + timestamp;
    return c.send(
        "GET",
        "/api/v3/account?"
            + q
            + "&signature="
            + TestClient.hmac(BinanceSimulator.DEMO_SECRET_KEY, q),
        null,
        Map.of("X-MBX-APIKEY", BinanceSimulator.DEMO_API_KEY));
  }

  @Test
  void apiKeysAreChecked() {
    String otherKey = "x".repeat(64);
    try (BinanceSimulator sim =
        BinanceSimulator.builder()
            .apiKey(ApiKey.hmac("readOnlyKey" + "0".repeat(53), "s3cret").readOnly())
            .build()
            .start()) {
      TestClient c = new TestClient(sim.baseUrl());
      TestClient.Resp noKey =
          c.send("GET", "/api/v3/account?timestamp=1&signature=0", null, Map.of());
      assertEquals(401, noKey.status());
      assertEquals("{\"code\":-2014,\"msg\":\"API-key format invalid.\"}", noKey.body());
      TestClient.Resp unknown = c.withKey(otherKey, "nope").signed("GET", "/api/v3/account", "");
      assertEquals(401, unknown.status());
      assertEquals(
          "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}",
          unknown.body());
      assertEquals(
          -2014, c.withKey("bad key!", "nope").signed("GET", "/api/v3/account", "").code());
      TestClient wrongSecret = c.withKey(BinanceSimulator.DEMO_API_KEY, "not-the-secret");
      assertEquals(-1022, wrongSecret.signed("GET", "/api/v3/account", "").code());
      TestClient readOnly = c.withKey("readOnlyKey" + "0".repeat(53), "s3cret");
      TestClient.Resp account = readOnly.signed("GET", "/api/v3/account", "");
      assertEquals(200, account.status());
      assertFalse(account.json().get("canTrade").asBoolean());
      assertEquals(
          -2015,
          readOnly
              .signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001")
              .code());
      // Public endpoints ignore keys altogether.
      assertEquals(
          200,
          c.send(
                  "GET",
                  "/api/v3/historicalTrades?symbol=BTCUSDT&limit=1",
                  null,
                  Map.of("X-MBX-APIKEY", otherKey))
              .status());
    }
  }

  @Test
  void ed25519AndRsaKeysVerify(@TempDir Path dir) throws Exception {
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
    rsaGen.initialize(2048);
    KeyPair rsa = rsaGen.generateKeyPair();
    Path edPem = dir.resolve("ed25519.pem");
    Files.writeString(edPem, pem(ed.getPublic().getEncoded()));
    String edKey = "ed25519Key" + "0".repeat(54);
    String rsaKey = "rsaKey" + "0".repeat(58);
    try (BinanceSimulator sim =
        BinanceSimulator.builder()
            .apiKey(ApiKey.fromPem(edKey, edPem))
            .apiKey(ApiKey.rsa(rsaKey, rsa.getPublic()).forAccount("rsa"))
            .build()
            .start()) {
      assertEquals(ApiKey.Type.ED25519, ApiKey.fromPem(edKey, edPem).type());
      TestClient c = new TestClient(sim.baseUrl());
      assertEquals(200, asymmetric(c, edKey, ed.getPrivate(), "Ed25519").status());
      TestClient.Resp viaRsa = asymmetric(c, rsaKey, rsa.getPrivate(), "SHA256withRSA");
      assertEquals(200, viaRsa.status(), viaRsa.body());
      // A signature by the other key does not verify.
      assertEquals(-1022, asymmetric(c, edKey, rsa.getPrivate(), "SHA256withRSA").code());
    }
  }

  private static TestClient.Resp asymmetric(TestClient c, String key, PrivateKey priv, String alg)
      throws Exception {
    String q = "omitZeroBalances=true&timestamp=" + System.currentTimeMillis();
    Signature s = Signature.getInstance(alg);
    s.initSign(priv);
    s.update(q.getBytes(UTF_8));
    String sig = URLEncoder.encode(Base64.getEncoder().encodeToString(s.sign()), UTF_8);
    return c.send(
        "GET", "/api/v3/account?" + q + "&signature=" + sig, null, Map.of("X-MBX-APIKEY", key));
  }

  private static String pem(byte[] der) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(UTF_8)).encodeToString(der)
        + "\n-----END PUBLIC KEY-----\n";
  }
}
