package io.github.binancejdbc.adapter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.adapter.BinanceConfig;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Plain-HTTP connections derive from a client without TLS; any TLS host gets the TLS client. */
class HttpClientsTest {
  private static BinanceConfig config(String baseUrl) {
    return BinanceConfig.newBuilder().baseUrl(baseUrl).build();
  }

  private static BinanceConfig config(String baseUrl, String marketDataUrl) {
    return BinanceConfig.newBuilder().baseUrl(baseUrl).marketDataUrl(marketDataUrl).build();
  }

  @Test
  void onlyPlainHttpHostsNeedNoTls() {
    assertFalse(HttpClients.needsTls(config("http://127.0.0.1:8080")));
    assertFalse(HttpClients.needsTls(config("HTTP://127.0.0.1:8080,http://127.0.0.1:8081")));
    assertTrue(HttpClients.needsTls(config("https://api.binance.com")));
    assertTrue(HttpClients.needsTls(config("http://127.0.0.1:8080,https://api1.binance.com")));
    assertTrue(
        HttpClients.needsTls(config("http://127.0.0.1:8080", "https://data-api.binance.vision")));
  }

  @Test
  void aPlainHttpConnectionDerivesAClientWithoutTls() {
    OkHttpClient c = HttpClients.derive(config("http://127.0.0.1:8080"), 15);
    assertEquals(List.of(ConnectionSpec.CLEARTEXT), c.connectionSpecs());
    // No trust store was read for it: OkHttp refuses to hand out a socket factory.
    IllegalStateException e = assertThrows(IllegalStateException.class, c::sslSocketFactory);
    assertEquals("CLEARTEXT-only client", e.getMessage());
    assertEquals(0, c.connectionPool().connectionCount(), "a pool of its own, empty");
  }

  @Test
  void aTlsConnectionDerivesFromTheSharedTlsClient() {
    OkHttpClient c = HttpClients.derive(config("https://api.binance.com"), 15);
    assertTrue(c.connectionSpecs().stream().anyMatch(ConnectionSpec::isTls), c.toString());
    assertNotNull(c.sslSocketFactory());
    assertNotNull(c.x509TrustManager());
    // Derived from one shared client: the TLS set-up is made once per process.
    OkHttpClient d = HttpClients.derive(config("https://api.binance.com"), 15);
    assertTrue(c.sslSocketFactory() == d.sslSocketFactory(), "one SSL socket factory");
    assertTrue(c.dispatcher() != d.dispatcher(), "a dispatcher per connection");
  }
}
