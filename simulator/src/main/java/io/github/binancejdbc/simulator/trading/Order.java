package io.github.binancejdbc.simulator.trading;

import io.github.binancejdbc.simulator.trading.Enums.OrderType;
import io.github.binancejdbc.simulator.trading.Enums.Side;
import io.github.binancejdbc.simulator.trading.Enums.Status;
import io.github.binancejdbc.simulator.trading.Enums.Stp;
import io.github.binancejdbc.simulator.trading.Enums.TimeInForce;
import java.util.ArrayList;
import java.util.List;

/** One order of an account (mutable; guarded by the {@link Exchange} lock). Amounts in units. */
public final class Order {
  public final long orderId;
  public final String symbol;
  public final Account account;
  public final Side side;
  public final OrderType type;
  public final TimeInForce timeInForce;
  public final long time;
  public final Long strategyId;
  public final Integer strategyType;
  public final Long trailingDelta;
  public final boolean usedSor;
  public String clientOrderId;
  public long price;
  public long origQty;
  public long origQuoteOrderQty;
  public long stopPrice;
  public long icebergQty;
  public long executedQty;
  public long cumQuote;
  public Status status = Status.NEW;
  public long updateTime;
  public long workingTime = -1;
  public Stp stp;
  public Long preventedMatchId;
  public long preventedQty;
  public String expiryReason;
  public OrderList list;

  /** Quote (BUY) or base (SELL) still locked for this order. */
  public long locked;

  /** Fills of the request that placed (or triggered) this order, for FULL responses. */
  public final List<Fill> fills = new ArrayList<>();

  public int amendments;

  /** The other leg of an OCO pair (OCO, OTOCO pending legs), or null. */
  public Order ocoPeer;

  /** For trailing stops without stopPrice: the best price seen since placement (units). */
  long trailReference;

  /** Whether the order has had a fill yet (the unfilled-order count drops at the first one). */
  boolean everFilled;

  /** A fill as placement responses list it. */
  public record Fill(
      long price, long qty, long commission, String commissionAsset, long tradeId, long allocId) {}

  Order(
      long orderId,
      String symbol,
      Account account,
      Side side,
      OrderType type,
      TimeInForce timeInForce,
      long time,
      Long strategyId,
      Integer strategyType,
      Long trailingDelta,
      boolean usedSor) {
    this.orderId = orderId;
    this.symbol = symbol;
    this.account = account;
    this.side = side;
    this.type = type;
    this.timeInForce = timeInForce;
    this.time = time;
    this.strategyId = strategyId;
    this.strategyType = strategyType;
    this.trailingDelta = trailingDelta;
    this.usedSor = usedSor;
    this.updateTime = time;
  }

  public long orderListId() {
    return list == null ? -1 : list.id;
  }

  public boolean isWorking() {
    return workingTime >= 0;
  }

  /** Quantity still to execute (neither executed nor removed by self-trade prevention). */
  public long remaining() {
    return origQty - executedQty - preventedQty;
  }
}
