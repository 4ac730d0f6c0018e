package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.BinanceHttp;
import io.github.binancejdbc.adapter.client.BodyReader;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How the signed account tables ask: the signed GET, the largest page, the longest time span, the
 * end of a window that runs to the present, and the one case no window can split.
 */
final class AccountRequests {
  /** The largest {@code limit} the account list endpoints take. */
  static final int PAGE = 1000;

  /** Milliseconds in the longest {@code startTime}..{@code endTime} span Binance accepts. */
  static final long DAY = 86_400_000L;

  /**
   * A window that ends "now" ends this much after the server's time, for the time a request takes
   * to arrive. Binance clamps an {@code endTime} in the future.
   */
  static final long NOW_SLACK = 1_000L;

  private AccountRequests() {}

  /** A signed {@code GET}: timestamp, signature and API key are added by the transport. */
  static <T> T get(
      BinanceContext ctx, String path, List<Param> params, int weight, BodyReader<T> reader) {
    return ctx.http().signed(BinanceHttp.Method.GET, path, params, weight, reader);
  }

  /**
   * A signed {@code GET} of rows (one JSON object or an array of them) read by {@code fields}; each
   * row is then stamped with what the request asked ({@code stamp}, over what the body says) and
   * checked for the columns {@code def} needs present.
   */
  static List<Object[]> rows(
      BinanceContext ctx,
      String path,
      List<Param> params,
      int weight,
      Json.Fields fields,
      TableDef def,
      Consumer<Object[]> stamp) {
    return get(
        ctx,
        path,
        params,
        weight,
        p -> {
          List<Object[]> rows = fields.readObjectOrArray(p, r -> {});
          for (Object[] r : rows) {
            stamp.accept(r);
            RowChecks.requirePresent(def, r);
          }
          return rows;
        });
  }

  /**
   * The server's current time plus {@link #NOW_SLACK}: the end of a time window that runs to the
   * present. The offset to our clock is measured first if no signed request has measured it yet
   * (the first signed request would do so anyway).
   */
  static long serverNow(BinanceContext ctx) {
    Long offset = ctx.http().serverOffsetMillis();
    // Without credentials the signed request that follows fails before sending anything; so must
    // this.
    if (offset == null && ctx.http().canSign()) {
      ctx.http().measureServerTime();
      offset = ctx.http().serverOffsetMillis();
    }
    return ctx.config().clock().millis() + (offset == null ? 0 : offset) + NOW_SLACK;
  }

  /** The {@code limit} to ask for when {@code wanted} more rows are wanted. */
  static int pageLimit(long wanted) {
    return (int) Math.max(1, Math.min(PAGE, wanted));
  }

  /** The error for more than a page of rows in one millisecond, which no window can split. */
  static BinanceException unsplittable(String table, String what, long millis) {
    return BinanceException.unsupported(
        table
            + ": more than "
            + PAGE
            + " "
            + what
            + " at one millisecond ("
            + millis
            + "); page"
            + " by id instead of by time");
  }

  /**
   * One single-item request per client id ({@code origClientOrderId}), in one page, sorted by
   * {@code slot} when the query orders: cheaper than paging the account's history.
   */
  static RowStream byClientIds(
      List<String> clientIds, Function<String, List<Object[]>> one, ScanQuery q, int slot) {
    RowStream lookups =
        RowStream.once(
            () -> {
              List<Object[]> rows = new ArrayList<>();
              for (String id : clientIds) {
                rows.addAll(one.apply(id));
              }
              return rows;
            });
    return q.direction() == io.github.binancejdbc.adapter.rel.ScanSpec.Direction.NONE
        ? lookups
        : SortedStreams.sorted(
            lookups,
            slot,
            q.direction() == io.github.binancejdbc.adapter.rel.ScanSpec.Direction.DESC);
  }
}
