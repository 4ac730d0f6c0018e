package io.github.binancejdbc.adapter.cache;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory cache of closed history for one base URL, shared by every connection to it in the
 * JVM (like the weight governor: Binance counts weight per IP, and history is the same for every
 * connection). Bounded in bytes by the largest {@code cacheSize} a connection asked for; the least
 * recently used segments go first. Also counts the requests and weight the cache (and the archive)
 * saved, for {@code api_usage}.
 *
 * <p>Segments of one series never overlap: a segment that arrives over a part already held is cut
 * to the part that is new. Thread-safe.
 */
public final class HistoryCache {
  /**
   * {@code cacheSize}'s default: 64 MB, or an eighth of the heap when that is less, so that a small
   * heap (a 10-million-row report at {@code -Xmx64m}) is not filled by the cache.
   */
  public static final long DEFAULT_BYTES =
      Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 8);

  private static final ConcurrentMap<String, HistoryCache> BY_BASE_URL = new ConcurrentHashMap<>();

  private record Key(Series series, long from) {
    // Written out, as in Series: no ObjectMethods linkage on a first query.
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && from == k.from && series.equals(k.series);
    }

    @Override
    public int hashCode() {
      return 31 * series.hashCode() + Long.hashCode(from);
    }
  }

  /** Made when the first segment is held: a process that holds no history never builds it. */
  private volatile @Nullable Cache<Key, Segment> segments;

  /** Per series: segment start to segment end, for the segments held (or just evicted). */
  private final ConcurrentMap<Series, NavigableMap<Long, Long>> index = new ConcurrentHashMap<>();

  private final LongAdder savedRequests = new LongAdder();
  private final LongAdder savedWeight = new LongAdder();
  private long maxBytes;

  HistoryCache(long maxBytes) {
    this.maxBytes = Math.max(0, maxBytes);
  }

  private Cache<Key, Segment> segments() {
    Cache<Key, Segment> c = segments;
    if (c == null) {
      synchronized (this) {
        c = segments;
        if (c == null) {
          c = newSegments(maxBytes);
          segments = c;
        }
      }
    }
    return c;
  }

  private Cache<Key, Segment> newSegments(long bound) {
    return Caffeine.newBuilder()
        .maximumWeight(bound)
        .weigher((Key k, Segment s) -> s.bytes())
        // Maintenance on the caller's thread: eviction is immediate and tests are exact.
        .executor(Runnable::run)
        .evictionListener(
            (Key k, Segment s, com.github.benmanes.caffeine.cache.RemovalCause c) -> {
              if (k != null && s != null) {
                unindex(k.series(), s);
              }
            })
        .build();
  }

  /**
   * The cache of {@code baseUrl}, made on first use; its bound grows to {@code maxBytes} if a
   * connection asks for more than the bound so far.
   */
  public static HistoryCache forBaseUrl(String baseUrl, long maxBytes) {
    requireNonNull(baseUrl, "baseUrl is null");
    HistoryCache c = BY_BASE_URL.computeIfAbsent(baseUrl, u -> new HistoryCache(maxBytes));
    c.atLeast(maxBytes);
    return c;
  }

  /** The cache of {@code baseUrl} if a connection made one; for its counters. */
  public static @Nullable HistoryCache existing(String baseUrl) {
    return BY_BASE_URL.get(requireNonNull(baseUrl, "baseUrl is null"));
  }

  private synchronized void atLeast(long bytes) {
    if (bytes > maxBytes) {
      maxBytes = bytes;
      Cache<Key, Segment> c = segments;
      if (c != null) {
        c.policy().eviction().ifPresent(e -> e.setMaximum(bytes));
      }
    }
  }

  /** The bound in bytes. */
  public synchronized long maxBytes() {
    return maxBytes;
  }

  /** Requests the cache and the archive answered instead of the API, since the JVM started. */
  public long savedRequests() {
    return savedRequests.sum();
  }

  /** The request weight those requests would have cost. */
  public long savedWeight() {
    return savedWeight.sum();
  }

  void saved(int weight) {
    savedRequests.increment();
    savedWeight.add(weight);
  }

  /** The segment holding key {@code key} of {@code series}, or null. */
  @Nullable Segment covering(Series series, long key) {
    NavigableMap<Long, Long> starts = index.get(series);
    if (starts == null) {
      return null;
    }
    Map.Entry<Long, Long> e = starts.floorEntry(key);
    if (e == null || e.getValue() < key) {
      return null;
    }
    Cache<Key, Segment> c = segments;
    Segment s = c == null ? null : c.getIfPresent(new Key(series, e.getKey()));
    if (s == null) {
      starts.remove(e.getKey(), e.getValue());
    }
    return s;
  }

  /** The first key after {@code key} where a segment of {@code series} starts; MAX if none. */
  long nextStart(Series series, long key) {
    NavigableMap<Long, Long> starts = index.get(series);
    if (starts == null || key == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    Long next = starts.higherKey(key);
    return next == null ? Long.MAX_VALUE : next;
  }

  /** Holds {@code segment}, cut to what is not yet held. */
  void put(Series series, Segment segment) {
    if (maxBytes == 0) {
      return;
    }
    NavigableMap<Long, Long> starts =
        index.computeIfAbsent(series, s -> new ConcurrentSkipListMap<>());
    synchronized (starts) {
      Segment s = newPart(starts, segment);
      if (s == null) {
        return;
      }
      // Held before indexed: a reader that finds the index entry finds the segment.
      segments().put(new Key(series, s.from()), s);
      starts.put(s.from(), s.to());
    }
  }

  /** The part of {@code s} from its start up to the first key already held; null if none. */
  private static @Nullable Segment newPart(NavigableMap<Long, Long> starts, Segment s) {
    long from = s.from();
    Map.Entry<Long, Long> before = starts.floorEntry(from);
    if (before != null && before.getValue() >= from) {
      if (before.getValue() >= s.to()) {
        return null;
      }
      from = before.getValue() + 1;
    }
    Long next = starts.ceilingKey(from);
    long to = next == null ? s.to() : Math.min(s.to(), next - 1);
    return s.cut(from, to);
  }

  /** Drops {@code segment} of {@code series} if it is held. */
  void forget(Series series, Segment segment) {
    Cache<Key, Segment> c = segments;
    if (c != null && c.asMap().remove(new Key(series, segment.from()), segment)) {
      unindex(series, segment);
    }
  }

  private void unindex(Series series, Segment s) {
    NavigableMap<Long, Long> starts = index.get(series);
    if (starts != null) {
      starts.remove(s.from(), s.to());
    }
  }

  /** Drops everything held (tests). */
  void clear() {
    Cache<Key, Segment> c = segments;
    if (c != null) {
      c.invalidateAll();
    }
    index.clear();
  }
}
