package io.github.binancejdbc.simulator.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default symbols, read from their resource file when the simulator starts. */
class DefaultSymbolsTest {
  @Test
  void theResourceListsFourTradingPairsAndTheHaltedLuna() {
    List<SymbolSpec> all = DefaultSymbols.all();
    assertEquals(
        List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "ETHBTC", "LUNAUSDT"),
        all.stream().map(SymbolSpec::symbol).toList());
    SymbolSpec btc = all.get(0);
    assertEquals(
        List.of("BTC", "USDT", "TRADING"),
        List.of(btc.baseAsset(), btc.quoteAsset(), btc.status()));
    assertEquals(Instant.parse("2017-08-17T04:00:00Z").toEpochMilli(), btc.listingMs());
    assertEquals(Long.MAX_VALUE, btc.haltMs());
    assertEquals(Units.ONE / 100, btc.tickUnits());
    assertEquals(1_000_000 * Units.ONE, btc.maxPriceUnits());
    assertEquals(Units.ONE / 100_000, btc.stepUnits());
    assertEquals(5 * Units.ONE, btc.minNotionalUnits());
    assertEquals(0.035, btc.dailyVolatility());
    assertEquals(18, btc.waypoints().size());
    assertEquals(
        new SymbolSpec.Waypoint(Instant.parse("2025-06-30T00:00:00Z").toEpochMilli(), 107200),
        btc.waypoints().get(17));
    SymbolSpec luna = all.get(4);
    assertEquals("HALT", luna.status());
    assertEquals(Instant.parse("2022-05-13T02:45:00Z").toEpochMilli(), luna.haltMs());
    assertEquals(Units.ONE / 10_000, luna.tickUnits());
  }

  @Test
  void aMalformedBlockFailsNamingTheLineOrTheMissingName() {
    IllegalArgumentException noValue =
        assertThrows(IllegalArgumentException.class, () -> parse("# c\nsymbol\n"));
    assertEquals("default-symbols.txt line 2: expected 'name value'", noValue.getMessage());
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> parse("symbol X\nbase B\n\n"));
    assertEquals("default-symbols.txt block ending at line 3: no quote", missing.getMessage());
    IllegalArgumentException tooFine =
        assertThrows(
            IllegalArgumentException.class,
            () -> parse(DefaultSymbolsTest.block("tick 0.000000001")));
    assertEquals("default-symbols.txt: more than 8 decimals in 0.000000001", tooFine.getMessage());
  }

  private static String block(String tick) {
    return String.join(
        "\n",
        "symbol X",
        "base B",
        "quote Q",
        "status TRADING",
        "listing 2020-01-01T00:00:00Z",
        "halt -",
        tick,
        "max_price 1",
        "step 1",
        "max_qty 1",
        "market_max_qty 1",
        "tape_lot 1",
        "min_notional 1",
        "max_notional 1",
        "daily_volatility 0.1",
        "trades_per_minute 1",
        "quote_per_minute 1",
        "level_notional 1",
        "waypoint 2020-01-01T00:00:00Z 1");
  }

  private static List<SymbolSpec> parse(String text) throws IOException {
    return DefaultSymbols.parse(new BufferedReader(new StringReader(text)));
  }
}
