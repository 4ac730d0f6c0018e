package io.github.binancejdbc.simulator.trading;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Binance's trading enums, spelled as the API spells them. */
public final class Enums {
  private Enums() {}

  public enum Side {
    BUY,
    SELL;

    public Side opposite() {
      return this == BUY ? SELL : BUY;
    }
  }

  public enum OrderType {
    LIMIT,
    MARKET,
    STOP_LOSS,
    STOP_LOSS_LIMIT,
    TAKE_PROFIT,
    TAKE_PROFIT_LIMIT,
    LIMIT_MAKER;

    /** Has a limit price (rests on the book once working). */
    public boolean hasPrice() {
      return this == LIMIT
          || this == STOP_LOSS_LIMIT
          || this == TAKE_PROFIT_LIMIT
          || this == LIMIT_MAKER;
    }

    /** Waits for a trigger (stopPrice or trailingDelta). */
    public boolean isConditional() {
      return this == STOP_LOSS
          || this == STOP_LOSS_LIMIT
          || this == TAKE_PROFIT
          || this == TAKE_PROFIT_LIMIT;
    }

    public boolean needsTimeInForce() {
      return this == LIMIT || this == STOP_LOSS_LIMIT || this == TAKE_PROFIT_LIMIT;
    }

    public boolean isStopLoss() {
      return this == STOP_LOSS || this == STOP_LOSS_LIMIT;
    }
  }

  public enum TimeInForce {
    GTC,
    IOC,
    FOK
  }

  public enum Status {
    NEW,
    PENDING_NEW,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    PENDING_CANCEL,
    REJECTED,
    EXPIRED,
    EXPIRED_IN_MATCH;

    public boolean isOpen() {
      return this == NEW || this == PARTIALLY_FILLED || this == PENDING_NEW;
    }
  }

  public enum Stp {
    NONE,
    EXPIRE_TAKER,
    EXPIRE_MAKER,
    EXPIRE_BOTH,
    DECREMENT,
    TRANSFER
  }

  public enum RespType {
    ACK,
    RESULT,
    FULL
  }

  public static <E extends Enum<E>> Set<String> names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Enum::name)
        .collect(Collectors.toUnmodifiableSet());
  }
}
