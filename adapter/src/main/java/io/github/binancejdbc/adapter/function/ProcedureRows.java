package io.github.binancejdbc.adapter.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.jspecify.annotations.Nullable;

/**
 * The rows procedures return. Responses here are small objects, so they are read as Jackson trees
 * (the streaming readers are for large arrays). Field names differ between endpoints ({@code
 * cummulativeQuoteQty} with two m in order responses, {@code cumulativeQuoteQty} in amend, {@code
 * transactTime} vs {@code transactionTime}); each column lists the spellings it accepts.
 */
final class ProcedureRows {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ProcedureRows() {}

  /** Column name, SQL type, JSON field spellings. */
  private record Col(String name, SqlTypeName type, String... fields) {}

  static final List<Col> ORDER =
      List.of(
          new Col("symbol", SqlTypeName.VARCHAR, "symbol"),
          new Col("order_id", SqlTypeName.BIGINT, "orderId"),
          new Col("order_list_id", SqlTypeName.BIGINT, "orderListId"),
          new Col("client_order_id", SqlTypeName.VARCHAR, "clientOrderId"),
          new Col("orig_client_order_id", SqlTypeName.VARCHAR, "origClientOrderId"),
          new Col("transact_time", SqlTypeName.TIMESTAMP, "transactTime", "transactionTime"),
          new Col("price", SqlTypeName.DECIMAL, "price"),
          new Col("orig_qty", SqlTypeName.DECIMAL, "origQty", "qty"),
          new Col("executed_qty", SqlTypeName.DECIMAL, "executedQty"),
          new Col(
              "orig_quote_order_qty", SqlTypeName.DECIMAL, "origQuoteOrderQty", "quoteOrderQty"),
          new Col(
              "cumulative_quote_qty",
              SqlTypeName.DECIMAL,
              "cummulativeQuoteQty",
              "cumulativeQuoteQty"),
          new Col("status", SqlTypeName.VARCHAR, "status"),
          new Col("time_in_force", SqlTypeName.VARCHAR, "timeInForce"),
          new Col("order_type", SqlTypeName.VARCHAR, "type"),
          new Col("side", SqlTypeName.VARCHAR, "side"),
          new Col("stop_price", SqlTypeName.DECIMAL, "stopPrice"),
          new Col("iceberg_qty", SqlTypeName.DECIMAL, "icebergQty"),
          new Col("working_time", SqlTypeName.TIMESTAMP, "workingTime"),
          new Col("self_trade_prevention_mode", SqlTypeName.VARCHAR, "selfTradePreventionMode"),
          new Col("fills", SqlTypeName.VARCHAR, "fills"),
          new Col("outcome", SqlTypeName.VARCHAR),
          new Col("note", SqlTypeName.VARCHAR));

  static final List<Col> TEST =
      List.of(
          new Col("symbol", SqlTypeName.VARCHAR),
          new Col("outcome", SqlTypeName.VARCHAR),
          new Col("standard_maker", SqlTypeName.DECIMAL),
          new Col("standard_taker", SqlTypeName.DECIMAL),
          new Col("special_maker", SqlTypeName.DECIMAL),
          new Col("special_taker", SqlTypeName.DECIMAL),
          new Col("tax_maker", SqlTypeName.DECIMAL),
          new Col("tax_taker", SqlTypeName.DECIMAL),
          new Col("discount_enabled_for_account", SqlTypeName.BOOLEAN),
          new Col("discount_enabled_for_symbol", SqlTypeName.BOOLEAN),
          new Col("discount_asset", SqlTypeName.VARCHAR),
          new Col("discount", SqlTypeName.DECIMAL));

  static final List<Col> LISTEN_KEY =
      List.of(new Col("listen_key", SqlTypeName.VARCHAR), new Col("outcome", SqlTypeName.VARCHAR));

  private static List<Col> cols(ProcedureDef.Result r) {
    return switch (r) {
      case ORDERS -> ORDER;
      case TEST -> TEST;
      case LISTEN_KEY -> LISTEN_KEY;
    };
  }

  /** Column names of a result shape, in order. */
  static List<String> columnNames(ProcedureDef.Result r) {
    List<String> out = new ArrayList<>();
    for (Col c : cols(r)) {
      out.add(c.name());
    }
    return out;
  }

  /** Column name to {@link java.sql.Types} code, in order. */
  static Map<String, Integer> columnTypes(ProcedureDef.Result r) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Col c : cols(r)) {
      out.put(c.name(), c.type().getJdbcOrdinal());
    }
    return out;
  }

  static RelDataType rowType(RelDataTypeFactory f, ProcedureDef.Result r) {
    RelDataTypeFactory.Builder b = f.builder();
    for (Col c : cols(r)) {
      RelDataType t =
          switch (c.type()) {
            case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, 38, 8);
            case TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, 3);
            default -> f.createSqlType(c.type());
          };
      b.add(c.name(), f.createTypeWithNullability(t, true));
    }
    return b.build();
  }

  /** One ORDER row from an order object, with the outcome and a note. */
  static Object[] order(JsonNode o, String outcome, @Nullable String note) {
    Object[] row = new Object[ORDER.size()];
    for (int i = 0; i < ORDER.size(); i++) {
      Col c = ORDER.get(i);
      for (String f : c.fields()) {
        JsonNode v = o.get(f);
        if (v != null && !v.isNull()) {
          row[i] = value(v, c.type());
          break;
        }
      }
    }
    row[ORDER.size() - 2] = outcome;
    row[ORDER.size() - 1] = note;
    return row;
  }

  /** Rows of an order-list response: one per order report (or per listed order). */
  static List<Object[]> orderList(JsonNode list, String outcome, @Nullable String note) {
    List<Object[]> rows = new ArrayList<>();
    JsonNode reports = list.get("orderReports");
    JsonNode orders = reports != null && reports.size() > 0 ? reports : list.get("orders");
    if (orders != null) {
      for (JsonNode o : orders) {
        Object[] row = order(o, outcome, note);
        if (row[2] == null && list.has("orderListId")) {
          row[2] = list.get("orderListId").asLong();
        }
        if (row[5] == null && list.has("transactionTime")) {
          row[5] = list.get("transactionTime").asLong();
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** A response that is an order, an order list, or an array of both (cancel all). */
  static List<Object[]> orders(JsonNode node, String outcome, @Nullable String note) {
    List<Object[]> rows = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode n : node) {
        rows.addAll(orders(n, outcome, note));
      }
    } else if (node.has("contingencyType") || node.has("orderReports")) {
      rows.addAll(orderList(node, outcome, note));
    } else if (node.has("amendedOrder")) {
      Object[] row = order(node.get("amendedOrder"), outcome, note);
      row[5] = node.path("transactTime").isMissingNode() ? null : node.get("transactTime").asLong();
      rows.add(row);
    } else if (node.has("cancelResult")) {
      JsonNode cancel = node.get("cancelResponse");
      JsonNode placed = node.get("newOrderResponse");
      if (cancel != null && cancel.has("orderId")) {
        rows.add(order(cancel, "CANCEL_" + node.get("cancelResult").asText(), note));
      }
      if (placed != null && placed.has("orderId")) {
        rows.add(order(placed, "NEW_ORDER_" + node.get("newOrderResult").asText(), note));
      }
    } else if (node.size() > 0) {
      rows.add(order(node, outcome, note));
    }
    return rows;
  }

  /**
   * {@code n} when it is a well-formed answer of the shape {@code result} expects, else an
   * IllegalStateException naming what is wrong: for a side-effecting call the transport then
   * reports an unknown outcome, which is reconciled, instead of rows made of nulls.
   */
  static JsonNode checkShape(ProcedureDef.Result result, @Nullable JsonNode n) {
    if (n == null || n.isMissingNode() || !(n.isObject() || n.isArray())) {
      throw new IllegalStateException("expected a JSON object but found " + n);
    }
    if (result == ProcedureDef.Result.ORDERS) {
      for (JsonNode o : n.isArray() ? n : List.of(n)) {
        if (!o.isObject()
            || !(o.hasNonNull("orderId")
                || o.hasNonNull("orderListId")
                || o.has("amendedOrder")
                || o.has("cancelResult"))) {
          throw new IllegalStateException(
              "expected an order or an order list (orderId or"
                  + " orderListId) but found "
                  + abbreviate(o));
        }
        JsonNode id = o.has("orderId") ? o.get("orderId") : o.get("orderListId");
        if (id != null && !id.isIntegralNumber()) {
          throw new IllegalStateException("expected a whole-number id but found " + id);
        }
      }
    } else if (!n.isObject()) {
      throw new IllegalStateException("expected a JSON object but found " + abbreviate(n));
    }
    return n;
  }

  private static String abbreviate(JsonNode n) {
    String s = String.valueOf(n);
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  /** The TEST row: validation passed, with commission rates when the response has them. */
  static Object[] test(@Nullable String symbol, JsonNode n) {
    JsonNode std = n.path("standardCommissionForOrder");
    JsonNode special = n.path("specialCommissionForOrder");
    JsonNode tax = n.path("taxCommissionForOrder");
    JsonNode discount = n.path("discount");
    return new Object[] {
      symbol,
      "VALID",
      dec(std.get("maker")),
      dec(std.get("taker")),
      dec(special.get("maker")),
      dec(special.get("taker")),
      dec(tax.get("maker")),
      dec(tax.get("taker")),
      bool(discount.get("enabledForAccount")),
      bool(discount.get("enabledForSymbol")),
      discount.hasNonNull("discountAsset") ? discount.get("discountAsset").asText() : null,
      dec(discount.get("discount"))
    };
  }

  private static @Nullable Object value(JsonNode v, SqlTypeName type) {
    return switch (type) {
      case BIGINT -> v.asLong();
      // Binance sends -1 for a time that has not happened yet (a pending leg's workingTime).
      case TIMESTAMP -> v.asLong() < 0 ? null : v.asLong();
      case DECIMAL -> dec(v);
      case BOOLEAN -> v.asBoolean();
      default -> v.isContainerNode() ? v.toString() : v.asText();
    };
  }

  private static @Nullable BigDecimal dec(@Nullable JsonNode v) {
    return v == null || v.isNull() || v.asText().isEmpty() ? null : new BigDecimal(v.asText());
  }

  private static @Nullable Boolean bool(@Nullable JsonNode v) {
    return (v == null || v.isNull()) ? null : v.asBoolean();
  }
}
