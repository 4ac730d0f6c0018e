package io.github.binancejdbc.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** The WireMock servers the tests stand a Binance up with: one per test class, on a free port. */
public final class WireMocks {
  private WireMocks() {}

  /** A server that fails the test when a request matches no stub: every request is expected. */
  public static WireMockExtension strict() {
    return server(true);
  }

  /** A server that answers an unstubbed request with 404 and lets the test judge it. */
  public static WireMockExtension lenient() {
    return server(false);
  }

  private static WireMockExtension server(boolean failOnUnmatchedRequests) {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .failOnUnmatchedRequests(failOnUnmatchedRequests)
        .build();
  }
}
