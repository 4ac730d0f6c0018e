package io.github.binancejdbc.clients;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.time.ZoneOffset.UTC;

import io.github.binancejdbc.simulator.BinanceSimulator;
import io.github.binancejdbc.simulator.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The offline exchange (the simulator module) on a free loopback port for one test class, recording
 * what the clients send; each test starts with an empty journal.
 *
 * <p>Its market is generated from the default seed: the tests take the values a query must show
 * from the exchange's own REST answer ({@link #json}), read after the client ran, so they hold for
 * any history the simulator serves. That read is recorded too: take the client's requests first.
 */
final class OfflineBinance implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private final HttpClient http = HttpClient.newHttpClient();
  private BinanceSimulator sim;

  @Override
  public void beforeAll(ExtensionContext context) {
    sim = BinanceSimulator.builder().recordRequests().build().start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sim.clearRequests();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    sim.close();
  }

  BinanceSimulator simulator() {
    return sim;
  }

  /** The driver's URL for this exchange; a failed request fails the query instead of retrying. */
  String url() {
    return "jdbc:binance:?maxRetries=0&baseUrl=" + sim.baseUrl();
  }

  /** Every request received since the test started, oldest first. */
  List<RecordedRequest> requests() {
    return sim.requests();
  }

  /** The raw query strings of the GET requests to {@code path} since the test started, in order. */
  List<String> queries(String path) {
    return sim.requests().stream()
        .filter(r -> r.method().equals("GET") && r.path().equals(path))
        .map(RecordedRequest::query)
        .toList();
  }

  /** The exchange's answer to {@code GET pathAndQuery}, parsed ({@link JsonText}). */
  Object json(String pathAndQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new AssertionError("GET " + pathAndQuery + ": " + r.statusCode() + " " + r.body());
      }
      return JsonText.parse(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The UTC wall clock of an epoch-millisecond time as {@link java.sql.Timestamp#toString()} spells
   * it: what a client must show for a time column, in any JVM zone.
   */
  static String wallClock(String epochMillis) {
    return Timestamp.valueOf(utc(epochMillis)).toString();
  }

  /** The UTC wall clock of an epoch-millisecond time. */
  static LocalDateTime utc(String epochMillis) {
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(epochMillis)), UTC);
  }

  static String resource(String name) {
    try (InputStream in = OfflineBinance.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
