package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.col;
import static io.github.binancejdbc.adapter.table.ColumnDef.nullable;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of an order as the query endpoints return it ({@code GET /api/v3/order},
 * {@code openOrders}, {@code allOrders}), shared by {@code orders} and {@code open_orders}. The
 * conditional fields (trailing, pegged, SOR, STP) are nullable columns.
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

  static TableDef.Builder columns(TableDef.Builder b, ColumnDef symbol, Pushdown idPushdown,
      Pushdown timePushdown, Pushdown clientIdPushdown) {
    return b.column(symbol)
        .column(new ColumnDef("order_id", ColumnType.BIGINT, false, idPushdown, "Order id,"
            + " increasing with order_time within a symbol"))
        .column(col("order_list_id", ColumnType.BIGINT, "Order list id; -1 unless the order"
            + " belongs to an order list"))
        .column(new ColumnDef("client_order_id", ColumnType.VARCHAR, false, clientIdPushdown,
            "Client order id (newClientOrderId or generated)"))
        .column(nullable("price", ColumnType.DECIMAL, "Limit price; 0 for MARKET orders"))
        .column(nullable("orig_qty", ColumnType.DECIMAL, "Ordered base quantity"))
        .column(nullable("executed_qty", ColumnType.DECIMAL, "Filled base quantity"))
        .column(nullable("cumulative_quote_qty", ColumnType.DECIMAL, "Filled quote quantity"
            + " (cummulativeQuoteQty); negative for some old orders, meaning unavailable"))
        .column(col("status", ColumnType.VARCHAR, "NEW, PENDING_NEW, PARTIALLY_FILLED, FILLED,"
            + " CANCELED, REJECTED, EXPIRED or EXPIRED_IN_MATCH"))
        .column(nullable("time_in_force", ColumnType.VARCHAR, "GTC, IOC or FOK"))
        .column(col("order_type", ColumnType.VARCHAR, "LIMIT, MARKET, STOP_LOSS,"
            + " STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT or LIMIT_MAKER"))
        .column(col("side", ColumnType.VARCHAR, "BUY or SELL"))
        .column(nullable("stop_price", ColumnType.DECIMAL, "Stop price of stop and take-profit"
            + " orders"))
        .column(nullable("iceberg_qty", ColumnType.DECIMAL, "Visible quantity of an iceberg"
            + " order"))
        .column(new ColumnDef("order_time", ColumnType.TIMESTAMP, false, timePushdown, "When"
            + " the order was placed (UTC; the API's time)"))
        .column(new ColumnDef("update_time", ColumnType.TIMESTAMP, true, timePushdown, "Last"
            + " update of the order (UTC); what Binance's startTime/endTime filter on"))
        .column(nullable("is_working", ColumnType.BOOLEAN, "Whether the order is on the book"))
        .column(nullable("working_time", ColumnType.TIMESTAMP, "When the order went on the"
            + " book (UTC); null while it is not yet working (the API sends -1)"))
        .column(nullable("orig_quote_order_qty", ColumnType.DECIMAL, "Ordered quote quantity"
            + " (quoteOrderQty of a MARKET order)"))
        .column(nullable("self_trade_prevention_mode", ColumnType.VARCHAR, "NONE,"
            + " EXPIRE_MAKER, EXPIRE_TAKER, EXPIRE_BOTH, DECREMENT or TRANSFER"))
        .column(nullable("prevented_match_id", ColumnType.BIGINT, "Prevented match id, when"
            + " self-trade prevention expired the order"))
        .column(nullable("prevented_qty", ColumnType.DECIMAL, "Quantity expired by self-trade"
            + " prevention (preventedQuantity)"))
        .column(nullable("trailing_delta", ColumnType.BIGINT, "Trailing delta in basis points"))
        .column(nullable("trailing_time", ColumnType.TIMESTAMP, "When trailing started (UTC);"
            + " null before (the API sends -1)"))
        .column(nullable("strategy_id", ColumnType.BIGINT, "Strategy id given at placement"))
        .column(nullable("strategy_type", ColumnType.INTEGER, "Strategy type given at"
            + " placement"))
        .column(nullable("used_sor", ColumnType.BOOLEAN, "Placed through smart order routing"))
        .column(nullable("working_floor", ColumnType.VARCHAR, "EXCHANGE or SOR"))
        .column(nullable("peg_price_type", ColumnType.VARCHAR, "PRIMARY_PEG or MARKET_PEG"))
        .column(nullable("peg_offset_type", ColumnType.VARCHAR, "PRICE_LEVEL"))
        .column(nullable("peg_offset_value", ColumnType.INTEGER, "Peg offset in price levels"))
        .column(nullable("pegged_price", ColumnType.DECIMAL, "Current price of a pegged order"))
        .column(nullable("expiry_reason", ColumnType.VARCHAR, "Why the order expired"));
  }

  static Json.Fields fields(TableDef def) {
    return new Json.Fields(
        def,
        "symbol", "symbol",
        "orderId", "order_id",
        "orderListId", "order_list_id",
        "clientOrderId", "client_order_id",
        "price", "price",
        "origQty", "orig_qty",
        "executedQty", "executed_qty",
        "cummulativeQuoteQty", "cumulative_quote_qty",
        "cumulativeQuoteQty", "cumulative_quote_qty",
        "status", "status",
        "timeInForce", "time_in_force",
        "type", "order_type",
        "side", "side",
        "stopPrice", "stop_price",
        "icebergQty", "iceberg_qty",
        "time", "order_time",
        "updateTime", "update_time",
        "isWorking", "is_working",
        "workingTime", "working_time",
        "origQuoteOrderQty", "orig_quote_order_qty",
        "selfTradePreventionMode", "self_trade_prevention_mode",
        "preventedMatchId", "prevented_match_id",
        "preventedQuantity", "prevented_qty",
        "trailingDelta", "trailing_delta",
        "trailingTime", "trailing_time",
        "strategyId", "strategy_id",
        "strategyType", "strategy_type",
        "usedSor", "used_sor",
        "workingFloor", "working_floor",
        "pegPriceType", "peg_price_type",
        "pegOffsetType", "peg_offset_type",
        "pegOffsetValue", "peg_offset_value",
        "peggedPrice", "pegged_price",
        "expiryReason", "expiry_reason");
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
