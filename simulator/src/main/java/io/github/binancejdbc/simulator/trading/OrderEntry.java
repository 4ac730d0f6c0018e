package io.github.binancejdbc.simulator.trading;

import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.trading.Enums.Status;
import io.github.binancejdbc.simulator.trading.Enums.Stp;
import java.util.ArrayList;
import java.util.List;

/**
 * Order entry: placement (after {@link OrderValidation}), lookup, cancellation and amendment of
 * single orders; order lists are in {@link OrderLists}. Every method runs under the {@link
 * Exchange} lock.
 */
public final class OrderEntry {
  private final Exchange exchange;

  OrderEntry(Exchange exchange) {
    this.exchange = exchange;
  }

  /** The result of a cancel: the order, and the client order id of the cancel request itself. */
  public record Cancel(Order order, String cancelClientOrderId) {}

  /** The result of a keep-priority amendment. */
  public record Amend(Order order, String origClientOrderId, long executionId, long time) {}

  /** Places an order ({@code POST /api/v3/order}, {@code POST /api/v3/sor/order}). */
  public Order place(Account a, OrderRequest r) {
    synchronized (exchange) {
      exchange.validation.validate(a, r, false);
      exchange.validation.checkFunds(a, List.of(r), false);
      exchange.countNewOrders(a, 1);
      Order o = create(a, r, null);
      commit(o);
      return o;
    }
  }

  /** Validates an order without placing it ({@code POST /api/v3/order/test}). */
  public void test(Account a, OrderRequest r) {
    synchronized (exchange) {
      exchange.validation.validate(a, r, false);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Placement

  Order create(Account a, OrderRequest r, OrderList list) {
    long now = exchange.now();
    Order o =
        new Order(
            exchange.nextOrderId++,
            r.symbol(),
            a,
            r.side(),
            r.type(),
            r.timeInForce() != null ? r.timeInForce() : Enums.TimeInForce.GTC,
            now,
            r.strategyId(),
            r.strategyType(),
            r.trailingDelta(),
            r.sor());
    o.clientOrderId = r.newClientOrderId() != null ? r.newClientOrderId() : exchange.newClientId();
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
  void commit(Order o) {
    o.fills.clear();
    if (o.type.isConditional()) {
      boolean shared = o.ocoPeer != null && o.ocoPeer.locked > 0;
      if (!shared) {
        exchange.matching.lock(o);
      }
      o.trailReference = exchange.lastPrice(o.symbol);
      exchange.waiting.add(o);
      return;
    }
    o.workingTime = o.time;
    exchange.matching.execute(o);
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
    synchronized (exchange) {
      exchange.spec(symbol);
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
      if (orderId != null
          && origClientOrderId != null
          && !origClientOrderId.equals(found.clientOrderId)) {
        throw ApiException.bad(-2039, "Client order ID is not correct for this order ID.");
      }
      return found;
    }
  }

  /** Cancels one order; a leg of an order list cancels the whole list. */
  public Cancel cancel(
      Account a,
      String symbol,
      Long orderId,
      String origClientOrderId,
      String newClientOrderId,
      String cancelRestrictions) {
    synchronized (exchange) {
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
      String cancelId = newClientOrderId != null ? newClientOrderId : exchange.newClientId();
      if (o.list != null) {
        cancelList(o.list);
      } else {
        cancelOne(o);
      }
      return new Cancel(o, cancelId);
    }
  }

  private void cancelOne(Order o) {
    long now = exchange.now();
    exchange.book(o.symbol).remove(o);
    exchange.waiting.remove(o);
    exchange.matching.unlock(o);
    o.status = Status.CANCELED;
    o.updateTime = now;
  }

  /** Cancels the open orders of a list and closes it. */
  void cancelList(OrderList l) {
    for (Order o : l.orders) {
      if (o.status.isOpen()) {
        cancelOne(o);
      }
    }
    l.listStatusType = "ALL_DONE";
    l.listOrderStatus = "ALL_DONE";
    l.updateTime = exchange.now();
  }

  /** Cancels every open order (and order list) of the account on the symbol. */
  public List<Object> cancelAll(Account a, String symbol) {
    synchronized (exchange) {
      exchange.spec(symbol);
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
        out.add(new Cancel(o, exchange.newClientId()));
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
  public Amend amend(
      Account a,
      String symbol,
      Long orderId,
      String origClientOrderId,
      String newClientOrderId,
      long newQty) {
    synchronized (exchange) {
      Order o = find(a, symbol, orderId, origClientOrderId);
      if (!o.status.isOpen()) {
        throw ApiException.bad(-2038, "Order is not open.");
      }
      SymbolSpec s = exchange.spec(symbol);
      if (newQty >= o.origQty) {
        throw ApiException.bad(-2038, "Order amend (quantity increase) is not supported.");
      }
      if (newQty < s.stepUnits() || newQty % s.stepUnits() != 0) {
        throw Errors.filter("LOT_SIZE");
      }
      if (o.amendments >= OrderValidation.MAX_NUM_ORDER_AMENDS) {
        throw Errors.filter("OrderValidation.MAX_NUM_ORDER_AMENDS");
      }
      long now = exchange.now();
      String orig = o.clientOrderId;
      o.clientOrderId = newClientOrderId != null ? newClientOrderId : exchange.newClientId();
      long origQty = o.origQty;
      o.amendments++;
      o.updateTime = now;
      if (newQty <= o.executedQty) {
        o.origQty = o.executedQty;
        exchange.book(symbol).remove(o);
        exchange.waiting.remove(o);
        exchange.matching.unlock(o);
        o.status = Status.FILLED;
      } else {
        o.origQty = newQty;
        if (o.isWorking()) {
          exchange.book(symbol).reduce(o, o.remaining());
        }
        if (o.locked > 0) {
          exchange.matching.unlock(o);
          exchange.matching.lock(o);
        }
      }
      long exec = exchange.nextExecutionId++;
      a.amendments.add(
          new Account.Amendment(
              symbol, o.orderId, exec, orig, o.clientOrderId, origQty, o.origQty, now));
      if (o.list != null) {
        o.list.finishIfDone(now);
      }
      return new Amend(o, orig, exec, now);
    }
  }
}
