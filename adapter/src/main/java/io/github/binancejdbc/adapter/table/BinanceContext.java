package io.github.binancejdbc.adapter.table;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.cache.History;
import io.github.binancejdbc.adapter.client.BinanceHttp;
import io.github.binancejdbc.adapter.client.BodyReader;
import io.github.binancejdbc.adapter.client.Param;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** What the tables of one connection share: settings, the transport and the exchange-info cache. */
public final class BinanceContext implements AutoCloseable {
  private final BinanceConfig config;
  private final BinanceHttp http;

  /** Made on first use: a query that never needs the exchange information never builds it. */
  private volatile ExchangeInfoCache exchangeInfo;

  private final History history;
  private volatile boolean readOnly;

  /** Per statement execution (DataContext identity; released when the execution is collected). */
  private final Map<Object, Map<String, Object>> memo =
      Collections.synchronizedMap(new WeakHashMap<>());

  static final int MEMO_SIZE = 32;

  /** Threads that fetch pages ahead of the reader; made on first use, stopped on close. */
  private ExecutorService fetchAhead;

  private boolean closed;

  public BinanceContext(BinanceConfig config, BinanceHttp http) {
    this.config = requireNonNull(config, "config is null");
    this.http = requireNonNull(http, "http is null");
    try {
      this.history = new History(config.baseUrl(), config.cacheSizeBytes(), config.archive());
      // What the cache answers shows in api_requests (from_cache) and api_usage (saved).
      history.onHit(
          hit ->
              http.servedFromCache(
                  BinanceHttp.Method.GET,
                  hit.path(),
                  hit.params(),
                  hit.weight(),
                  false,
                  hit.rows()));
    } catch (RuntimeException e) {
      http.close();
      throw e;
    }
  }

  /** Closed history kept in memory (shared per base URL) and in the archive, if any. */
  public History history() {
    return history;
  }

  public BinanceConfig config() {
    return config;
  }

  public BinanceHttp http() {
    return http;
  }

  /**
   * Whether the JDBC connection was set read-only ({@code Connection.setReadOnly(true)}): then no
   * side-effecting procedure runs, whatever {@code trading} says.
   */
  public boolean readOnly() {
    return readOnly;
  }

  public void setReadOnly(boolean readOnly) {
    this.readOnly = readOnly;
  }

  public ExchangeInfoCache exchangeInfo() {
    ExchangeInfoCache e = exchangeInfo;
    if (e == null) {
      synchronized (this) {
        e = exchangeInfo;
        if (e == null) {
          e = new ExchangeInfoCache(this);
          exchangeInfo = e;
        }
      }
    }
    return e;
  }

  /**
   * A public GET, remembered for the rest of the statement execution that {@code query} belongs to:
   * a nested-loop join or a correlated plan enumerates its inner scan once per outer row, and
   * without this each enumeration would send (and pay the weight of) the same requests again. At
   * most {@link #MEMO_SIZE} responses are kept per execution, the least recently used dropped.
   */
  public <T> T get(
      ScanQuery query, String path, List<Param> params, int weight, BodyReader<T> reader) {
    return get(query, path, params, weight, reader, "");
  }

  /**
   * As {@link #get(ScanQuery, String, List, int, BodyReader)}, for a reader that parses only some
   * columns: {@code variant} names them, so a page parsed for one projection never answers another.
   */
  <T> T get(
      ScanQuery query,
      String path,
      List<Param> params,
      int weight,
      BodyReader<T> reader,
      String variant) {
    return remember(
        query,
        path + "?" + BinanceHttp.encodeQuery(params) + "#" + variant,
        () -> http.get(path, params, weight, reader));
  }

  /**
   * The value {@code fetch} gives, fetched once per statement execution for {@code key}: see {@link
   * #get}. Signed snapshots use it too, so that {@code account CROSS JOIN account_balances} sends
   * one {@code /api/v3/account}.
   */
  public <T> T remember(ScanQuery query, String key, Supplier<T> fetch) {
    Map<String, Object> m =
        memo.computeIfAbsent(
            query.root(),
            k ->
                new LinkedHashMap<>(16, 0.75f, true) {
                  @Override
                  protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                    return size() > MEMO_SIZE;
                  }
                });
    synchronized (m) {
      Object hit = m.get(key);
      if (hit != null) {
        @SuppressWarnings("unchecked")
        T t = (T) hit;
        return t;
      }
    }
    T value = fetch.get();
    synchronized (m) {
      m.put(key, value);
    }
    return value;
  }

  /**
   * Runs {@code fetch} (a {@link #get}) on a fetch-ahead thread. The request still waits for weight
   * in the governor like any other.
   */
  synchronized <T> Future<T> fetchAhead(Callable<T> fetch) {
    if (closed) {
      throw new RejectedExecutionException("connection closed");
    }
    if (fetchAhead == null) {
      AtomicInteger n = new AtomicInteger();
      fetchAhead =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "binance-jdbc-fetch-ahead-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
    }
    return fetchAhead.submit(fetch);
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (fetchAhead != null) {
        fetchAhead.shutdownNow();
      }
    }
    ExchangeInfoCache e = exchangeInfo;
    if (e != null) {
      e.invalidate();
    }
    history.close();
    http.close();
  }
}
