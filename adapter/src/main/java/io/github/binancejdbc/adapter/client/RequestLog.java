package io.github.binancejdbc.adapter.client;

import io.github.binancejdbc.adapter.error.ErrorMessages;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The last requests of one connection, newest last, at most {@link #CAPACITY}: what the {@code
 * api_requests} table shows. An entry never holds a secret: the signature is added after the
 * parameters are logged, and parameters named like a key are left out. Thread-safe (pages fetched
 * ahead log from their own threads).
 */
public final class RequestLog {
  /** Entries kept; the oldest is dropped first. */
  public static final int CAPACITY = 1000;

  /**
   * One request, or one answer served from the cache.
   *
   * @param timeMillis when it was sent (epoch milliseconds, the connection's clock)
   * @param baseUrl the host that was asked (for a cached answer, the host it would have gone to)
   * @param query the parameters as sent, percent-encoded, without {@code signature} or any key
   * @param weight the request weight counted for it (0 is never logged for a sent request)
   * @param httpStatus null when no answer arrived (an I/O error) or it came from the cache
   * @param rows rows parsed from the answer; null when unknown or the answer was not a list
   */
  public record Entry(
      long timeMillis,
      String baseUrl,
      String method,
      String endpoint,
      String query,
      int weight,
      @Nullable Integer httpStatus,
      long millis,
      @Nullable Integer rows,
      boolean fromCache) {}

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long added;

  /** Appends {@code e}, dropping the oldest entry beyond {@link #CAPACITY}. */
  public synchronized void add(Entry e) {
    entries.addLast(e);
    added++;
    while (entries.size() > CAPACITY) {
      entries.removeFirst();
    }
  }

  /** The entries, oldest first. */
  public synchronized List<Entry> snapshot() {
    return new ArrayList<>(entries);
  }

  /**
   * The number (1-based, counted since the connection opened) of the first entry {@link
   * #snapshot()} returns now; entry i of the snapshot is number {@code firstNumber() + i}.
   */
  public synchronized long firstNumber() {
    return added - entries.size() + 1;
  }

  /** The query string to log: {@code params} percent-encoded, secrets left out. */
  static String loggable(List<Param> params) {
    List<Param> kept = new ArrayList<>(params.size());
    for (Param p : params) {
      if (!ErrorMessages.isSecret(p.name())) {
        kept.add(p);
      }
    }
    return BinanceHttp.encodeQuery(kept);
  }

  /**
   * Rows in a parsed answer when it is a list (every table reader returns one) or says how many it
   * holds ({@link BodyReader.Rows}), else null.
   */
  static @Nullable Integer rowsOf(@Nullable Object answer) {
    if (answer instanceof BodyReader.Rows r) {
      return r.rowCount();
    }
    return answer instanceof Collection<?> c ? c.size() : null;
  }
}
