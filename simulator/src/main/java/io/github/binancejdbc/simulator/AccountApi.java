package io.github.binancejdbc.simulator;

import static io.github.binancejdbc.simulator.market.Units.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binancejdbc.simulator.market.Market;
import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.trading.Account;
import io.github.binancejdbc.simulator.trading.Errors;
import io.github.binancejdbc.simulator.trading.Exchange;
import io.github.binancejdbc.simulator.trading.Order;
import io.github.binancejdbc.simulator.trading.OrderList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The USER_DATA endpoints of the account's orders and fills: account, orders, trades, order lists,
 * unfilled-order counts. The other account endpoints are in {@link AccountDetailsApi}.
 */
record AccountApi(Market market, Exchange exchange) {
  private static final long DAY = 86_400_000L;

  JsonNode account(Endpoint.Call c) {
    boolean omitZero = Boolean.TRUE.equals(c.params().optBoolean("omitZeroBalances"));
    Account a = c.account();
    return exchange.atomically(
        () -> {
          ObjectNode n = JsonNodes.obj();
          n.put("makerCommission", a.makerBips);
          n.put("takerCommission", a.takerBips);
          n.put("buyerCommission", 0);
          n.put("sellerCommission", 0);
          ObjectNode rates = n.putObject("commissionRates");
          rates.put("maker", format(a.makerBips * 10_000));
          rates.put("taker", format(a.takerBips * 10_000));
          rates.put("buyer", format(0));
          rates.put("seller", format(0));
          n.put("canTrade", c.key().canTrade());
          n.put("canWithdraw", true);
          n.put("canDeposit", true);
          n.put("brokered", false);
          n.put("requireSelfTradePrevention", false);
          n.put("preventSor", false);
          n.put("updateTime", a.updateTime);
          n.put("accountType", "SPOT");
          ArrayNode balances = n.putArray("balances");
          Set<String> assets = new TreeSet<>(a.assets());
          for (SymbolSpec s : market.specs()) {
            assets.add(s.baseAsset());
            assets.add(s.quoteAsset());
          }
          for (String asset : assets) {
            long free = a.free(asset);
            long locked = a.locked(asset);
            if (omitZero && free == 0 && locked == 0) {
              continue;
            }
            ObjectNode b = balances.addObject();
            b.put("asset", asset);
            b.put("free", format(free));
            b.put("locked", format(locked));
          }
          n.putArray("permissions").add("SPOT");
          n.put("uid", a.uid);
          return n;
        });
  }

  JsonNode order(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    Order o =
        exchange
            .orders()
            .find(c.account(), s.symbol(), p.optLong("orderId"), p.get("origClientOrderId"));
    return exchange.atomically(() -> Render.queried(o));
  }

  JsonNode openOrders(Endpoint.Call c) {
    Params p = c.params();
    String symbol = p.has("symbol") ? MarketParams.symbol(p, market).symbol() : null;
    return exchange.atomically(
        () -> {
          ArrayNode a = JsonNodes.arr();
          for (Order o : c.account().orders) {
            if (o.status.isOpen() && (symbol == null || o.symbol.equals(symbol))) {
              a.add(Render.queried(o));
            }
          }
          return a;
        });
  }

  JsonNode allOrders(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    Long orderId = p.optLong("orderId");
    Long start = MarketParams.time(p, "startTime");
    Long end = MarketParams.time(p, "endTime");
    int limit = MarketParams.limit(p, 500, 1000);
    window(start, end);
    return exchange.atomically(
        () -> {
          List<Order> all = new ArrayList<>();
          for (Order o : c.account().orders) {
            if (o.symbol.equals(s.symbol())) {
              all.add(o);
            }
          }
          ArrayNode a = JsonNodes.arr();
          Long from = start == null && end == null ? orderId : null;
          for (Order o : page(all, from, start, end, limit, x -> x.orderId, x -> x.time)) {
            a.add(Render.queried(o));
          }
          return a;
        });
  }

  static void window(Long start, Long end) {
    if (start != null && end != null && end - start > DAY) {
      throw Errors.moreThan24Hours();
    }
  }

  /** The fields of a fill that {@code myTrades} and {@code myAllocations} share, in their order. */
  static void putFill(ObjectNode n, Account.Execution e) {
    n.put("orderId", e.orderId());
    n.put("orderListId", e.orderListId());
    n.put("price", format(e.price()));
    n.put("qty", format(e.qty()));
    n.put("quoteQty", format(e.quoteQty()));
    n.put("commission", format(e.commission()));
    n.put("commissionAsset", e.commissionAsset());
    n.put("time", e.time());
    n.put("isBuyer", e.isBuyer());
  }

  /**
   * Binance's paging over an ascending list: by id from {@code fromId}; or by time from {@code
   * start} (oldest first), up to {@code end}; or the most recent before {@code end}; or the most
   * recent.
   */
  static <T> List<T> page(
      List<T> all,
      Long fromId,
      Long start,
      Long end,
      int limit,
      ToLongFunction<T> id,
      ToLongFunction<T> time) {
    List<T> out = new ArrayList<>();
    if (fromId != null) {
      for (T t : all) {
        if (id.applyAsLong(t) >= fromId && out.size() < limit) {
          out.add(t);
        }
      }
      return out;
    }
    if (start != null) {
      for (T t : all) {
        long tm = time.applyAsLong(t);
        if (tm >= start && (end == null || tm <= end) && out.size() < limit) {
          out.add(t);
        }
      }
      return out;
    }
    for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
      T t = all.get(i);
      if (end == null || time.applyAsLong(t) <= end) {
        out.add(0, t);
      }
    }
    return out;
  }

  JsonNode myTrades(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    Long orderId = p.optLong("orderId");
    Long fromId = p.optLong("fromId");
    Long start = MarketParams.time(p, "startTime");
    Long end = MarketParams.time(p, "endTime");
    int limit = MarketParams.limit(p, 500, 1000);
    boolean time = start != null || end != null;
    if ((orderId != null && time) || (fromId != null && time)) {
      throw Errors.badCombination();
    }
    window(start, end);
    return exchange.atomically(
        () -> {
          List<Account.AccountTrade> all =
              fillsOf(c.account().trades, Account.AccountTrade::fill, s.symbol(), orderId);
          ArrayNode a = JsonNodes.arr();
          Long from = fromId != null ? fromId : (orderId != null ? Long.valueOf(0) : null);
          for (Account.AccountTrade t :
              page(all, from, start, end, limit, Account.AccountTrade::id, t -> t.fill().time())) {
            Account.Execution e = t.fill();
            ObjectNode n = a.addObject();
            n.put("symbol", e.symbol());
            n.put("id", t.id());
            putFill(n, e);
            n.put("isMaker", t.isMaker());
            n.put("isBestMatch", true);
          }
          return a;
        });
  }

  /** The items of {@code symbol} whose fill is of order {@code orderId}, or of any when null. */
  static <T> List<T> fillsOf(
      List<T> items, Function<T, Account.Execution> fill, String symbol, Long orderId) {
    List<T> out = new ArrayList<>();
    for (T t : items) {
      Account.Execution e = fill.apply(t);
      if (e.symbol().equals(symbol) && (orderId == null || e.orderId() == orderId)) {
        out.add(t);
      }
    }
    return out;
  }

  JsonNode rateLimitOrder(Endpoint.Call c) {
    long[] counts = exchange.orderCounts(c.account());
    ArrayNode a = JsonNodes.arr();
    addOrderLimit(a, "SECOND", 10, exchange.ordersPer10s(), counts[0]);
    addOrderLimit(a, "DAY", 1, exchange.ordersPerDay(), counts[1]);
    return a;
  }

  /** One ORDERS limit of {@code rateLimit/order}: its window, its limit and what is used of it. */
  private static void addOrderLimit(
      ArrayNode a, String interval, int intervalNum, long limit, long count) {
    ObjectNode n = a.addObject();
    n.put("rateLimitType", "ORDERS");
    n.put("interval", interval);
    n.put("intervalNum", intervalNum);
    n.put("limit", limit);
    n.put("count", count);
  }

  JsonNode orderList(Endpoint.Call c) {
    Params p = c.params();
    OrderList l =
        exchange
            .orderLists()
            .find(c.account(), p.optLong("orderListId"), p.get("origClientOrderId"));
    return exchange.atomically(() -> Render.list(l, null, null));
  }

  JsonNode allOrderList(Endpoint.Call c) {
    Params p = c.params();
    Long fromId = p.optLong("fromId");
    Long start = MarketParams.time(p, "startTime");
    Long end = MarketParams.time(p, "endTime");
    int limit = MarketParams.limit(p, 500, 1000);
    if (fromId != null && (start != null || end != null)) {
      throw Errors.badCombination();
    }
    window(start, end);
    return exchange.atomically(
        () -> {
          ArrayNode a = JsonNodes.arr();
          for (OrderList l :
              page(
                  c.account().lists,
                  fromId,
                  start,
                  end,
                  limit,
                  x -> x.id,
                  x -> x.transactionTime)) {
            a.add(Render.list(l, null, null));
          }
          return a;
        });
  }

  JsonNode openOrderList(Endpoint.Call c) {
    return exchange.atomically(
        () -> {
          ArrayNode a = JsonNodes.arr();
          for (OrderList l : c.account().lists) {
            if (l.isOpen()) {
              a.add(Render.list(l, null, null));
            }
          }
          return a;
        });
  }
}
