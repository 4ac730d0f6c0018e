package io.github.binancejdbc.adapter.cache;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.client.BinanceHttp;
import io.github.binancejdbc.adapter.client.Param;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's view of closed history: the memory cache of its base URL (unless {@code
 * cacheSize} is 0) in front of its archive (when {@code archive} names a directory). Tables ask it
 * which part of a range is held, read that part from it, and give it what they fetch.
 */
public final class History implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(History.class);

  private final String baseUrl;
  private final HistoryCache memory;
  private final boolean memoryOn;
  private final @Nullable Archive archive;
  private volatile Consumer<CacheHit> listener = h -> {};

  /**
   * @param cacheBytes the memory cache's bound; 0 keeps nothing in memory
   * @param archiveDirectory null for no archive
   * @throws io.github.binancejdbc.adapter.error.BinanceException when the archive cannot be used
   */
  public History(String baseUrl, long cacheBytes, @Nullable String archiveDirectory) {
    this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
    this.memory = HistoryCache.forBaseUrl(baseUrl, cacheBytes);
    this.memoryOn = cacheBytes > 0;
    this.archive = archiveDirectory == null ? null : Archive.open(archiveDirectory);
  }

  /** Whether anything is kept: in memory or in an archive. */
  public boolean enabled() {
    return memoryOn || archive != null;
  }

  /**
   * Whether a scan of about {@code bytes} should be kept: always with an archive (disk is the point
   * of one); in memory alone only when it takes at most half the cache, since a larger one would
   * evict itself and everything else while it is read.
   */
  public boolean worthKeeping(long bytes) {
    return archive != null || (memoryOn && bytes <= memory.maxBytes() / 2);
  }

  /** The shared cache of this base URL, with the counters of what it saved. */
  public HistoryCache cache() {
    return memory;
  }

  /** Called for each request the cache answers (for {@code api_requests}); replaces the last. */
  public void onHit(Consumer<CacheHit> listener) {
    this.listener = requireNonNull(listener, "listener is null");
  }

  /** A held segment, and whether it was read from the archive on disk. */
  public record Held(Segment segment, boolean fromArchive) {}

  /** A segment of {@code series} holding {@code key}, or null. */
  public @Nullable Held covering(Series series, long key) {
    if (memoryOn) {
      Segment s = memory.covering(series, key);
      if (s != null) {
        return new Held(s, false);
      }
    }
    if (archive != null) {
      Segment s = archive.covering(archiveKey(series), key);
      if (s != null) {
        if (memoryOn) {
          memory.put(series, s);
        }
        return new Held(s, true);
      }
    }
    return null;
  }

  /**
   * Drops {@code segment} of {@code series} from memory: its rows could not be read again ({@link
   * Segment.Unreadable}), so its keys are fetched instead (segments on disk hold rows).
   */
  public void forget(Series series, Segment segment) {
    if (memoryOn) {
      memory.forget(series, segment);
    }
  }

  /** The first key after {@code key} where a held segment of {@code series} starts; or MAX. */
  public long nextStart(Series series, long key) {
    long next = memoryOn ? memory.nextStart(series, key) : Long.MAX_VALUE;
    if (archive != null) {
      next = Math.min(next, archive.nextStart(archiveKey(series), key));
    }
    return next;
  }

  /**
   * Keeps {@code segment} (rows that can no longer change) wherever this connection keeps any. With
   * an archive, a segment that reads its rows is built first (the archive writes rows), and not
   * kept at all if they cannot be read.
   */
  public void put(Series series, Segment segment) {
    if (archive != null) {
      try {
        segment = segment.built();
      } catch (Segment.Unreadable e) {
        return;
      }
    }
    if (memoryOn) {
      memory.put(series, segment);
    }
    if (archive != null) {
      String k = archiveKey(series);
      long from = segment.from();
      Segment before = archive.covering(k, from);
      if (before != null) {
        if (before.to() >= segment.to()) {
          return;
        }
        from = before.to() + 1;
      }
      // With a segment before, one may start right after it; without, none starts at from.
      long next = archive.nextStart(k, before != null ? from - 1 : from);
      Segment s = segment.cut(from, next == Long.MAX_VALUE ? segment.to() : next - 1);
      if (s != null) {
        archive.put(k, s);
      }
    }
  }

  /** Records that {@code rows} rows were served in place of a request to {@code path}. */
  public void served(String path, List<Param> params, int weight, int rows, boolean fromArchive) {
    memory.saved(weight);
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "GET {}?{} served by the {} ({} rows, weight {} saved)",
          path,
          BinanceHttp.encodeQuery(params),
          fromArchive ? "archive" : "cache",
          rows,
          weight);
    }
    listener.accept(new CacheHit(path, List.copyOf(params), weight, rows, fromArchive));
  }

  private String archiveKey(Series series) {
    return baseUrl + ' ' + series.key();
  }

  @Override
  public void close() {
    if (archive != null) {
      archive.release();
    }
  }
}
