package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.col;
import static io.github.binancejdbc.adapter.table.ColumnDef.nullable;

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

  private SystemTables(TableDef def, BinanceContext ctx,
      Function<BinanceContext, List<Object[]>> rows) {
    super(def, ctx);
    this.rows = rows;
  }

  public static SystemTables apiRequests(BinanceContext ctx) {
    TableDef def = TableDef.builder("api_requests", NO_REQUEST, "The last "
            + RequestLog.CAPACITY + " requests of this connection, oldest first, and the answers"
            + " it served from the cache instead")
        .column(col("request_number", ColumnType.BIGINT, "1 for the connection's first request,"
            + " counting on"))
        .column(col("request_time", ColumnType.TIMESTAMP, "When it was sent (UTC)"))
        .column(col("base_url", ColumnType.VARCHAR, "The host asked (for a cached answer, the"
            + " host it would have gone to)"))
        .column(col("http_method", ColumnType.VARCHAR, "GET, POST, PUT or DELETE"))
        .column(col("endpoint", ColumnType.VARCHAR, "Path, e.g. /api/v3/klines"))
        .column(col("query_string", ColumnType.VARCHAR, "Parameters as sent (a POST's form"
            + " body), percent-encoded; the signature and any key are left out"))
        .column(col("weight", ColumnType.INTEGER, "Request weight counted for it"))
        .column(nullable("http_status", ColumnType.INTEGER, "HTTP status; NULL when no answer"
            + " came (an I/O error) or it came from the cache"))
        .column(col("millis", ColumnType.BIGINT, "Milliseconds from sending to the end of"
            + " reading the answer"))
        .column(nullable("row_count", ColumnType.INTEGER, "Rows parsed from the answer; NULL"
            + " when unknown"))
        .column(col("from_cache", ColumnType.BOOLEAN, "Whether the cache answered and nothing"
            + " was sent"))
        .primaryKey("request_number")
        .build();
    return new SystemTables(def, ctx, SystemTables::requestRows);
  }

  public static SystemTables apiUsage(BinanceContext ctx) {
    TableDef def = TableDef.builder("api_usage", NO_REQUEST, "Request weight per base URL of"
            + " this connection: this window's use, the limit, and what was sent and saved by the"
            + " cache since the process first used the base URL")
        .column(col("base_url", ColumnType.VARCHAR, "Base URL (the comma-separated list when"
            + " several hosts share one budget)"))
        .column(nullable("used_weight_server", ColumnType.BIGINT, "Weight used in the current"
            + " window by the server's count (X-MBX-USED-WEIGHT-1M of the last answer); NULL"
            + " when no answer of this window carried it"))
        .column(col("used_weight_driver", ColumnType.BIGINT, "Weight used in the current window"
            + " by the driver's count (its requests, or the server's count when higher)"))
        .column(col("weight_limit", ColumnType.INTEGER, "Request weight allowed per window"
            + " (from exchangeInfo; 6000 until read)"))
        .column(col("window_seconds", ColumnType.INTEGER, "Length of the weight window"))
        .column(col("requests_sent", ColumnType.BIGINT, "Requests sent since the process first"
            + " used this base URL (every connection, retries included)"))
        .column(col("weight_sent", ColumnType.BIGINT, "Their weight"))
        .column(col("requests_saved", ColumnType.BIGINT, "Requests the cache answered instead"))
        .column(col("weight_saved", ColumnType.BIGINT, "Their weight"))
        .column(nullable("banned_until", ColumnType.TIMESTAMP, "End of an IP ban (HTTP 418)"
            + " in force (UTC); NULL when there is none"))
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
      out.add(new Object[] {number++, e.timeMillis(), e.baseUrl(), e.method(), e.endpoint(),
          e.query(), e.weight(), e.httpStatus(), e.millis(), e.rows(), e.fromCache()});
    }
    return out;
  }

  private static List<Object[]> usageRows(BinanceContext ctx) {
    List<Object[]> out = new ArrayList<>();
    for (WeightGovernor g : ctx.http().governors()) {
      long server = g.serverUsedInWindow();
      long[] totals = g.totals();
      Instant banned = g.bannedUntil();
      out.add(new Object[] {g.baseUrl(), server < 0 ? null : server, g.usedInWindow(),
          g.limit(), (int) (g.windowMillis() / 1000), totals[0], totals[1], totals[2], totals[3],
          banned == null ? null : banned.toEpochMilli()});
    }
    return out;
  }
}
