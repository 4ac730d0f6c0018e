package io.github.binancejdbc.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bodies of the signed account endpoints, shaped like the ones Binance documents and sends (field
 * order, zero-padded decimals, {@code -1} order list ids), written for these tests.
 */
final class AccountFixtures {
  static final long DAY = 86_400_000L;
  static final long HOUR = 3_600_000L;

  private AccountFixtures() {}

  /** One order object as {@code allOrders}/{@code order} return it. */
  static String order(String symbol, long id, long time, long updateTime, String status) {
    return String.format(
        Locale.ROOT,
        "{\"symbol\":\"%s\",\"orderId\":%d,\"orderListId\":-1,"
            + "\"clientOrderId\":\"web_%d\",\"price\":\"42000.01000000\",\"origQty\":\"0.00100000\","
            + "\"executedQty\":\"%s\",\"cummulativeQuoteQty\":\"%s\",\"status\":\"%s\","
            + "\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\","
            + "\"stopPrice\":\"0.00000000\",\"icebergQty\":\"0.00000000\",\"time\":%d,"
            + "\"updateTime\":%d,\"isWorking\":true,\"workingTime\":%d,"
            + "\"origQuoteOrderQty\":\"0.00000000\",\"selfTradePreventionMode\":\"EXPIRE_MAKER\"}",
        symbol,
        id,
        id,
        status.equals("FILLED") ? "0.00100000" : "0.00000000",
        status.equals("FILLED") ? "42.00001000" : "0.00000000",
        status,
        time,
        updateTime,
        time);
  }

  /** {@code n} orders with ids from {@code firstId}, placed one minute apart from {@code time}. */
  static String orders(String symbol, long firstId, int n, long time) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long t = time + i * 60_000L;
      out.add(order(symbol, firstId + i, t, t, "NEW"));
    }
    return "[" + String.join(",", out) + "]";
  }

  static String array(String... objects) {
    return "[" + String.join(",", objects) + "]";
  }

  /** One trade object as {@code myTrades} returns it. */
  static String trade(String symbol, long id, long orderId, long time) {
    return String.format(
        Locale.ROOT,
        "{\"symbol\":\"%s\",\"id\":%d,\"orderId\":%d,"
            + "\"orderListId\":-1,\"price\":\"16877.05000000\",\"qty\":\"0.00177000\","
            + "\"quoteQty\":\"29.87237850\",\"commission\":\"0.00000177\",\"commissionAsset\":\"BTC\","
            + "\"time\":%d,\"isBuyer\":true,\"isMaker\":false,\"isBestMatch\":true}",
        symbol,
        id,
        orderId,
        time);
  }

  static String account() {
    return "{\"makerCommission\":10,\"takerCommission\":10,\"buyerCommission\":0,"
        + "\"sellerCommission\":0,\"commissionRates\":{\"maker\":\"0.00100000\","
        + "\"taker\":\"0.00100000\",\"buyer\":\"0.00000000\",\"seller\":\"0.00000000\"},"
        + "\"canTrade\":true,\"canWithdraw\":false,\"canDeposit\":true,\"brokered\":false,"
        + "\"requireSelfTradePrevention\":false,\"preventSor\":false,"
        + "\"updateTime\":1701856395927,\"accountType\":\"SPOT\",\"balances\":["
        + "{\"asset\":\"BTC\",\"free\":\"0.00000053\",\"locked\":\"1.00000000\"},"
        + "{\"asset\":\"LTC\",\"free\":\"0.91974100\",\"locked\":\"0.00000000\"},"
        + "{\"asset\":\"ETH\",\"free\":\"0.00000000\",\"locked\":\"0.00000000\"}],"
        + "\"permissions\":[\"SPOT\",\"TRD_GRP_005\"],\"uid\":365859102}";
  }

  static String orderList(long id, long time, long firstOrderId) {
    return String.format(
        Locale.ROOT,
        "{\"orderListId\":%d,\"contingencyType\":\"OCO\","
            + "\"listStatusType\":\"EXEC_STARTED\",\"listOrderStatus\":\"EXECUTING\","
            + "\"listClientOrderId\":\"list_%d\",\"transactionTime\":%d,\"symbol\":\"LTCBTC\","
            + "\"orders\":[{\"symbol\":\"LTCBTC\",\"orderId\":%d,\"clientOrderId\":\"leg_a\"},"
            + "{\"symbol\":\"LTCBTC\",\"orderId\":%d,\"clientOrderId\":\"leg_b\"}]}",
        id,
        id,
        time,
        firstOrderId,
        firstOrderId + 1);
  }
}
