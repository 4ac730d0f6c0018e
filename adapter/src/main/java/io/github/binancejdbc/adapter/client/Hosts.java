package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts of one service (production's {@code api.binance.com} with its backups, say) and which
 * one is in use. A host that fails for a reason of its own is left for the next one in the list;
 * the connection stays on the host that works for {@link #STICKY_MILLIS} before it tries the first
 * host again, so a dead host costs one failed attempt now and then, not one per request.
 * Thread-safe.
 */
final class Hosts {
  private static final Logger LOG = LoggerFactory.getLogger(Hosts.class);

  /** How long a failover lasts before the first host is tried again. */
  static final long STICKY_MILLIS = 5 * 60_000;

  private final List<String> urls;
  private final Clock clock;

  // Guarded by this.
  private int current;
  private long movedAt;

  Hosts(List<String> urls, Clock clock) {
    this.urls = List.copyOf(requireNonNull(urls, "urls is null"));
    this.clock = requireNonNull(clock, "clock is null");
    if (this.urls.isEmpty()) {
      throw new IllegalArgumentException("urls is empty");
    }
  }

  int size() {
    return urls.size();
  }

  /** The host to send the next request to. */
  synchronized String current() {
    if (current != 0 && clock.millis() - movedAt >= STICKY_MILLIS) {
      LOG.info(
          "Trying {} again after {} s on {}", urls.get(0), STICKY_MILLIS / 1000, urls.get(current));
      current = 0;
    }
    return urls.get(current);
  }

  /**
   * Records that {@code host} failed for a reason of its own ({@code why}); later requests go to
   * the next host in the list, unless another thread has already moved on.
   */
  synchronized void failed(String host, String why) {
    if (urls.size() == 1 || !urls.get(current).equals(host)) {
      return;
    }
    current = (current + 1) % urls.size();
    movedAt = clock.millis();
    LOG.warn("{} failed ({}); switching to {}", host, why, urls.get(current));
  }
}
