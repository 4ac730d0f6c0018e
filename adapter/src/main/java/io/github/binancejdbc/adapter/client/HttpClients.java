package io.github.binancejdbc.adapter.client;

import io.github.binancejdbc.adapter.BinanceConfig;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The one {@link OkHttpClient} every connection of the process derives its own client from. What is
 * expensive about a client is its TLS set-up (the platform's trust store is read and an SSL context
 * made: about a third of the first connection's time); a client derived with {@link
 * OkHttpClient#newBuilder()} reuses it. Each derived client still gets its own dispatcher and
 * connection pool, so closing one connection never touches another's calls.
 *
 * <p>A connection whose hosts all speak TLS starts that set-up on a background thread when it is
 * made ({@link #prepare}), so that it runs in parallel with connecting and preparing: the
 * connection derives its client only when it sends its first request. A connection whose hosts are
 * all plain {@code http:} (a simulator or a proxy on the same machine) derives from a client
 * without TLS, which costs nothing to set up; such a client does not follow a redirect to {@code
 * https:} (Binance sends none).
 */
public final class HttpClients {
  private static final CompletableFuture<OkHttpClient> BASE = new CompletableFuture<>();

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /** The shared client of plain-HTTP connections: no TLS, so nothing to set up. */
  private static final class Cleartext {
    static final OkHttpClient CLIENT =
        new OkHttpClient.Builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
  }

  private HttpClients() {}

  /** The shared client: waits for a build under way, or builds it on this thread. */
  static OkHttpClient base() {
    build();
    try {
      return BASE.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /**
   * The client of one connection, derived from the shared one (waiting for its build if need be):
   * its own dispatcher and pool, the connection's timeouts, no retries of OkHttp's own.
   */
  static OkHttpClient derive(BinanceConfig config, long idleKeepAliveSeconds) {
    return (needsTls(config) ? base() : Cleartext.CLIENT)
        .newBuilder()
        // Its own threads and pool: closing this connection never cancels another's calls.
        .dispatcher(new Dispatcher())
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        // Retries are ours: only GETs, counted, with backoff and weight accounted each time.
        .retryOnConnectionFailure(false)
        // Idle connections are dropped before servers drop them (30 s and up is common): a
        // request on a connection the server has closed fails unsent yet costs its weight here,
        // which after every wait for the next window halved the budget actually used.
        // Kept: at least one connection per page a scan may have in flight, so that a scan fetching
        // ahead does not open new connections (a TLS handshake each) for every wave of pages.
        // (Requests are sent with execute(): the dispatcher's limit of 5 applies to enqueue()
        // only.)
        .connectionPool(
            new ConnectionPool(
                Math.max(5, config.maxConcurrentRequests()),
                idleKeepAliveSeconds,
                TimeUnit.SECONDS))
        .build();
  }

  /**
   * Loads what a first request needs of OkHttp without sending anything or setting up TLS: the
   * client classes (the shared client without TLS is built) and a request (URL parsing, headers),
   * for a driver to call on a background thread while the caller connects.
   */
  public static void warm() {
    Cleartext.CLIENT.newCall(
        new Request.Builder()
            .url("https://api.binance.com/api/v3/ping?symbol=BTCUSDT")
            .header("X-MBX-APIKEY", "warm-up")
            .build());
  }

  /**
   * Whether any host of {@code config} (base or market data) is reached over TLS (anything but
   * {@code http:}).
   */
  static boolean needsTls(BinanceConfig config) {
    for (List<String> urls : List.of(config.baseUrls(), config.marketDataUrls())) {
      for (String url : urls) {
        if (!url.regionMatches(true, 0, "http:", 0, 5)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * For a connection about to be made: starts building the shared TLS client on a daemon thread if
   * its hosts need it and no build has started.
   */
  static void prepare(BinanceConfig config) {
    if (needsTls(config) && !BASE.isDone() && STARTED.compareAndSet(false, true)) {
      Thread t = new Thread(HttpClients::build, "binance-jdbc-tls");
      t.setDaemon(true);
      t.start();
    }
  }

  /**
   * Builds the shared client now unless it is built; a caller that arrives while another thread
   * builds it waits for that build. Idempotent.
   */
  static void build() {
    synchronized (BASE) {
      if (BASE.isDone()) {
        return;
      }
      try {
        BASE.complete(new OkHttpClient());
      } catch (RuntimeException | Error e) {
        BASE.completeExceptionally(e);
      }
    }
  }
}
