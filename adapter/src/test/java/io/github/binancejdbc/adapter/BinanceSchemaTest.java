package io.github.binancejdbc.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.binancejdbc.adapter.table.BinanceTable;
import java.util.ArrayList;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.junit.jupiter.api.Test;

/** A connection builds a table when it is first named, and each table once. */
class BinanceSchemaTest {
  private static BinanceSchema schema() {
    // Nothing is sent: building tables makes no request, so the address is never used.
    return new BinanceSchema(BinanceConfig.newBuilder().baseUrl("http://127.0.0.1:9").build());
  }

  @Test
  void aTableIsBuiltWhenFirstNamedAndOnlyOnce() {
    try (BinanceSchema s = schema()) {
      assertEquals(0, s.builtTables());
      BinanceTable klines = s.table("klines");
      assertNotNull(klines);
      assertEquals("klines", klines.def().name());
      assertEquals(1, s.builtTables());
      assertSame(klines, s.table("klines"));
      assertEquals(1, s.builtTables());
      assertNull(s.table("no_such_table"));
      assertNull(s.table("KLINES"), "names are exact; the SQL layer folds case");
      assertEquals(1, s.builtTables());
    }
  }

  @Test
  void theWholeMapHasEveryNameInReferenceOrderAndReusesBuiltTables() {
    try (BinanceSchema s = schema()) {
      BinanceTable trades = s.table("trades");
      Map<String, Table> all = s.binanceTables();
      assertEquals(BinanceSchema.tableNames(), new ArrayList<>(all.keySet()));
      assertEquals(35, all.size());
      assertEquals("klines", all.keySet().iterator().next());
      assertSame(trades, all.get("trades"));
      for (Map.Entry<String, Table> e : all.entrySet()) {
        assertEquals(e.getKey(), ((BinanceTable) e.getValue()).def().name());
      }
      assertEquals(35, s.builtTables());
      assertSame(all, s.binanceTables());
    }
  }
}
