package io.github.binancejdbc.simulator.market;

import static io.github.binancejdbc.simulator.market.SymbolSpec.Waypoint.at;

import java.time.Instant;
import java.util.List;

/**
 * The symbols the simulator lists by default: four trading pairs and one halted one, with Binance's
 * real listing dates and filter values, and waypoints that make the generated history look roughly
 * like the real one (the numbers are approximate and only shape the path).
 */
public final class DefaultSymbols {
  private static final long U = Units.ONE;

  private DefaultSymbols() {}

  public static List<SymbolSpec> all() {
    return List.of(btcusdt(), ethusdt(), bnbusdt(), ethbtc(), lunausdt());
  }

  static SymbolSpec btcusdt() {
    return new SymbolSpec(
        "BTCUSDT",
        "BTC",
        "USDT",
        "TRADING",
        ms("2017-08-17T04:00:00Z"),
        Long.MAX_VALUE,
        U / 100,
        1_000_000 * U,
        U / 100_000,
        9_000 * U,
        100 * U,
        U / 100_000,
        5 * U,
        9_000_000 * U,
        0.035,
        30,
        250_000,
        15_000,
        List.of(
            at("2017-08-17T04:00:00Z", 4261.48), at("2017-12-17T00:00:00Z", 19100),
            at("2018-02-06T00:00:00Z", 6900), at("2018-12-15T00:00:00Z", 3200),
            at("2019-06-26T00:00:00Z", 12900), at("2020-03-12T00:00:00Z", 4900),
            at("2020-12-31T00:00:00Z", 28900), at("2021-04-14T00:00:00Z", 63500),
            at("2021-07-20T00:00:00Z", 29800), at("2021-11-10T00:00:00Z", 68700),
            at("2022-06-18T00:00:00Z", 18000), at("2022-11-21T00:00:00Z", 15700),
            at("2023-12-31T00:00:00Z", 42300), at("2024-03-14T00:00:00Z", 73000),
            at("2024-08-05T00:00:00Z", 54000), at("2024-12-17T00:00:00Z", 107000),
            at("2025-04-08T00:00:00Z", 76500), at("2025-06-30T00:00:00Z", 107200)));
  }

  static SymbolSpec ethusdt() {
    return new SymbolSpec(
        "ETHUSDT",
        "ETH",
        "USDT",
        "TRADING",
        ms("2017-08-17T04:00:00Z"),
        Long.MAX_VALUE,
        U / 100,
        1_000_000 * U,
        U / 10_000,
        9_000 * U,
        3_000 * U,
        U / 10_000,
        5 * U,
        9_000_000 * U,
        0.045,
        24,
        150_000,
        10_000,
        List.of(
            at("2017-08-17T04:00:00Z", 301.13), at("2018-01-13T00:00:00Z", 1420),
            at("2018-12-14T00:00:00Z", 84), at("2020-03-13T00:00:00Z", 110),
            at("2021-05-12T00:00:00Z", 4300), at("2021-06-22T00:00:00Z", 1750),
            at("2021-11-10T00:00:00Z", 4860), at("2022-06-18T00:00:00Z", 900),
            at("2023-12-31T00:00:00Z", 2280), at("2024-03-12T00:00:00Z", 4090),
            at("2025-04-09T00:00:00Z", 1390), at("2025-06-30T00:00:00Z", 2500)));
  }

  static SymbolSpec bnbusdt() {
    return new SymbolSpec(
        "BNBUSDT",
        "BNB",
        "USDT",
        "TRADING",
        ms("2017-11-06T03:00:00Z"),
        Long.MAX_VALUE,
        U / 100,
        100_000 * U,
        U / 1_000,
        900_000 * U,
        5_000 * U,
        U / 1_000,
        5 * U,
        9_000_000 * U,
        0.05,
        16,
        30_000,
        3_000,
        List.of(
            at("2017-11-06T03:00:00Z", 1.50), at("2018-01-12T00:00:00Z", 24),
            at("2018-12-07T00:00:00Z", 4.3), at("2021-02-19T00:00:00Z", 330),
            at("2021-05-10T00:00:00Z", 680), at("2022-06-18T00:00:00Z", 190),
            at("2023-12-31T00:00:00Z", 312), at("2024-06-06T00:00:00Z", 720),
            at("2024-12-04T00:00:00Z", 790), at("2025-06-30T00:00:00Z", 650)));
  }

  static SymbolSpec ethbtc() {
    return new SymbolSpec(
        "ETHBTC",
        "ETH",
        "BTC",
        "TRADING",
        ms("2017-07-14T04:00:00Z"),
        Long.MAX_VALUE,
        U / 100_000,
        922_327 * U,
        U / 10_000,
        100_000 * U,
        2_000 * U,
        U / 1_000,
        U / 10_000,
        9_000 * U,
        0.03,
        10,
        3,
        0.3,
        List.of(
            at("2017-07-14T04:00:00Z", 0.08),
            at("2017-12-01T00:00:00Z", 0.04),
            at("2018-01-13T00:00:00Z", 0.10),
            at("2019-09-01T00:00:00Z", 0.018),
            at("2021-12-01T00:00:00Z", 0.085),
            at("2022-09-15T00:00:00Z", 0.080),
            at("2023-12-31T00:00:00Z", 0.054),
            at("2025-04-09T00:00:00Z", 0.018),
            at("2025-06-30T00:00:00Z", 0.0232)));
  }

  /** Halted since the Terra collapse: history until the halt, no book, no trading. */
  static SymbolSpec lunausdt() {
    return new SymbolSpec(
        "LUNAUSDT",
        "LUNA",
        "USDT",
        "HALT",
        ms("2020-08-21T10:00:00Z"),
        ms("2022-05-13T02:45:00Z"),
        U / 10_000,
        1_000 * U,
        U / 100,
        90_000_000 * U,
        1_000_000 * U,
        U / 100,
        5 * U,
        9_000_000 * U,
        0.07,
        20,
        20_000,
        2_000,
        List.of(
            at("2020-08-21T10:00:00Z", 0.35), at("2021-01-01T00:00:00Z", 0.65),
            at("2021-04-13T00:00:00Z", 22), at("2021-12-26T00:00:00Z", 101),
            at("2022-02-24T00:00:00Z", 48), at("2022-04-05T00:00:00Z", 116),
            at("2022-05-07T00:00:00Z", 80), at("2022-05-10T00:00:00Z", 30),
            at("2022-05-12T00:00:00Z", 0.03), at("2022-05-13T00:00:00Z", 0.01)));
  }

  private static long ms(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }
}
