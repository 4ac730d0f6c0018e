package io.github.binancejdbc.simulator.trading;

import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.market.Units;
import io.github.binancejdbc.simulator.trading.Enums.OrderType;
import io.github.binancejdbc.simulator.trading.Enums.Side;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an order must pass before it is placed, in Binance's order: parameters, then filters, then
 * matching-engine rules, then balance; and the limits it is checked against (which exchangeInfo
 * publishes). Runs under the {@link Exchange} lock.
 */
public final class OrderValidation {
  /** ICEBERG_PARTS limit (raised to 100 in 2026-03). */
  public static final int ICEBERG_PARTS = 100;

  public static final int MAX_NUM_ORDERS = 200;
  public static final int MAX_NUM_ALGO_ORDERS = 5;
  public static final int MAX_NUM_ORDER_LISTS = 20;
  public static final int MAX_NUM_ORDER_AMENDS = 10;
  public static final long MIN_TRAILING_DELTA = 10;
  public static final long MAX_TRAILING_DELTA = 2000;

  /** PERCENT_PRICE_BY_SIDE multipliers (same both sides), as fractions of 100. */
  public static final long PERCENT_UP = 500;

  public static final long PERCENT_DOWN = 20;

  private final Exchange exchange;

  OrderValidation(Exchange exchange) {
    this.exchange = exchange;
  }

  /** Whether SOR serves the symbol: trading symbols quoted in USDT, grouped by base asset. */
  public static boolean sorAllowed(SymbolSpec s) {
    return s.trading() && "USDT".equals(s.quoteAsset());
  }

  /**
   * Checks one order (a pending leg of a list skips the rules about the book now: it goes live
   * later).
   */
  void validate(Account a, OrderRequest r, boolean pendingLeg) {
    SymbolSpec s = exchange.spec(r.symbol());
    if (!s.trading()) {
      throw ApiException.bad(-1013, "Market is closed.");
    }
    if (r.sor() && !sorAllowed(s)) {
      throw ApiException.bad(-1013, "SOR is not enabled for this symbol.");
    }
    OrderType t = r.type();
    boolean marketLike =
        t == OrderType.MARKET || t == OrderType.STOP_LOSS || t == OrderType.TAKE_PROFIT;
    if (r.price() != null) {
      checkPrice(s, r.price());
    }
    if (r.stopPrice() != null) {
      checkPrice(s, r.stopPrice());
    }
    long avg = exchange.avgPrice(r.symbol());
    if (r.price() != null && t.hasPrice() && avg > 0) {
      long scaled = Units.notional(r.price(), 100 * Units.ONE);
      if (scaled > Units.notional(avg, PERCENT_UP * Units.ONE)
          || scaled < Units.notional(avg, PERCENT_DOWN * Units.ONE)) {
        throw Errors.filter("PERCENT_PRICE_BY_SIDE");
      }
    }
    if (r.quantity() != null) {
      long q = r.quantity();
      if (q < s.stepUnits() || q > s.maxQtyUnits() || q % s.stepUnits() != 0) {
        throw Errors.filter("LOT_SIZE");
      }
      if (marketLike && q > s.marketMaxQtyUnits()) {
        throw Errors.filter("MARKET_LOT_SIZE");
      }
    }
    if (r.icebergQty() != null) {
      long ice = r.icebergQty();
      if (ice < s.stepUnits() || ice % s.stepUnits() != 0) {
        throw Errors.filter("LOT_SIZE");
      }
      long q = r.quantity() == null ? 0 : r.quantity();
      if (ice > q) {
        throw Errors.rejected("IcebergQty exceeds QTY.");
      }
      if ((q + ice - 1) / ice > ICEBERG_PARTS) {
        throw Errors.filter("ICEBERG_PARTS");
      }
    }
    checkNotional(s, r, marketLike, avg);
    if (r.trailingDelta() != null
        && (r.trailingDelta() < MIN_TRAILING_DELTA || r.trailingDelta() > MAX_TRAILING_DELTA)) {
      throw Errors.filter("TRAILING_DELTA");
    }
    int open = 0;
    int algo = 0;
    for (Order o : a.orders) {
      if (o.symbol.equals(r.symbol()) && o.status.isOpen()) {
        open++;
        if (o.type.isConditional()) {
          algo++;
        }
      }
    }
    if (open >= MAX_NUM_ORDERS) {
      throw Errors.filter("MAX_NUM_ORDERS");
    }
    if (t.isConditional() && algo >= MAX_NUM_ALGO_ORDERS) {
      throw Errors.filter("MAX_NUM_ALGO_ORDERS");
    }
    if (r.newClientOrderId() != null) {
      for (Order o : a.orders) {
        if (o.status.isOpen() && r.newClientOrderId().equals(o.clientOrderId)) {
          throw Errors.rejected("Duplicate order sent.");
        }
      }
    }
    if (pendingLeg) {
      return;
    }
    if (t.isConditional() && r.stopPrice() != null) {
      long last = exchange.lastPrice(r.symbol());
      boolean upward =
          (t.isStopLoss() && r.side() == Side.BUY) || (!t.isStopLoss() && r.side() == Side.SELL);
      if (upward ? r.stopPrice() <= last : r.stopPrice() >= last) {
        throw Errors.rejected("Order would trigger immediately.");
      }
    }
    if (t == OrderType.LIMIT_MAKER && crosses(exchange.book(r.symbol()), r.side(), r.price())) {
      throw Errors.rejected("Order would immediately match and take.");
    }
  }

  private static void checkPrice(SymbolSpec s, long p) {
    if (p < s.tickUnits() || p > s.maxPriceUnits() || p % s.tickUnits() != 0) {
      throw Errors.filter("PRICE_FILTER");
    }
  }

  private static void checkNotional(SymbolSpec s, OrderRequest r, boolean marketLike, long avg) {
    long notional;
    if (r.quoteOrderQty() != null) {
      notional = r.quoteOrderQty();
    } else if (r.quantity() == null) {
      return;
    } else if (r.type() == OrderType.MARKET) {
      notional = Units.notional(avg, r.quantity());
    } else {
      long p = r.price() != null ? r.price() : r.stopPrice() != null ? r.stopPrice() : avg;
      notional = Units.notional(p, r.quantity());
    }
    if (notional < s.minNotionalUnits() || (!marketLike && notional > s.maxNotionalUnits())) {
      throw Errors.filter("NOTIONAL");
    }
  }

  /** Whether a maker order at {@code price} would trade at once. */
  static boolean crosses(Book b, Side side, long price) {
    long[] best = b.best(side.opposite());
    if (best == null) {
      return false;
    }
    return side == Side.BUY ? best[0] <= price : best[0] >= price;
  }

  /** Checks the balance a set of orders needs (an OCO needs the larger of its legs once). */
  void checkFunds(Account a, List<OrderRequest> legs, boolean oneOf) {
    Map<String, Long> need = new HashMap<>();
    for (OrderRequest r : legs) {
      SymbolSpec s = exchange.spec(r.symbol());
      String asset;
      long amount;
      OrderType t = r.type();
      if (t == OrderType.MARKET && r.quoteOrderQty() != null) {
        if (r.side() == Side.BUY) {
          asset = s.quoteAsset();
          amount = r.quoteOrderQty();
        } else {
          asset = s.baseAsset();
          amount = exchange.matching.simulate(r.symbol(), Side.SELL, null, 0, r.quoteOrderQty())[0];
        }
      } else if (r.side() == Side.SELL) {
        asset = s.baseAsset();
        amount = r.quantity() == null ? 0 : r.quantity();
      } else {
        asset = s.quoteAsset();
        long qty = r.quantity() == null ? 0 : r.quantity();
        if (t == OrderType.MARKET) {
          amount = exchange.matching.simulate(r.symbol(), Side.BUY, null, qty, 0)[1];
        } else {
          long p =
              r.price() != null
                  ? r.price()
                  : r.stopPrice() != null ? r.stopPrice() : exchange.lastPrice(r.symbol());
          amount = Matching.notionalCeil(p, qty);
        }
      }
      need.merge(asset, amount, oneOf ? Math::max : Long::sum);
    }
    for (Map.Entry<String, Long> e : need.entrySet()) {
      if (a.free(e.getKey()) < e.getValue()) {
        throw Errors.rejected("Account has insufficient balance for requested action.");
      }
    }
  }

  /** The rules of an OCO pair: one contingent leg, each on its side of the price. */
  static void checkOcoPair(OrderRequest above, OrderRequest below) {
    if (!above.type().isConditional() && !below.type().isConditional()) {
      throw ApiException.bad(-1168, "At least one OCO order must be contingent.");
    }
    Side side = above.side();
    if (side == Side.SELL) {
      if (above.type().isStopLoss()) {
        throw ApiException.bad(-1197, "A stop loss order in a sell OCO must be below.");
      }
      if (below.type() == OrderType.LIMIT_MAKER) {
        throw ApiException.bad(-1166, "A limit order in a sell OCO must be above.");
      }
      if (below.type().isConditional() && !below.type().isStopLoss()) {
        throw ApiException.bad(-1199, "A take profit order in a sell OCO must be above.");
      }
    } else {
      if (below.type().isConditional() && below.type().isStopLoss()) {
        throw ApiException.bad(-1196, "A stop loss order in a buy OCO must be above.");
      }
      if (above.type() == OrderType.LIMIT_MAKER) {
        throw ApiException.bad(-1165, "A limit order in a buy OCO must be below.");
      }
      if (above.type().isConditional() && !above.type().isStopLoss()) {
        throw ApiException.bad(-1198, "A take profit order in a buy OCO must be below.");
      }
    }
  }
}
