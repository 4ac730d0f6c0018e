package io.github.binancejdbc.adapter.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.binancejdbc.adapter.client.BinanceHttp;
import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v3/exchangeInfo}, parsed once into the rows of the {@code symbols}, {@code
 * symbol_filters} and {@code rate_limits} tables and kept for {@code exchangeInfoTtl}. Fetching it
 * also tells the weight governor the current request-weight limit.
 */
public final class ExchangeInfoCache {
  /** The parsed response. Lists are unmodifiable; rows must not be changed. */
  public record ExchangeInfo(
      long serverTime, List<Object[]> symbols, List<Object[]> filters, List<Object[]> rateLimits) {

    /** Whether the exchange lists {@code symbol}. */
    public boolean hasSymbol(String symbol) {
      for (Object[] r : symbols) {
        if (symbol.equals(r[0])) {
          return true;
        }
      }
      return false;
    }

    /**
     * The filters of {@code symbol}: filter type to (column name of {@code symbol_filters} to
     * value), only the non-null values.
     */
    public Map<String, Map<String, Object>> filtersOf(String symbol) {
      Map<String, Map<String, Object>> out = new LinkedHashMap<>();
      List<ColumnDef> cols = ExchangeInfoTables.FILTERS.columns();
      for (Object[] r : filters) {
        if (!symbol.equals(r[0])) {
          continue;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 2; i < cols.size(); i++) {
          if (r[i] != null) {
            values.put(cols.get(i).name(), r[i]);
          }
        }
        out.put((String) r[1], values);
      }
      return out;
    }
  }

  private static final String KEY = "exchangeInfo";
  private static final Json.Fields SYMBOL = new Json.Fields(ExchangeInfoTables.SYMBOLS);
  private static final Json.Fields FILTER = new Json.Fields(ExchangeInfoTables.FILTERS);
  private static final Json.Fields RATE_LIMIT = new Json.Fields(ExchangeInfoTables.RATE_LIMITS);

  private final BinanceContext ctx;
  private final Cache<String, ExchangeInfo> cache;

  ExchangeInfoCache(BinanceContext ctx) {
    this.ctx = ctx;
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(ctx.config().exchangeInfoTtl())
            .ticker(() -> ctx.config().clock().millis() * 1_000_000L)
            .executor(Runnable::run)
            .build();
  }

  /** The cached exchange information, fetched when absent or expired. */
  public ExchangeInfo get() {
    return cache.get(KEY, k -> fetch(List.of()));
  }

  /**
   * The exchange information for {@code params} ({@code symbols}, {@code symbolStatus}, {@code
   * permissions}): a part of it, cached like the whole. No parameters is {@link #get()}.
   */
  ExchangeInfo get(List<Param> params) {
    return params.isEmpty()
        ? get()
        : cache.get(BinanceHttp.encodeQuery(params), k -> fetch(params));
  }

  /** The whole exchange information if it is cached now, else null (nothing is sent). */
  ExchangeInfo cachedWhole() {
    return cache.getIfPresent(KEY);
  }

  void invalidate() {
    cache.invalidateAll();
  }

  private ExchangeInfo fetch(List<Param> params) {
    ExchangeInfo info =
        ctx.http()
            .get(
                "/api/v3/exchangeInfo",
                params,
                EndpointWeights.EXCHANGE_INFO,
                ExchangeInfoCache::read);
    for (Object[] r : info.rateLimits()) {
      ctx.http().governor().setLimit((String) r[0], (String) r[1], (Integer) r[2], (Integer) r[3]);
    }
    return info;
  }

  static ExchangeInfo read(JsonParser p) throws IOException {
    Json.next(p, JsonToken.START_OBJECT);
    long serverTime = 0;
    List<Object[]> symbols = new ArrayList<>();
    List<Object[]> filters = new ArrayList<>();
    List<Object[]> rateLimits = new ArrayList<>();
    for (String name = Json.nextField(p); name != null; name = Json.nextField(p)) {
      switch (name) {
        case "serverTime" -> serverTime = p.getLongValue();
        case "rateLimits" -> {
          RATE_LIMIT.readObjects(p, rateLimits);
        }
        case "symbols" -> readSymbols(p, symbols, filters);
        default -> p.skipChildren();
      }
    }
    return new ExchangeInfo(
        serverTime, List.copyOf(symbols), List.copyOf(filters), List.copyOf(rateLimits));
  }

  /** Symbols carry their filters inline; both tables are filled in one pass. */
  private static void readSymbols(JsonParser p, List<Object[]> symbols, List<Object[]> filters)
      throws IOException {
    Json.expect(p, JsonToken.START_ARRAY);
    while (Json.nextElement(p, JsonToken.START_OBJECT)) {
      Object[] row = new Object[SYMBOL.width()];
      List<Object[]> own = new ArrayList<>();
      for (String name = Json.nextField(p); name != null; name = Json.nextField(p)) {
        if (name.equals("filters")) {
          FILTER.readObjects(p, own);
        } else {
          SYMBOL.readField(p, name, row);
        }
      }
      for (Object[] f : own) {
        f[0] = row[0];
      }
      symbols.add(row);
      filters.addAll(own);
    }
  }
}
