package io.github.binancejdbc.adapter.table;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Pages through rows ordered by an increasing key (a trade id, an order id, a list id) that the API
 * takes as a cursor ({@code fromId=}, {@code orderId=}): forwards, each page from the next wanted
 * key after the last row, or backwards, each page ending just below the first row of the page
 * before. The one pager of the history tables; the account tables' 24-hour windows are {@link
 * WindowPager}, fetching ahead where the next cursor is known in advance is {@link AheadPages}.
 *
 * <p>Paging stops on a short page, when no wanted key is left (past a bound, past the last value of
 * an IN list) or when a row is past a bound the key cannot express ({@code stop}: a time past the
 * upper time bound forwards, before the lower one backwards; ids grow with time: {@link StopAt}).
 *
 * <p>Backwards, Binance answers a cursor past the newest row with nothing, and one below the first
 * row from the first row on: so an empty page is retried once as the newest page, and a page
 * starting above its cursor ends the scan (rows past the page's end are dropped). Neither a short
 * page nor an empty one by itself means the scan is done.
 */
final class KeyedPager implements RowStream {
  /** One page of at most {@code limit} rows from key {@code from}; null: no cursor (see open). */
  @FunctionalInterface
  interface Fetch {
    List<Object[]> page(Long from, int limit);
  }

  /** Which keys a query wants: a range, or the points of an IN list within it. */
  interface Wanted {
    /** The smallest wanted key at or after {@code from}; null when none is left. */
    Long next(long from);

    /** The largest wanted key at or before {@code from}; null when none is left. */
    Long previous(long from);

    /** The last wanted key a page of {@code span} keys from {@code from} reaches. */
    long lastWithin(long from, int span);

    /** The keys of range column {@code column} that {@code q} wants. */
    static Wanted of(ScanQuery q, String column) {
      return new Wanted() {
        @Override
        public Long next(long from) {
          return q.nextWanted(column, from);
        }

        @Override
        public Long previous(long from) {
          return q.previousWanted(column, from);
        }

        @Override
        public long lastWithin(long from, int span) {
          return q.lastWantedWithin(column, from, span);
        }
      };
    }

    /** Every key from {@code lo} to {@code hi} (inclusive). */
    static Wanted range(long lo, long hi) {
      return new Wanted() {
        @Override
        public Long next(long from) {
          long k = Math.max(from, lo);
          return k > hi ? null : k;
        }

        @Override
        public Long previous(long from) {
          long k = Math.min(from, hi);
          return k < lo ? null : k;
        }

        @Override
        public long lastWithin(long from, int span) {
          long end = from + span - 1 < from ? Long.MAX_VALUE : from + span - 1;
          return Math.min(end, hi);
        }
      };
    }
  }

  private final int keySlot;
  private final int pageSize;
  private final Wanted wanted;
  private final boolean backwards;
  private final boolean reverse;
  private final Fetch fetch;
  private boolean sizeToWanted = true;
  private boolean trim = true;
  private boolean countKeys;

  /** The next page has no cursor: the newest rows backwards, an opening request forwards. */
  private boolean open;

  private boolean newestTried;

  /** Backwards, pages are asked by their last key (see backwardsByEnd). */
  private boolean byEnd;

  private long cursor;
  private boolean done;

  private KeyedPager(
      int keySlot,
      int pageSize,
      Wanted wanted,
      boolean backwards,
      boolean reverse,
      long start,
      Fetch fetch) {
    this.keySlot = keySlot;
    this.pageSize = pageSize;
    this.wanted = requireNonNull(wanted, "wanted is null");
    this.backwards = backwards;
    this.reverse = reverse;
    this.cursor = start;
    this.fetch = requireNonNull(fetch, "fetch is null");
  }

  /** Forwards from key {@code from}, rows in key order. */
  static KeyedPager forwards(int keySlot, int pageSize, Wanted wanted, long from, Fetch fetch) {
    return new KeyedPager(keySlot, pageSize, wanted, false, false, from, fetch);
  }

  /**
   * Backwards from key {@code from} ({@code Long.MAX_VALUE}: from the newest row), rows in key
   * order within a page, or newest first when {@code reverse}.
   */
  static KeyedPager backwards(
      int keySlot, int pageSize, Wanted wanted, long from, boolean reverse, Fetch fetch) {
    KeyedPager p = new KeyedPager(keySlot, pageSize, wanted, true, reverse, from, fetch);
    p.open = from == Long.MAX_VALUE;
    return p;
  }

  /**
   * Forwards through ids {@code from..hi}, full pages of {@link AccountRequests#PAGE} from the last
   * id + 1: the account endpoints that take a {@code fromId}-like cursor.
   */
  static KeyedPager byId(long from, long hi, int idSlot, Fetch fetch) {
    return forwards(idSlot, AccountRequests.PAGE, Wanted.range(from, hi), from, fetch)
        .fullPages(false);
  }

  /**
   * Backwards through keys {@code lo..hi} of an endpoint that pages by the end of the range
   * (klines' {@code endTime}): each page is the latest {@code limit} rows at or before {@code
   * fetch.page(end, limit)}'s end (null: the newest rows), the next ends below its first row.
   */
  static KeyedPager backwardsByEnd(
      int keySlot, int pageSize, long lo, long hi, boolean reverse, Fetch fetch) {
    KeyedPager p =
        new KeyedPager(
            keySlot, pageSize, Wanted.range(Math.max(0, lo), hi), true, reverse, hi, fetch);
    p.byEnd = true;
    p.done = lo > hi;
    return p;
  }

  /** Whether the first page is asked without a cursor ({@code fetch.page(null, limit)}). */
  KeyedPager openWithoutCursor(boolean open) {
    this.open = open;
    return this;
  }

  /**
   * This scan, ended after a page whose last row (the oldest, backwards) passes {@code stop}: the
   * last step of the set-up.
   */
  RowStream stopAt(Predicate<Object[]> stop) {
    return new StopAt(this, backwards && !reverse, stop);
  }

  /**
   * Full pages whatever the query still wants, and no page cut at the upper bound: for the account
   * endpoints, whose request strings the tests pin.
   */
  KeyedPager fullPages(boolean sizeToWanted) {
    this.sizeToWanted = sizeToWanted;
    this.trim = false;
    return this;
  }

  /**
   * A page is full when it holds {@code limit} distinct keys (not rows): one order list is one row
   * per order.
   */
  KeyedPager countKeys() {
    this.countKeys = true;
    return this;
  }

  @Override
  public List<Object[]> nextPage(long want) {
    if (done) {
      return null;
    }
    int limit = sizeToWanted ? (int) Math.max(1, Math.min(pageSize, want)) : pageSize;
    List<Object[]> rows;
    if (byEnd) {
      Long end = cursor == Long.MAX_VALUE ? null : wanted.previous(cursor);
      if (end == null && cursor != Long.MAX_VALUE) {
        done = true;
        return null;
      }
      rows = new ArrayList<>(fetch.page(end, limit));
      done = rows.size() < limit;
      if (!done) {
        cursor = key(rows.get(0)) - 1;
      }
      return ordered(rows);
    }
    if (open) {
      open = false;
      rows = new ArrayList<>(fetch.page(null, limit));
      if (backwards) {
        return afterNewest(rows, limit);
      }
      return forwardDone(rows, limit);
    }
    Long next = backwards ? wanted.previous(cursor) : wanted.next(cursor);
    if (next == null) {
      done = true;
      return null;
    }
    if (backwards) {
      long from = wanted.next(Math.max(0, next - limit + 1));
      rows = new ArrayList<>(fetch.page(from, (int) (next - from + 1)));
      return backwardPage(rows, from, next);
    }
    if (trim) {
      limit = (int) (wanted.lastWithin(next, limit) - next + 1);
    }
    return forwardDone(new ArrayList<>(fetch.page(next, limit)), limit);
  }

  private List<Object[]> forwardDone(List<Object[]> rows, int limit) {
    done = count(rows) < limit;
    if (!rows.isEmpty()) {
      Object[] last = rows.get(rows.size() - 1);
      cursor = key(last) + 1;
      done |= cursor == Long.MIN_VALUE;
    }
    return rows;
  }

  private List<Object[]> afterNewest(List<Object[]> rows, int limit) {
    done = rows.size() < limit;
    if (!rows.isEmpty()) {
      cursor = key(rows.get(0)) - 1;
    }
    return ordered(rows);
  }

  private List<Object[]> backwardPage(List<Object[]> rows, long from, long end) {
    if (rows.isEmpty()) {
      done = newestTried;
      newestTried = true;
      open = true;
      return rows;
    }
    long firstKey = key(rows.get(0));
    rows.removeIf(row -> key(row) > end);
    done = firstKey > from || rows.isEmpty();
    cursor = from - 1;
    return ordered(rows);
  }

  private List<Object[]> ordered(List<Object[]> rows) {
    if (reverse) {
      Collections.reverse(rows);
    }
    return rows;
  }

  private int count(List<Object[]> rows) {
    if (!countKeys) {
      return rows.size();
    }
    int n = 0;
    Object prev = null;
    for (Object[] r : rows) {
      if (!r[keySlot].equals(prev)) {
        n++;
        prev = r[keySlot];
      }
    }
    return n;
  }

  private long key(Object[] row) {
    return (Long) row[keySlot];
  }

  /**
   * The newest rows first, in one request without a cursor ({@code newest.apply(limit)}, rows in
   * key order, given newest first), then, when that page was full, the older rows from {@code
   * older.apply(oldest row)} (null: none wanted). For {@code ORDER BY id DESC LIMIT n} and an
   * unordered {@code LIMIT n} on endpoints that page forwards only.
   */
  static RowStream newestThenOlder(
      IntFunction<List<Object[]>> newest, Function<Object[], RowStream> older) {
    return new RowStream() {
      private RowStream rest;
      private boolean started;

      @Override
      public List<Object[]> nextPage(long want) {
        if (started) {
          return rest == null ? null : rest.nextPage(want);
        }
        started = true;
        int limit = AccountRequests.pageLimit(want);
        List<Object[]> rows = new ArrayList<>(newest.apply(limit));
        if (rows.size() == limit) {
          rest = older.apply(rows.get(0));
        }
        Collections.reverse(rows);
        return rows;
      }

      @Override
      public void close() {
        if (rest != null) {
          rest.close();
        }
      }
    };
  }
}
