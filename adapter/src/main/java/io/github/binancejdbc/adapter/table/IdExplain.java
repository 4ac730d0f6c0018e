package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The EXPLAIN lines of the id-cursor tables ({@code trades}, {@code agg_trades}, {@code orders},
 * {@code order_lists}), shaped as their pagers send: the first request with its parameters, how
 * many follow and what ends them.
 */
final class IdExplain {
  private static final int PAGE = AccountRequests.PAGE;

  private IdExplain() {}

  /** The bounds of a trades table's scan: its id column and {@code trade_time}, and the LIMIT. */
  record Bounds(
      ExplainQuery.Sym idLo,
      ExplainQuery.Sym idHi,
      ExplainQuery.Sym timeLo,
      ExplainQuery.Sym timeHi,
      ExplainQuery.Sym limit) {
    static Bounds of(ExplainQuery q, String idColumn) {
      return new Bounds(
          q.lower(idColumn),
          q.upper(idColumn),
          q.lower("trade_time"),
          q.upper("trade_time"),
          q.limit());
    }
  }

  /** Whether the scan reads newest first (DESC, or an unordered LIMIT). */
  static boolean backwards(ExplainQuery q) {
    return q.direction() == ScanSpec.Direction.DESC
        || (q.direction() == ScanSpec.Direction.NONE && q.limit() != null);
  }

  /** The {@code limit} of a first page: the LIMIT's rows up to a page. */
  static Object firstLimit(ExplainQuery.Sym limit) {
    if (limit == null) {
      return PAGE;
    }
    return limit.known() ? Math.max(1, Math.min(PAGE, limit.number())) : "min(1000, " + limit + ")";
  }

  /** Whether a LIMIT fits in one page, so that one request answers it. */
  static boolean onePage(ExplainQuery.Sym limit) {
    return limit != null && limit.known() && limit.number() <= PAGE;
  }

  /**
   * Forward pages of ids {@code lo..hi} by {@code idParam}, each after the last id: a count when
   * both bounds (and so the ids, consecutive when {@code dense}) are known, else open.
   */
  static void forward(
      RequestPlan plan,
      BinanceTable.Keys keys,
      String path,
      List<Param> head,
      String idParam,
      ExplainQuery.Sym lo,
      ExplainQuery.Sym hi,
      ExplainQuery.Sym limit,
      boolean dense,
      int weight,
      UnaryOperator<String> sign,
      String until) {
    List<Param> params = new ArrayList<>(head);
    params.add(
        Param.of(
            idParam,
            lo == null
                ? ExplainQuery.Sym.of(0)
                : lo.known() ? ExplainQuery.Sym.of(Math.max(0, lo.number())) : lo));
    long pages = -1;
    Object first = firstLimit(limit);
    if (dense && lo != null && hi != null && lo.known() && hi.known()) {
      long ids = Math.max(0, hi.number() - Math.max(0, lo.number()) + 1);
      if (ids == 0) {
        return;
      }
      pages = (ids + PAGE - 1) / PAGE;
      if (first instanceof Long n) {
        first = Math.min(n, ids);
      } else if (first instanceof Integer n) {
        first = Math.min(n, ids);
      }
    }
    if (onePage(limit)) {
      pages = pages < 0 ? 1 : Math.min(pages, 1);
    } else if (limit != null && limit.known() && pages > 0) {
      pages = Math.min(pages, (limit.number() + PAGE - 1) / PAGE);
    }
    params.add(Param.of("limit", first));
    String query = sign.apply(RequestPlan.query(params));
    if (pages > 0 && keys.exact()) {
      plan.atMost(pages * keys.count(), "GET", path, query, weight);
    } else {
      plan.open(
          (keys.count() > 1 ? keys.count() + " streams of " : "") + "pages of 1000 " + until,
          "GET",
          path,
          query,
          weight);
    }
  }

  /**
   * The account tables' 24 h windows from {@code lo} to {@code hi} (or now), one request each, when
   * the span is known; true when they were added (else the caller pages by id).
   */
  static boolean windows(
      RequestPlan plan,
      BinanceTable.Keys keys,
      String path,
      List<Param> head,
      ExplainQuery.Sym lo,
      ExplainQuery.Sym hi,
      long now,
      int weight,
      UnaryOperator<String> sign) {
    if (lo == null || !lo.known() || (hi != null && !hi.known())) {
      return false;
    }
    long end = hi == null ? now : Math.min(hi.number(), now);
    if (end - lo.number() >= OrdersTable.MAX_WINDOW_DAYS * AccountRequests.DAY) {
      return false;
    }
    List<Param> w = new ArrayList<>(head);
    w.add(Param.of("startTime", lo));
    w.add(Param.of("endTime", lo.plus(AccountRequests.DAY - 1)));
    w.add(Param.of("limit", PAGE));
    long n = Math.max(1, (end - lo.number() + AccountRequests.DAY - 1) / AccountRequests.DAY);
    plan.per(
        new BinanceTable.Keys(keys.params(), keys.count() * n, keys.exact()),
        "GET",
        path,
        sign.apply(RequestPlan.query(w)),
        weight);
    plan.note("one per 24 h window; a window that fills a page is split in two");
    return true;
  }

  /**
   * An account endpoint that lists by an id cursor or by 24 h windows ({@code allOrders}, {@code
   * allOrderList}): its path, cursor parameter and weight; as {@link #windows} and {@link #forward}
   * with them.
   */
  record Listing(String path, String idParam, int weight) {
    boolean windows(
        RequestPlan plan,
        BinanceTable.Keys keys,
        List<Param> head,
        ExplainQuery.Sym lo,
        ExplainQuery.Sym hi,
        long now,
        UnaryOperator<String> sign) {
      return IdExplain.windows(plan, keys, path, head, lo, hi, now, weight, sign);
    }

    /** Pages forwards from {@code lo} until the range ends. */
    void forward(
        RequestPlan plan,
        BinanceTable.Keys keys,
        List<Param> head,
        ExplainQuery.Sym lo,
        ExplainQuery.Sym hi,
        ExplainQuery.Sym limit,
        UnaryOperator<String> sign) {
      IdExplain.forward(
          plan,
          keys,
          path,
          head,
          idParam,
          lo,
          hi,
          limit,
          false,
          weight,
          sign,
          "until the range ends");
    }
  }

  /**
   * How a table looks one item up: {@code GET path} with one id ({@code idColumn = n}, sent as
   * {@code idParam}) or a client id ({@code clientIdColumn}, sent as {@code origClientOrderId}).
   */
  record Lookup(String path, String idColumn, String idParam, String clientIdColumn, int weight) {
    /**
     * The lookups of a query naming one id or client ids, one single-item request each: true when
     * it names either and {@code plan} has them.
     */
    boolean explain(
        RequestPlan plan, ExplainQuery q, BinanceTable.Keys keys, UnaryOperator<String> sign) {
      ExplainQuery.Sym lo = q.lower(idColumn);
      ExplainQuery.Sym hi = q.upper(idColumn);
      List<ExplainQuery.Sym> clientIds = q.points(clientIdColumn);
      if (lo != null && hi != null && lo.text().equals(hi.text())) {
        lookups(plan, keys, path, keys.params(), idParam, List.of(lo), weight, sign);
      } else if (clientIds != null) {
        lookups(plan, keys, path, keys.params(), "origClientOrderId", clientIds, weight, sign);
      } else {
        return false;
      }
      return true;
    }
  }

  /** One single-item request per value of a lookup column (an order by id or client id). */
  static void lookups(
      RequestPlan plan,
      BinanceTable.Keys keys,
      String path,
      List<Param> head,
      String param,
      List<ExplainQuery.Sym> values,
      int weight,
      UnaryOperator<String> sign) {
    List<Param> params = new ArrayList<>(head);
    params.add(Param.of(param, values.size() == 1 ? values.get(0) : "{each}"));
    plan.per(
        new BinanceTable.Keys(keys.params(), keys.count() * values.size(), keys.exact()),
        "GET",
        path,
        sign.apply(RequestPlan.query(params)),
        weight);
  }
}
