package io.github.binancejdbc.simulator.trading;

import io.github.binancejdbc.simulator.market.Rng;
import io.github.binancejdbc.simulator.market.SymbolMarket;
import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.market.Units;
import io.github.binancejdbc.simulator.trading.Enums.Side;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The live order book of one symbol: generated liquidity (5000 levels a side around the last price
 * of history, deterministic from the seed) that market orders consume, plus the resting orders of
 * the accounts. Price-time priority; generated liquidity at a level queues first. Guarded by the
 * {@link Exchange} lock.
 */
final class Book {
  static final int LEVELS = 5000;
  private static final long BOOK_DOMAIN = 0x424F4F4BL; // "BOOK"

  /** A resting quantity: an account's order, or generated liquidity ({@code order} null). */
  static final class Entry {
    final Order order;
    long qty;

    Entry(Order order, long qty) {
      this.order = order;
      this.qty = qty;
    }
  }

  static final class Level {
    final long price;
    final ArrayDeque<Entry> queue = new ArrayDeque<>();

    Level(long price) {
      this.price = price;
    }

    long total() {
      long t = 0;
      for (Entry e : queue) {
        t += e.qty;
      }
      return t;
    }
  }

  final SymbolSpec spec;
  final NavigableMap<Long, Level> bids = new TreeMap<>(Comparator.reverseOrder());
  final NavigableMap<Long, Level> asks = new TreeMap<>();
  long lastUpdateId;

  private Book(SymbolSpec spec) {
    this.spec = spec;
  }

  /** The book as of the end of history; empty for a symbol that is not trading. */
  static Book generate(SymbolMarket history, long seed) {
    SymbolSpec spec = history.spec();
    Book b = new Book(spec);
    b.lastUpdateId = 1_000 + history.tradeCount() * 13 + history.aggCount() * 7;
    if (!spec.trading() || !history.hasData()) {
      return b;
    }
    SymbolMarket.Trade last = history.trades(history.tradeCount() - 1, 1).get(0);
    long tick = spec.tickUnits();
    long lastTicks = last.price() / tick;
    // The last trade hit the bid (buyer was maker) or lifted the ask.
    long bestBid = last.buyerMaker() ? lastTicks : lastTicks - 1;
    long key = Rng.hash(seed, Rng.of(spec.symbol()), BOOK_DOMAIN);
    b.fill(b.asks, key, bestBid + 1, +1);
    b.fill(b.bids, Rng.mix(key), bestBid, -1);
    return b;
  }

  private void fill(NavigableMap<Long, Level> side, long key, long bestTicks, int direction) {
    long tick = spec.tickUnits();
    long offset = 0;
    for (int i = 0; i < LEVELS; i++) {
      long h = Rng.hash(key, i);
      double u = Rng.unit(h);
      if (i > 0) {
        offset += 1 + (long) (u * u * u * i / 50.0);
      }
      long ticks = bestTicks + direction * offset;
      if (ticks < 1) {
        break;
      }
      long price = ticks * tick;
      double v = Rng.unit(Rng.mix(h));
      double notional = spec.levelNotional() * (0.1 + 1.8 * v * v) * (1 + i / 2000.0);
      long qty = (long) (notional / (price / (double) Units.ONE) * Units.ONE);
      qty = Math.max(spec.stepUnits(), qty / spec.stepUnits() * spec.stepUnits());
      Level level = new Level(price);
      level.queue.add(new Entry(null, qty));
      side.put(price, level);
    }
  }

  NavigableMap<Long, Level> sideOf(Side side) {
    return side == Side.BUY ? bids : asks;
  }

  /** The levels a taker on {@code takerSide} trades against, best first. */
  NavigableMap<Long, Level> against(Side takerSide) {
    return takerSide == Side.BUY ? asks : bids;
  }

  void rest(Order o, long qty) {
    sideOf(o.side).computeIfAbsent(o.price, Level::new).queue.add(new Entry(o, qty));
    lastUpdateId++;
  }

  /** Removes an order's resting quantity (if any). */
  void remove(Order o) {
    NavigableMap<Long, Level> side = sideOf(o.side);
    Level level = side.get(o.price);
    if (level == null) {
      return;
    }
    boolean removed = level.queue.removeIf(e -> e.order == o);
    if (level.queue.isEmpty()) {
      side.remove(o.price);
    }
    if (removed) {
      lastUpdateId++;
    }
  }

  /** Shrinks an order's resting quantity in place, keeping its queue position. */
  void reduce(Order o, long newQty) {
    Level level = sideOf(o.side).get(o.price);
    if (level == null) {
      return;
    }
    for (Entry e : level.queue) {
      if (e.order == o) {
        e.qty = newQty;
        lastUpdateId++;
        return;
      }
    }
  }

  /** [price, qty] pairs of one side, best first, at most {@code limit} levels. */
  List<long[]> depth(Side side, int limit) {
    List<long[]> out = new ArrayList<>(Math.min(limit, LEVELS));
    for (Map.Entry<Long, Level> e : sideOf(side).entrySet()) {
      if (out.size() >= limit) {
        break;
      }
      long total = e.getValue().total();
      if (total > 0) {
        out.add(new long[] {e.getKey(), total});
      }
    }
    return out;
  }

  /** The best level of a side, or null. */
  long[] best(Side side) {
    List<long[]> d = depth(side, 1);
    return d.isEmpty() ? null : d.get(0);
  }

  static void prune(NavigableMap<Long, Level> side) {
    for (Iterator<Level> it = side.values().iterator(); it.hasNext(); ) {
      Level l = it.next();
      l.queue.removeIf(e -> e.qty <= 0);
      if (l.queue.isEmpty()) {
        it.remove();
      }
    }
  }
}
