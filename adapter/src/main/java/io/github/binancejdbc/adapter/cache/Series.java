package io.github.binancejdbc.adapter.cache;

import static java.util.Objects.requireNonNull;

/**
 * One ordered run of history: an endpoint and every parameter that changes its rows (symbol,
 * interval, time zone, ...), and for an account's history the account, so that rows are never
 * shared across API keys. Paging parameters ({@code startTime}, {@code limit}, ...) are not part of
 * it.
 *
 * @param key e.g. {@code /api/v3/klines symbol=BTCUSDT interval=1h timeZone=0}
 */
public record Series(String key) {
  public Series {
    requireNonNull(key, "key is null");
    if (key.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a series key cannot hold NUL");
    }
  }

  // Written out: a record's generated equals and hashCode are linked on first use through
  // ObjectMethods, whose first use in a process costs a first query about 20 ms.
  @Override
  public boolean equals(Object o) {
    return o instanceof Series s && key.equals(s.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  /** The series of {@code path} with {@code name=value} pairs, in the order given. */
  public static Series of(String path, String... nameValues) {
    StringBuilder sb = new StringBuilder(path);
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      sb.append(' ').append(nameValues[i]).append('=').append(nameValues[i + 1]);
    }
    return new Series(sb.toString());
  }
}
