package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.RequestLog;
import io.github.binancejdbc.adapter.client.WeightGovernor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code api_requests} and {@code api_usage}: what this connection has sent and what the base URL's
 * budget looks like, read from the transport's memory. Neither sends a request, so reading them
 * never costs weight.
 */
public final class SystemTables extends BinanceTable {
  /** The endpoint text of a table that sends nothing (shown in remarks and the reference). */
  public static final String NO_REQUEST = "no request";

  private final Function<BinanceContext, List<Object[]>> rows;

  private SystemTables(
      TableDef def, BinanceContext ctx, Function<BinanceContext, List<Object[]>> rows) {
    super(def, ctx);
    this.rows = rows;
  }

  public static SystemTables apiRequests(BinanceContext ctx) {
    TableDef def =
        TableDef.builder(
                "api_requests",
                NO_REQUEST,
                "The last "
                    + RequestLog.CAPACITY
                    + " requests of this connection, oldest first, and the answers"
                    + " it served from the cache instead")
            .columns(
                """
            request_number  BIGINT     plain     1 for the connection's first request, counting on
            request_time    TIMESTAMP  plain     When it was sent (UTC)
            base_url        VARCHAR    plain     The host asked (for a cached answer, the host it
                                                 would have gone to)
            http_method     VARCHAR    plain     GET, POST, PUT or DELETE
            endpoint        VARCHAR    plain     Path, e.g. /api/v3/klines
            query_string    VARCHAR    plain     Parameters as sent (a POST's form body),
                                                 percent-encoded; the signature and any key are left
                                                 out
            weight          INTEGER    plain     Request weight counted for it
            http_status     INTEGER    nullable  HTTP status; NULL when no answer came (an I/O
                                                 error) or it came from the cache
            millis          BIGINT     plain     Milliseconds from sending to the end of reading the
                                                 answer
            row_count       INTEGER    nullable  Rows parsed from the answer; NULL when unknown
            from_cache      BOOLEAN    plain     Whether the cache answered and nothing was sent
            """)
            .primaryKey("request_number")
            .build();
    return new SystemTables(def, ctx, SystemTables::requestRows);
  }

  public static SystemTables apiUsage(BinanceContext ctx) {
    TableDef def =
        TableDef.builder(
                "api_usage",
                NO_REQUEST,
                "Request weight per base URL of"
                    + " this connection: this window's use, the limit, and what was sent and saved by the"
                    + " cache since the process first used the base URL")
            .columns(
                """
            base_url            VARCHAR    plain     Base URL (the comma-separated list when several
                                                     hosts share one budget)
            used_weight_server  BIGINT     nullable  Weight used in the current window by the
                                                     server's count (X-MBX-USED-WEIGHT-1M of the
                                                     last answer); NULL when no answer of this
                                                     window carried it
            used_weight_driver  BIGINT     plain     Weight used in the current window by the
                                                     driver's count (its requests, or the server's
                                                     count when higher)
            weight_limit        INTEGER    plain     Request weight allowed per window (from
                                                     exchangeInfo; 6000 until read)
            window_seconds      INTEGER    plain     Length of the weight window
            requests_sent       BIGINT     plain     Requests sent since the process first used this
                                                     base URL (every connection, retries included)
            weight_sent         BIGINT     plain     Their weight
            requests_saved      BIGINT     plain     Requests the cache answered instead
            weight_saved        BIGINT     plain     Their weight
            banned_until        TIMESTAMP  nullable  End of an IP ban (HTTP 418) in force (UTC);
                                                     NULL when there is none
            """)
            .primaryKey("base_url")
            .build();
    return new SystemTables(def, ctx, SystemTables::usageRows);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    return List.of(RowStream.once(() -> rows.apply(ctx)));
  }

  @Override
  public RequestPlan explain(ExplainQuery q) {
    return RequestPlan.none();
  }

  private static List<Object[]> requestRows(BinanceContext ctx) {
    RequestLog log = ctx.http().requestLog();
    long number;
    List<RequestLog.Entry> entries;
    synchronized (log) {
      number = log.firstNumber();
      entries = log.snapshot();
    }
    List<Object[]> out = new ArrayList<>(entries.size());
    for (RequestLog.Entry e : entries) {
      out.add(
          new Object[] {
            number++,
            e.timeMillis(),
            e.baseUrl(),
            e.method(),
            e.endpoint(),
            e.query(),
            e.weight(),
            e.httpStatus(),
            e.millis(),
            e.rows(),
            e.fromCache()
          });
    }
    return out;
  }

  private static List<Object[]> usageRows(BinanceContext ctx) {
    List<Object[]> out = new ArrayList<>();
    for (WeightGovernor g : ctx.http().governors()) {
      long server = g.serverUsedInWindow();
      long[] totals = g.totals();
      Instant banned = g.bannedUntil();
      out.add(
          new Object[] {
            g.baseUrl(),
            server < 0 ? null : server,
            g.usedInWindow(),
            g.limit(),
            (int) (g.windowMillis() / 1000),
            totals[0],
            totals[1],
            totals[2],
            totals[3],
            banned == null ? null : banned.toEpochMilli()
          });
    }
    return out;
  }
}
