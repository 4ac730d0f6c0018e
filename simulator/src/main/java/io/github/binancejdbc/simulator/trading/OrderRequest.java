package io.github.binancejdbc.simulator.trading;

import io.github.binancejdbc.simulator.trading.Enums.OrderType;
import io.github.binancejdbc.simulator.trading.Enums.Side;
import io.github.binancejdbc.simulator.trading.Enums.Stp;
import io.github.binancejdbc.simulator.trading.Enums.TimeInForce;

/**
 * A new order as requested (parameters already type-checked, presence checked per type). Amounts
 * are in units; absent optional values are null.
 */
public record OrderRequest(
    String symbol,
    Side side,
    OrderType type,
    TimeInForce timeInForce,
    Long quantity,
    Long quoteOrderQty,
    Long price,
    Long stopPrice,
    Long trailingDelta,
    Long icebergQty,
    String newClientOrderId,
    Long strategyId,
    Integer strategyType,
    Stp stp,
    boolean sor) {

  /** The same request for another symbol-side leg with a different quantity. */
  OrderRequest withQuantity(long qty) {
    return new OrderRequest(
        symbol,
        side,
        type,
        timeInForce,
        qty,
        null,
        price,
        stopPrice,
        trailingDelta,
        icebergQty,
        newClientOrderId,
        strategyId,
        strategyType,
        stp,
        sor);
  }
}
