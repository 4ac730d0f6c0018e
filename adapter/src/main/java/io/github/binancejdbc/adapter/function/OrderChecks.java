package io.github.binancejdbc.adapter.function;

import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import io.github.binancejdbc.adapter.table.ExchangeInfoCache.ExchangeInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks an order against the symbol's filters and the connection's guards before anything is sent,
 * so a mistake costs no request and the message says what would be valid. Filters checked:
 * PRICE_FILTER (price and stop price), LOT_SIZE and MARKET_LOT_SIZE (quantity, iceberg quantity),
 * MIN_NOTIONAL and NOTIONAL for priced orders. PERCENT_PRICE(_BY_SIDE) and notional checks of
 * MARKET orders need the average price, which costs a request; Binance still enforces them.
 */
final class OrderChecks {
  private OrderChecks() {}

  /** The parts of an order that the checks read; all but procedure and symbol may be null. */
  record Order(
      String procedure,
      String symbol,
      @Nullable String orderType,
      @Nullable BigDecimal quantity,
      @Nullable BigDecimal quoteQty,
      @Nullable BigDecimal price,
      @Nullable BigDecimal stopPrice,
      @Nullable BigDecimal icebergQty,
      boolean pegged) {}

  /**
   * The orders a call of {@code def} with the API parameters {@code v} would create: one, or one
   * per leg of an order list that has a type. A leg without a quantity of its own takes the list's
   * ({@code quantity}, or {@code pendingQuantity} for the pending legs).
   */
  static List<Order> orders(ProcedureDef def, String symbol, Map<String, String> v) {
    if (def.checks() != ProcedureDef.Checks.ORDER_LIST) {
      return List.of(
          new Order(
              def.name(),
              symbol,
              v.get("type"),
              dec(v.get("quantity")),
              dec(v.get("quoteOrderQty")),
              dec(v.get("price")),
              dec(v.get("stopPrice")),
              dec(v.get("icebergQty")),
              v.get("pegPriceType") != null));
    }
    List<Order> legs = new ArrayList<>();
    for (String leg : def.legs()) {
      String type = v.get(leg + "Type");
      if (type == null) {
        continue;
      }
      BigDecimal qty = dec(v.get(leg + "Quantity"));
      if (qty == null) {
        qty = dec(v.get(leg.startsWith("pending") ? "pendingQuantity" : "quantity"));
      }
      legs.add(
          new Order(
              def.name(),
              symbol,
              type,
              qty,
              null,
              dec(v.get(leg + "Price")),
              dec(v.get(leg + "StopPrice")),
              dec(v.get(leg + "IcebergQty")),
              v.get(leg + "PegPriceType") != null));
    }
    return legs;
  }

  private static @Nullable BigDecimal dec(@Nullable String s) {
    return s == null ? null : new BigDecimal(s);
  }

  /** The order types that take a limit price; a pegged order takes its price from the book. */
  private static final Set<String> PRICED =
      Set.of("LIMIT", "LIMIT_MAKER", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT");

  static void checkGuards(BinanceConfig config, Order o, @Nullable BigDecimal marketPrice) {
    if (!config.allowedSymbols().isEmpty() && !config.allowedSymbols().contains(o.symbol())) {
      throw BinanceException.badValue(
          o.procedure()
              + " on "
              + o.symbol()
              + " is refused: this"
              + " connection may trade only "
              + String.join(", ", config.allowedSymbols())
              + " (allowedSymbols). Nothing was sent.");
    }
    BigDecimal max = config.maxOrderNotional();
    if (max == null) {
      return;
    }
    BigDecimal notional = notional(o, marketPrice);
    if (notional != null && notional.compareTo(max) > 0) {
      throw BinanceException.badValue(
          o.procedure()
              + " on "
              + o.symbol()
              + " is refused: its"
              + " notional "
              + notional.stripTrailingZeros().toPlainString()
              + " exceeds"
              + " maxOrderNotional "
              + max.toPlainString()
              + ". Nothing was sent.");
    }
  }

  /** price x quantity, or the quote quantity; for a MARKET order the given market price. */
  static @Nullable BigDecimal notional(Order o, @Nullable BigDecimal marketPrice) {
    if (o.quoteQty() != null) {
      return o.quoteQty();
    }
    if (o.quantity() == null) {
      return null;
    }
    BigDecimal p =
        o.price() != null ? o.price() : o.stopPrice() != null ? o.stopPrice() : marketPrice;
    return p == null ? null : p.multiply(o.quantity());
  }

  static void checkFilters(ExchangeInfo info, Order o) {
    if (!info.hasSymbol(o.symbol())) {
      throw new BinanceException(
          SqlState.INVALID_PARAMETER_VALUE,
          -1121,
          o.procedure()
              + ": unknown symbol "
              + o.symbol()
              + " (not in exchangeInfo;"
              + " see the symbols table). Nothing was sent.",
          null);
    }
    // amend_order carries no type (Set.of rejects a null lookup).
    boolean priced = o.orderType() != null && PRICED.contains(o.orderType());
    if (o.pegged() && !priced) {
      throw BinanceException.badValue(
          o.procedure()
              + ": a "
              + o.orderType()
              + " order cannot be"
              + " pegged; peg_price_type goes with LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT or"
              + " TAKE_PROFIT_LIMIT. Nothing was sent.");
    }
    if (o.price() == null && !o.pegged() && priced) {
      throw BinanceException.badValue(
          o.procedure()
              + ": a "
              + o.orderType()
              + " order needs a"
              + " price (or peg_price_type, to follow the book). Nothing was sent.");
    }
    Map<String, Map<String, Object>> f = info.filtersOf(o.symbol());
    boolean market = "MARKET".equals(o.orderType());
    Map<String, Object> pf = f.get("PRICE_FILTER");
    if (pf != null) {
      checkGrid(o, "price", o.price(), pf, "min_price", "max_price", "tick_size", "PRICE_FILTER");
      checkGrid(
          o,
          "stop_price",
          o.stopPrice(),
          pf,
          "min_price",
          "max_price",
          "tick_size",
          "PRICE_FILTER");
    }
    Map<String, Object> lot = f.get("LOT_SIZE");
    if (lot != null) {
      checkGrid(o, "quantity", o.quantity(), lot, "min_qty", "max_qty", "step_size", "LOT_SIZE");
      checkGrid(
          o, "iceberg_qty", o.icebergQty(), lot, "min_qty", "max_qty", "step_size", "LOT_SIZE");
    }
    Map<String, Object> mlot = f.get("MARKET_LOT_SIZE");
    if (market && mlot != null) {
      checkGrid(
          o, "quantity", o.quantity(), mlot, "min_qty", "max_qty", "step_size", "MARKET_LOT_SIZE");
    }
    if (!market && o.price() != null && o.quantity() != null) {
      BigDecimal notional = o.price().multiply(o.quantity());
      Map<String, Object> mn = f.get("MIN_NOTIONAL");
      if (mn != null
          && mn.get("min_notional") instanceof BigDecimal min
          && notional.compareTo(min) < 0) {
        throw filterFailure(
            o,
            "MIN_NOTIONAL",
            "price x quantity "
                + plain(notional)
                + " is below"
                + " the minimum notional "
                + plain(min)
                + "; the smallest valid quantity at this price"
                + " is about "
                + plain(min.divide(o.price(), 8, RoundingMode.CEILING)));
      }
      Map<String, Object> n = f.get("NOTIONAL");
      if (n != null) {
        if (n.get("min_notional") instanceof BigDecimal min && notional.compareTo(min) < 0) {
          throw filterFailure(
              o,
              "NOTIONAL",
              "price x quantity "
                  + plain(notional)
                  + " is below"
                  + " the minimum notional "
                  + plain(min)
                  + "; the smallest valid quantity at this"
                  + " price is about "
                  + plain(min.divide(o.price(), 8, RoundingMode.CEILING)));
        }
        if (n.get("max_notional") instanceof BigDecimal maxN && notional.compareTo(maxN) > 0) {
          throw filterFailure(
              o,
              "NOTIONAL",
              "price x quantity "
                  + plain(notional)
                  + " is above"
                  + " the maximum notional "
                  + plain(maxN));
        }
      }
    }
  }

  /** min <= v <= max (a zero bound is disabled) and (v - min) a multiple of step. */
  private static void checkGrid(
      Order o,
      String what,
      @Nullable BigDecimal v,
      Map<String, Object> filter,
      String minKey,
      String maxKey,
      String stepKey,
      String filterType) {
    if (v == null) {
      return;
    }
    BigDecimal min = dec(filter.get(minKey));
    BigDecimal max = dec(filter.get(maxKey));
    BigDecimal step = dec(filter.get(stepKey));
    if (v.signum() <= 0) {
      throw BinanceException.badValue(
          o.procedure()
              + ": "
              + what
              + " must be positive, but was "
              + plain(v)
              + ". Nothing was sent.");
    }
    if (min.signum() > 0 && v.compareTo(min) < 0) {
      throw filterFailure(
          o,
          filterType,
          what
              + " "
              + plain(v)
              + " is below the minimum "
              + plain(min)
              + "; nearest valid value: "
              + plain(min));
    }
    if (max.signum() > 0 && v.compareTo(max) > 0) {
      throw filterFailure(
          o,
          filterType,
          what
              + " "
              + plain(v)
              + " is above the maximum "
              + plain(max)
              + "; nearest valid value: "
              + plain(max));
    }
    if (step.signum() > 0) {
      BigDecimal base = min.signum() > 0 ? min : BigDecimal.ZERO;
      BigDecimal[] qr = v.subtract(base).divideAndRemainder(step);
      if (qr[1].signum() != 0) {
        BigDecimal lower = base.add(qr[0].multiply(step));
        BigDecimal upper = lower.add(step);
        String nearest =
            lower.compareTo(base) >= 0 && lower.signum() > 0
                ? plain(lower) + " or " + plain(upper)
                : plain(upper);
        throw filterFailure(
            o,
            filterType,
            what
                + " "
                + plain(v)
                + " is not a multiple of the step "
                + plain(step)
                + "; nearest valid values: "
                + nearest);
      }
    }
  }

  private static BinanceException filterFailure(Order o, String filter, String detail) {
    return BinanceException.badValue(
        o.procedure()
            + " on "
            + o.symbol()
            + " fails "
            + filter
            + ": "
            + detail
            + ". Nothing was sent.");
  }

  private static BigDecimal dec(@Nullable Object o) {
    return o instanceof BigDecimal b ? b : BigDecimal.ZERO;
  }

  private static String plain(BigDecimal b) {
    return b.stripTrailingZeros().toPlainString();
  }
}
