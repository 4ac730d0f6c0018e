package io.github.binancejdbc.adapter.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The in-memory ordering a stream falls back to when the API cannot deliver the order the query
 * asked for.
 */
final class SortedStreams {
  private SortedStreams() {}

  /** Every page of {@code stream}, as one list sorted by the long in {@code slot}. */
  static List<Object[]> drainSorted(RowStream stream, int slot, boolean descending) {
    List<Object[]> all = new ArrayList<>();
    for (List<Object[]> page = stream.nextPage(Long.MAX_VALUE);
        page != null;
        page = stream.nextPage(Long.MAX_VALUE)) {
      all.addAll(page);
    }
    Comparator<Object[]> byId = Comparator.comparingLong(r -> (Long) r[slot]);
    all.sort(descending ? byId.reversed() : byId);
    return all;
  }

  /**
   * A stream that drains {@code source} on first use and yields its rows in one page, ordered by
   * {@code slot}. Used where the API pages in one order and the query wants the other: the engine
   * would have to read and sort every row too, so this costs no extra request.
   */
  static RowStream sorted(RowStream source, int slot, boolean descending) {
    return RowStream.once(() -> drainSorted(source, slot, descending));
  }
}
