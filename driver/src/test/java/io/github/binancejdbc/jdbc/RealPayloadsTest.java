package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.testing.Rows;
import io.github.binancejdbc.testing.WireMocks;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Parsing against the shapes Binance really sends, written after the recorded payloads: the 2021
 * exchangeInfo with legacy filters and {@code permissions}, the 2024 one with {@code
 * permissionSets}, NOTIONAL and STP modes, integers sent as strings (as some recorders store them),
 * 12-field klines, avgPrice before and after {@code closeTime} existed, MINI-less rolling tickers.
 */
class RealPayloadsTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  /** This class counts requests: the limits are known up front (see {@link KnownLimits}). */
  @BeforeEach
  void limitsAreKnown() {
    KnownLimits.of(wm.baseUrl());
  }

  static final String EXCHANGE_INFO =
      """
      {"timezone":"UTC","serverTime":1634942465856,
       "rateLimits":[
         {"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":1200},
         {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":50},
         {"rateLimitType":"ORDERS","interval":"DAY","intervalNum":1,"limit":160000},
         {"rateLimitType":"RAW_REQUESTS","interval":"MINUTE","intervalNum":5,"limit":6100}],
       "exchangeFilters":[],
       "symbols":[
        {"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","baseAssetPrecision":8,
         "quoteAsset":"USDT","quotePrecision":8,"quoteAssetPrecision":8,
         "baseCommissionPrecision":8,"quoteCommissionPrecision":8,
         "orderTypes":["LIMIT","LIMIT_MAKER","MARKET","STOP_LOSS_LIMIT","TAKE_PROFIT_LIMIT"],
         "icebergAllowed":true,"ocoAllowed":true,"quoteOrderQtyMarketAllowed":true,
         "isSpotTradingAllowed":true,"isMarginTradingAllowed":true,
         "filters":[
          {"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000",
           "tickSize":"0.01000000"},
          {"filterType":"PERCENT_PRICE","multiplierUp":"5","multiplierDown":"0.2","avgPriceMins":5},
          {"filterType":"LOT_SIZE","minQty":"0.00001000","maxQty":"9000.00000000",
           "stepSize":"0.00001000"},
          {"filterType":"MIN_NOTIONAL","minNotional":"10.00000000","applyToMarket":true,
           "avgPriceMins":5},
          {"filterType":"ICEBERG_PARTS","limit":10},
          {"filterType":"MAX_NUM_ORDERS","maxNumOrders":200}],
         "permissions":["SPOT","MARGIN"]},
        {"symbol":"ETHUSDT","status":"TRADING","baseAsset":"ETH","baseAssetPrecision":"8",
         "quoteAsset":"USDT","quotePrecision":"8","quoteAssetPrecision":"8",
         "baseCommissionPrecision":"8","quoteCommissionPrecision":"8",
         "orderTypes":["LIMIT","MARKET"],"icebergAllowed":true,"ocoAllowed":true,
         "otoAllowed":true,"opoAllowed":false,"quoteOrderQtyMarketAllowed":true,
         "allowTrailingStop":true,"cancelReplaceAllowed":true,"amendAllowed":true,
         "pegInstructionsAllowed":false,"isSpotTradingAllowed":true,
         "isMarginTradingAllowed":false,
         "filters":[
          {"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,
           "maxNotional":"9000000.00000000","applyMaxToMarket":false,"avgPriceMins":5},
          {"filterType":"PERCENT_PRICE_BY_SIDE","bidMultiplierUp":"5","bidMultiplierDown":"0.2",
           "askMultiplierUp":"5","askMultiplierDown":"0.2","avgPriceMins":5},
          {"filterType":"TRAILING_DELTA","minTrailingAboveDelta":"10",
           "maxTrailingAboveDelta":"2000","minTrailingBelowDelta":"10",
           "maxTrailingBelowDelta":"2000"},
          {"filterType":"ICEBERG_PARTS","limit":"10"}],
         "permissions":[],"permissionSets":[["SPOT","MARGIN","TRD_GRP_004"],["TRD_GRP_005"]],
         "defaultSelfTradePreventionMode":"EXPIRE_MAKER",
         "allowedSelfTradePreventionModes":["EXPIRE_TAKER","EXPIRE_MAKER","EXPIRE_BOTH"],
         "someFieldBinanceAddsLater":{"nested":[1,2,3]}}],
       "sors":[{"baseAsset":"BTC","symbols":["BTCUSDT","BTCUSDC"]}]}
      """;

  private Connection conn;

  @BeforeEach
  void connect() throws SQLException {
    conn = DriverManager.getConnection("jdbc:binance:?baseUrl=" + wm.baseUrl() + "&maxRetries=0");
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private List<String> rows(String sql) throws SQLException {
    return Rows.lines(conn, sql);
  }

  @Test
  void exchangeInfoOldAndNewShapesFeedThreeTablesFromOneCachedRequest() throws SQLException {
    wm.stubFor(get(urlEqualTo("/api/v3/exchangeInfo")).willReturn(okJson(EXCHANGE_INFO)));
    assertEquals(
        List.of(
            "BTCUSDT|TRADING|BTC|USDT|8|LIMIT,LIMIT_MAKER,MARKET,STOP_LOSS_LIMIT,TAKE_PROFIT_LIMIT"
                + "|null|null|null",
            "ETHUSDT|TRADING|ETH|USDT|8|LIMIT,MARKET|SPOT,MARGIN,TRD_GRP_004;TRD_GRP_005"
                + "|EXPIRE_MAKER|EXPIRE_TAKER,EXPIRE_MAKER,EXPIRE_BOTH"),
        rows(
            "SELECT symbol, status, base_asset, quote_asset, base_asset_precision, order_types,"
                + " permission_sets, default_self_trade_prevention_mode,"
                + " allowed_self_trade_prevention_modes FROM symbols ORDER BY symbol"));
    assertEquals(
        List.of("BTCUSDT|null|null|true", "ETHUSDT|true|true|false"),
        rows(
            "SELECT symbol, oto_allowed, amend_allowed, is_margin_trading_allowed FROM symbols"
                + " ORDER BY symbol"));
    assertEquals(
        List.of(
            "BTCUSDT|PRICE_FILTER|0.01000000|1000000.00000000|0.01000000|null|null",
            "BTCUSDT|PERCENT_PRICE|null|null|null|null|5",
            "BTCUSDT|LOT_SIZE|null|null|null|null|null",
            "BTCUSDT|MIN_NOTIONAL|null|null|null|10.00000000|5",
            "BTCUSDT|ICEBERG_PARTS|null|null|null|null|null",
            "BTCUSDT|MAX_NUM_ORDERS|null|null|null|null|null",
            "ETHUSDT|NOTIONAL|null|null|null|5.00000000|5",
            "ETHUSDT|PERCENT_PRICE_BY_SIDE|null|null|null|null|5",
            "ETHUSDT|TRAILING_DELTA|null|null|null|null|null",
            "ETHUSDT|ICEBERG_PARTS|null|null|null|null|null"),
        rows(
            "SELECT symbol, filter_type, min_price, max_price, tick_size, min_notional,"
                + " avg_price_mins FROM symbol_filters"));
    assertEquals(
        List.of("10", "10"),
        rows(
            "SELECT iceberg_parts_limit FROM symbol_filters"
                + " WHERE filter_type = 'ICEBERG_PARTS'"));
    assertEquals(
        List.of("2000|true|false"),
        rows(
            "SELECT f.max_trailing_below_delta, g.apply_min_to_market, g.apply_max_to_market"
                + " FROM symbol_filters f JOIN symbol_filters g ON f.symbol = g.symbol"
                + " WHERE f.filter_type = 'TRAILING_DELTA' AND g.filter_type = 'NOTIONAL'"));
    assertEquals(
        List.of(
            "REQUEST_WEIGHT|MINUTE|1|1200",
            "ORDERS|SECOND|10|50",
            "ORDERS|DAY|1|160000",
            "RAW_REQUESTS|MINUTE|5|6100"),
        rows("SELECT rate_limit_type, interval_unit, interval_num, limit_value FROM rate_limits"));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v3/exchangeInfo")));
  }

  @Test
  void klinesTwelveFieldRows() throws SQLException {
    wm.stubFor(
        get(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=2"))
            .willReturn(
                okJson(
                    "[[1634943780000,\"60685.22000000\",\"60729.99000000\","
                        + "\"60670.01000000\",\"60714.03000000\",\"11.82048000\",1634943839999,"
                        + "\"717666.59049030\",617,\"7.08153000\",\"429964.65413970\",\"0\"],"
                        + "[1634943840000,\"60714.03000000\",\"60714.03000000\",\"60714.03000000\","
                        + "\"60714.03000000\",\"0.00120000\",1634943899999,\"72.85683600\",7,\"0.00000000\","
                        + "\"0.00000000\",\"0\"]]")));
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT * FROM klines"
                    + " WHERE symbol = 'BTCUSDT' AND timeframe = '1m' ORDER BY open_time DESC LIMIT 2")) {
      assertTrue(rs.next());
      assertEquals(
          LocalDateTime.of(2021, 10, 22, 23, 4), rs.getObject("open_time", LocalDateTime.class));
      assertEquals(7, rs.getLong("trade_count"));
      assertEquals(new BigDecimal("72.85683600"), rs.getBigDecimal("quote_volume"));
      assertTrue(rs.next());
      assertEquals("60685.22000000", rs.getString("open_price"));
      assertEquals("60729.99000000", rs.getString("high_price"));
      assertEquals("60670.01000000", rs.getString("low_price"));
      assertEquals("60714.03000000", rs.getString("close_price"));
      assertEquals("11.82048000", rs.getString("volume"));
      assertEquals(1634943839999L, rs.getObject("close_time", Instant.class).toEpochMilli());
      assertEquals(617, rs.getLong("trade_count"));
      assertEquals("7.08153000", rs.getString("taker_buy_base_volume"));
      assertEquals("429964.65413970", rs.getString("taker_buy_quote_volume"));
      assertFalse(rs.next());
    }
  }

  @Test
  void avgPriceWithAndWithoutCloseTime() throws SQLException {
    wm.stubFor(
        get(urlEqualTo("/api/v3/avgPrice?symbol=BTCUSDT"))
            .willReturn(okJson("{\"mins\":5,\"price\":\"60753.92405551\"}")));
    wm.stubFor(
        get(urlEqualTo("/api/v3/avgPrice?symbol=BNBBTC"))
            .willReturn(
                okJson("{\"mins\":5,\"price\":\"9.35751834\",\"closeTime\":1694061154503}")));
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT symbol, mins, price,"
                    + " close_time FROM avg_price WHERE symbol IN ('BTCUSDT', 'BNBBTC') ORDER BY symbol")) {
      assertTrue(rs.next());
      assertEquals("BNBBTC", rs.getString(1));
      assertEquals(1694061154503L, rs.getObject(4, Instant.class).toEpochMilli());
      assertTrue(rs.next());
      assertEquals("BTCUSDT", rs.getString(1));
      assertEquals(5, rs.getInt(2));
      assertEquals(new BigDecimal("60753.92405551"), rs.getBigDecimal(3));
      assertNull(rs.getTimestamp(4));
      assertFalse(rs.next());
    }
  }

  @Test
  void rollingAndTradingDayTickersEchoTheirWindowAndZone() throws SQLException {
    String body =
        "{\"symbol\":\"BNBBTC\",\"priceChange\":\"-8.00000000\","
            + "\"priceChangePercent\":\"-88.889\",\"weightedAvgPrice\":\"2.60427807\","
            + "\"openPrice\":\"9.00000000\",\"highPrice\":\"9.00000000\",\"lowPrice\":\"1.00000000\","
            + "\"lastPrice\":\"1.00000000\",\"volume\":\"187.00000000\",\"quoteVolume\":"
            + "\"487.00000000\",\"openTime\":1641859200000,\"closeTime\":1642031999999,\"firstId\":0,"
            + "\"lastId\":60,\"count\":61}";
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker?symbol=BNBBTC&windowSize=1d")).willReturn(okJson(body)));
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker?symbol=BNBBTC&windowSize=7d")).willReturn(okJson(body)));
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker/tradingDay?symbol=BNBBTC&timeZone=0"))
            .willReturn(okJson(body)));
    assertEquals(
        List.of("BNBBTC|1d|-88.889|61", "BNBBTC|7d|-88.889|61"),
        rows(
            "SELECT symbol, window_size, price_change_percent, trade_count FROM rolling_ticker"
                + " WHERE symbol = 'BNBBTC' AND window_size IN ('1d', '7d') ORDER BY window_size"));
    assertEquals(
        List.of("BNBBTC|0|2.60427807|0|60"),
        rows(
            "SELECT symbol, time_zone, weighted_avg_price, first_trade_id, last_trade_id"
                + " FROM trading_day_ticker WHERE symbol = 'BNBBTC'"));
  }

  @Test
  void allSymbolsTickersAndServerTime() throws SQLException {
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker/price"))
            .willReturn(
                okJson(
                    "[{\"symbol\":\"LTCBTC\",\"price\":\"4.00000200\"},{\"symbol\":\"ETHBTC\","
                        + "\"price\":\"0.07946600\"}]")));
    wm.stubFor(
        get(urlEqualTo("/api/v3/ticker/bookTicker?symbol=LTCBTC"))
            .willReturn(
                okJson(
                    "{\"symbol\":\"LTCBTC\",\"bidPrice\":\"4.00000000\",\"bidQty\":\"431.00000000\","
                        + "\"askPrice\":\"4.00000200\",\"askQty\":\"9.00000000\"}")));
    wm.stubFor(
        get(urlEqualTo("/api/v3/time")).willReturn(okJson("{\"serverTime\":1633835466289}")));
    assertEquals(
        List.of("ETHBTC|0.07946600", "LTCBTC|4.00000200"),
        rows("SELECT symbol, price FROM ticker_price ORDER BY symbol"));
    assertEquals(
        List.of("4.00000000|431.00000000|4.00000200|9.00000000"),
        rows(
            "SELECT bid_price, bid_qty, ask_price, ask_qty FROM book_ticker"
                + " WHERE symbol = 'LTCBTC'"));
    try (ResultSet rs = conn.createStatement().executeQuery("SELECT * FROM server_time")) {
      assertTrue(rs.next());
      assertEquals(
          LocalDateTime.of(2021, 10, 10, 3, 11, 6, 289_000_000),
          rs.getObject(1, LocalDateTime.class));
      assertEquals("2021-10-10 03:11:06.289", rs.getString(1));
    }
  }
}
