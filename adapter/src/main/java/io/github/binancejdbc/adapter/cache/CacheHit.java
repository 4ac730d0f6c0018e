package io.github.binancejdbc.adapter.cache;

import io.github.binancejdbc.adapter.client.Param;
import java.util.List;

/**
 * A request the cache or the archive answered instead of the API.
 *
 * @param path the endpoint, e.g. {@code /api/v3/klines}
 * @param params the parameters the request would have had, in order
 * @param weight the weight it would have cost
 * @param rows the rows served
 * @param fromArchive whether the rows came from the archive on disk (else from memory)
 */
public record CacheHit(
    String path, List<Param> params, int weight, int rows, boolean fromArchive) {}
