package io.github.binancejdbc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.simulator.BinanceSimulator;
import io.github.binancejdbc.testing.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every procedure family against the offline exchange: cancel-replace, amend keep-priority, the
 * order lists (OCO, OTO, OTOCO, OPO, OPOCO) and their cancel, SOR order and test, cancel all. Each
 * asserts the rows returned and what the exchange then holds.
 */
class ProceduresIT {
  static BinanceSimulator sim;
  static Connection conn;

  @BeforeAll
  static void start() throws Exception {
    sim = BinanceSimulator.builder().port(0).build().start();
    conn = RunExamples.connect(sim);
  }

  @AfterAll
  static void stop() throws Exception {
    conn.close();
    sim.close();
  }

  static List<String> rows(String sql) throws SQLException {
    return Rows.lines(conn, sql);
  }

  static String status(String clientId) throws SQLException {
    List<String> r =
        rows(
            "SELECT status FROM orders WHERE symbol = 'BTCUSDT'"
                + " AND client_order_id = '"
                + clientId
                + "'");
    assertEquals(1, r.size(), clientId + ": " + r);
    return r.get(0);
  }

  static void limitBuy(String clientId, String qty, String price) throws SQLException {
    assertEquals(
        List.of("NEW"),
        rows(
            "SELECT status FROM TABLE(place_order(symbol => 'BTCUSDT',"
                + " side => 'BUY', order_type => 'LIMIT', quantity => "
                + qty
                + ", price => "
                + price
                + ", time_in_force => 'GTC', new_client_order_id => '"
                + clientId
                + "'))"));
  }

  @Test
  void amendKeepsPriorityAndReducesTheQuantity() throws SQLException {
    limitBuy("amend-1", "0.02", "50000");
    // Binance gives the amended order a new client id unless one is passed.
    assertEquals(
        List.of("amend-1|amend-1b|0.01000000|NEW|AMENDED"),
        rows(
            "SELECT"
                + " orig_client_order_id, client_order_id, orig_qty, status, outcome FROM"
                + " TABLE(amend_order(symbol => 'BTCUSDT', orig_client_order_id => 'amend-1',"
                + " new_client_order_id => 'amend-1b', new_qty => 0.01))"));
    assertEquals(
        List.of("0.01000000"),
        rows(
            "SELECT orig_qty FROM open_orders"
                + " WHERE symbol = 'BTCUSDT' AND client_order_id = 'amend-1b'"));
  }

  @Test
  void cancelReplaceCancelsOneAndPlacesAnother() throws SQLException {
    limitBuy("cr-old", "0.01", "50000");
    List<String> r =
        rows(
            "SELECT outcome, status, price FROM TABLE(cancel_replace_order("
                + "symbol => 'BTCUSDT', side => 'BUY', order_type => 'LIMIT',"
                + " cancel_replace_mode => 'STOP_ON_FAILURE', quantity => 0.01, price => 51000,"
                + " time_in_force => 'GTC', cancel_orig_client_order_id => 'cr-old',"
                + " new_client_order_id => 'cr-new'))");
    assertEquals(
        List.of("CANCEL_SUCCESS|CANCELED|50000.00000000", "NEW_ORDER_SUCCESS|NEW|51000.00000000"),
        r);
    assertEquals("CANCELED", status("cr-old"));
    assertEquals("NEW", status("cr-new"));
  }

  @Test
  void ocoPlacesTwoLegsAndCancelOrderListEndsBoth() throws SQLException {
    List<String> r =
        rows(
            "SELECT order_type, status, outcome, order_list_id FROM TABLE(place_oco("
                + "symbol => 'BTCUSDT', side => 'SELL', quantity => 0.01,"
                + " above_type => 'LIMIT_MAKER', above_price => 150000,"
                + " below_type => 'STOP_LOSS_LIMIT', below_price => 90000, below_stop_price => 90500,"
                + " below_time_in_force => 'GTC', list_client_order_id => 'oco-1'))");
    assertEquals(2, r.size(), r.toString());
    assertTrue(r.stream().allMatch(x -> x.contains("|PLACED|")), r.toString());
    String listId = r.get(0).substring(r.get(0).lastIndexOf('|') + 1);
    List<String> cancelled =
        rows(
            "SELECT status FROM TABLE(cancel_order_list("
                + "symbol => 'BTCUSDT', order_list_id => "
                + listId
                + "))");
    assertEquals(List.of("CANCELED", "CANCELED"), cancelled);
  }

  @Test
  void otoOtocoOpoAndOpocoPlaceTheirLegs() throws SQLException {
    String working =
        "symbol => 'BTCUSDT', working_type => 'LIMIT', working_side => 'BUY',"
            + " working_price => 50000, working_quantity => 0.01, working_time_in_force => 'GTC'";
    assertEquals(
        2,
        rows("SELECT status FROM TABLE(place_oto("
                + working
                + ", pending_type => 'LIMIT', pending_side => 'SELL', pending_price => 150000,"
                + " pending_quantity => 0.01, pending_time_in_force => 'GTC'))")
            .size());
    List<String> otoco =
        rows(
            "SELECT status FROM TABLE(place_otoco("
                + working
                + ", pending_side => 'SELL', pending_quantity => 0.01,"
                + " pending_above_type => 'LIMIT_MAKER', pending_above_price => 150000,"
                + " pending_below_type => 'STOP_LOSS_LIMIT', pending_below_price => 40000,"
                + " pending_below_stop_price => 40500, pending_below_time_in_force => 'GTC'))");
    assertEquals(3, otoco.size(), otoco.toString());
    assertTrue(otoco.contains("NEW") && otoco.contains("PENDING_NEW"), otoco.toString());
    assertEquals(
        2,
        rows("SELECT status FROM TABLE(place_opo("
                + working
                + ", pending_type => 'LIMIT', pending_side => 'SELL', pending_price => 150000,"
                + " pending_time_in_force => 'GTC'))")
            .size());
    assertEquals(
        3,
        rows("SELECT status FROM TABLE(place_opoco("
                + working
                + ", pending_side => 'SELL', pending_above_type => 'LIMIT_MAKER',"
                + " pending_above_price => 150000, pending_below_type => 'STOP_LOSS_LIMIT',"
                + " pending_below_price => 40000, pending_below_stop_price => 40500,"
                + " pending_below_time_in_force => 'GTC'))")
            .size());
  }

  @Test
  void smartOrderRoutingOrderAndTest() throws SQLException {
    assertEquals(
        List.of("BTCUSDT|VALID"),
        rows(
            "SELECT symbol, outcome FROM TABLE(test_sor_order("
                + "symbol => 'BTCUSDT', side => 'BUY', order_type => 'LIMIT', quantity => 0.001,"
                + " price => 50000, time_in_force => 'GTC'))"));
    assertEquals(
        List.of("NEW|PLACED"),
        rows(
            "SELECT status, outcome FROM TABLE(place_sor_order("
                + "symbol => 'BTCUSDT', side => 'BUY', order_type => 'LIMIT', quantity => 0.001,"
                + " price => 50000, time_in_force => 'GTC', new_client_order_id => 'sor-1'))"));
    assertEquals("NEW", status("sor-1"));
  }

  @Test
  void cancelOpenOrdersCancelsEverythingOfTheSymbol() throws SQLException {
    limitBuy("all-1", "0.01", "48000");
    limitBuy("all-2", "0.01", "48001");
    List<String> cancelled =
        rows("SELECT DISTINCT status FROM TABLE(cancel_open_orders(" + "symbol => 'BTCUSDT'))");
    assertEquals(List.of("CANCELED"), cancelled);
    assertEquals(List.of("0"), rows("SELECT COUNT(*) FROM open_orders WHERE symbol = 'BTCUSDT'"));
    assertEquals("CANCELED", status("all-2"));
  }
}
