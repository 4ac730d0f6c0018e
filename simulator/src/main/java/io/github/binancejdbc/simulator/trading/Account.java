package io.github.binancejdbc.simulator.trading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A spot account: balances (free and locked, in units), its orders, trades, order lists and the
 * records the history endpoints list. Guarded by the {@link Exchange} lock.
 */
public final class Account {
  public final String name;
  public final long uid;
  public final long makerBips;
  public final long takerBips;
  public long updateTime;
  private final Map<String, long[]> balances = new TreeMap<>();
  public final List<Order> orders = new ArrayList<>();
  public final List<OrderList> lists = new ArrayList<>();
  public final List<AccountTrade> trades = new ArrayList<>();
  public final List<PreventedMatch> preventedMatches = new ArrayList<>();
  public final List<Allocation> allocations = new ArrayList<>();
  public final List<Amendment> amendments = new ArrayList<>();
  long uocSecondWindow = Long.MIN_VALUE;
  long uocSecond;
  long uocDayWindow = Long.MIN_VALUE;
  long uocDay;

  /**
   * One fill of one of this account's orders: what a trade ({@code myTrades}) and an SOR allocation
   * ({@code myAllocations}) both say about it.
   */
  public record Execution(
      String symbol,
      long orderId,
      long orderListId,
      long price,
      long qty,
      long quoteQty,
      long commission,
      String commissionAsset,
      long time,
      boolean isBuyer) {

    /** The fill of {@code o} at {@code price}, with the commission the account paid on it. */
    static Execution of(
        Order o, long price, long qty, long quoteQty, long commission, String asset, long time) {
      return new Execution(
          o.symbol,
          o.orderId,
          o.orderListId(),
          price,
          qty,
          quoteQty,
          commission,
          asset,
          time,
          o.side == Enums.Side.BUY);
    }
  }

  /** A fill seen from this account ({@code GET /api/v3/myTrades}). */
  public record AccountTrade(long id, Execution fill, boolean isMaker) {}

  /** A match prevented by self-trade prevention. */
  public record PreventedMatch(
      String symbol,
      long preventedMatchId,
      long takerOrderId,
      String makerSymbol,
      long makerOrderId,
      long tradeGroupId,
      String selfTradePreventionMode,
      long price,
      long makerPreventedQuantity,
      long transactTime) {}

  /** An SOR allocation ({@code GET /api/v3/myAllocations}). */
  public record Allocation(long allocationId, Execution fill) {}

  /** A keep-priority amendment ({@code GET /api/v3/order/amendments}). */
  public record Amendment(
      String symbol,
      long orderId,
      long executionId,
      String origClientOrderId,
      String newClientOrderId,
      long origQty,
      long newQty,
      long time) {}

  Account(String name, long uid, long makerBips, long takerBips) {
    this.name = name;
    this.uid = uid;
    this.makerBips = makerBips;
    this.takerBips = takerBips;
  }

  /** {free, locked} of an asset (created at zero). */
  long[] balance(String asset) {
    return balances.computeIfAbsent(asset, k -> new long[2]);
  }

  public long free(String asset) {
    long[] b = balances.get(asset);
    return b == null ? 0 : b[0];
  }

  public long locked(String asset) {
    long[] b = balances.get(asset);
    return b == null ? 0 : b[1];
  }

  /** Assets with a balance entry, sorted by name. */
  public List<String> assets() {
    return List.copyOf(balances.keySet());
  }

  void credit(String asset, long amount, long now) {
    balance(asset)[0] += amount;
    updateTime = now;
  }
}
