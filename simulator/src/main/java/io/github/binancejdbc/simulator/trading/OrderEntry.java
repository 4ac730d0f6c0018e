package io.github.binancejdbc.simulator.trading;

import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.market.Units;
import io.github.binancejdbc.simulator.trading.Enums.OrderType;
import io.github.binancejdbc.simulator.trading.Enums.Side;
import io.github.binancejdbc.simulator.trading.Enums.Status;
import io.github.binancejdbc.simulator.trading.Enums.Stp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Order entry: validation in Binance's order (parameters, then filters, then matching-engine
 * rules, then balance), placement, cancellation, amendment and order lists. Every method runs
 * under the {@link Exchange} lock.
 */
public final class OrderEntry {
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

  private final Exchange x;

  OrderEntry(Exchange x) {
    this.x = x;
  }

  /** The result of a cancel: the order, and the client order id of the cancel request itself. */
  public record Cancel(Order order, String cancelClientOrderId) {}

  /** The result of a keep-priority amendment. */
  public record Amend(Order order, String origClientOrderId, long executionId, long time) {}

  /** Places an order ({@code POST /api/v3/order}, {@code POST /api/v3/sor/order}). */
  public Order place(Account a, OrderRequest r) {
    synchronized (x) {
      validate(a, r, false);
      checkFunds(a, List.of(r), false);
      x.countNewOrders(a, 1);
      Order o = create(a, r, null);
      commit(o);
      return o;
    }
  }

  /** Validates an order without placing it ({@code POST /api/v3/order/test}). */
  public void test(Account a, OrderRequest r) {
    synchronized (x) {
      validate(a, r, false);
    }
  }

  /** Whether SOR serves the symbol: trading symbols quoted in USDT, grouped by base asset. */
  public static boolean sorAllowed(SymbolSpec s) {
    return s.trading() && "USDT".equals(s.quoteAsset());
  }

  // ---------------------------------------------------------------------------------------------
  // Validation

  private void validate(Account a, OrderRequest r, boolean pendingLeg) {
    SymbolSpec s = x.spec(r.symbol());
    if (!s.trading()) {
      throw ApiException.bad(-1013, "Market is closed.");
    }
    if (r.sor() && !sorAllowed(s)) {
      throw ApiException.bad(-1013, "SOR is not enabled for this symbol.");
    }
    OrderType t = r.type();
    boolean marketLike = t == OrderType.MARKET || t == OrderType.STOP_LOSS || t == OrderType.TAKE_PROFIT;
    if (r.price() != null) {
      checkPrice(s, r.price());
    }
    if (r.stopPrice() != null) {
      checkPrice(s, r.stopPrice());
    }
    long avg = x.avgPrice(r.symbol());
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
      long last = x.lastPrice(r.symbol());
      boolean upward = (t.isStopLoss() && r.side() == Side.BUY)
          || (!t.isStopLoss() && r.side() == Side.SELL);
      if (upward ? r.stopPrice() <= last : r.stopPrice() >= last) {
        throw Errors.rejected("Order would trigger immediately.");
      }
    }
    if (t == OrderType.LIMIT_MAKER && crosses(x.book(r.symbol()), r.side(), r.price())) {
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
  private void checkFunds(Account a, List<OrderRequest> legs, boolean oneOf) {
    Map<String, Long> need = new HashMap<>();
    for (OrderRequest r : legs) {
      SymbolSpec s = x.spec(r.symbol());
      String asset;
      long amount;
      OrderType t = r.type();
      if (t == OrderType.MARKET && r.quoteOrderQty() != null) {
        if (r.side() == Side.BUY) {
          asset = s.quoteAsset();
          amount = r.quoteOrderQty();
        } else {
          asset = s.baseAsset();
          amount = x.matching.simulate(r.symbol(), Side.SELL, null, 0, r.quoteOrderQty())[0];
        }
      } else if (r.side() == Side.SELL) {
        asset = s.baseAsset();
        amount = r.quantity() == null ? 0 : r.quantity();
      } else {
        asset = s.quoteAsset();
        long qty = r.quantity() == null ? 0 : r.quantity();
        if (t == OrderType.MARKET) {
          amount = x.matching.simulate(r.symbol(), Side.BUY, null, qty, 0)[1];
        } else {
          long p = r.price() != null ? r.price()
              : r.stopPrice() != null ? r.stopPrice() : x.lastPrice(r.symbol());
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

  // ---------------------------------------------------------------------------------------------
  // Placement

  private Order create(Account a, OrderRequest r, OrderList list) {
    long now = x.now();
    Order o = new Order(x.nextOrderId++, r.symbol(), a, r.side(), r.type(),
        r.timeInForce() != null ? r.timeInForce() : Enums.TimeInForce.GTC, now, r.strategyId(),
        r.strategyType(), r.trailingDelta(), r.sor());
    o.clientOrderId = r.newClientOrderId() != null ? r.newClientOrderId() : x.newClientId();
    o.price = r.price() == null ? 0 : r.price();
    o.origQty = r.quantity() == null ? 0 : r.quantity();
    o.origQuoteOrderQty = r.quoteOrderQty() == null ? 0 : r.quoteOrderQty();
    o.stopPrice = r.stopPrice() == null ? 0 : r.stopPrice();
    o.icebergQty = r.icebergQty() == null ? 0 : r.icebergQty();
    o.stp = r.stp() != null ? r.stp() : Stp.EXPIRE_MAKER;
    o.list = list;
    a.orders.add(o);
    if (list != null) {
      list.orders.add(o);
    }
    return o;
  }

  /** Puts a created order to work: waits for its trigger, or trades and rests. */
  private void commit(Order o) {
    o.fills.clear();
    if (o.type.isConditional()) {
      boolean shared = o.ocoPeer != null && o.ocoPeer.locked > 0;
      if (!shared) {
        x.matching.lock(o);
      }
      o.trailReference = x.lastPrice(o.symbol);
      x.waiting.add(o);
      return;
    }
    o.workingTime = o.time;
    x.matching.execute(o);
  }

  // ---------------------------------------------------------------------------------------------
  // Lookup, cancel, amend

  /**
   * The account's order on {@code symbol} by id or client id.
   *
   * @throws ApiException -1102 when neither is given; -2013 when absent; -2039 when both are given
   *     and disagree
   */
  public Order find(Account a, String symbol, Long orderId, String origClientOrderId) {
    synchronized (x) {
      x.spec(symbol);
      if (orderId == null && origClientOrderId == null) {
        throw Errors.eitherMandatory("orderId", "origClientOrderId");
      }
      Order found = null;
      for (int i = a.orders.size() - 1; i >= 0; i--) {
        Order o = a.orders.get(i);
        if (!o.symbol.equals(symbol)) {
          continue;
        }
        if (orderId != null ? o.orderId == orderId : origClientOrderId.equals(o.clientOrderId)) {
          found = o;
          break;
        }
      }
      if (found == null) {
        throw Errors.noSuchOrder();
      }
      if (orderId != null && origClientOrderId != null
          && !origClientOrderId.equals(found.clientOrderId)) {
        throw ApiException.bad(-2039, "Client order ID is not correct for this order ID.");
      }
      return found;
    }
  }

  /** Cancels one order; a leg of an order list cancels the whole list. */
  public Cancel cancel(Account a, String symbol, Long orderId, String origClientOrderId,
      String newClientOrderId, String cancelRestrictions) {
    synchronized (x) {
      Order o;
      try {
        o = find(a, symbol, orderId, origClientOrderId);
      } catch (ApiException e) {
        if (e.code() == -2013 || e.code() == -2039) {
          throw Errors.cancelRejected("Unknown order sent.");
        }
        throw e;
      }
      if (!o.status.isOpen()) {
        throw Errors.cancelRejected("Unknown order sent.");
      }
      if (cancelRestrictions != null
          && !(cancelRestrictions.equals("ONLY_NEW") && o.status == Status.NEW)
          && !(cancelRestrictions.equals("ONLY_PARTIALLY_FILLED")
              && o.status == Status.PARTIALLY_FILLED)) {
        throw Errors.cancelRejected("Order was not canceled due to cancel restrictions.");
      }
      String cancelId = newClientOrderId != null ? newClientOrderId : x.newClientId();
      if (o.list != null) {
        cancelList(o.list);
      } else {
        cancelOne(o);
      }
      return new Cancel(o, cancelId);
    }
  }

  private void cancelOne(Order o) {
    long now = x.now();
    x.book(o.symbol).remove(o);
    x.waiting.remove(o);
    x.matching.unlock(o);
    o.status = Status.CANCELED;
    o.updateTime = now;
  }

  private void cancelList(OrderList l) {
    for (Order o : l.orders) {
      if (o.status.isOpen()) {
        cancelOne(o);
      }
    }
    l.listStatusType = "ALL_DONE";
    l.listOrderStatus = "ALL_DONE";
    l.updateTime = x.now();
  }

  /** Cancels every open order (and order list) of the account on the symbol. */
  public List<Object> cancelAll(Account a, String symbol) {
    synchronized (x) {
      x.spec(symbol);
      List<Object> out = new ArrayList<>();
      List<OrderList> lists = new ArrayList<>();
      for (Order o : new ArrayList<>(a.orders)) {
        if (!o.symbol.equals(symbol) || !o.status.isOpen()) {
          continue;
        }
        if (o.list != null) {
          if (!lists.contains(o.list)) {
            lists.add(o.list);
          }
          continue;
        }
        cancelOne(o);
        out.add(new Cancel(o, x.newClientId()));
      }
      for (OrderList l : lists) {
        cancelList(l);
        out.add(l);
      }
      if (out.isEmpty()) {
        throw Errors.cancelRejected("Unknown order sent.");
      }
      return out;
    }
  }

  /** Reduces an open order's quantity, keeping its place in the queue. */
  public Amend amend(Account a, String symbol, Long orderId, String origClientOrderId,
      String newClientOrderId, long newQty) {
    synchronized (x) {
      Order o = find(a, symbol, orderId, origClientOrderId);
      if (!o.status.isOpen()) {
        throw ApiException.bad(-2038, "Order is not open.");
      }
      SymbolSpec s = x.spec(symbol);
      if (newQty >= o.origQty) {
        throw ApiException.bad(-2038, "Order amend (quantity increase) is not supported.");
      }
      if (newQty < s.stepUnits() || newQty % s.stepUnits() != 0) {
        throw Errors.filter("LOT_SIZE");
      }
      if (o.amendments >= MAX_NUM_ORDER_AMENDS) {
        throw Errors.filter("MAX_NUM_ORDER_AMENDS");
      }
      long now = x.now();
      String orig = o.clientOrderId;
      o.clientOrderId = newClientOrderId != null ? newClientOrderId : x.newClientId();
      long origQty = o.origQty;
      o.amendments++;
      o.updateTime = now;
      if (newQty <= o.executedQty) {
        o.origQty = o.executedQty;
        x.book(symbol).remove(o);
        x.waiting.remove(o);
        x.matching.unlock(o);
        o.status = Status.FILLED;
      } else {
        o.origQty = newQty;
        if (o.isWorking()) {
          x.book(symbol).reduce(o, o.remaining());
        }
        if (o.locked > 0) {
          x.matching.unlock(o);
          x.matching.lock(o);
        }
      }
      long exec = x.nextExecutionId++;
      a.amendments.add(new Account.Amendment(symbol, o.orderId, exec, orig, o.clientOrderId,
          origQty, o.origQty, now));
      if (o.list != null) {
        o.list.finishIfDone(now);
      }
      return new Amend(o, orig, exec, now);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Order lists

  /**
   * Places an OCO: the two legs are validated (the pair and each leg), checked for funds once, and
   * placed with the conditional leg first.
   */
  public OrderList placeOco(Account a, String symbol, String listClientOrderId, OrderRequest above,
      OrderRequest below) {
    synchronized (x) {
      checkOcoPair(above, below);
      validate(a, below, false);
      validate(a, above, false);
      checkFunds(a, List.of(above, below), true);
      checkOpenLists(a, symbol);
      x.countNewOrders(a, 2);
      OrderList l = newList(a, symbol, OrderList.Kind.OCO, listClientOrderId);
      List<OrderRequest> legs = orderLegs(above, below);
      Order first = create(a, legs.get(0), l);
      Order second = create(a, legs.get(1), l);
      first.ocoPeer = second;
      second.ocoPeer = first;
      // The resting (non-conditional) leg goes first and locks the funds; the other shares them.
      boolean restingFirst = first.type.isConditional() && !second.type.isConditional();
      commit(restingFirst ? second : first);
      commit(restingFirst ? first : second);
      x.matching.afterTrades(symbol);
      return l;
    }
  }

  /** The conditional leg first, then the limit maker (as Binance lists them); below first if both. */
  private static List<OrderRequest> orderLegs(OrderRequest above, OrderRequest below) {
    if (above.type().isConditional() && !below.type().isConditional()) {
      return List.of(above, below);
    }
    return List.of(below, above);
  }

  private static void checkOcoPair(OrderRequest above, OrderRequest below) {
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

  /**
   * Places an OTO-type list: a working order and one pending order (OTO, OPO) or an OCO pair of
   * pending orders (OTOCO, OPOCO: {@code pending} = [above, below]) that go live when the working
   * order fills. OPO pending legs sell what the working order bought.
   */
  public OrderList placeOto(Account a, String symbol, String listClientOrderId,
      OrderList.Kind kind, OrderRequest working, List<OrderRequest> pending) {
    synchronized (x) {
      boolean opo = kind == OrderList.Kind.OPO || kind == OrderList.Kind.OPOCO;
      if (opo && working.side() != Side.BUY) {
        throw ApiException.bad(-1222, "Working order in an OPO list must be a bid.");
      }
      for (OrderRequest p : pending) {
        if (opo && p.side() != Side.SELL) {
          throw ApiException.bad(-1223, "Pending orders in an OPO list must be asks.");
        }
      }
      if (pending.size() == 2) {
        checkOcoPair(pending.get(0), pending.get(1));
      }
      validate(a, working, false);
      for (OrderRequest p : pending) {
        validate(a, opo ? p.withQuantity(working.quantity()) : p, true);
      }
      checkFunds(a, List.of(working), false);
      checkOpenLists(a, symbol);
      x.countNewOrders(a, 1 + pending.size());
      OrderList l = newList(a, symbol, kind, listClientOrderId);
      Order w = create(a, working, l);
      List<OrderRequest> legs = pending.size() == 2 ? orderLegs(pending.get(0), pending.get(1)) : pending;
      List<Order> ps = new ArrayList<>();
      for (OrderRequest p : legs) {
        Order o = create(a, p, l);
        o.status = Status.PENDING_NEW;
        ps.add(o);
      }
      if (ps.size() == 2) {
        ps.get(0).ocoPeer = ps.get(1);
        ps.get(1).ocoPeer = ps.get(0);
      }
      commit(w);
      x.matching.afterTrades(symbol);
      return l;
    }
  }

  private void checkOpenLists(Account a, String symbol) {
    long open = a.lists.stream().filter(l -> l.symbol.equals(symbol) && l.isOpen()).count();
    if (open >= MAX_NUM_ORDER_LISTS) {
      throw Errors.filter("MAX_NUM_ORDER_LISTS");
    }
  }

  private OrderList newList(Account a, String symbol, OrderList.Kind kind, String listClientOrderId) {
    String id = listClientOrderId != null ? listClientOrderId : x.newClientId();
    OrderList l = new OrderList(x.nextListId++, kind, symbol, a, id, x.now());
    a.lists.add(l);
    return l;
  }

  /** The account's order list by id or list client id. */
  public OrderList findList(Account a, Long orderListId, String listClientOrderId) {
    synchronized (x) {
      if (orderListId == null && listClientOrderId == null) {
        throw Errors.eitherMandatory("orderListId", "origClientOrderId");
      }
      for (int i = a.lists.size() - 1; i >= 0; i--) {
        OrderList l = a.lists.get(i);
        if (orderListId != null ? l.id == orderListId : listClientOrderId.equals(l.listClientOrderId)) {
          if (orderListId != null && listClientOrderId != null
              && !listClientOrderId.equals(l.listClientOrderId)) {
            throw ApiException.bad(-2039, "Client order ID is not correct for this order ID.");
          }
          return l;
        }
      }
      throw ApiException.bad(-2013, "Order list does not exist.");
    }
  }

  /** Cancels an open order list ({@code DELETE /api/v3/orderList}). */
  public OrderList cancelList(Account a, String symbol, Long orderListId, String listClientOrderId) {
    synchronized (x) {
      x.spec(symbol);
      if (orderListId == null && listClientOrderId == null) {
        throw Errors.eitherMandatory("orderListId", "listClientOrderId");
      }
      OrderList l;
      try {
        l = findList(a, orderListId, listClientOrderId);
      } catch (ApiException e) {
        throw Errors.cancelRejected("Order list does not exist.");
      }
      if (!l.symbol.equals(symbol) || !l.isOpen()) {
        throw Errors.cancelRejected("Order list does not exist.");
      }
      cancelList(l);
      return l;
    }
  }
}
