package io.github.binancejdbc.adapter.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import io.github.binancejdbc.adapter.function.ProcedureDef.Checks;
import io.github.binancejdbc.adapter.function.ProcedureDef.Reconcile;
import io.github.binancejdbc.adapter.function.ProcedureDef.Result;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProcedureDefTest {
  @Test
  void theBuilderHasSafeDefaults() {
    ProcedureDef d = ProcedureDef.builder("x", Method.POST, "/api/v3/x").remarks("X").build();

    assertEquals(
        new ProcedureDef(
            "x",
            Method.POST,
            "/api/v3/x",
            List.of(),
            false,
            true,
            Result.ORDERS,
            Reconcile.NONE,
            null,
            1,
            "X",
            Checks.NONE,
            List.of(),
            "PLACED"),
        d);
  }

  @Test
  void theBuilderNamesWhatIsWrong() {
    assertEquals(
        "x: an order list names its legs, nothing else does, but checks were ORDER_LIST and"
            + " legs []",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ProcedureDef.builder("x", Method.POST, "/p")
                        .remarks("r")
                        .checks(Checks.ORDER_LIST)
                        .build())
            .getMessage());
    assertEquals(
        "x: weight must be positive, but was: 0",
        assertThrows(
                IllegalArgumentException.class,
                () -> ProcedureDef.builder("x", Method.POST, "/p").remarks("r").weight(0).build())
            .getMessage());
    assertEquals(
        "remarks is null",
        assertThrows(
                NullPointerException.class,
                () -> ProcedureDef.builder("x", Method.POST, "/p").build())
            .getMessage());
  }

  @Test
  void theCatalogueSaysWhatEachProcedureChecks() {
    Map<String, String> checks = new TreeMap<>();
    for (ProcedureDef d : Procedures.all()) {
      checks.put(
          d.name(), d.checks() + (d.legs().isEmpty() ? "" : " " + d.legs()) + " " + d.outcome());
    }
    Map<String, String> expected =
        new TreeMap<>(
            Map.ofEntries(
                Map.entry("place_order", "ORDER PLACED"),
                Map.entry("test_order", "ORDER PLACED"),
                Map.entry("cancel_order", "SYMBOL CANCELED"),
                Map.entry("cancel_open_orders", "SYMBOL CANCELED"),
                Map.entry("cancel_replace_order", "ORDER CANCELED"),
                Map.entry("amend_order", "ORDER AMENDED"),
                Map.entry("place_oco", "ORDER_LIST [above, below] PLACED"),
                Map.entry("place_oto", "ORDER_LIST [working, pending] PLACED"),
                Map.entry("place_otoco", "ORDER_LIST [working, pendingAbove, pendingBelow] PLACED"),
                Map.entry("place_opo", "ORDER_LIST [working, pending] PLACED"),
                Map.entry("place_opoco", "ORDER_LIST [working, pendingAbove, pendingBelow] PLACED"),
                Map.entry("cancel_order_list", "SYMBOL CANCELED"),
                Map.entry("place_sor_order", "ORDER PLACED"),
                Map.entry("test_sor_order", "ORDER PLACED"),
                Map.entry("start_user_data_stream", "NONE OK"),
                Map.entry("keepalive_user_data_stream", "NONE OK"),
                Map.entry("close_user_data_stream", "NONE OK")));
    assertEquals(expected, checks);
  }

  @Test
  void everyLegOfAnOrderListHasATypeArgument() {
    for (ProcedureDef d : Procedures.all()) {
      for (String leg : d.legs()) {
        boolean found = d.params().stream().anyMatch(p -> p.apiName().equals(leg + "Type"));
        assertTrue(found, d.name() + " has no " + leg + "Type argument");
      }
    }
  }

  @Test
  void theLegsOfAListAreItsOrdersAndTakeTheSharedQuantity() {
    ProcedureDef otoco = Procedures.get("place_otoco");
    Map<String, String> v = new LinkedHashMap<>();
    v.put("symbol", "BTCUSDT");
    v.put("workingType", "LIMIT");
    v.put("workingPrice", "20000");
    v.put("workingQuantity", "0.002");
    v.put("pendingQuantity", "0.001");
    v.put("pendingAboveType", "LIMIT_MAKER");
    v.put("pendingAbovePrice", "21000");
    v.put("pendingBelowType", "STOP_LOSS");
    v.put("pendingBelowStopPrice", "19000");
    v.put("pendingBelowPegPriceType", "PRIMARY_PEG");

    List<OrderChecks.Order> legs = OrderChecks.orders(otoco, "BTCUSDT", v);

    assertEquals(
        List.of(
            new OrderChecks.Order(
                "place_otoco",
                "BTCUSDT",
                "LIMIT",
                new BigDecimal("0.002"),
                null,
                new BigDecimal("20000"),
                null,
                null,
                false),
            new OrderChecks.Order(
                "place_otoco",
                "BTCUSDT",
                "LIMIT_MAKER",
                new BigDecimal("0.001"),
                null,
                new BigDecimal("21000"),
                null,
                null,
                false),
            new OrderChecks.Order(
                "place_otoco",
                "BTCUSDT",
                "STOP_LOSS",
                new BigDecimal("0.001"),
                null,
                null,
                new BigDecimal("19000"),
                null,
                true)),
        legs);
    assertNotNull(Procedures.get("place_oco").param("above_type"));
  }
}
