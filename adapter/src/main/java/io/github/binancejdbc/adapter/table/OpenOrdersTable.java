package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.optionalKey;

import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code open_orders}: the account's open orders ({@code GET /api/v3/openOrders}). One symbol is
 * one request with {@code symbol} (weight 6); no symbol is one request for all symbols (weight 80).
 * Several symbols cost one request each while that is cheaper than asking for all, that is up to
 * {@value #MAX_PER_SYMBOL} symbols (13 x 6 = 78 &lt; 80); more symbols are one request for all,
 * filtered.
 */
public final class OpenOrdersTable extends BinanceTable {
  static final int MAX_PER_SYMBOL =
      (EndpointWeights.OPEN_ORDERS_ALL - 1) / EndpointWeights.OPEN_ORDERS_SYMBOL;

  static final TableDef DEF =
      OrderColumns.columns(
              TableDef.builder(
                  "open_orders", "GET /api/v3/openOrders", "Open orders of the" + " account"),
              optionalKey("symbol", "Trading pair, e.g. BTCUSDT"),
              Pushdown.NONE,
              Pushdown.NONE)
          .primaryKey("symbol", "order_id")
          .build();

  private static final Json.Fields FIELDS = new Json.Fields(DEF);

  public OpenOrdersTable(BinanceContext ctx) {
    super(DEF, ctx);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    List<String> symbols = q.optional("symbol");
    if (symbols == null || symbols.size() > MAX_PER_SYMBOL) {
      // The enumerator keeps only the rows of the symbols asked for.
      return List.of(RowStream.once(() -> fetch(List.of(), EndpointWeights.OPEN_ORDERS_ALL)));
    }
    List<RowStream> streams = new ArrayList<>();
    for (String s : symbols) {
      streams.add(
          RowStream.once(
              () -> fetch(List.of(Param.of("symbol", s)), EndpointWeights.OPEN_ORDERS_SYMBOL)));
    }
    return streams;
  }

  private List<Object[]> fetch(List<Param> params, int weight) {
    return AccountRequests.get(
        ctx, "/api/v3/openOrders", params, weight, p -> OrderColumns.read(p, DEF, FIELDS));
  }

  /** As {@link #streams}: one request per symbol, or one for all (weight 80) beyond 13. */
  @Override
  protected RequestPlan explain(ExplainQuery q) {
    Keys keys = keys(q, "symbol", "symbol");
    if (keys.params().isEmpty() || keys.count() > MAX_PER_SYMBOL) {
      return RequestPlan.none()
          .exact(1, "GET", "/api/v3/openOrders", signedQuery(""), EndpointWeights.OPEN_ORDERS_ALL);
    }
    return signedPer(keys, "/api/v3/openOrders", EndpointWeights.OPEN_ORDERS_SYMBOL);
  }
}
