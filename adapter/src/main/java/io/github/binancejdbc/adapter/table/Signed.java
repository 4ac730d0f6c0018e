package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.BodyReader;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceException;
import java.util.List;

/**
 * The former home of what the signed account tables share, now in {@link AccountRequests}, {@link
 * Ids}, {@link RowChecks} and {@link SortedStreams}. Each member forwards there; it remains only
 * for the table files still being reworked, and goes once they call the new homes.
 */
final class Signed {
  static final int PAGE = AccountRequests.PAGE;
  static final long DAY = AccountRequests.DAY;
  static final long NOW_SLACK = AccountRequests.NOW_SLACK;

  private Signed() {}

  static <T> T get(
      BinanceContext ctx, String path, List<Param> params, int weight, BodyReader<T> reader) {
    return AccountRequests.get(ctx, path, params, weight, reader);
  }

  static long serverNow(BinanceContext ctx) {
    return AccountRequests.serverNow(ctx);
  }

  static int pageLimit(long wanted) {
    return AccountRequests.pageLimit(wanted);
  }

  static BinanceException unsplittable(String table, String what, long millis) {
    return AccountRequests.unsplittable(table, what, millis);
  }

  static List<Long> ids(List<String> values) {
    return Ids.ids(values);
  }

  static Long id(String value) {
    return Ids.id(value);
  }

  static void negativeToNull(Object[] row, int slot) {
    RowChecks.negativeToNull(row, slot);
  }

  static void requirePresent(TableDef def, Object[] row) {
    RowChecks.requirePresent(def, row);
  }

  static List<Object[]> drainSorted(RowStream stream, int slot, boolean descending) {
    return SortedStreams.drainSorted(stream, slot, descending);
  }

  static RowStream sorted(RowStream source, int slot, boolean descending) {
    return SortedStreams.sorted(source, slot, descending);
  }
}
