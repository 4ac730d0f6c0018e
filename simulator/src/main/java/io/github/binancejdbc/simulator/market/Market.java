package io.github.binancejdbc.simulator.market;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All simulated symbols, their generated histories (built lazily, on first use) and the market time
 * at which history ends.
 */
public final class Market {
  private final long seed;
  private final long marketTimeMs;
  private final Map<String, SymbolSpec> specs = new LinkedHashMap<>();
  private final Map<String, SymbolMarket> markets = new ConcurrentHashMap<>();

  public Market(long seed, long marketTimeMs, List<SymbolSpec> symbols) {
    this.seed = seed;
    this.marketTimeMs = marketTimeMs;
    for (SymbolSpec s : symbols) {
      specs.put(s.symbol(), s);
    }
  }

  public long seed() {
    return seed;
  }

  /** History ends at this instant (exclusive); tickers and the book are "as of" then. */
  public long marketTimeMs() {
    return marketTimeMs;
  }

  /** The symbol's description, or null if it is not listed. */
  public SymbolSpec spec(String symbol) {
    return specs.get(symbol);
  }

  public Collection<SymbolSpec> specs() {
    return Collections.unmodifiableCollection(specs.values());
  }

  /** The history of a listed symbol (built on first use). */
  public SymbolMarket history(String symbol) {
    SymbolSpec s = specs.get(symbol);
    if (s == null) {
      throw new IllegalArgumentException("not listed: " + symbol);
    }
    return markets.computeIfAbsent(symbol, k -> new SymbolMarket(s, seed, marketTimeMs));
  }
}
