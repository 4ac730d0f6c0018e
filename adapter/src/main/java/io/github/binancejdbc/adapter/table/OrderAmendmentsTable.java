package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.client.EndpointWeights;
import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code order_amendments}: the keep-priority amendments of one order ({@code GET
 * /api/v3/order/amendments}, weight 4 a page). Binance needs the symbol and the order id; {@code
 * execution_id} bounds page {@code fromExecutionId} by 1000.
 */
public final class OrderAmendmentsTable extends BinanceTable {
  static final TableDef DEF =
      TableDef.builder(
              "order_amendments",
              "GET /api/v3/order/amendments",
              "Quantity" + " amendments (keep priority) of an order")
          .columns(
              """
              symbol:-              VARCHAR    key       Trading pair, e.g. BTCUSDT
              order_id              BIGINT     key       Order id
              execution_id          BIGINT     range     Execution id of the amendment
              orig_client_order_id  VARCHAR    nullable  Client order id before the amendment
              new_client_order_id   VARCHAR    nullable  Client order id after the amendment
              orig_qty              DECIMAL    plain     Quantity before the amendment
              new_qty               DECIMAL    plain     Quantity after the amendment
              amend_time:time       TIMESTAMP  plain     When the order was amended (UTC)
              """)
          .sortable("execution_id", "amend_time")
          .primaryKey("symbol", "order_id", "execution_id")
          .fieldsByName()
          .weight(EndpointWeights.ORDER_AMENDMENTS)
          .signed()
          .build();

  private static final Json.Fields FIELDS = new Json.Fields(DEF);

  private static final int EXECUTION_ID = DEF.index("execution_id");

  public OrderAmendmentsTable(BinanceContext ctx) {
    super(DEF, ctx);
  }

  @Override
  protected List<RowStream> streams(ScanQuery q) {
    List<String> symbols = q.required("symbol", "BTCUSDT");
    List<String> orders = q.optional("order_id");
    if (orders == null) {
      throw BinanceException.unsupported(
          "order_amendments needs order_id: WHERE symbol = '"
              + symbols.get(0)
              + "' AND order_id = 12345");
    }
    long lo = Math.max(0, q.lower("execution_id"));
    long hi = q.upper("execution_id");
    boolean descending = q.direction() == ScanSpec.Direction.DESC;
    List<RowStream> streams = new ArrayList<>();
    for (String symbol : symbols) {
      for (Long orderId : Ids.ids(orders)) {
        RowStream s = amendments(symbol, orderId, lo, hi);
        streams.add(descending ? SortedStreams.sorted(s, EXECUTION_ID, true) : s);
      }
    }
    return streams;
  }

  /** The amendments of one order, paged by {@code fromExecutionId}. */
  private RowStream amendments(String symbol, long orderId, long lo, long hi) {
    return KeyedPager.byId(
        lo,
        hi,
        EXECUTION_ID,
        (cursor, limit) -> {
          List<Param> params = new ArrayList<>();
          params.add(Param.of("symbol", symbol));
          params.add(Param.of("orderId", orderId));
          if (cursor > 0) {
            params.add(Param.of("fromExecutionId", cursor));
          }
          params.add(Param.of("limit", limit));
          return AccountRequests.get(
              ctx,
              "/api/v3/order/amendments",
              params,
              EndpointWeights.ORDER_AMENDMENTS,
              p -> {
                List<Object[]> out = FIELDS.readObjectOrArray(p, r -> {});
                for (Object[] r : out) {
                  // The request's symbol: Binance's own sample echoes a misspelt one.
                  r[0] = symbol;
                  RowChecks.requirePresent(DEF, r);
                }
                return out;
              });
        });
  }
}
