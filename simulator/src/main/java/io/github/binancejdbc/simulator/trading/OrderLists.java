package io.github.binancejdbc.simulator.trading;

import io.github.binancejdbc.simulator.trading.Enums.Side;
import io.github.binancejdbc.simulator.trading.Enums.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Order lists: placing OCO and OTO-type lists (validated leg by leg, funds checked once, legs
 * created in Binance's order), finding them and cancelling them. Every method runs under the {@link
 * Exchange} lock.
 */
public final class OrderLists {
  private final Exchange exchange;

  OrderLists(Exchange exchange) {
    this.exchange = exchange;
  }

  /**
   * Places an OCO: the two legs are validated (the pair and each leg), checked for funds once, and
   * placed with the conditional leg first.
   */
  public OrderList placeOco(
      Account a, String symbol, String listClientOrderId, OrderRequest above, OrderRequest below) {
    synchronized (exchange) {
      OrderValidation.checkOcoPair(above, below);
      exchange.validation.validate(a, below, false);
      exchange.validation.validate(a, above, false);
      exchange.validation.checkFunds(a, List.of(above, below), true);
      checkOpenLists(a, symbol);
      exchange.countNewOrders(a, 2);
      OrderList l = newList(a, symbol, OrderList.Kind.OCO, listClientOrderId);
      List<OrderRequest> legs = orderLegs(above, below);
      Order first = exchange.entry.create(a, legs.get(0), l);
      Order second = exchange.entry.create(a, legs.get(1), l);
      first.ocoPeer = second;
      second.ocoPeer = first;
      // The resting (non-conditional) leg goes first and locks the funds; the other shares them.
      boolean restingFirst = first.type.isConditional() && !second.type.isConditional();
      exchange.entry.commit(restingFirst ? second : first);
      exchange.entry.commit(restingFirst ? first : second);
      exchange.matching.afterTrades(symbol);
      return l;
    }
  }

  /**
   * The conditional leg first, then the limit maker (as Binance lists them); below first if both.
   */
  private static List<OrderRequest> orderLegs(OrderRequest above, OrderRequest below) {
    if (above.type().isConditional() && !below.type().isConditional()) {
      return List.of(above, below);
    }
    return List.of(below, above);
  }

  /**
   * Places an OTO-type list: a working order and one pending order (OTO, OPO) or an OCO pair of
   * pending orders (OTOCO, OPOCO: {@code pending} = [above, below]) that go live when the working
   * order fills. OPO pending legs sell what the working order bought.
   */
  public OrderList placeOto(
      Account a,
      String symbol,
      String listClientOrderId,
      OrderList.Kind kind,
      OrderRequest working,
      List<OrderRequest> pending) {
    synchronized (exchange) {
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
        OrderValidation.checkOcoPair(pending.get(0), pending.get(1));
      }
      exchange.validation.validate(a, working, false);
      for (OrderRequest p : pending) {
        exchange.validation.validate(a, opo ? p.withQuantity(working.quantity()) : p, true);
      }
      exchange.validation.checkFunds(a, List.of(working), false);
      checkOpenLists(a, symbol);
      exchange.countNewOrders(a, 1 + pending.size());
      OrderList l = newList(a, symbol, kind, listClientOrderId);
      Order w = exchange.entry.create(a, working, l);
      List<OrderRequest> legs =
          pending.size() == 2 ? orderLegs(pending.get(0), pending.get(1)) : pending;
      List<Order> ps = new ArrayList<>();
      for (OrderRequest p : legs) {
        Order o = exchange.entry.create(a, p, l);
        o.status = Status.PENDING_NEW;
        ps.add(o);
      }
      if (ps.size() == 2) {
        ps.get(0).ocoPeer = ps.get(1);
        ps.get(1).ocoPeer = ps.get(0);
      }
      exchange.entry.commit(w);
      exchange.matching.afterTrades(symbol);
      return l;
    }
  }

  private void checkOpenLists(Account a, String symbol) {
    long open = a.lists.stream().filter(l -> l.symbol.equals(symbol) && l.isOpen()).count();
    if (open >= OrderValidation.MAX_NUM_ORDER_LISTS) {
      throw Errors.filter("MAX_NUM_ORDER_LISTS");
    }
  }

  private OrderList newList(
      Account a, String symbol, OrderList.Kind kind, String listClientOrderId) {
    String id = listClientOrderId != null ? listClientOrderId : exchange.newClientId();
    OrderList l = new OrderList(exchange.nextListId++, kind, symbol, a, id, exchange.now());
    a.lists.add(l);
    return l;
  }

  /** The account's order list by id or list client id. */
  public OrderList find(Account a, Long orderListId, String listClientOrderId) {
    synchronized (exchange) {
      if (orderListId == null && listClientOrderId == null) {
        throw Errors.eitherMandatory("orderListId", "origClientOrderId");
      }
      for (int i = a.lists.size() - 1; i >= 0; i--) {
        OrderList l = a.lists.get(i);
        if (orderListId != null
            ? l.id == orderListId
            : listClientOrderId.equals(l.listClientOrderId)) {
          if (orderListId != null
              && listClientOrderId != null
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
  public OrderList cancel(Account a, String symbol, Long orderListId, String listClientOrderId) {
    synchronized (exchange) {
      exchange.spec(symbol);
      if (orderListId == null && listClientOrderId == null) {
        throw Errors.eitherMandatory("orderListId", "listClientOrderId");
      }
      OrderList l;
      try {
        l = find(a, orderListId, listClientOrderId);
      } catch (ApiException e) {
        throw Errors.cancelRejected("Order list does not exist.");
      }
      if (!l.symbol.equals(symbol) || !l.isOpen()) {
        throw Errors.cancelRejected("Order list does not exist.");
      }
      exchange.entry.cancelList(l);
      return l;
    }
  }
}
