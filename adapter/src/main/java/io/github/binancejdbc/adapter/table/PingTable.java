package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.ErrorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ping}: one row saying whether the server answered {@code GET /api/v3/ping} and how long
 * the round trip took. A server that cannot be reached (I/O error, 5xx after the retries) is a row
 * with {@code answered = false} and the reason, not a failed query; an IP ban or a closed
 * connection still fails, as nothing was sent.
 */
public final class PingTable extends BinanceTable {
  public PingTable(BinanceContext ctx) {
    super(
        TableDef.builder("ping", "GET /api/v3/ping", "Whether the REST API answers, and how fast")
            .columns(
                """
                answered       BOOLEAN  plain     Whether the server answered
                round_trip_ms  BIGINT   plain     Milliseconds from sending the request to reading
                                                  the answer (or the failure), retries included
                failure        VARCHAR  nullable  Why the server did not answer; NULL when it did
                """)
            .build(),
        ctx);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    return List.of(RowStream.once(this::ping));
  }

  private List<Object[]> ping() {
    long start = ctx.config().clock().millis();
    String failure = null;
    try {
      ctx.http()
          .get(
              "/api/v3/ping",
              List.of(),
              EndpointWeights.PING,
              p -> {
                p.nextToken();
                p.skipChildren();
                return null;
              });
    } catch (BinanceException e) {
      if (e.kind() != ErrorKind.SERVER) {
        throw e;
      }
      failure = e.getMessage();
    }
    long elapsed = ctx.config().clock().millis() - start;
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {failure == null, elapsed, failure});
    return rows;
  }

  @Override
  protected RequestPlan explain(ExplainQuery q) {
    return RequestPlan.none().exact(1, "GET", "/api/v3/ping", "", EndpointWeights.PING);
  }
}
