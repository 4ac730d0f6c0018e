package io.github.binancejdbc.adapter.function;

import static io.github.binancejdbc.adapter.function.ProcParam.Kind.BOOLEAN;
import static io.github.binancejdbc.adapter.function.ProcParam.Kind.DECIMAL;
import static io.github.binancejdbc.adapter.function.ProcParam.Kind.ENUM;
import static io.github.binancejdbc.adapter.function.ProcParam.Kind.LONG;
import static io.github.binancejdbc.adapter.function.ProcParam.Kind.STRING;
import static io.github.binancejdbc.adapter.function.ProcParam.opt;
import static io.github.binancejdbc.adapter.function.ProcParam.req;

import io.github.binancejdbc.adapter.client.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter lists the order procedures share in {@link Procedures}: a new order's, a peg's, an
 * order list's legs and tail, each parameter with its SQL name, its Binance name and its kind.
 */
final class OrderParams {
  private OrderParams() {}

  static List<ProcParam> newOrder(boolean sor) {
    List<ProcParam> p = new ArrayList<>();
    p.add(req("symbol", ENUM, "Trading pair, e.g. BTCUSDT"));
    p.add(req("side", ENUM, "BUY or SELL"));
    p.add(
        req(
            "order_type",
            "type",
            ENUM,
            sor
                ? "LIMIT or MARKET"
                : "LIMIT, MARKET, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT or LIMIT_MAKER"));
    p.add(opt("quantity", DECIMAL, "Base asset quantity"));
    if (!sor) {
      p.add(
          opt(
              "quote_order_qty",
              DECIMAL,
              "MARKET only: quote asset amount to spend or receive, instead of quantity"));
    }
    p.add(opt("price", DECIMAL, "Limit price"));
    p.add(opt("time_in_force", ENUM, "GTC, IOC or FOK"));
    if (!sor) {
      p.add(opt("stop_price", DECIMAL, "Trigger price of stop-loss and take-profit orders"));
      p.add(opt("trailing_delta", LONG, "Trailing delta in basis points"));
    }
    p.add(opt("iceberg_qty", DECIMAL, "Visible quantity of an iceberg order"));
    p.add(
        opt(
            "new_client_order_id",
            STRING,
            "Your id for the order; the driver generates one when absent"));
    p.add(opt("strategy_id", LONG, "Your strategy id"));
    p.add(opt("strategy_type", LONG, "Your strategy type, at least 1000000"));
    p.add(
        opt(
            "self_trade_prevention_mode",
            ENUM,
            "NONE, EXPIRE_TAKER, EXPIRE_MAKER, EXPIRE_BOTH, DECREMENT or TRANSFER"));
    p.add(opt("new_order_resp_type", ENUM, "ACK, RESULT or FULL (default FULL)"));
    return p;
  }

  /**
   * The pegged-order arguments of an order, or of an order-list leg when {@code prefix} names it
   * ({@code working} gives {@code working_peg_price_type} sent as {@code workingPegPriceType}).
   */
  static List<ProcParam> peg(String prefix) {
    String sql = prefix.isEmpty() ? "" : prefix + "_";
    return List.of(
        opt(
            sql + "peg_price_type",
            ENUM,
            "PRIMARY_PEG or MARKET_PEG: the price follows the best price of this side or the"
                + " other; makes the price optional (LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT,"
                + " TAKE_PROFIT_LIMIT)"),
        opt(sql + "peg_offset_value", LONG, "Price levels away from the pegged price, at most 100"),
        opt(sql + "peg_offset_type", ENUM, "PRICE_LEVEL"));
  }

  static List<ProcParam> withCommission(List<ProcParam> p) {
    List<ProcParam> out = new ArrayList<>(p);
    out.add(
        opt(
            "compute_commission_rates",
            BOOLEAN,
            "Also return the commission rates the order would pay"));
    return out;
  }

  /** The legs of an order list: prefix is "above", "below", "working", "pending", ... */
  static List<ProcParam> leg(
      String prefix, boolean withSideAndQty, boolean withType, boolean typeRequired) {
    List<ProcParam> p = new ArrayList<>();
    if (withType) {
      p.add(
          new ProcParam(
              prefix + "_type",
              Param.apiName(prefix + "_type"),
              ENUM,
              typeRequired,
              "Order type of the " + prefix.replace('_', ' ') + " leg"));
    }
    if (withSideAndQty) {
      p.add(req(prefix + "_side", ENUM, "BUY or SELL"));
    }
    p.add(opt(prefix + "_price", DECIMAL, "Limit price"));
    if (withSideAndQty) {
      p.add(req(prefix + "_quantity", DECIMAL, "Quantity"));
    }
    p.add(opt(prefix + "_stop_price", DECIMAL, "Trigger price"));
    p.add(opt(prefix + "_trailing_delta", LONG, "Trailing delta in bips"));
    p.add(opt(prefix + "_time_in_force", ENUM, "GTC, IOC or FOK"));
    p.add(opt(prefix + "_iceberg_qty", DECIMAL, "Iceberg visible quantity"));
    p.add(opt(prefix + "_client_order_id", STRING, "Your id for this leg"));
    p.add(opt(prefix + "_strategy_id", LONG, "Your strategy id"));
    p.add(opt(prefix + "_strategy_type", LONG, "Your strategy type"));
    p.addAll(peg(prefix));
    return p;
  }

  static List<ProcParam> listTail() {
    return List.of(
        opt(
            "list_client_order_id",
            STRING,
            "Your id for the list; the driver generates one when absent"),
        opt("self_trade_prevention_mode", ENUM, "STP mode"),
        opt("new_order_resp_type", ENUM, "ACK, RESULT or FULL (default FULL)"));
  }

  static List<ProcParam> concat(List<?>... parts) {
    List<ProcParam> out = new ArrayList<>();
    for (List<?> part : parts) {
      for (Object o : part) {
        out.add((ProcParam) o);
      }
    }
    return out;
  }

  static final ProcParam SYMBOL = req("symbol", ENUM, "Trading pair");

  /** The order a cancel or amendment is about, by id or by client id. */
  static final ProcParam ORDER_ID = opt("order_id", LONG, "The order's id");

  static final ProcParam ORIG_CLIENT_ORDER_ID =
      opt("orig_client_order_id", STRING, "The order's client id");

  static final ProcParam CANCEL_RESTRICTIONS =
      opt("cancel_restrictions", ENUM, "ONLY_NEW or ONLY_PARTIALLY_FILLED");
}
