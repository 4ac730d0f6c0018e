package io.github.binancejdbc.adapter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EndpointWeightsTest {
  @Test
  void depthWeightFollowsTheLimitTiers() {
    assertEquals(5, EndpointWeights.depth(1));
    assertEquals(5, EndpointWeights.depth(EndpointWeights.DEPTH_DEFAULT_LIMIT));
    assertEquals(25, EndpointWeights.depth(101));
    assertEquals(25, EndpointWeights.depth(500));
    assertEquals(50, EndpointWeights.depth(501));
    assertEquals(50, EndpointWeights.depth(1000));
    assertEquals(250, EndpointWeights.depth(1001));
    assertEquals(250, EndpointWeights.depth(5000));
  }

  @Test
  void ticker24hrWeightDependsOnTheSymbolCount() {
    assertEquals(2, EndpointWeights.ticker24hrSymbol());
    assertEquals(2, EndpointWeights.ticker24hrSymbols(1));
    assertEquals(2, EndpointWeights.ticker24hrSymbols(20));
    assertEquals(40, EndpointWeights.ticker24hrSymbols(21));
    assertEquals(40, EndpointWeights.ticker24hrSymbols(100));
    assertEquals(80, EndpointWeights.ticker24hrSymbols(101));
    assertEquals(80, EndpointWeights.TICKER_24HR_ALL);
    assertThrows(IllegalArgumentException.class, () -> EndpointWeights.ticker24hrSymbols(0));
  }

  @Test
  void rollingAndTradingDayTickersCostFourPerSymbolCappedAt200() {
    assertEquals(4, EndpointWeights.tickerPerSymbol(1));
    assertEquals(200, EndpointWeights.tickerPerSymbol(50));
    assertEquals(200, EndpointWeights.tickerPerSymbol(51));
    assertEquals(200, EndpointWeights.tickerPerSymbol(100));
    assertThrows(IllegalArgumentException.class, () -> EndpointWeights.tickerPerSymbol(0));
  }

  @Test
  void fixedWeightsMatchTheDocumentation() {
    assertEquals(2, EndpointWeights.TICKER_PRICE_SYMBOL);
    assertEquals(4, EndpointWeights.TICKER_PRICE_SYMBOLS_OR_ALL);
    assertEquals(2, EndpointWeights.KLINES);
    assertEquals(2, EndpointWeights.UI_KLINES);
    assertEquals(25, EndpointWeights.TRADES);
    assertEquals(25, EndpointWeights.HISTORICAL_TRADES);
    assertEquals(4, EndpointWeights.AGG_TRADES);
    assertEquals(2, EndpointWeights.AVG_PRICE);
    assertEquals(20, EndpointWeights.EXCHANGE_INFO);
    assertEquals(1, EndpointWeights.TIME);
    assertEquals(1, EndpointWeights.PING);
  }

  @Test
  void accountWeightsMatchTheDocumentation() {
    assertEquals(20, EndpointWeights.ACCOUNT);
    assertEquals(4, EndpointWeights.ORDER);
    assertEquals(6, EndpointWeights.OPEN_ORDERS_SYMBOL);
    assertEquals(80, EndpointWeights.OPEN_ORDERS_ALL);
    assertEquals(20, EndpointWeights.ALL_ORDERS);
    assertEquals(20, EndpointWeights.MY_TRADES);
    assertEquals(5, EndpointWeights.MY_TRADES_ORDER_ID);
    assertEquals(4, EndpointWeights.ORDER_LIST);
    assertEquals(20, EndpointWeights.ALL_ORDER_LIST);
    assertEquals(6, EndpointWeights.OPEN_ORDER_LIST);
    assertEquals(40, EndpointWeights.RATE_LIMIT_ORDER);
    assertEquals(2, EndpointWeights.MY_PREVENTED_MATCHES_BY_ID);
    assertEquals(20, EndpointWeights.MY_PREVENTED_MATCHES_BY_ORDER);
    assertEquals(20, EndpointWeights.MY_ALLOCATIONS);
    assertEquals(20, EndpointWeights.ACCOUNT_COMMISSION);
    assertEquals(4, EndpointWeights.ORDER_AMENDMENTS);
    assertEquals(40, EndpointWeights.MY_FILTERS);
  }
}
