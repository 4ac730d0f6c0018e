package io.github.binancejdbc.simulator;

import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.trading.ApiException;
import io.github.binancejdbc.simulator.trading.Enums;
import io.github.binancejdbc.simulator.trading.Enums.OrderType;
import io.github.binancejdbc.simulator.trading.Enums.RespType;
import io.github.binancejdbc.simulator.trading.Enums.Side;
import io.github.binancejdbc.simulator.trading.Enums.Stp;
import io.github.binancejdbc.simulator.trading.Enums.TimeInForce;
import io.github.binancejdbc.simulator.trading.Errors;
import io.github.binancejdbc.simulator.trading.OrderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Order parameters, for a plain order ({@code type}, {@code price}...) or a leg of an order list
 * ({@code aboveType}, {@code workingPrice}, {@code pendingAboveStopPrice}...): types, then which
 * parameters each order type requires and refuses, with Binance's codes.
 */
final class OrderParams {
  /** Parameter names of a leg, before prefixing. */
  static final List<String> LEG_FIELDS =
      List.of(
          "type",
          "side",
          "timeInForce",
          "quantity",
          "price",
          "stopPrice",
          "trailingDelta",
          "icebergQty",
          "clientOrderId",
          "strategyId",
          "strategyType",
          "pegPriceType",
          "pegOffsetValue",
          "pegOffsetType");

  static final List<String> ORDER_PARAMS =
      List.of(
          "symbol",
          "side",
          "type",
          "timeInForce",
          "quantity",
          "quoteOrderQty",
          "price",
          "newClientOrderId",
          "strategyId",
          "strategyType",
          "stopPrice",
          "trailingDelta",
          "icebergQty",
          "newOrderRespType",
          "selfTradePreventionMode",
          "pegPriceType",
          "pegOffsetValue",
          "pegOffsetType");

  /**
   * The parameters of an SOR order: a plain order's but for a quote amount, triggers and pegs (SOR
   * takes LIMIT and MARKET orders by base quantity only).
   */
  static final List<String> SOR_PARAMS =
      ORDER_PARAMS.stream()
          .filter(
              n ->
                  !n.equals("quoteOrderQty")
                      && !n.equals("stopPrice")
                      && !n.equals("trailingDelta")
                      && !n.startsWith("peg"))
          .toList();

  private static final Set<String> SIDES = Enums.names(Side.class);
  private static final Set<String> TYPES = Enums.names(OrderType.class);
  private static final Set<String> TIFS = Enums.names(TimeInForce.class);
  private static final Set<String> STPS = Enums.names(Stp.class);
  private static final Set<String> RESP_TYPES = Enums.names(RespType.class);

  private OrderParams() {}

  /** A leg parameter name: {@code name("above", "price")} is {@code abovePrice}. */
  static String name(String prefix, String field) {
    if (prefix.isEmpty()) {
      return field.equals("clientOrderId") ? "newClientOrderId" : field;
    }
    return prefix + Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }

  /** All parameter names of a leg with this prefix (except those named in {@code shared}). */
  static List<String> legParams(String prefix, Set<String> shared) {
    List<String> out = new ArrayList<>();
    for (String f : LEG_FIELDS) {
      if (!shared.contains(f)) {
        out.add(name(prefix, f));
      }
    }
    return out;
  }

  static RespType respType(Params p, RespType dflt) {
    String v =
        p.optEnum(
            "newOrderRespType",
            RESP_TYPES,
            Errors.illegal("newOrderRespType", "ACK, RESULT, FULL"));
    return v == null ? dflt : RespType.valueOf(v);
  }

  static Stp stp(Params p) {
    String v =
        p.optEnum(
            "selfTradePreventionMode",
            STPS,
            Errors.illegal(
                "selfTradePreventionMode",
                "NONE, EXPIRE_TAKER, EXPIRE_MAKER, EXPIRE_BOTH, DECREMENT"));
    if ("TRANSFER".equals(v)) {
      throw Errors.rejected("This STP mode is not allowed for this symbol.");
    }
    return v == null ? null : Stp.valueOf(v);
  }

  static Side side(Params p, String name) {
    String v = p.require(name);
    if (!SIDES.contains(v)) {
      throw ApiException.bad(-1117, "Invalid side.");
    }
    return Side.valueOf(v);
  }

  /**
   * Parses one order or leg.
   *
   * @param prefix "" for a plain order, else the leg prefix
   * @param side the side shared by the legs (null: read {@code prefix + side})
   * @param quantity the quantity shared by the legs (null: read {@code prefix + quantity})
   * @param quantityOptional an OPO pending leg has no quantity of its own
   */
  static OrderRequest parse(
      Params p,
      SymbolSpec s,
      String prefix,
      Side side,
      Long quantity,
      boolean quantityOptional,
      Stp stp,
      boolean sor) {
    String typeName = name(prefix, "type");
    String t = p.require(typeName);
    if (!TYPES.contains(t)) {
      throw ApiException.bad(-1116, "Invalid orderType.");
    }
    OrderType type = OrderType.valueOf(t);
    Side sd = side != null ? side : side(p, name(prefix, "side"));
    String tifName = name(prefix, "timeInForce");
    String tifValue = p.optEnum(tifName, TIFS, ApiException.bad(-1115, "Invalid timeInForce."));
    TimeInForce tif = tifValue == null ? null : TimeInForce.valueOf(tifValue);
    String qtyName = name(prefix, "quantity");
    Long qty = quantity != null ? quantity : p.optDecimal(qtyName);
    Long quoteQty = prefix.isEmpty() ? p.optDecimal("quoteOrderQty") : null;
    String priceName = name(prefix, "price");
    Long price = p.optDecimal(priceName);
    String stopName = name(prefix, "stopPrice");
    Long stop = p.optDecimal(stopName);
    String trailName = name(prefix, "trailingDelta");
    Long trailing = p.optLong(trailName);
    String icebergName = name(prefix, "icebergQty");
    Long iceberg = p.optDecimal(icebergName);
    String clientId = p.get(name(prefix, "clientOrderId"));
    Long strategyId = p.optLong(name(prefix, "strategyId"));
    Integer strategyType = p.optInt(name(prefix, "strategyType"));
    if (strategyType != null && strategyType < 1_000_000) {
      throw ApiException.bad(-1134, "`strategyType` was less than 1000000.");
    }
    if (p.has(name(prefix, "pegPriceType"))
        || p.has(name(prefix, "pegOffsetType"))
        || p.has(name(prefix, "pegOffsetValue"))) {
      throw Errors.rejected("Pegged orders are not supported for this symbol.");
    }
    if (clientId != null && !clientId.matches("[\\.A-Za-z0-9_-]{1,36}")) {
      throw Errors.illegal(name(prefix, "clientOrderId"), "^[\\.A-Z\\:/a-z0-9_-]{1,36}$");
    }

    // Required and refused parameters, per type.
    boolean needsQty = !quantityOptional;
    switch (type) {
      case LIMIT -> {
        Params.present(tif, tifName);
        requireQty(qty, qtyName, needsQty);
        Params.present(price, priceName);
        refuse(stop, stopName);
      }
      case MARKET -> {
        if (qty == null && quoteQty == null && needsQty) {
          throw Errors.eitherMandatory(qtyName, "quoteOrderQty");
        }
        if (qty != null && quoteQty != null) {
          throw Errors.notRequired("quoteOrderQty");
        }
        refuse(price, priceName);
        refuse(stop, stopName);
        refuseTif(tif);
      }
      case STOP_LOSS, TAKE_PROFIT -> {
        requireQty(qty, qtyName, needsQty);
        requireTrigger(stop, trailing, stopName, trailName);
        refuse(price, priceName);
        refuseTif(tif);
      }
      case STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT -> {
        Params.present(tif, tifName);
        requireQty(qty, qtyName, needsQty);
        Params.present(price, priceName);
        requireTrigger(stop, trailing, stopName, trailName);
      }
      case LIMIT_MAKER -> {
        requireQty(qty, qtyName, needsQty);
        Params.present(price, priceName);
        refuse(stop, stopName);
        refuseTif(tif);
      }
      default -> throw new IllegalStateException();
    }
    if (quoteQty != null && type != OrderType.MARKET) {
      throw Errors.notRequired("quoteOrderQty");
    }
    if (trailing != null && !type.isConditional()) {
      throw Errors.notRequired(trailName);
    }
    if (iceberg != null
        && (type == OrderType.MARKET
            || type == OrderType.STOP_LOSS
            || type == OrderType.TAKE_PROFIT)) {
      throw Errors.notRequired(icebergName);
    }
    if (iceberg != null && tif != null && tif != TimeInForce.GTC) {
      throw Errors.rejected("Iceberg orders must be GTC.");
    }
    return new OrderRequest(
        s.symbol(),
        sd,
        type,
        tif,
        qty,
        quoteQty,
        price,
        stop,
        trailing,
        iceberg,
        clientId,
        strategyId,
        strategyType,
        stp,
        sor);
  }

  private static void requireQty(Long qty, String name, boolean needed) {
    if (needed && qty == null) {
      throw Errors.mandatory(name);
    }
  }

  private static void requireTrigger(Long stop, Long trailing, String stopName, String trailName) {
    if (stop == null && trailing == null) {
      throw Errors.eitherMandatory(stopName, trailName);
    }
  }

  private static void refuse(Object value, String name) {
    if (value != null) {
      throw Errors.notRequired(name);
    }
  }

  private static void refuseTif(TimeInForce tif) {
    if (tif != null) {
      throw ApiException.bad(-1114, "TimeInForce parameter sent when not required.");
    }
  }

  /** The default response type: FULL for MARKET and LIMIT, ACK for the others. */
  static RespType defaultRespType(OrderType type) {
    return type == OrderType.MARKET || type == OrderType.LIMIT ? RespType.FULL : RespType.ACK;
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
