package io.github.binancejdbc.adapter.cache;

/**
 * A request the cache or the archive answered instead of the API.
 *
 * @param path the endpoint, e.g. {@code /api/v3/klines}
 * @param query the query string the request would have had
 * @param weight the weight it would have cost
 * @param rows the rows served
 * @param fromArchive whether the rows came from the archive on disk (else from memory)
 */
public record CacheHit(String path, String query, int weight, int rows, boolean fromArchive) {}
