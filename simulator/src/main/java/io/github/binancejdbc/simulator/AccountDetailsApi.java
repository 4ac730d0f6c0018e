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
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The USER_DATA endpoints about the account beside its orders: prevented matches, SOR allocations,
 * amendments, commission rates and the filters that apply to it.
 */
record AccountDetailsApi(Market market, Exchange exchange) {
  /** The record fields (Binance's names) that are amounts in units, written as decimal text. */
  private static final Set<String> PREVENTED_MATCH_UNITS =
      Set.of("price", "makerPreventedQuantity");

  private static final Set<String> AMENDMENT_UNITS = Set.of("origQty", "newQty");

  JsonNode preventedMatches(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    Long id = p.optLong("preventedMatchId");
    Long orderId = p.optLong("orderId");
    Long fromId = p.optLong("fromPreventedMatchId");
    int limit = MarketParams.limit(p, 500, 1000);
    if ((id == null) == (orderId == null) || (fromId != null && orderId == null)) {
      throw Errors.badCombination();
    }
    return exchange.atomically(
        () -> {
          ArrayNode a = JsonNodes.arr();
          Predicate<Account.PreventedMatch> keep =
              m ->
                  m.symbol().equals(s.symbol())
                      && (id == null || m.preventedMatchId() == id)
                      && (orderId == null
                          || m.takerOrderId() == orderId
                          || m.makerOrderId() == orderId)
                      && (fromId == null || m.preventedMatchId() >= fromId);
          for (Account.PreventedMatch m : c.account().preventedMatches) {
            if (keep.test(m) && a.size() < limit) {
              JsonNodes.putRecord(a.addObject(), m, PREVENTED_MATCH_UNITS);
            }
          }
          return a;
        });
  }

  JsonNode allocations(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    Long start = MarketParams.time(p, "startTime");
    Long end = MarketParams.time(p, "endTime");
    Long fromId = p.optLong("fromAllocationId");
    Long orderId = p.optLong("orderId");
    int limit = MarketParams.limit(p, 500, 1000);
    boolean time = start != null || end != null;
    if ((time && (fromId != null || orderId != null))) {
      throw Errors.badCombination();
    }
    AccountApi.window(start, end);
    return exchange.atomically(
        () -> {
          List<Account.Allocation> all =
              AccountApi.fillsOf(
                  c.account().allocations, Account.Allocation::fill, s.symbol(), orderId);
          ArrayNode a = JsonNodes.arr();
          for (Account.Allocation x :
              AccountApi.page(
                  all,
                  fromId,
                  start,
                  end,
                  limit,
                  Account.Allocation::allocationId,
                  x -> x.fill().time())) {
            Account.Execution e = x.fill();
            ObjectNode n = a.addObject();
            n.put("symbol", e.symbol());
            n.put("allocationId", x.allocationId());
            n.put("allocationType", "SOR");
            AccountApi.putFill(n, e);
            n.put("isMaker", false);
            n.put("isAllocator", false);
          }
          return a;
        });
  }

  JsonNode commission(Endpoint.Call c) {
    SymbolSpec s = MarketParams.symbol(c.params(), market);
    Account a = c.account();
    ObjectNode n = JsonNodes.obj();
    n.put("symbol", s.symbol());
    fourRates(n.putObject("standardCommission"), a.makerBips, a.takerBips);
    fourRates(n.putObject("specialCommission"), 0, 0);
    fourRates(n.putObject("taxCommission"), 0, 0);
    TradingApi.discount(n.putObject("discount"));
    return n;
  }

  private static void fourRates(ObjectNode n, long maker, long taker) {
    n.put("maker", format(maker * 10_000));
    n.put("taker", format(taker * 10_000));
    n.put("buyer", format(0));
    n.put("seller", format(0));
  }

  JsonNode amendments(Endpoint.Call c) {
    Params p = c.params();
    SymbolSpec s = MarketParams.symbol(p, market);
    long orderId = p.requireLong("orderId");
    Long fromId = p.optLong("fromExecutionId");
    int limit = MarketParams.limit(p, 500, 1000);
    exchange.orders().find(c.account(), s.symbol(), orderId, null);
    return exchange.atomically(
        () -> {
          ArrayNode a = JsonNodes.arr();
          for (Account.Amendment m : c.account().amendments) {
            if (m.symbol().equals(s.symbol())
                && m.orderId() == orderId
                && (fromId == null || m.executionId() >= fromId)
                && a.size() < limit) {
              JsonNodes.putRecord(a.addObject(), m, AMENDMENT_UNITS);
            }
          }
          return a;
        });
  }

  JsonNode myFilters(Endpoint.Call c) {
    SymbolSpec s = MarketParams.symbol(c.params(), market);
    ObjectNode n = JsonNodes.obj();
    n.putArray("exchangeFilters");
    n.set("symbolFilters", ExchangeInfoApi.filters(s));
    n.putArray("assetFilters");
    return n;
  }
}
