package io.github.binancejdbc.simulator.trading;

import io.github.binancejdbc.simulator.market.Bar;
import io.github.binancejdbc.simulator.market.Market;
import io.github.binancejdbc.simulator.market.Rng;
import io.github.binancejdbc.simulator.market.SymbolMarket;
import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.market.Units;
import io.github.binancejdbc.simulator.trading.Enums.Side;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The exchange's mutable state: accounts, live order books, the last traded prices, id counters and
 * unfilled-order counts. Order entry is in {@link OrderEntry} and {@link OrderLists}, checked by
 * {@link OrderValidation}; matching in {@link Matching}. One lock (this object) guards everything,
 * which keeps the engine simple and every request atomic; the simulator serves a few clients, not a
 * market.
 */
public final class Exchange {
  static final long AVG_PRICE_MINS = 5;

  final Market market;
  final LongSupplier clock;
  final int ordersPer10s;
  final int ordersPerDay;
  final Map<String, Account> accounts = new LinkedHashMap<>();
  private final Map<String, Book> books = new HashMap<>();
  private final Map<String, Long> lastPrice = new HashMap<>();
  private final Map<String, Long> nextTradeId = new HashMap<>();
  private final Map<String, Long> avgPrice = new HashMap<>();

  /** Conditional orders waiting for their trigger, in placement order. */
  final List<Order> waiting = new ArrayList<>();

  long nextOrderId = 1;
  long nextListId = 1;
  long nextPreventedMatchId = 1;
  long nextAllocationId = 1;
  long nextExecutionId = 1;
  private long nextClientId = 1;
  private long nextUid = 354_937_868L;
  final OrderValidation validation;
  final OrderEntry entry;
  final OrderLists lists;
  final Matching matching;

  public Exchange(Market market, LongSupplier clock, int ordersPer10s, int ordersPerDay) {
    this.market = market;
    this.clock = clock;
    this.ordersPer10s = ordersPer10s;
    this.ordersPerDay = ordersPerDay;
    this.validation = new OrderValidation(this);
    this.entry = new OrderEntry(this);
    this.lists = new OrderLists(this);
    this.matching = new Matching(this);
  }

  public Market market() {
    return market;
  }

  public OrderEntry orders() {
    return entry;
  }

  /** OCO and OTO-type order lists. */
  public OrderLists orderLists() {
    return lists;
  }

  long now() {
    return clock.getAsLong();
  }

  /** Runs {@code action} holding the exchange lock (several steps as one atomic request). */
  public synchronized <T> T atomically(Supplier<T> action) {
    return action.get();
  }

  /** Creates (or returns) an account and credits the given balances (asset → units). */
  public synchronized Account account(String name, Map<String, Long> credit) {
    Account a = accounts.computeIfAbsent(name, n -> new Account(n, nextUid++, 10, 10));
    long now = now();
    for (Map.Entry<String, Long> e : credit.entrySet()) {
      a.credit(e.getKey(), e.getValue(), now);
    }
    return a;
  }

  public synchronized Account account(String name) {
    return accounts.get(name);
  }

  public synchronized Collection<Account> accounts() {
    return List.copyOf(accounts.values());
  }

  /** Adds (or, negative, removes) free balance. */
  public synchronized void deposit(String account, String asset, long units) {
    Account a = accounts.get(account);
    if (a == null) {
      throw new IllegalArgumentException("no such account: " + account);
    }
    a.credit(asset, units, now());
  }

  /** {free, locked} in units. */
  public synchronized long[] balance(String account, String asset) {
    Account a = accounts.get(account);
    return a == null ? new long[2] : new long[] {a.free(asset), a.locked(asset)};
  }

  SymbolSpec spec(String symbol) {
    SymbolSpec s = market.spec(symbol);
    if (s == null) {
      throw Errors.badSymbol();
    }
    return s;
  }

  synchronized Book book(String symbol) {
    return books.computeIfAbsent(symbol, s -> Book.generate(market.history(s), market.seed()));
  }

  /** The live book: {@code [price, qty]} levels, best first, and its update id. */
  public synchronized BookView depth(String symbol, int limit) {
    Book b = book(symbol);
    return new BookView(b.lastUpdateId, b.depth(Side.BUY, limit), b.depth(Side.SELL, limit));
  }

  /** A snapshot of a book. */
  public record BookView(long lastUpdateId, List<long[]> bids, List<long[]> asks) {}

  /** The last traded price in units: history's last trade, then the accounts' fills. */
  public synchronized long lastPrice(String symbol) {
    Long p = lastPrice.get(symbol);
    if (p != null) {
      return p;
    }
    SymbolMarket h = market.history(symbol);
    long v = h.hasData() ? h.trades(h.tradeCount() - 1, 1).get(0).price() : 0;
    lastPrice.put(symbol, v);
    return v;
  }

  void setLastPrice(String symbol, long price) {
    lastPrice.put(symbol, price);
  }

  long nextTradeId(String symbol) {
    long id = nextTradeId.computeIfAbsent(symbol, s -> market.history(s).tradeCount());
    nextTradeId.put(symbol, id + 1);
    return id;
  }

  /**
   * The weighted average price of the last {@value #AVG_PRICE_MINS} minutes of history (what
   * PERCENT_PRICE_BY_SIDE and market-order NOTIONAL checks compare against), in units.
   */
  public synchronized long avgPrice(String symbol) {
    return avgPrice.computeIfAbsent(
        symbol,
        s -> {
          SymbolMarket h = market.history(s);
          long end = h.dataEndMs();
          Bar b = h.aggregate(end - AVG_PRICE_MINS * 60_000, end);
          if (b.count() == 0) {
            return lastPrice(s);
          }
          long vol = b.volume() * h.spec().tapeLotUnits();
          return Units.quantityFor(b.quote(), vol);
        });
  }

  /** A 22-character client order id like Binance generates ({@code 6gCrw2kRUAF9CvJDGP16IP}). */
  public synchronized String newClientId() {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    long h = Rng.hash(market.seed(), 0x434C4944L, nextClientId++);
    StringBuilder sb = new StringBuilder(22);
    for (int i = 0; i < 22; i++) {
      if (i % 10 == 0) {
        h = Rng.mix(h + i);
      }
      sb.append(alphabet.charAt((int) Long.remainderUnsigned(h, 62)));
      h = Long.divideUnsigned(h, 62);
    }
    return sb.toString();
  }

  /**
   * Counts new orders against the account's ORDERS limits (10 s and 1 day windows).
   *
   * @throws ApiException -1015 (HTTP 429) when a limit would be exceeded
   */
  void countNewOrders(Account a, int n) {
    long now = now();
    rollOrderWindows(a, now);
    if (a.uocSecond + n > ordersPer10s) {
      throw new ApiException(
          429,
          -1015,
          "Too many new orders; current limit is " + ordersPer10s + " orders per 10 SECOND.");
    }
    if (a.uocDay + n > ordersPerDay) {
      throw new ApiException(
          429,
          -1015,
          "Too many new orders; current limit is " + ordersPerDay + " orders per 1 DAY.");
    }
    a.uocSecond += n;
    a.uocDay += n;
  }

  /** An order's first fill takes it out of the unfilled-order count. */
  void onFirstFill(Order o) {
    if (o.everFilled) {
      return;
    }
    o.everFilled = true;
    Account a = o.account;
    rollOrderWindows(a, now());
    a.uocSecond = Math.max(0, a.uocSecond - 1);
    a.uocDay = Math.max(0, a.uocDay - 1);
  }

  /** {10-second count, 1-day count} of unfilled orders. */
  public synchronized long[] orderCounts(Account a) {
    rollOrderWindows(a, now());
    return new long[] {a.uocSecond, a.uocDay};
  }

  private static void rollOrderWindows(Account a, long now) {
    long w = Math.floorDiv(now, 10_000L);
    if (w != a.uocSecondWindow) {
      a.uocSecondWindow = w;
      a.uocSecond = 0;
    }
    long d = Math.floorDiv(now, 86_400_000L);
    if (d != a.uocDayWindow) {
      a.uocDayWindow = d;
      a.uocDay = 0;
    }
  }

  public int ordersPer10s() {
    return ordersPer10s;
  }

  public int ordersPerDay() {
    return ordersPerDay;
  }
}
