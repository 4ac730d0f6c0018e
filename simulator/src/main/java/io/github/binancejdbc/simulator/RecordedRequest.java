package io.github.binancejdbc.simulator;

/**
 * One request as the simulator received it, for tests that assert what a client sent (see {@link
 * BinanceSimulator.Builder#recordRequests()}).
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param path the raw path, e.g. {@code /api/v3/klines}
 * @param query the raw query string without {@code ?}; empty when there was none
 * @param body the raw request body (a form for signed POSTs); empty when there was none
 * @param apiKey the {@code X-MBX-APIKEY} header, or null
 */
public record RecordedRequest(
    String method, String path, String query, String body, String apiKey) {}
