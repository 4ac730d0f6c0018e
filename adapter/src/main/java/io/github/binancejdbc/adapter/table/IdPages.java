package io.github.binancejdbc.adapter.table;

import java.util.List;
import java.util.function.Predicate;

/**
 * Pages forwards through rows ordered by an increasing id: each page is fetched from a cursor, the
 * next cursor is the last row's id + 1, and paging stops on a short page, past the upper id bound,
 * or when the last row is past another bound ({@code pastEnd}). Used by the signed endpoints that
 * take a {@code fromId}-like parameter ({@code allOrders?orderId=}, {@code fromExecutionId},
 * {@code fromPreventedMatchId}).
 */
final class IdPages implements RowStream {
  /** One page of at most {@code limit} rows starting at id {@code cursor}. */
  @FunctionalInterface
  interface Fetch {
    List<Object[]> page(long cursor, int limit);
  }

  private final long hi;
  private final int idSlot;
  private final boolean sizeToWanted;
  private final Fetch fetch;
  private final Predicate<Object[]> pastEnd;
  private long cursor;
  private boolean done;

  /**
   * @param sizeToWanted ask for no more rows than the query still wants (else full pages)
   */
  IdPages(long from, long hi, int idSlot, boolean sizeToWanted, Fetch fetch,
      Predicate<Object[]> pastEnd) {
    this.cursor = from;
    this.hi = hi;
    this.idSlot = idSlot;
    this.sizeToWanted = sizeToWanted;
    this.fetch = fetch;
    this.pastEnd = pastEnd;
    this.done = from > hi;
  }

  IdPages(long from, long hi, int idSlot, Fetch fetch) {
    this(from, hi, idSlot, false, fetch, row -> false);
  }

  @Override
  public List<Object[]> nextPage(long wanted) {
    if (done) {
      return null;
    }
    int limit = sizeToWanted ? Signed.pageLimit(wanted) : Signed.PAGE;
    List<Object[]> rows = fetch.page(cursor, limit);
    done = rows.size() < limit;
    if (!rows.isEmpty()) {
      Object[] last = rows.get(rows.size() - 1);
      cursor = (Long) last[idSlot] + 1;
      done |= cursor > hi || pastEnd.test(last);
    }
    return rows;
  }
}
