package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.BinanceHttp;
import io.github.binancejdbc.adapter.client.BodyReader;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the signed account tables share: the signed GET, page sizes, id parsing and the in-memory
 * ordering a stream falls back to when the API cannot deliver the order the query asked for.
 */
final class Signed {
  /** The largest {@code limit} the account list endpoints take. */
  static final int PAGE = 1000;

  /** Milliseconds in the longest {@code startTime}..{@code endTime} span Binance accepts. */
  static final long DAY = 86_400_000L;

  /**
   * A window that ends "now" ends this much after the server's time, for the time a request takes
   * to arrive. Binance clamps an {@code endTime} in the future.
   */
  static final long NOW_SLACK = 1_000L;

  private Signed() {}

  /** A signed {@code GET}: timestamp, signature and API key are added by the transport. */
  static <T> T get(
      BinanceContext ctx, String path, List<Param> params, int weight, BodyReader<T> reader) {
    return ctx.http().signed(BinanceHttp.Method.GET, path, params, weight, reader);
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

  /**
   * The values of a BIGINT key as longs; a value that is not a whole number cannot match any row
   * and is dropped.
   */
  static List<Long> ids(List<String> values) {
    List<Long> out = new ArrayList<>();
    for (String v : values) {
      Long id = id(v);
      if (id != null) {
        out.add(id);
      }
    }
    return out;
  }

  static Long id(String value) {
    try {
      return new BigDecimal(value).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  /** Binance sends {@code -1} for "not yet" in some time fields; a row holds null instead. */
  static void negativeToNull(Object[] row, int slot) {
    if (row[slot] instanceof Long l && l < 0) {
      row[slot] = null;
    }
  }

  /**
   * Checks that every non-nullable column got a value, so that a field Binance left out fails
   * here with its name rather than later inside the engine.
   *
   * @throws IllegalStateException naming the column (the transport reports it as an unexpected
   *     response)
   */
  static void requirePresent(TableDef def, Object[] row) {
    for (int i = 0; i < row.length; i++) {
      if (row[i] == null && !def.column(i).nullable()) {
        throw new IllegalStateException(
            def.name() + ": the response lacks the field for column " + def.column(i).name());
      }
    }
  }

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

  /**
   * One single-item request per client id ({@code origClientOrderId}), in one page, sorted by
   * {@code slot} when the query orders: cheaper than paging the account's history.
   */
  static RowStream byClientIds(List<String> clientIds, java.util.function.Function<String,
      List<Object[]>> one, ScanQuery q, int slot) {
    RowStream lookups = RowStream.once(() -> {
      List<Object[]> rows = new ArrayList<>();
      for (String id : clientIds) {
        rows.addAll(one.apply(id));
      }
      return rows;
    });
    return q.direction() == io.github.binancejdbc.adapter.rel.ScanSpec.Direction.NONE ? lookups
        : sorted(lookups, slot,
            q.direction() == io.github.binancejdbc.adapter.rel.ScanSpec.Direction.DESC);
  }

  /** The error for more than a page of rows in one millisecond, which no window can split. */
  static BinanceException unsplittable(String table, String what, long millis) {
    return BinanceException.unsupported(
        table + ": more than " + PAGE + " " + what + " at one millisecond (" + millis + "); page"
            + " by id instead of by time");
  }
}
