package io.github.binancejdbc.adapter.client;

import io.github.binancejdbc.adapter.BinanceConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The one {@link OkHttpClient} every connection of the process derives its own client from. What is
 * expensive about a client is its TLS set-up (the platform's trust store is read and an SSL context
 * made: about a third of the first connection's time); a client derived with {@link
 * OkHttpClient#newBuilder()} reuses it. Each derived client still gets its own dispatcher and
 * connection pool, so closing one connection never touches another's calls.
 *
 * <p>A driver may call {@link #build()} on a background thread as soon as it is loaded, so that the
 * client is built in parallel with connecting and preparing: a connection derives its client only
 * when it sends its first request.
 */
public final class HttpClients {
  private static final CompletableFuture<OkHttpClient> BASE = new CompletableFuture<>();

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
    return base()
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
   * Builds the shared client now unless it is built; a caller that arrives while another thread
   * builds it waits for that build. Idempotent.
   */
  public static void build() {
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
