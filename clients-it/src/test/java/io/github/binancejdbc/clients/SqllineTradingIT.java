package io.github.binancejdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.simulator.BinanceSimulator;
import io.github.binancejdbc.simulator.RecordedRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trading session in sqlline against the offline exchange: place a LIMIT order with {@code CALL
 * place_order}, see it in {@code open_orders} and the locked balance, cancel it, and find it
 * cancelled in {@code orders}.
 */
class SqllineTradingIT {
  @RegisterExtension static final OfflineBinance exchange = new OfflineBinance();

  private static BinanceSimulator sim;

  @TempDir static Path home;

  @BeforeAll
  static void deposit() {
    sim = exchange.simulator();
    sim.deposit(BinanceSimulator.DEMO_ACCOUNT, "USDT", "1000");
  }

  private static BigDecimal lastPrice() throws Exception {
    try (Connection c = DriverManager.getConnection(exchange.url());
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT price FROM ticker_price WHERE symbol = 'BTCUSDT'")) {
      assertTrue(rs.next());
      return rs.getBigDecimal(1);
    }
  }

  @Test
  void placeSeeAndCancelAnOrder() throws Exception {
    BigDecimal price = lastPrice().multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.DOWN);
    BigDecimal freeBefore = sim.free(BinanceSimulator.DEMO_ACCOUNT, "USDT");
    String script =
        String.join(
            "\n",
            "CALL place_order(symbol => 'BTCUSDT', side => 'BUY', order_type => 'LIMIT',"
                + " quantity => 0.001, price => "
                + price.toPlainString()
                + ","
                + " time_in_force => 'GTC', new_client_order_id => 'sqlline-it-1');",
            "SELECT client_order_id, side, price, orig_qty, status FROM open_orders"
                + " WHERE symbol = 'BTCUSDT';",
            "SELECT asset, free_qty, locked_qty FROM account_balances WHERE asset = 'USDT';",
            "CALL cancel_order(symbol => 'BTCUSDT', orig_client_order_id => 'sqlline-it-1');",
            "SELECT client_order_id, status FROM orders WHERE symbol = 'BTCUSDT';",
            "");
    Sqlline out =
        Sqlline.run(
            home,
            exchange.url() + "&trading=true",
            BinanceSimulator.DEMO_API_KEY,
            BinanceSimulator.DEMO_SECRET_KEY,
            script);

    List<List<String>> placed = out.table("CALL place_order(");
    assertEquals(2, placed.size(), out.printed);
    assertEquals(List.of("sqlline-it-1"), Sqlline.column(placed, "client_order_id"));
    assertEquals(List.of("NEW"), Sqlline.column(placed, "status"));
    assertEquals(List.of("PLACED"), Sqlline.column(placed, "outcome"));

    List<List<String>> open = out.table("SELECT client_order_id, side, price");
    assertEquals(
        List.of("sqlline-it-1", "BUY", "NEW"),
        List.of(open.get(1).get(0), open.get(1).get(1), open.get(1).get(4)));
    assertEquals(0, price.compareTo(new BigDecimal(open.get(1).get(2))));
    assertEquals(0, new BigDecimal("0.001").compareTo(new BigDecimal(open.get(1).get(3))));

    List<List<String>> balance = out.table("SELECT asset, free_qty, locked_qty");
    BigDecimal locked = price.multiply(new BigDecimal("0.001"));
    assertEquals(
        0,
        locked.compareTo(new BigDecimal(Sqlline.column(balance, "locked_qty").get(0))),
        out.printed);
    assertEquals(
        0,
        freeBefore
            .subtract(locked)
            .compareTo(new BigDecimal(Sqlline.column(balance, "free_qty").get(0))));

    List<List<String>> cancelled = out.table("CALL cancel_order(");
    assertEquals(List.of("CANCELED"), Sqlline.column(cancelled, "status"));
    assertEquals(List.of("CANCELED"), Sqlline.column(cancelled, "outcome"));
    List<List<String>> orders = out.table("SELECT client_order_id, status FROM orders");
    assertTrue(
        orders.subList(1, orders.size()).contains(List.of("sqlline-it-1", "CANCELED")),
        out.printed);

    // Each side effect reached the exchange exactly once, signed with the demo key.
    List<RecordedRequest> changes =
        exchange.requests().stream().filter(r -> !r.method().equals("GET")).toList();
    assertEquals(
        List.of("POST /api/v3/order", "DELETE /api/v3/order"),
        changes.stream().map(r -> r.method() + " " + r.path()).toList());
    for (RecordedRequest r : changes) {
      assertEquals(BinanceSimulator.DEMO_API_KEY, r.apiKey());
    }
    assertEquals(0, BigDecimal.ZERO.compareTo(sim.locked(BinanceSimulator.DEMO_ACCOUNT, "USDT")));
    assertEquals(0, freeBefore.compareTo(sim.free(BinanceSimulator.DEMO_ACCOUNT, "USDT")));
    assertTrue(!out.printed.contains(BinanceSimulator.DEMO_SECRET_KEY));
  }
}
