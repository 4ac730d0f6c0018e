/**
 * An offline Binance Spot REST exchange for demos and end-to-end tests of binance-jdbc.
 *
 * <p>Public API: {@link io.github.binancejdbc.simulator.BinanceSimulator} (builder, start, close,
 * balances), {@link io.github.binancejdbc.simulator.Faults} (fault injection), {@link
 * io.github.binancejdbc.simulator.ApiKey} (accepted keys), {@link
 * io.github.binancejdbc.simulator.RecordedRequest} (what a client sent) and {@link
 * io.github.binancejdbc.simulator.Main} (command line). Everything else in this package is the HTTP
 * layer (package-private); {@code .market} generates the history and {@code .trading} is the
 * matching engine (both internal, public only for this package).
 *
 * <p>Why the JDK's {@code com.sun.net.httpserver.HttpServer}: it is in every JDK 17 (module {@code
 * jdk.httpserver}, exported and supported), so the simulator embeds in any test with no dependency
 * beyond Jackson, starts in milliseconds on port 0, and gives full control of the exchange: closing
 * it before any header is written drops the connection (the "no response" fault), and the executor
 * is ours (delays never block other clients). What it lacks (HTTP/2, TLS, high throughput) a local
 * stand-in for api.binance.com does not need; Jetty or Netty would add megabytes and configuration
 * for none of it.
 */
package io.github.binancejdbc.simulator;
