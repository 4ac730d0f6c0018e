package io.github.binancejdbc.adapter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncodeQueryTest {
  @Test
  void keepsParameterOrderAndEncodesJsonArrays() {
    String q =
        BinanceHttp.encodeQuery(
            List.of(
                Param.of("symbols", "[\"BTCUSDT\",\"ETHUSDT\"]"),
                Param.of("type", "MINI"),
                Param.of("limit", 5)));

    assertEquals("symbols=%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D&type=MINI&limit=5", q);
  }

  @Test
  void keepsUnreservedCharactersAndEncodesEverythingElseInUpperCaseHex() {
    String q = BinanceHttp.encodeQuery(List.of(Param.of("v", "Az09-._~ +/:=&?%")));

    assertEquals("v=Az09-._~%20%2B%2F%3A%3D%26%3F%25", q);
  }

  @Test
  void encodesNonAsciiAsUtf8() {
    // Binance allows UTF-8 symbol names since 2025-12.
    assertEquals(
        "symbol=%E5%B8%81USDT", BinanceHttp.encodeQuery(List.of(Param.of("symbol", "币USDT"))));
    assertEquals("x=%C4%B0", BinanceHttp.encodeQuery(List.of(Param.of("x", "İ"))));
  }

  @Test
  void emptyListGivesEmptyString() {
    assertEquals("", BinanceHttp.encodeQuery(List.of()));
  }
}
