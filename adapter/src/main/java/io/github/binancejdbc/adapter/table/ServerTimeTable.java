package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.col;

import io.github.binancejdbc.adapter.client.EndpointWeights;
import java.util.List;

/** {@code server_time}: one row, the exchange's clock ({@code GET /api/v3/time}). */
public final class ServerTimeTable extends BinanceTable {
  private final Json.Fields fields;

  public ServerTimeTable(BinanceContext ctx) {
    super(
        TableDef.builder("server_time", "GET /api/v3/time", "The exchange's current time")
            .fieldsByName()
            .column(col("server_time", ColumnType.TIMESTAMP, "Server time (UTC)"))
            .build(),
        ctx);
    this.fields = new Json.Fields(def);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    return List.of(
        RowStream.once(
            () ->
                ctx.get(
                    q,
                    "/api/v3/time",
                    List.of(),
                    EndpointWeights.TIME,
                    p -> fields.readObjectOrArray(p, r -> {}))));
  }

  @Override
  protected RequestPlan explain(ExplainQuery q) {
    return RequestPlan.none().exact(1, "GET", "/api/v3/time", "", EndpointWeights.TIME);
  }
}
