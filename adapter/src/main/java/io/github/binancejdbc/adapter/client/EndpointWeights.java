package io.github.binancejdbc.adapter.client;

/**
 * Request weights of the market-data and account endpoints, as Binance documents them, so that
 * {@link WeightGovernor#acquire(int)} can count a call before it is sent.
 *
 * @see <a
 *     href="https://developers.binance.com/docs/binance-spot-api-docs/rest-api/market-data-endpoints">Market
 *     data endpoints</a>
 */
public final class EndpointWeights {
  public static final int PING = 1;
  public static final int TIME = 1;
  public static final int EXCHANGE_INFO = 20;
  public static final int TRADES = 25;
  public static final int HISTORICAL_TRADES = 25;
  public static final int AGG_TRADES = 4;
  public static final int KLINES = 2;
  public static final int UI_KLINES = 2;
  public static final int AVG_PRICE = 2;
  public static final int HISTORICAL_BLOCK_TRADES = 25;

  /** {@code referencePrice} and {@code referencePrice/calculation}. */
  public static final int REFERENCE_PRICE = 2;

  /** {@code executionRules} by {@code symbolStatus} or for every symbol. */
  public static final int EXECUTION_RULES_ALL = 40;

  /** {@code ticker/price} and {@code ticker/bookTicker} with {@code symbol}. */
  public static final int TICKER_PRICE_SYMBOL = 2;

  /** {@code ticker/price} and {@code ticker/bookTicker} with {@code symbols} or for all symbols. */
  public static final int TICKER_PRICE_SYMBOLS_OR_ALL = 4;

  /** {@code ticker/24hr} without symbol or symbols: every symbol. */
  public static final int TICKER_24HR_ALL = 80;

  // Account endpoints (USER_DATA, signed).
  /** {@code GET /api/v3/account}. */
  public static final int ACCOUNT = 20;

  /** {@code GET /api/v3/order}: one order by id or client order id. */
  public static final int ORDER = 4;

  /** {@code GET /api/v3/openOrders} with {@code symbol}. */
  public static final int OPEN_ORDERS_SYMBOL = 6;

  /** {@code GET /api/v3/openOrders} without {@code symbol}: every symbol. */
  public static final int OPEN_ORDERS_ALL = 80;

  /** {@code GET /api/v3/allOrders}. */
  public static final int ALL_ORDERS = 20;

  /** {@code GET /api/v3/myTrades} without {@code orderId}. */
  public static final int MY_TRADES = 20;

  /** {@code GET /api/v3/myTrades} with {@code orderId}. */
  public static final int MY_TRADES_ORDER_ID = 5;

  /** {@code GET /api/v3/orderList}. */
  public static final int ORDER_LIST = 4;

  /** {@code GET /api/v3/allOrderList}. */
  public static final int ALL_ORDER_LIST = 20;

  /** {@code GET /api/v3/openOrderList}. */
  public static final int OPEN_ORDER_LIST = 6;

  /** {@code GET /api/v3/rateLimit/order}. */
  public static final int RATE_LIMIT_ORDER = 40;

  /** {@code GET /api/v3/myPreventedMatches} by {@code preventedMatchId}. */
  public static final int MY_PREVENTED_MATCHES_BY_ID = 2;

  /** {@code GET /api/v3/myPreventedMatches} by {@code orderId}. */
  public static final int MY_PREVENTED_MATCHES_BY_ORDER = 20;

  /** {@code GET /api/v3/myAllocations}. */
  public static final int MY_ALLOCATIONS = 20;

  /** {@code GET /api/v3/account/commission}. */
  public static final int ACCOUNT_COMMISSION = 20;

  /** {@code GET /api/v3/order/amendments}. */
  public static final int ORDER_AMENDMENTS = 4;

  /** {@code GET /api/v3/myFilters}. */
  public static final int MY_FILTERS = 40;

  /** The depth {@code limit} Binance applies when none is sent. */
  public static final int DEPTH_DEFAULT_LIMIT = 100;

  private EndpointWeights() {}

  /**
   * {@code GET /api/v3/depth}: 5 up to limit 100, 25 up to 500, 50 up to 1000, 250 above (Binance
   * serves at most 5000 levels; a larger limit costs as much as 5000).
   */
  public static int depth(int limit) {
    if (limit <= 100) {
      return 5;
    }
    if (limit <= 500) {
      return 25;
    }
    if (limit <= 1000) {
      return 50;
    }
    return 250;
  }

  /** {@code GET /api/v3/ticker/24hr} with {@code symbol}. */
  public static int ticker24hrSymbol() {
    return 2;
  }

  /**
   * {@code GET /api/v3/ticker/24hr} with {@code symbols}: 2 for 1-20 symbols, 40 for 21-100, 80 for
   * 101 or more.
   *
   * @throws IllegalArgumentException if {@code symbolCount} is below 1
   */
  public static int ticker24hrSymbols(int symbolCount) {
    positive(symbolCount);
    if (symbolCount <= 20) {
      return 2;
    }
    return symbolCount <= 100 ? 40 : TICKER_24HR_ALL;
  }

  /**
   * {@code GET /api/v3/ticker} (rolling window) and {@code GET /api/v3/ticker/tradingDay}: 4 per
   * symbol, at most 200 (reached above 50 symbols).
   *
   * @throws IllegalArgumentException if {@code symbolCount} is below 1
   */
  public static int tickerPerSymbol(int symbolCount) {
    positive(symbolCount);
    return Math.min(200, 4 * symbolCount);
  }

  /**
   * {@code GET /api/v3/executionRules} with {@code symbol} or {@code symbols}: 2 per symbol, at
   * most 40.
   *
   * @throws IllegalArgumentException if {@code symbolCount} is below 1
   */
  public static int executionRules(int symbolCount) {
    positive(symbolCount);
    return Math.min(EXECUTION_RULES_ALL, 2 * symbolCount);
  }

  private static void positive(int symbolCount) {
    if (symbolCount < 1) {
      throw new IllegalArgumentException("symbolCount must be at least 1, but was: " + symbolCount);
    }
  }
}
