package io.github.binancejdbc.adapter.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import okhttp3.OkHttpClient;

/**
 * The one {@link OkHttpClient} every connection of the process derives its own client from. What is
 * expensive about a client is its TLS set-up (the platform's trust store is read and an SSL context
 * made: about a third of the first connection's time); a client derived with {@link
 * OkHttpClient#newBuilder()} reuses it. Each derived client still gets its own dispatcher and
 * connection pool, so closing one connection never touches another's calls.
 *
 * <p>A driver may call {@link #build()} on a background thread as soon as it is loaded, so that the
 * client is ready, built in parallel with the rest of connecting, when the first connection needs
 * it.
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
