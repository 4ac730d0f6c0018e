package io.github.binancejdbc.adapter.client;

import io.github.binancejdbc.adapter.BinanceConfig;
import java.util.List;

/**
 * The REST transport of one connection: OkHttp client owned (and closed) here, request weight
 * accounted through the process-wide {@link WeightGovernor} of the base URL, GETs retried with
 * backoff on I/O errors and 5xx, 429 honoured with Retry-After, 418 stopping all traffic, and every
 * Binance error turned into a {@link io.github.binancejdbc.adapter.error.BinanceException}.
 *
 * <p>TODO(transport helper): implement.
 */
public final class BinanceHttp implements AutoCloseable {

  public BinanceHttp(BinanceConfig config) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /**
   * Sends {@code GET baseUrl + path ? query} (parameters in the given order, percent-encoded), waits
   * for weight first, and reads a 2xx body with {@code reader}.
   *
   * @param path e.g. {@code /api/v3/klines}
   * @param weight the request weight of this call, as the endpoint documents it for these parameters
   */
  public <T> T get(String path, List<Param> query, int weight, BodyReader<T> reader) {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** The governor shared by every connection to this base URL. */
  public WeightGovernor governor() {
    throw new UnsupportedOperationException("not yet implemented");
  }

  @Override
  public void close() {}
}
