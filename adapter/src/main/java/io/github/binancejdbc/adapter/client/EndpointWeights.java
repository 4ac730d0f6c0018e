package io.github.binancejdbc.adapter.client;

/** PLACEHOLDER until the transport branch lands. */
public final class EndpointWeights {
  private EndpointWeights() {}
  public static int klines() { return 2; }
  public static int trades() { return 25; }
  public static int aggTrades() { return 4; }
  public static int avgPrice() { return 2; }
  public static int exchangeInfo() { return 20; }
  public static int time() { return 1; }
  public static int depth(int limit) { return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250; }
  public static int ticker24hr(int n) { return n == 0 ? 80 : n <= 20 ? 2 : n <= 100 ? 40 : 80; }
  public static int tickerPrice(int n) { return n == 1 ? 2 : 4; }
  public static int bookTicker(int n) { return n == 1 ? 2 : 4; }
  public static int rollingTicker(int n) { return Math.min(200, 4 * n); }
  public static int tradingDayTicker(int n) { return Math.min(200, 4 * n); }
}
