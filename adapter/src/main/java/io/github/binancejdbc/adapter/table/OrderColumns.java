package io.github.binancejdbc.adapter.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The columns of an order as the query endpoints return it ({@code GET /api/v3/order}, {@code
 * openOrders}, {@code allOrders}), shared by {@code orders} and {@code open_orders}. The
 * conditional fields (trailing, pegged, SOR, STP) are nullable columns. Each column reads the
 * camel-case field of its name unless its block names another.
 */
final class OrderColumns {
  static final int SYMBOL = 0;
  static final int ORDER_ID = 1;

  private OrderColumns() {}

  /** The order columns; {@code symbol}, {@code order_id} and the times carry the given pushdown. */
  static TableDef.Builder columns(
      TableDef.Builder b, ColumnDef symbol, Pushdown idPushdown, Pushdown timePushdown) {
    return columns(b, symbol, idPushdown, timePushdown, Pushdown.NONE);
  }

  static TableDef.Builder columns(
      TableDef.Builder b,
      ColumnDef symbol,
      Pushdown idPushdown,
      Pushdown timePushdown,
      Pushdown clientIdPushdown) {
    return b.column(symbol)
        .fieldsByName()
        .columns(
            """
            order_id                    BIGINT     $id        Order id, increasing with order_time
                                                              within a symbol
            order_list_id               BIGINT     plain      Order list id; -1 unless the order
                                                              belongs to an order list
            client_order_id             VARCHAR    $clientId  Client order id (newClientOrderId or
                                                              generated)
            price                       DECIMAL    nullable   Limit price; 0 for MARKET orders
            orig_qty                    DECIMAL    nullable   Ordered base quantity
            executed_qty                DECIMAL    nullable   Filled base quantity
            cumulative_quote_qty:cummulativeQuoteQty|cumulativeQuoteQty DECIMAL nullable  Filled quote
                                                              quantity (cummulativeQuoteQty);
                                                              negative for some old orders, meaning
                                                              unavailable
            status                      VARCHAR    plain      NEW, PENDING_NEW, PARTIALLY_FILLED,
                                                              FILLED, CANCELED, REJECTED, EXPIRED or
                                                              EXPIRED_IN_MATCH
            time_in_force               VARCHAR    nullable   GTC, IOC or FOK
            order_type:type             VARCHAR    plain      LIMIT, MARKET, STOP_LOSS,
                                                              STOP_LOSS_LIMIT, TAKE_PROFIT,
                                                              TAKE_PROFIT_LIMIT or LIMIT_MAKER
            side                        VARCHAR    plain      BUY or SELL
            stop_price                  DECIMAL    nullable   Stop price of stop and take-profit
                                                              orders
            iceberg_qty                 DECIMAL    nullable   Visible quantity of an iceberg order
            order_time:time             TIMESTAMP  $time      When the order was placed (UTC; the
                                                              API's time)
            update_time                 TIMESTAMP  nullable,$time  Last update of the order (UTC);
                                                              what Binance's startTime/endTime
                                                              filter on
            is_working                  BOOLEAN    nullable   Whether the order is on the book
            working_time                TIMESTAMP  nullable   When the order went on the book (UTC);
                                                              null while it is not yet working (the
                                                              API sends -1)
            orig_quote_order_qty        DECIMAL    nullable   Ordered quote quantity (quoteOrderQty
                                                              of a MARKET order)
            self_trade_prevention_mode  VARCHAR    nullable   NONE, EXPIRE_MAKER, EXPIRE_TAKER,
                                                              EXPIRE_BOTH, DECREMENT or TRANSFER
            prevented_match_id          BIGINT     nullable   Prevented match id, when self-trade
                                                              prevention expired the order
            prevented_qty:preventedQuantity DECIMAL nullable   Quantity expired by self-trade
                                                              prevention (preventedQuantity)
            trailing_delta              BIGINT     nullable   Trailing delta in basis points
            trailing_time               TIMESTAMP  nullable   When trailing started (UTC); null
                                                              before (the API sends -1)
            strategy_id                 BIGINT     nullable   Strategy id given at placement
            strategy_type               INTEGER    nullable   Strategy type given at placement
            used_sor                    BOOLEAN    nullable   Placed through smart order routing
            working_floor               VARCHAR    nullable   EXCHANGE or SOR
            peg_price_type              VARCHAR    nullable   PRIMARY_PEG or MARKET_PEG
            peg_offset_type             VARCHAR    nullable   PRICE_LEVEL
            peg_offset_value            INTEGER    nullable   Peg offset in price levels
            pegged_price                DECIMAL    nullable   Current price of a pegged order
            expiry_reason               VARCHAR    nullable   Why the order expired
            """,
            Map.of("clientId", clientIdPushdown, "id", idPushdown, "time", timePushdown));
  }

  /** Reads one order object or an array of them, with the -1 "not yet" times made null. */
  static List<Object[]> read(JsonParser p, TableDef def, Json.Fields fields) throws IOException {
    int working = def.index("working_time");
    int trailing = def.index("trailing_time");
    List<Object[]> rows = new ArrayList<>();
    JsonToken t = p.nextToken();
    if (t == JsonToken.START_ARRAY) {
      while (Json.nextElement(p, JsonToken.START_OBJECT)) {
        rows.add(row(p, def, fields, working, trailing));
      }
      Json.expect(p, JsonToken.END_ARRAY);
    } else {
      rows.add(row(p, def, fields, working, trailing));
    }
    return rows;
  }

  private static Object[] row(
      JsonParser p, TableDef def, Json.Fields fields, int working, int trailing)
      throws IOException {
    Object[] r = new Object[fields.width()];
    fields.readObject(p, r);
    RowChecks.negativeToNull(r, working);
    RowChecks.negativeToNull(r, trailing);
    RowChecks.requirePresent(def, r);
    return r;
  }
}
