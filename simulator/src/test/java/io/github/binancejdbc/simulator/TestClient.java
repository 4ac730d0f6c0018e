package io.github.binancejdbc.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A minimal Binance client for the tests: plain java.net.http, HMAC signing, raw responses. */
final class TestClient {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String apiKey;
  private final String secret;
  private final LongSupplier now;

  TestClient(String base) {
    this(
        base,
        BinanceSimulator.DEMO_API_KEY,
        BinanceSimulator.DEMO_SECRET_KEY,
        System::currentTimeMillis);
  }

  TestClient(String base, String apiKey, String secret, LongSupplier now) {
    this.base = base;
    this.apiKey = apiKey;
    this.secret = secret;
    this.now = now;
  }

  TestClient withKey(String key, String secretKey) {
    return new TestClient(base, key, secretKey, now);
  }

  TestClient withClock(LongSupplier clock) {
    return new TestClient(base, apiKey, secret, clock);
  }

  /** A response: status, headers, body. */
  record Resp(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    int code() {
      return json().path("code").asInt(0);
    }

    String msg() {
      return json().path("msg").asText();
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Resp get(String pathAndQuery) {
    return send("GET", pathAndQuery, null, Map.of());
  }

  /** A signed request: {@code timestamp} and {@code signature} appended to the query string. */
  Resp signed(String method, String path, String query) {
    String q =
        (query == null || query.isEmpty() ? "" : query + "&") + "timestamp=" + now.getAsLong();
    return send(
        method,
        path + "?" + q + "&signature=" + hmac(secret, q),
        null,
        Map.of("X-MBX-APIKEY", apiKey));
  }

  /** A signed request with the parameters in a form body, signed over the body. */
  Resp signedBody(String method, String path, String body) {
    String b = body + "&timestamp=" + now.getAsLong();
    return send(method, path, b + "&signature=" + hmac(secret, b), Map.of("X-MBX-APIKEY", apiKey));
  }

  Resp send(String method, String pathAndQuery, String body, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30));
    headers.forEach(b::header);
    if (body != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
      b.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Resp(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String hmac(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
