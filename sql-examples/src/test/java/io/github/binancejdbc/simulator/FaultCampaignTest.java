package io.github.binancejdbc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault campaign: every fault a request to place or cancel an order can meet on its way
 * (dropped before or after the exchange executed it, answered past the read timeout, a 5xx before
 * or after execution, an unreadable 200 in three forms, {@code -1007}, {@code -1021}, the server's
 * clock jumping either way) is injected with the simulator's switches, and the outcome the driver
 * reports is compared with the truth, read from the exchange by an independent client: an order
 * reported placed exists exactly once, one reported not placed does not exist; a cancel reported
 * done left the order CANCELED, one reported not done left it NEW. Never an "unknown" where the
 * exchange can tell.
 */
class FaultCampaignTest {
  private static final String PATH = "/api/v3/order";

  static BinanceSimulator sim;
  static TestClient truth;

  /** One fault: its name, how to install it, and whether the request executes under it. */
  record Fault(String name, Consumer<Faults> install, boolean executes) {}

  static final List<Fault> FAULTS =
      List.of(
          new Fault("drop before execution", f -> f.dropNext(1, PATH), false),
          new Fault("drop after execution", f -> f.dropNextAfterExecution(1, PATH), true),
          new Fault(
              "answer past the read timeout",
              f -> f.delayNext(1, Duration.ofMillis(1500), PATH),
              true),
          new Fault("503 before execution", f -> f.failNext(1, 503, PATH), false),
          new Fault("503 after execution", f -> f.failNextAfterExecution(1, 503, PATH), true),
          new Fault("500 after execution", f -> f.failNextAfterExecution(1, 500, PATH), true),
          new Fault("200 cut short", f -> f.unreadableNextAfterExecution(1, PATH, null), true),
          new Fault(
              "200 HTML from a proxy",
              f ->
                  f.unreadableNextAfterExecution(
                      1, PATH, "<html><body>502 Bad Gateway</body></html>"),
              true),
          new Fault("200 empty", f -> f.unreadableNextAfterExecution(1, PATH, ""), true),
          new Fault(
              "200 JSON of another shape",
              f -> f.unreadableNextAfterExecution(1, PATH, "{\"status\":\"ok\"}"),
              true),
          new Fault("-1007 backend timeout", f -> f.failNextWithCode(PATH, -1007), false),
          new Fault("-1021 outside recvWindow", f -> f.failNextWithCode(PATH, -1021), true),
          new Fault("server clock jumps ahead", f -> f.clockSkew(Duration.ofSeconds(10)), true),
          new Fault("server clock jumps back", f -> f.clockSkew(Duration.ofSeconds(-10)), true));

  @BeforeAll
  static void start() {
    sim = BinanceSimulator.builder().port(0).build().start();
    truth = new TestClient(sim.baseUrl());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("apiKey", BinanceSimulator.DEMO_API_KEY);
    p.setProperty("secretKey", BinanceSimulator.DEMO_SECRET_KEY);
    return DriverManager.getConnection(
        "jdbc:binance:?trading=true&recvWindow=500" + "&readTimeout=800&baseUrl=" + sim.baseUrl(),
        p);
  }

  private static String place(String clientId, int price) {
    return "SELECT order_id, status, outcome FROM TABLE(place_order(symbol => 'BTCUSDT',"
        + " side => 'BUY', order_type => 'LIMIT', quantity => 0.01, price => "
        + price
        + ","
        + " time_in_force => 'GTC', new_client_order_id => '"
        + clientId
        + "'))";
  }

  /** The orders the exchange holds with this client id. */
  private static List<JsonNode> onExchange(String clientId) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode o :
        truth.signed("GET", "/api/v3/allOrders", "symbol=BTCUSDT&limit=1000").json()) {
      if (o.get("clientOrderId").asText().equals(clientId)) {
        out.add(o);
      }
    }
    return out;
  }

  @Test
  void everyFaultOnPlacementsAndCancelsIsReportedAsTheExchangeHasIt() throws SQLException {
    List<String> disagreements = new ArrayList<>();
    int i = 0;
    try (Connection c = connect()) {
      for (Fault fault : FAULTS) {
        i++;
        // Placement under the fault.
        String clientId = "campaign-place-" + i;
        fault.install().accept(sim.faults());
        String reported;
        try (ResultSet rs = c.createStatement().executeQuery(place(clientId, 40000 + i))) {
          assertTrue(rs.next());
          reported =
              "PLACED".equals(rs.getString("outcome")) && "NEW".equals(rs.getString("status"))
                  ? "placed"
                  : "row " + rs.getString("outcome");
        } catch (SQLException e) {
          reported =
              e.getMessage().contains("it was not placed; running the statement again is" + " safe")
                  ? "not placed"
                  : "error " + e.getSQLState() + " " + e.getMessage();
        } finally {
          sim.faults().reset();
        }
        List<JsonNode> orders = onExchange(clientId);
        String actual =
            orders.size() == 1
                ? "placed"
                : orders.isEmpty() ? "not placed" : orders.size() + " orders";
        String expected = fault.executes() ? "placed" : "not placed";
        if (!reported.equals(actual) || !actual.equals(expected)) {
          disagreements.add(
              "place, "
                  + fault.name()
                  + ": reported "
                  + reported
                  + ", exchange "
                  + actual
                  + ", expected "
                  + expected);
        }

        // Cancel under the fault, of an order placed without one.
        String target = "campaign-cancel-" + i;
        long orderId;
        try (ResultSet rs = c.createStatement().executeQuery(place(target, 39000 + i))) {
          assertTrue(rs.next());
          orderId = rs.getLong("order_id");
        }
        fault.install().accept(sim.faults());
        try (ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT status, outcome FROM"
                        + " TABLE(cancel_order(symbol => 'BTCUSDT', order_id => "
                        + orderId
                        + "))")) {
          assertTrue(rs.next());
          reported =
              "CANCELED".equals(rs.getString("status"))
                      && "CANCELED".equals(rs.getString("outcome"))
                  ? "cancelled"
                  : "row " + rs.getString("status") + " " + rs.getString("outcome");
        } catch (SQLException e) {
          reported =
              e.getMessage()
                      .contains("it was not cancelled; running the statement again" + " is safe")
                  ? "not cancelled"
                  : "error " + e.getSQLState() + " " + e.getMessage();
        } finally {
          sim.faults().reset();
        }
        String status = onExchange(target).get(0).get("status").asText();
        actual =
            status.equals("CANCELED")
                ? "cancelled"
                : status.equals("NEW") ? "not cancelled" : status;
        expected = fault.executes() ? "cancelled" : "not cancelled";
        if (!reported.equals(actual) || !actual.equals(expected)) {
          disagreements.add(
              "cancel, "
                  + fault.name()
                  + ": reported "
                  + reported
                  + ", exchange "
                  + actual
                  + ", expected "
                  + expected);
        }
      }
    }
    assertEquals(List.of(), disagreements);
    assertEquals(14, i);
  }
}
