package io.github.binancejdbc.simulator.trading;

import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.market.Units;
import io.github.binancejdbc.simulator.trading.Enums.OrderType;
import io.github.binancejdbc.simulator.trading.Enums.Side;
import io.github.binancejdbc.simulator.trading.Enums.Status;
import io.github.binancejdbc.simulator.trading.Enums.Stp;
import io.github.binancejdbc.simulator.trading.Enums.TimeInForce;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;

/**
 * The matching engine: a working order takes liquidity (price-time priority, self-trade
 * prevention), the rest of a GTC limit order rests, balances settle with commissions, fills are
 * recorded, and the consequences follow (OCO siblings expire, OTO pending legs go live, stop orders
 * trigger on the new last price). Called under the {@link Exchange} lock.
 *
 * <p>It stays one class (some 470 lines) on purpose: taking liquidity, self-trade prevention,
 * settling and the consequences of a fill run as one sequence over the same half-updated order and
 * book, and reading that sequence in one place is how it is checked against Binance's rules; split,
 * each part would need the others' intermediate state.
 */
final class Matching {
  private final Exchange exchange;

  /** Orders whose fills or expiry may move their order list along. */
  private final Deque<Order> listEvents = new ArrayDeque<>();

  Matching(Exchange exchange) {
    this.exchange = exchange;
  }

  /** Dry run: {quantity fillable, quote it costs} for a taker, ignoring self-trade prevention. */
  long[] simulate(String symbol, Side side, Long limit, long maxQty, long maxQuote) {
    Book b = exchange.book(symbol);
    SymbolSpec s = exchange.spec(symbol);
    long qty = 0;
    long quote = 0;
    for (Book.Level level : b.against(side).values()) {
      if (limit != null && (side == Side.BUY ? level.price > limit : level.price < limit)) {
        break;
      }
      long avail = level.total();
      long take;
      if (maxQuote > 0) {
        long affordable = floorStep(Units.quantityFor(maxQuote - quote, level.price), s);
        take = Math.min(avail, affordable);
      } else {
        take = Math.min(avail, maxQty - qty);
      }
      if (take <= 0) {
        break;
      }
      qty += take;
      quote += Units.notional(level.price, take);
      if (maxQuote <= 0 && qty >= maxQty) {
        break;
      }
    }
    return new long[] {qty, quote};
  }

  static long floorStep(long qty, SymbolSpec s) {
    return qty / s.stepUnits() * s.stepUnits();
  }

  /**
   * Executes a working order as taker. Its funds must be free (not locked). A GTC limit remainder
   * rests on the book with its funds locked; anything else unfilled expires.
   */
  void execute(Order o) {
    long now = exchange.now();
    Book b = exchange.book(o.symbol);
    boolean market =
        o.type == OrderType.MARKET
            || o.type == OrderType.STOP_LOSS
            || o.type == OrderType.TAKE_PROFIT;
    Long limit = market ? null : o.price;
    if (!market && o.timeInForce == TimeInForce.FOK) {
      long[] sim = simulate(o.symbol, o.side, limit, o.remaining(), 0);
      if (sim[0] < o.remaining()) {
        finish(o, Status.EXPIRED, "UNFILLED_FOK_ORDER_EXPIRED", now);
        return;
      }
    }
    boolean quoteMode = market && o.origQuoteOrderQty > 0;
    take(o, b, limit, quoteMode, now);
    if (!o.status.isOpen()) {
      // Expired by self-trade prevention.
      afterTrades(o.symbol);
      return;
    }
    if (market) {
      if (quoteMode) {
        o.origQty = o.executedQty;
      }
      if (o.remaining() == 0 && o.executedQty > 0) {
        finish(o, Status.FILLED, null, now);
      } else {
        finish(o, Status.EXPIRED, "INSUFFICIENT_LIQUIDITY", now);
      }
    } else if (o.remaining() == 0) {
      finish(o, Status.FILLED, null, now);
    } else if (o.timeInForce == TimeInForce.IOC || o.timeInForce == TimeInForce.FOK) {
      finish(o, Status.EXPIRED, "UNFILLED_IOC_QUANTITY_EXPIRED", now);
    } else {
      o.status = o.executedQty > 0 ? Status.PARTIALLY_FILLED : Status.NEW;
      lock(o);
      b.rest(o, o.remaining());
    }
    o.updateTime = now;
    afterTrades(o.symbol);
  }

  private void finish(Order o, Status status, String expiryReason, long now) {
    o.status = status;
    if (status == Status.EXPIRED || status == Status.EXPIRED_IN_MATCH) {
      o.expiryReason = expiryReason;
    }
    o.updateTime = now;
    unlock(o);
    if (o.list != null) {
      listEvents.add(o);
    }
  }

  /** Locks the funds a resting order needs (from free). */
  void lock(Order o) {
    SymbolSpec s = exchange.spec(o.symbol);
    long need = lockFor(o, s);
    String asset = o.side == Side.BUY ? s.quoteAsset() : s.baseAsset();
    long[] bal = o.account.balance(asset);
    bal[0] -= need - o.locked;
    bal[1] += need - o.locked;
    o.locked = need;
  }

  /** What an open order keeps locked: its remaining notional (BUY) or quantity (SELL). */
  static long lockFor(Order o, SymbolSpec s) {
    if (o.side == Side.SELL) {
      return o.remaining();
    }
    long p = o.price > 0 ? o.price : o.stopPrice;
    return notionalCeil(p, o.remaining());
  }

  static long notionalCeil(long price, long qty) {
    long n = Units.notional(price, qty);
    return exact(price, qty) ? n : n + 1;
  }

  private static boolean exact(long price, long qty) {
    return java.math.BigInteger.valueOf(price)
            .multiply(java.math.BigInteger.valueOf(qty))
            .mod(java.math.BigInteger.valueOf(Units.ONE))
            .signum()
        == 0;
  }

  /** Returns an order's locked funds to free. */
  void unlock(Order o) {
    if (o.locked == 0) {
      return;
    }
    SymbolSpec s = exchange.spec(o.symbol);
    String asset = o.side == Side.BUY ? s.quoteAsset() : s.baseAsset();
    long[] bal = o.account.balance(asset);
    bal[0] += o.locked;
    bal[1] -= o.locked;
    o.locked = 0;
  }

  private void take(Order o, Book b, Long limit, boolean quoteMode, long now) {
    SymbolSpec s = exchange.spec(o.symbol);
    NavigableMap<Long, Book.Level> opposite = b.against(o.side);
    boolean changed = false;
    outer:
    for (Iterator<Book.Level> lit = opposite.values().iterator(); lit.hasNext(); ) {
      Book.Level level = lit.next();
      if (limit != null && (o.side == Side.BUY ? level.price > limit : level.price < limit)) {
        break;
      }
      for (Iterator<Book.Entry> eit = level.queue.iterator(); eit.hasNext(); ) {
        Book.Entry e = eit.next();
        long budget = quoteMode ? o.origQuoteOrderQty - o.cumQuote : o.remaining();
        if (budget <= 0 || !o.status.isOpen()) {
          break outer;
        }
        if (e.order != null && e.order.account == o.account && o.stp != null && o.stp != Stp.NONE) {
          changed = true;
          if (preventSelfTrade(o, e, level.price, now)) {
            eit.remove();
          }
          continue;
        }
        long qty =
            quoteMode
                ? Math.min(e.qty, floorStep(Units.quantityFor(budget, level.price), s))
                : Math.min(e.qty, budget);
        if (qty <= 0) {
          break outer;
        }
        fill(o, e, level.price, qty, now, s);
        changed = true;
        if (e.qty == 0) {
          eit.remove();
        }
      }
      if (level.queue.isEmpty()) {
        lit.remove();
      }
    }
    if (changed) {
      b.lastUpdateId++;
    }
  }

  /** Applies the taker's STP mode; returns whether the maker entry leaves the book. */
  private boolean preventSelfTrade(Order taker, Book.Entry e, long price, long now) {
    Order maker = e.order;
    long prevented = Math.min(taker.remaining(), e.qty);
    long id = exchange.nextPreventedMatchId++;
    taker.account.preventedMatches.add(
        new Account.PreventedMatch(
            taker.symbol,
            id,
            taker.orderId,
            maker.symbol,
            maker.orderId,
            taker.account.uid,
            taker.stp.name(),
            price,
            e.qty,
            now));
    boolean expireTaker = taker.stp == Stp.EXPIRE_TAKER || taker.stp == Stp.EXPIRE_BOTH;
    boolean expireMaker = taker.stp == Stp.EXPIRE_MAKER || taker.stp == Stp.EXPIRE_BOTH;
    if (taker.stp == Stp.DECREMENT) {
      taker.preventedQty += prevented;
      taker.preventedMatchId = id;
      maker.preventedQty += prevented;
      maker.preventedMatchId = id;
      e.qty -= prevented;
      if (taker.remaining() == 0) {
        finish(taker, Status.EXPIRED_IN_MATCH, null, now);
      }
      if (e.qty == 0) {
        finish(maker, Status.EXPIRED_IN_MATCH, null, now);
        return true;
      }
      lock(maker);
      return false;
    }
    if (expireMaker) {
      maker.preventedMatchId = id;
      maker.preventedQty += e.qty;
      e.qty = 0;
      finish(maker, Status.EXPIRED_IN_MATCH, null, now);
    }
    if (expireTaker) {
      taker.preventedMatchId = id;
      taker.preventedQty += taker.remaining();
      finish(taker, Status.EXPIRED_IN_MATCH, null, now);
    }
    return expireMaker;
  }

  private void fill(Order o, Book.Entry e, long price, long qty, long now, SymbolSpec s) {
    String base = s.baseAsset();
    String quoteAsset = s.quoteAsset();
    long quote = Units.notional(price, qty);
    long tradeId = o.usedSor ? -1 : exchange.nextTradeId(o.symbol);
    Account ta = o.account;
    long commission;
    String commissionAsset;
    if (o.side == Side.BUY) {
      commission = Units.bips(qty, ta.takerBips);
      commissionAsset = base;
      ta.balance(quoteAsset)[0] -= quote;
      ta.balance(base)[0] += qty - commission;
    } else {
      commission = Units.bips(quote, ta.takerBips);
      commissionAsset = quoteAsset;
      ta.balance(base)[0] -= qty;
      ta.balance(quoteAsset)[0] += quote - commission;
    }
    ta.updateTime = now;
    o.executedQty += qty;
    o.cumQuote += quote;
    o.status = o.remaining() == 0 ? Status.FILLED : Status.PARTIALLY_FILLED;
    exchange.onFirstFill(o);
    long allocId = 0;
    Account.Execution fill =
        Account.Execution.of(o, price, qty, quote, commission, commissionAsset, now);
    if (o.usedSor) {
      allocId = exchange.nextAllocationId++;
      ta.allocations.add(new Account.Allocation(allocId, fill));
    } else {
      ta.trades.add(new Account.AccountTrade(tradeId, fill, false));
    }
    o.fills.add(new Order.Fill(price, qty, commission, commissionAsset, tradeId, allocId));
    if (o.list != null) {
      listEvents.add(o);
    }
    if (e.order != null) {
      settleMaker(
          e.order,
          price,
          qty,
          quote,
          tradeId < 0 ? exchange.nextTradeId(o.symbol) : tradeId,
          now,
          s);
    }
    e.qty -= qty;
    exchange.setLastPrice(o.symbol, price);
  }

  private void settleMaker(
      Order m, long price, long qty, long quote, long tradeId, long now, SymbolSpec s) {
    Account ma = m.account;
    boolean last = qty == m.remaining();
    long commission;
    String commissionAsset;
    if (m.side == Side.BUY) {
      long release = last ? m.locked : Math.min(m.locked, quote);
      long[] q = ma.balance(s.quoteAsset());
      q[1] -= release;
      m.locked -= release;
      q[0] += release - quote;
      commission = Units.bips(qty, ma.makerBips);
      commissionAsset = s.baseAsset();
      ma.balance(s.baseAsset())[0] += qty - commission;
    } else {
      long release = Math.min(m.locked, qty);
      long[] bb = ma.balance(s.baseAsset());
      bb[1] -= release;
      m.locked -= release;
      bb[0] -= qty - release;
      commission = Units.bips(quote, ma.makerBips);
      commissionAsset = s.quoteAsset();
      ma.balance(s.quoteAsset())[0] += quote - commission;
    }
    ma.updateTime = now;
    m.executedQty += qty;
    m.cumQuote += quote;
    m.status = m.remaining() == 0 ? Status.FILLED : Status.PARTIALLY_FILLED;
    m.updateTime = now;
    exchange.onFirstFill(m);
    if (m.status == Status.FILLED) {
      unlock(m);
    }
    ma.trades.add(
        new Account.AccountTrade(
            tradeId,
            Account.Execution.of(m, price, qty, quote, commission, commissionAsset, now),
            true));
    if (m.list != null) {
      listEvents.add(m);
    }
  }

  /** After the last price moved: trigger waiting orders, then move order lists along. */
  void afterTrades(String symbol) {
    for (int guard = 0; guard < 10_000; guard++) {
      Order next = nextTriggered(symbol);
      if (next == null) {
        if (listEvents.isEmpty()) {
          return;
        }
        processListEvent(listEvents.poll());
        continue;
      }
      exchange.waiting.remove(next);
      trigger(next);
    }
  }

  private Order nextTriggered(String symbol) {
    long last = exchange.lastPrice(symbol);
    for (Order w : exchange.waiting) {
      if (w.symbol.equals(symbol) && w.status.isOpen() && triggered(w, last)) {
        return w;
      }
    }
    return null;
  }

  /** Whether a waiting order's stop (or trailing stop) is reached at {@code last}. */
  static boolean triggered(Order w, long last) {
    boolean upward =
        (w.type.isStopLoss() && w.side == Side.BUY)
            || (!w.type.isStopLoss() && w.side == Side.SELL);
    if (w.stopPrice > 0) {
      return upward ? last >= w.stopPrice : last <= w.stopPrice;
    }
    // Trailing without stopPrice: trigger after a retrace of trailingDelta bips from the best.
    long delta = w.trailingDelta == null ? 0 : w.trailingDelta;
    if (upward) {
      w.trailReference = Math.min(w.trailReference, last);
      return last >= w.trailReference + Units.bips(w.trailReference, delta);
    }
    w.trailReference = Math.max(w.trailReference, last);
    return last <= w.trailReference - Units.bips(w.trailReference, delta);
  }

  /** A waiting order's trigger fired: it starts working (its OCO sibling expires first). */
  private void trigger(Order w) {
    long now = exchange.now();
    if (w.ocoPeer != null && w.ocoPeer.status.isOpen()) {
      expire(w.ocoPeer, now);
    }
    unlock(w);
    w.workingTime = now;
    w.updateTime = now;
    execute(w);
  }

  /** Expires an open order (OCO sibling, pending leg of a dead list): off the book, funds back. */
  void expire(Order o, long now) {
    exchange.book(o.symbol).remove(o);
    exchange.waiting.remove(o);
    finish(o, Status.EXPIRED, null, now);
  }

  private void processListEvent(Order o) {
    OrderList l = o.list;
    long now = exchange.now();
    if (o.everFilled && o.ocoPeer != null && o.ocoPeer.status.isOpen()) {
      expire(o.ocoPeer, now);
    }
    boolean working = l.kind != OrderList.Kind.OCO && l.orders.get(0) == o;
    if (working && o.status == Status.FILLED) {
      activatePending(l, o, now);
    } else if (working && !o.status.isOpen()) {
      for (Order p : l.orders) {
        if (p != o && p.status.isOpen()) {
          exchange.waiting.remove(p);
          finish(p, Status.EXPIRED, null, now);
        }
      }
    }
    l.finishIfDone(now);
    if (!l.isOpen()) {
      l.updateTime = now;
    }
  }

  /** The working leg of an OTO-type list filled: its pending legs go live. */
  private void activatePending(OrderList l, Order working, long now) {
    List<Order> pending = new ArrayList<>();
    for (Order p : l.orders) {
      if (p != working && p.status == Status.PENDING_NEW) {
        pending.add(p);
      }
    }
    SymbolSpec s = exchange.spec(l.symbol);
    // Legs that rest first: in an OCO pair the resting leg holds the shared lock.
    pending.sort((p1, p2) -> Boolean.compare(p1.type.isConditional(), p2.type.isConditional()));
    for (Order p : pending) {
      if (l.kind == OrderList.Kind.OPO || l.kind == OrderList.Kind.OPOCO) {
        long bought = working.executedQty;
        long free = p.account.free(s.baseAsset());
        p.origQty = floorStep(Math.min(bought, Math.max(0, free)), s);
      }
      p.status = Status.NEW;
      p.updateTime = now;
    }
    for (Order p : pending) {
      if (!p.status.isOpen()) {
        continue;
      }
      long need = lockFor(p, s);
      String asset = p.side == Side.BUY ? s.quoteAsset() : s.baseAsset();
      boolean shared = p.ocoPeer != null && p.ocoPeer.status.isOpen() && p.ocoPeer.locked > 0;
      if (p.origQty <= 0 || (!shared && p.account.free(asset) < need)) {
        finish(p, Status.EXPIRED, "REJECTED", now);
        continue;
      }
      if (p.type.isConditional()) {
        if (!shared) {
          lock(p);
        }
        p.trailReference = exchange.lastPrice(p.symbol);
        exchange.waiting.add(p);
      } else {
        p.workingTime = now;
        if (p.type == OrderType.LIMIT_MAKER
            && OrderValidation.crosses(exchange.book(p.symbol), p.side, p.price)) {
          finish(p, Status.EXPIRED, "REJECTED", now);
          continue;
        }
        execute(p);
      }
    }
  }
}
