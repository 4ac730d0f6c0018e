package io.github.binancejdbc.adapter.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickerTableTest {
  @Test
  void symbolsListIsTheJsonArrayOfTheValuesAsWritten() throws Exception {
    List<String> symbols = List.of("BTCUSDT", "BTC\"USDT", "BTC\\USDT", "BTC\nUSDT\u0000", "币安");
    String json = TickerTable.jsonArray(symbols);
    assertEquals(
        "[\"BTCUSDT\",\"BTC\\\"USDT\",\"BTC\\\\USDT\",\"BTC\\nUSDT\\u0000\",\"币安\"]", json);
    // Read back by a JSON parser, it is the same list: nothing stripped, nothing sent raw.
    assertEquals(symbols, List.of(new ObjectMapper().readValue(json, String[].class)));
  }
}
