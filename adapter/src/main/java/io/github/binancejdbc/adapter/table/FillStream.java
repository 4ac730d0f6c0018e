package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The fills of one symbol in {@code my_trades} or {@code sor_allocations}, read by the plan that
 * {@link MyTradesTable} describes; the plan is chosen on the first read.
 */
final class FillStream {
  private final MyTradesTable table;
  private final BinanceContext ctx;
  private final String symbol;
  private final ScanQuery q;
  private final String idColumn;
  private final String timeColumn;
  private final int idSlot;
  private final int timeSlot;

  FillStream(MyTradesTable table, String symbol, ScanQuery q) {
    this.table = table;
    this.ctx = table.ctx;
    this.symbol = symbol;
    this.q = q;
    this.idColumn = table.idColumn;
    this.timeColumn = table.timeColumn;
    this.idSlot = table.idSlot;
    this.timeSlot = table.timeSlot;
  }

  RowStream plan() {
    long idLo = Math.max(0, q.lower(idColumn));
    long idHi = q.upper(idColumn);
    long orderLo = q.lower("order_id");
    ScanSpec.Direction dir = q.direction();
    boolean descending = dir == ScanSpec.Direction.DESC;
    RowStream forward;
    List<Long> orders = q.hasPoints("order_id") ? wantedOrders() : List.of();
    if (orderLo != Long.MIN_VALUE && orderLo == q.upper("order_id")) {
      forward = forward(orderLo, idLo, idHi, Long.MAX_VALUE);
    } else if (!orders.isEmpty()
        && orders.size() * table.endpoint.weightByOrder() <= table.endpoint.weight()) {
      // A few orders (an IN list, a lookup join's batch): their fills by orderId cost no more
      // than one page of the symbol's fills. With more, one pass over the symbol's fills is
      // the cheaper as soon as the orders average fewer than 1000 / (weight / weightByOrder)
      // fills each (250 for myTrades), which is what accounts have; a later batch of a lookup
      // join re-reads the same pages from this execution's memory.
      List<RowStream> each = new ArrayList<>();
      for (long order : orders) {
        each.add(forward(order, idLo, idHi, Long.MAX_VALUE));
      }
      RowStream all = RowStream.concat(each);
      return dir == ScanSpec.Direction.NONE ? all : SortedStreams.sorted(all, idSlot, descending);
    } else if ((descending || (dir == ScanSpec.Direction.NONE && q.hasLimit()))
        && idHi == Long.MAX_VALUE
        && !q.hasUpper(timeColumn)) {
      return KeyedPager.newestThenOlder(
          limit -> table.fetch(symbol, List.of(Param.of("limit", limit)), false),
          oldest -> {
            long below = (Long) oldest[idSlot] - 1;
            if (below < idLo || (Long) oldest[timeSlot] < q.lower(timeColumn)) {
              return null;
            }
            RowStream older = forward(null, idLo, below, Long.MAX_VALUE);
            return descending ? SortedStreams.sorted(older, idSlot, true) : older;
          });
    } else if (idLo == 0
        && q.hasLower(timeColumn)
        && Math.min(q.upper(timeColumn), AccountRequests.serverNow(ctx)) - q.lower(timeColumn)
            > 2 * AccountRequests.DAY) {
      // More than two windows: one request for the latest fills may save all but one of them,
      // and costs one more at worst; with two windows or fewer it cannot save anything.
      forward = new RecentFirst(idHi);
    } else {
      forward = forward(null, idLo, idHi, Long.MAX_VALUE);
    }
    return descending ? SortedStreams.sorted(forward, idSlot, true) : forward;
  }

  /** The order ids an {@code order_id IN (...)} asks for, ascending. */
  private List<Long> wantedOrders() {
    List<Long> out = new ArrayList<>();
    Long next = q.nextWanted("order_id", Long.MIN_VALUE);
    while (next != null) {
      out.add(next);
      next = next == Long.MAX_VALUE ? null : q.nextWanted("order_id", next + 1);
    }
    return out;
  }

  /**
   * Ascending by id: for the whole history from a lower time bound, 24 h windows until the first
   * rows, then the id cursor from there; else the id cursor from {@code idLo}. {@code windowEnd}:
   * no fill is later than this (else {@code Long.MAX_VALUE}: now).
   */
  private RowStream forward(Long orderId, long idLo, long idHi, long windowEnd) {
    long timeHi = q.upper(timeColumn);
    if (orderId == null && idLo == 0 && q.hasLower(timeColumn) && idLo <= idHi) {
      long end =
          Math.min(
              timeHi, windowEnd == Long.MAX_VALUE ? AccountRequests.serverNow(ctx) : windowEnd);
      return WindowPager.untilRows(
              q.lower(timeColumn),
              end,
              idSlot,
              (start, stop) ->
                  table.fetch(
                      symbol,
                      List.of(
                          Param.of("startTime", start),
                          Param.of("endTime", stop),
                          Param.of("limit", AccountRequests.PAGE)),
                      false),
              last ->
                  (Long) last[timeSlot] > timeHi ? null : byId(null, (Long) last[idSlot] + 1, idHi))
          // A window up to a fill already read (see RecentFirst) may return it again.
          .maxKey(idHi);
    }
    return byId(orderId, idLo, idHi);
  }

  /**
   * The id cursor from {@code idLo} to {@code idHi}, of one order's fills or all. All fills with no
   * upper time bound go through the account's cache: a fill never changes.
   */
  private RowStream byId(Long orderId, long idLo, long idHi) {
    long timeHi = q.upper(timeColumn);
    AheadPages.Fetch page =
        (cursor, limit) -> {
          List<Param> params = new ArrayList<>();
          if (orderId != null) {
            params.add(Param.of("orderId", orderId));
          }
          if (orderId == null || cursor > 0) {
            params.add(Param.of(table.endpoint.idParam(), cursor));
          }
          params.add(Param.of("limit", limit));
          return table.fetch(symbol, params, orderId != null);
        };
    CachedIds.Gap pager = CachedIds.accountPages(idSlot, timeSlot, timeHi);
    if (orderId != null || timeHi != Long.MAX_VALUE) {
      return pager.open(idLo, idHi, page);
    }
    return CachedIds.account(
        new CachedIds.Endpoint(
            ctx,
            table.endpoint.path(),
            table.endpoint.weight(),
            symbol,
            table.endpoint.idParam(),
            idSlot,
            page),
        idLo,
        idHi,
        row -> true,
        pager);
  }

  /**
   * A lower time bound more than a day back: the most recent fills first (one request, no cursor),
   * because they show where the account's fills end. A page that is not full, or that reaches back
   * past the lower bound, holds every fill in the range, and an account with no fill since the
   * bound costs this one request instead of one per day. Otherwise only the older fills are read as
   * {@code forward} does, with windows up to the page's oldest fill and the id cursor up to its id;
   * the page's rows come last, so the order stays ascending.
   */
  private final class RecentFirst implements RowStream {
    private final long idHi;
    private List<Object[]> recent;
    private RowStream older;
    private boolean started;

    RecentFirst(long idHi) {
      this.idHi = idHi;
    }

    @Override
    public List<Object[]> nextPage(long wanted) {
      if (!started) {
        started = true;
        List<Object[]> rows =
            table.fetch(symbol, List.of(Param.of("limit", AccountRequests.PAGE)), false);
        if (rows.isEmpty()) {
          return null;
        }
        Object[] oldest = rows.get(0);
        long oldestTime = (Long) oldest[timeSlot];
        if (rows.size() == AccountRequests.PAGE && oldestTime >= q.lower(timeColumn)) {
          older = forward(null, 0, Math.min(idHi, (Long) oldest[idSlot] - 1), oldestTime);
        }
        recent = rows;
      }
      if (older != null) {
        List<Object[]> page = older.nextPage(wanted);
        if (page != null) {
          return page;
        }
        older = null;
      }
      List<Object[]> last = recent;
      recent = null;
      return last;
    }
  }
}
