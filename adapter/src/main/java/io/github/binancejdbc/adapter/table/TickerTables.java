package io.github.binancejdbc.adapter.table;

import static io.github.binancejdbc.adapter.table.ColumnDef.nullable;
import static io.github.binancejdbc.adapter.table.ColumnDef.optionalKey;

import io.github.binancejdbc.adapter.client.EndpointWeights;

/**
 * The definitions of the per-symbol snapshot tables ({@code ticker_24hr}, {@code ticker_price},
 * {@code book_ticker}, {@code avg_price}, {@code rolling_ticker}, {@code trading_day_ticker}):
 * their columns, keys, JSON fields, endpoints and request weights. {@link TickerTable} sends the
 * requests.
 */
public final class TickerTables {
  private TickerTables() {}

  private static TableDef.Builder statistics(TableDef.Builder b, boolean with24hrExtras) {
    b.columns(
        """
            price_change          DECIMAL  nullable  Last price minus open price
            price_change_percent  DECIMAL  nullable  Price change in percent
            weighted_avg_price    DECIMAL  nullable  Volume-weighted average price (quote volume /
                                                     volume)
            """);
    if (with24hrExtras) {
      b.columns(
          """
              prev_close_price  DECIMAL  nullable  Close price of the previous window
              last_price        DECIMAL  nullable  Last trade price
              last_qty          DECIMAL  nullable  Last trade quantity
              bid_price         DECIMAL  nullable  Best bid price
              bid_qty           DECIMAL  nullable  Best bid quantity
              ask_price         DECIMAL  nullable  Best ask price
              ask_qty           DECIMAL  nullable  Best ask quantity
              """);
    } else {
      b.column(nullable("last_price", ColumnType.DECIMAL, "Last trade price"));
    }
    return b.columns(
        """
            open_price      DECIMAL    nullable  First price of the window
            high_price      DECIMAL    nullable  Highest price of the window
            low_price       DECIMAL    nullable  Lowest price of the window
            volume          DECIMAL    nullable  Base asset volume
            quote_volume    DECIMAL    nullable  Quote asset volume
            open_time       TIMESTAMP  nullable  Window start (UTC)
            close_time      TIMESTAMP  nullable  Window end (UTC)
            first_trade_id:firstId  BIGINT  nullable  First trade id in the window
            last_trade_id:lastId    BIGINT  nullable  Last trade id in the window
            trade_count:count       BIGINT  nullable  Number of trades in the window
            """);
  }

  public static TickerTable ticker24hr(BinanceContext ctx) {
    // 1-20 symbols weigh 2, 21-100 weigh 40: chunks of 20 are the cheapest.
    return table(
        ctx,
        statistics(
            TableDef.builder(
                    "ticker_24hr",
                    "GET /api/v3/ticker/24hr",
                    "24-hour rolling" + " price change statistics")
                .column(optionalKey("symbol", "Trading pair, e.g. BTCUSDT")),
            true),
        new TickerTable.Endpoint(
            TickerTable.Mode.OPTIONAL_LIST, 20, TickerTables::ticker24hrWeight),
        null);
  }

  public static TickerTable tickerPrice(BinanceContext ctx) {
    return table(
        ctx,
        TableDef.builder("ticker_price", "GET /api/v3/ticker/price", "Latest price per symbol")
            .columns(
                """
                symbol  VARCHAR  optional-key  Trading pair, e.g. BTCUSDT
                price   DECIMAL  plain         Latest price
                """),
        new TickerTable.Endpoint(TickerTable.Mode.OPTIONAL_LIST, 1000, TickerTables::priceWeight),
        null);
  }

  public static TickerTable bookTicker(BinanceContext ctx) {
    return table(
        ctx,
        TableDef.builder(
                "book_ticker", "GET /api/v3/ticker/bookTicker", "Best bid and ask per" + " symbol")
            .columns(
                """
                symbol     VARCHAR  optional-key  Trading pair, e.g. BTCUSDT
                bid_price  DECIMAL  nullable      Best bid price
                bid_qty    DECIMAL  nullable      Best bid quantity
                ask_price  DECIMAL  nullable      Best ask price
                ask_qty    DECIMAL  nullable      Best ask quantity
                """),
        new TickerTable.Endpoint(TickerTable.Mode.OPTIONAL_LIST, 1000, TickerTables::priceWeight),
        null);
  }

  public static TickerTable avgPrice(BinanceContext ctx) {
    return table(
        ctx,
        TableDef.builder("avg_price", "GET /api/v3/avgPrice", "Current average price")
            .columns(
                """
                symbol:-    VARCHAR    key       Trading pair, e.g. BTCUSDT
                mins        INTEGER    plain     Averaging window in minutes
                price       DECIMAL    plain     Average price over the window
                close_time  TIMESTAMP  nullable  Time of the last trade (UTC)
                """),
        new TickerTable.Endpoint(TickerTable.Mode.REQUIRED_EACH, 1, n -> EndpointWeights.AVG_PRICE),
        null);
  }

  public static TickerTable rollingTicker(BinanceContext ctx) {
    return statisticsPerSymbol(
        ctx,
        TableDef.builder(
                "rolling_ticker", "GET /api/v3/ticker", "Rolling window price change statistics")
            .columns(
                """
            symbol       VARCHAR  key           Trading pair, e.g. BTCUSDT
            window_size:- VARCHAR optional-key  Window: 1m..59m, 1h..23h, 1d..7d; default 1d
            """),
        new TickerTable.Extra("window_size", "windowSize", "1d"));
  }

  public static TickerTable tradingDayTicker(BinanceContext ctx) {
    return statisticsPerSymbol(
        ctx,
        TableDef.builder(
                "trading_day_ticker",
                "GET /api/v3/ticker/tradingDay",
                "Price change statistics of the current trading day")
            .columns(
                """
            symbol     VARCHAR  key           Trading pair, e.g. BTCUSDT
            time_zone:- VARCHAR  optional-key  Time zone of the trading day, e.g. 0, -1:00, 05:45;
                                              default 0 (UTC)
            """),
        new TickerTable.Extra("time_zone", "timeZone", "0"));
  }

  /**
   * A statistics table keyed by the required {@code symbol}, sent as a list, and the extra key
   * ({@code window_size}, {@code time_zone}).
   */
  private static TickerTable statisticsPerSymbol(
      BinanceContext ctx, TableDef.Builder keys, TickerTable.Extra extra) {
    return table(
        ctx,
        statistics(keys, false),
        new TickerTable.Endpoint(
            TickerTable.Mode.REQUIRED_LIST, 100, EndpointWeights::tickerPerSymbol),
        extra);
  }

  /**
   * The table {@code b} declares, keyed by {@code symbol} (and the extra key, if any), each column
   * read from the camel-case field of its name unless its block says otherwise.
   */
  private static TickerTable table(
      BinanceContext ctx,
      TableDef.Builder b,
      TickerTable.Endpoint endpoint,
      TickerTable.Extra extra) {
    if (extra == null) {
      b.primaryKey("symbol");
    } else {
      b.primaryKey("symbol", extra.column());
    }
    return new TickerTable(b.fieldsByName().build(), ctx, endpoint, extra);
  }

  /** ticker/24hr: all symbols 80, one 2, a list by its size. */
  static int ticker24hrWeight(int symbols) {
    return symbols == 0
        ? EndpointWeights.TICKER_24HR_ALL
        : symbols == 1
            ? EndpointWeights.ticker24hrSymbol()
            : EndpointWeights.ticker24hrSymbols(symbols);
  }

  /** ticker/price and ticker/bookTicker: one symbol 2, a list or all 4. */
  static int priceWeight(int symbols) {
    return symbols == 1
        ? EndpointWeights.TICKER_PRICE_SYMBOL
        : EndpointWeights.TICKER_PRICE_SYMBOLS_OR_ALL;
  }
}
