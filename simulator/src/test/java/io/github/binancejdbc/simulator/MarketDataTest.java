package io.github.binancejdbc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Shapes, values and paging of the public market-data endpoints. */
class MarketDataTest {
  static final Pattern DECIMAL8 = Pattern.compile("-?\\d+\\.\\d{8}");
  static final long MARKET_TIME = Instant.parse("2025-06-30T00:00:00Z").toEpochMilli();
  static final long BTC_LISTING = Instant.parse("2017-08-17T04:00:00Z").toEpochMilli();

  static BinanceSimulator sim;
  static TestClient client;

  @BeforeAll
  static void start() {
    sim = BinanceSimulator.builder().build().start();
    client = new TestClient(sim.baseUrl());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  static void assertDecimal(JsonNode n) {
    assertTrue(
        n.isTextual() && DECIMAL8.matcher(n.asText()).matches(), "not an 8-decimal string: " + n);
  }

  @Test
  void pingAndTime() {
    TestClient.Resp ping = client.get("/api/v3/ping");
    assertEquals(200, ping.status());
    assertEquals("{}", ping.body());
    assertNotNull(ping.header("X-MBX-USED-WEIGHT-1M"));
    assertTrue(ping.header("content-type").startsWith("application/json"));
    JsonNode time = client.get("/api/v3/time").json();
    assertEquals(List.of("serverTime"), fieldNames(time));
    assertTrue(Math.abs(time.get("serverTime").asLong() - System.currentTimeMillis()) < 5_000);
  }

  @Test
  void exchangeInfoListsSymbolsFiltersAndLimits() {
    JsonNode info = client.get("/api/v3/exchangeInfo").json();
    assertEquals(
        List.of("timezone", "serverTime", "rateLimits", "exchangeFilters", "symbols", "sors"),
        fieldNames(info));
    assertEquals("UTC", info.get("timezone").asText());
    assertEquals(
        "[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,"
            + "\"limit\":6000},{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,"
            + "\"limit\":50},{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,"
            + "\"limit\":160000},{\"rateLimitType\":\"RAW_REQUESTS\",\"interval\":\"MINUTE\","
            + "\"intervalNum\":5,\"limit\":300000}]",
        info.get("rateLimits").toString());
    List<String> names = new ArrayList<>();
    info.get("symbols")
        .forEach(s -> names.add(s.get("symbol").asText() + ":" + s.get("status").asText()));
    assertEquals(
        List.of(
            "BTCUSDT:TRADING",
            "ETHUSDT:TRADING",
            "BNBUSDT:TRADING",
            "ETHBTC:TRADING",
            "LUNAUSDT:HALT"),
        names);
    JsonNode btc = info.get("symbols").get(0);
    assertEquals(
        List.of(
            "symbol",
            "status",
            "baseAsset",
            "baseAssetPrecision",
            "quoteAsset",
            "quotePrecision",
            "quoteAssetPrecision",
            "baseCommissionPrecision",
            "quoteCommissionPrecision",
            "orderTypes",
            "icebergAllowed",
            "ocoAllowed",
            "otoAllowed",
            "opoAllowed",
            "quoteOrderQtyMarketAllowed",
            "allowTrailingStop",
            "cancelReplaceAllowed",
            "amendAllowed",
            "pegInstructionsAllowed",
            "isSpotTradingAllowed",
            "isMarginTradingAllowed",
            "filters",
            "permissions",
            "permissionSets",
            "defaultSelfTradePreventionMode",
            "allowedSelfTradePreventionModes"),
        fieldNames(btc));
    assertEquals(8, btc.get("baseAssetPrecision").intValue());
    List<String> types = new ArrayList<>();
    btc.get("filters").forEach(f -> types.add(f.get("filterType").asText()));
    assertEquals(
        List.of(
            "PRICE_FILTER",
            "LOT_SIZE",
            "ICEBERG_PARTS",
            "MARKET_LOT_SIZE",
            "TRAILING_DELTA",
            "PERCENT_PRICE_BY_SIDE",
            "NOTIONAL",
            "MAX_NUM_ORDERS",
            "MAX_NUM_ORDER_LISTS",
            "MAX_NUM_ALGO_ORDERS",
            "MAX_NUM_ORDER_AMENDS"),
        types);
    assertEquals(
        "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01000000\","
            + "\"maxPrice\":\"1000000.00000000\",\"tickSize\":\"0.01000000\"}",
        btc.get("filters").get(0).toString());
    assertEquals(
        "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001000\",\"maxQty\":\"9000.00000000\","
            + "\"stepSize\":\"0.00001000\"}",
        btc.get("filters").get(1).toString());
    assertTrue(btc.get("filters").get(2).get("limit").isInt());
    assertEquals(
        "{\"filterType\":\"NOTIONAL\",\"minNotional\":\"5.00000000\",\"applyMinToMarket\":true,"
            + "\"maxNotional\":\"9000000.00000000\",\"applyMaxToMarket\":false,\"avgPriceMins\":5}",
        btc.get("filters").get(6).toString());
    assertEquals("[[\"SPOT\",\"MARGIN\"]]", btc.get("permissionSets").toString());
    assertEquals("[]", btc.get("permissions").toString());
    assertEquals("EXPIRE_MAKER", btc.get("defaultSelfTradePreventionMode").asText());
  }

  @Test
  void exchangeInfoSelectsSymbols() {
    JsonNode one = client.get("/api/v3/exchangeInfo?symbol=ETHBTC").json();
    assertEquals(1, one.get("symbols").size());
    assertEquals(
        "0.00001000", one.get("symbols").get(0).get("filters").get(0).get("tickSize").asText());
    JsonNode two =
        client.get("/api/v3/exchangeInfo?symbols=%5B%22BNBUSDT%22,%22BTCUSDT%22%5D").json();
    assertEquals("BNBUSDT", two.get("symbols").get(0).get("symbol").asText());
    assertEquals("BTCUSDT", two.get("symbols").get(1).get("symbol").asText());
    JsonNode raw = client.get("/api/v3/exchangeInfo?symbols=[%22LUNAUSDT%22]").json();
    assertEquals("LUNAUSDT", raw.get("symbols").get(0).get("symbol").asText());
    JsonNode halted = client.get("/api/v3/exchangeInfo?symbolStatus=HALT").json();
    assertEquals(1, halted.get("symbols").size());
    JsonNode noSets =
        client.get("/api/v3/exchangeInfo?symbol=BTCUSDT&showPermissionSets=false").json();
    assertEquals("[]", noSets.get("symbols").get(0).get("permissionSets").toString());
    TestClient.Resp bad = client.get("/api/v3/exchangeInfo?symbol=FOOBAR");
    assertEquals(400, bad.status());
    assertEquals("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", bad.body());
    assertEquals(
        -1151, client.get("/api/v3/exchangeInfo?symbols=%5B%22BTCUSDT%22,%22BTCUSDT%22%5D").code());
    assertEquals(-1100, client.get("/api/v3/exchangeInfo?symbols=BTCUSDT").code());
  }

  @Test
  void klinesHaveBinanceRowLayout() {
    JsonNode rows = client.get("/api/v3/klines?symbol=BTCUSDT&interval=1m").json();
    assertEquals(500, rows.size());
    JsonNode last = rows.get(499);
    assertEquals(MARKET_TIME - 60_000, last.get(0).asLong());
    for (JsonNode r : rows) {
      assertEquals(12, r.size());
      assertTrue(r.get(0).isIntegralNumber() && r.get(6).isIntegralNumber() && r.get(8).isInt());
      for (int i : new int[] {1, 2, 3, 4, 5, 7, 9, 10}) {
        assertDecimal(r.get(i));
      }
      assertEquals("0", r.get(11).asText());
      assertEquals(r.get(0).asLong() + 59_999, r.get(6).asLong());
      double o = r.get(1).asDouble();
      double h = r.get(2).asDouble();
      double l = r.get(3).asDouble();
      double c = r.get(4).asDouble();
      assertTrue(h >= Math.max(o, c) && l <= Math.min(o, c) && l > 0, r.toString());
    }
    for (int i = 1; i < rows.size(); i++) {
      assertEquals(rows.get(i - 1).get(0).asLong() + 60_000, rows.get(i).get(0).asLong());
    }
  }

  @Test
  void klinesStartAtListingAndClampLimit() {
    JsonNode first =
        client.get("/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=0&limit=1").json();
    assertEquals(1, first.size());
    assertEquals(BTC_LISTING, first.get(0).get(0).asLong());
    JsonNode day =
        client.get("/api/v3/klines?symbol=BTCUSDT&interval=1d&startTime=0&limit=2").json();
    assertEquals(Instant.parse("2017-08-17T00:00:00Z").toEpochMilli(), day.get(0).get(0).asLong());
    JsonNode months =
        client.get("/api/v3/klines?symbol=BTCUSDT&interval=1M&startTime=0&limit=3").json();
    assertEquals(
        Instant.parse("2017-08-01T00:00:00Z").toEpochMilli(), months.get(0).get(0).asLong());
    assertEquals(
        Instant.parse("2017-09-01T00:00:00Z").toEpochMilli(), months.get(1).get(0).asLong());
    assertEquals(
        Instant.parse("2017-09-30T23:59:59.999Z").toEpochMilli(), months.get(1).get(6).asLong());
    assertEquals(
        1000, client.get("/api/v3/klines?symbol=ETHUSDT&interval=1m&limit=5000").json().size());
    JsonNode week = client.get("/api/v3/klines?symbol=ETHBTC&interval=1w&limit=2").json();
    assertEquals(Instant.parse("2025-06-23T00:00:00Z").toEpochMilli(), week.get(1).get(0).asLong());
    JsonNode threeDays = client.get("/api/v3/klines?symbol=ETHBTC&interval=3d&limit=3").json();
    threeDays.forEach(r -> assertEquals(0, r.get(0).asLong() % 259_200_000L));
    JsonNode tz = client.get("/api/v3/klines?symbol=ETHBTC&interval=1d&limit=2&timeZone=8").json();
    assertEquals(Instant.parse("2025-06-29T16:00:00Z").toEpochMilli(), tz.get(1).get(0).asLong());
    JsonNode halted = client.get("/api/v3/klines?symbol=LUNAUSDT&interval=1m&limit=1").json();
    assertEquals(
        Instant.parse("2022-05-13T02:44:00Z").toEpochMilli(), halted.get(0).get(0).asLong());
  }

  @Test
  void klinesPageByStartAndEndTime() {
    long start = Instant.parse("2021-03-01T00:00:00Z").toEpochMilli();
    JsonNode p1 =
        client
            .get("/api/v3/klines?symbol=BNBUSDT&interval=5m&limit=1000&startTime=" + start)
            .json();
    assertEquals(start, p1.get(0).get(0).asLong());
    long next = p1.get(999).get(6).asLong() + 1;
    JsonNode p2 =
        client.get("/api/v3/klines?symbol=BNBUSDT&interval=5m&limit=3&startTime=" + next).json();
    assertEquals(p1.get(999).get(0).asLong() + 300_000, p2.get(0).get(0).asLong());
    // A start inside a bar skips that bar (bars are selected by open time).
    JsonNode mid =
        client
            .get("/api/v3/klines?symbol=BNBUSDT&interval=5m&limit=1&startTime=" + (start + 1))
            .json();
    assertEquals(start + 300_000, mid.get(0).get(0).asLong());
    // endTime alone: the most recent bars opening at or before it.
    long end = start + 3_600_000 + 123;
    JsonNode before =
        client.get("/api/v3/klines?symbol=BNBUSDT&interval=5m&limit=4&endTime=" + end).json();
    assertEquals(4, before.size());
    assertEquals(start + 3_600_000, before.get(3).get(0).asLong());
    JsonNode both =
        client
            .get(
                "/api/v3/klines?symbol=BNBUSDT&interval=5m&startTime="
                    + start
                    + "&endTime="
                    + (start + 600_000))
            .json();
    assertEquals(3, both.size());
    // Microsecond start times are accepted.
    JsonNode micros =
        client
            .get("/api/v3/klines?symbol=BNBUSDT&interval=5m&limit=1&startTime=" + start * 1000)
            .json();
    assertEquals(start, micros.get(0).get(0).asLong());
    assertEquals(
        0,
        client
            .get("/api/v3/klines?symbol=BNBUSDT&interval=1m&startTime=" + MARKET_TIME)
            .json()
            .size());
  }

  @Test
  void uiKlinesEqualKlines() {
    String q = "?symbol=ETHUSDT&interval=15m&limit=7&endTime=1700000000000";
    assertEquals(
        client.get("/api/v3/klines" + q).body(), client.get("/api/v3/uiKlines" + q).body());
  }

  @Test
  void klineErrorsUseBinanceCodesAndMessages() {
    assertEquals(
        "{\"code\":-1120,\"msg\":\"Invalid interval.\"}",
        client.get("/api/v3/klines?symbol=BTCUSDT&interval=1H").body());
    assertEquals(
        "{\"code\":-1102,\"msg\":\"Mandatory parameter 'interval' was not sent, was empty/null, or malformed.\"}",
        client.get("/api/v3/klines?symbol=BTCUSDT").body());
    assertEquals(
        "{\"code\":-1100,\"msg\":\"Illegal characters found in parameter 'symbol'; legal range is '^[A-Z0-9-_.]{1,20}$'.\"}",
        client.get("/api/v3/klines?symbol=btcusdt&interval=1h").body());
    assertEquals(
        "{\"code\":-1100,\"msg\":\"Illegal characters found in parameter 'startTime'; legal range is '^[0-9]{1,20}$'.\"}",
        client.get("/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=yesterday").body());
    assertEquals(
        "{\"code\":-1104,\"msg\":\"Not all sent parameters were read; read '2' parameter(s) but was sent '3'.\"}",
        client.get("/api/v3/klines?symbol=BTCUSDT&interval=1h&foo=bar").body());
    assertEquals(-1101, client.get("/api/v3/klines?symbol=BTCUSDT&interval=1h&interval=1m").code());
    assertEquals(400, client.get("/api/v3/klines?symbol=NOPE&interval=1h").status());
    assertEquals(404, client.get("/api/v3/nothing").status());
  }

  @Test
  void tradesAreLatestAndHistoricalTradesPageById() {
    JsonNode latest = client.get("/api/v3/trades?symbol=ETHBTC").json();
    assertEquals(500, latest.size());
    JsonNode t = latest.get(0);
    assertEquals(
        List.of("id", "price", "qty", "quoteQty", "time", "isBuyerMaker", "isBestMatch"),
        fieldNames(t));
    for (int i = 1; i < latest.size(); i++) {
      assertEquals(latest.get(i - 1).get("id").asLong() + 1, latest.get(i).get("id").asLong());
      assertTrue(latest.get(i - 1).get("time").asLong() <= latest.get(i).get("time").asLong());
    }
    assertTrue(latest.get(499).get("time").asLong() < MARKET_TIME);
    JsonNode first = client.get("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=0&limit=3").json();
    assertEquals(0, first.get(0).get("id").asLong());
    assertEquals(2, first.get(2).get("id").asLong());
    assertTrue(first.get(0).get("time").asLong() >= BTC_LISTING);
    assertTrue(first.get(0).get("time").asLong() < BTC_LISTING + 60_000);
    JsonNode noFrom = client.get("/api/v3/historicalTrades?symbol=ETHBTC&limit=5").json();
    assertEquals(latest.get(499).get("id").asLong(), noFrom.get(4).get("id").asLong());
    JsonNode far =
        client.get("/api/v3/historicalTrades?symbol=ETHBTC&limit=5&fromId=999999999999").json();
    assertEquals(0, far.size());
  }

  @Test
  void aggTradesPageByIdAndTime() {
    JsonNode latest = client.get("/api/v3/aggTrades?symbol=BTCUSDT&limit=20").json();
    assertEquals(20, latest.size());
    assertEquals(List.of("a", "p", "q", "f", "l", "T", "m", "M"), fieldNames(latest.get(0)));
    for (int i = 1; i < latest.size(); i++) {
      JsonNode a = latest.get(i - 1);
      JsonNode b = latest.get(i);
      assertEquals(a.get("a").asLong() + 1, b.get("a").asLong());
      assertEquals(a.get("l").asLong() + 1, b.get("f").asLong());
      assertTrue(a.get("T").asLong() < b.get("T").asLong());
      assertFalse(
          a.get("p").asText().equals(b.get("p").asText())
              && a.get("m").asBoolean() == b.get("m").asBoolean(),
          "consecutive aggregates must differ");
    }
    long from = latest.get(5).get("a").asLong();
    JsonNode byId = client.get("/api/v3/aggTrades?symbol=BTCUSDT&limit=3&fromId=" + from).json();
    assertEquals(latest.get(5), byId.get(0));
    long time = latest.get(7).get("T").asLong();
    JsonNode byStart =
        client.get("/api/v3/aggTrades?symbol=BTCUSDT&limit=2&startTime=" + time).json();
    assertEquals(latest.get(7), byStart.get(0));
    JsonNode byStartInside =
        client.get("/api/v3/aggTrades?symbol=BTCUSDT&limit=1&startTime=" + (time - 1)).json();
    assertEquals(latest.get(7), byStartInside.get(0));
    JsonNode byEnd = client.get("/api/v3/aggTrades?symbol=BTCUSDT&limit=3&endTime=" + time).json();
    assertEquals(latest.get(7), byEnd.get(2));
    assertEquals(latest.get(5), byEnd.get(0));
    JsonNode window =
        client
            .get(
                "/api/v3/aggTrades?symbol=BTCUSDT&startTime="
                    + latest.get(2).get("T").asLong()
                    + "&endTime="
                    + latest.get(4).get("T").asLong())
            .json();
    assertEquals(3, window.size());
    assertEquals(-1128, client.get("/api/v3/aggTrades?symbol=BTCUSDT&fromId=1&startTime=1").code());
  }

  @Test
  void depthIsSortedAroundTheLastPrice() {
    JsonNode book = client.get("/api/v3/depth?symbol=BTCUSDT").json();
    assertEquals(List.of("lastUpdateId", "bids", "asks"), fieldNames(book));
    assertEquals(100, book.get("bids").size());
    assertEquals(100, book.get("asks").size());
    assertSorted(book);
    JsonNode deep = client.get("/api/v3/depth?symbol=BTCUSDT&limit=5000").json();
    assertEquals(5000, deep.get("bids").size());
    assertEquals(5000, deep.get("asks").size());
    assertSorted(deep);
    assertEquals(book.get("lastUpdateId"), deep.get("lastUpdateId"));
    double last = client.get("/api/v3/ticker/price?symbol=BTCUSDT").json().get("price").asDouble();
    double bid = book.get("bids").get(0).get(0).asDouble();
    double ask = book.get("asks").get(0).get(0).asDouble();
    assertTrue(
        bid <= last && last <= ask && Math.abs(ask - bid - 0.01) < 1e-9,
        bid + " " + last + " " + ask);
    JsonNode halted = client.get("/api/v3/depth?symbol=LUNAUSDT").json();
    assertEquals(0, halted.get("bids").size());
    TestClient.Resp ticker = client.get("/api/v3/ticker/bookTicker?symbol=BTCUSDT");
    assertEquals(
        "{\"symbol\":\"BTCUSDT\",\"bidPrice\":\""
            + book.get("bids").get(0).get(0).asText()
            + "\",\"bidQty\":\""
            + book.get("bids").get(0).get(1).asText()
            + "\",\"askPrice\":\""
            + book.get("asks").get(0).get(0).asText()
            + "\",\"askQty\":\""
            + book.get("asks").get(0).get(1).asText()
            + "\"}",
        ticker.body());
    assertEquals(-1220, client.get("/api/v3/depth?symbol=BTCUSDT&symbolStatus=HALT").code());
  }

  private static void assertSorted(JsonNode book) {
    for (String side : new String[] {"bids", "asks"}) {
      JsonNode levels = book.get(side);
      for (int i = 1; i < levels.size(); i++) {
        double a = levels.get(i - 1).get(0).asDouble();
        double b = levels.get(i).get(0).asDouble();
        assertTrue(side.equals("bids") ? a > b : a < b, side + " not sorted at " + i);
        assertDecimal(levels.get(i).get(0));
        assertDecimal(levels.get(i).get(1));
      }
    }
    assertTrue(
        book.get("bids").get(0).get(0).asDouble() < book.get("asks").get(0).get(0).asDouble());
  }

  @Test
  void ticker24hrCoversTheLastDayOfHistory() {
    JsonNode t = client.get("/api/v3/ticker/24hr?symbol=ETHUSDT").json();
    assertEquals(
        List.of(
            "symbol",
            "priceChange",
            "priceChangePercent",
            "weightedAvgPrice",
            "prevClosePrice",
            "lastPrice",
            "lastQty",
            "bidPrice",
            "bidQty",
            "askPrice",
            "askQty",
            "openPrice",
            "highPrice",
            "lowPrice",
            "volume",
            "quoteVolume",
            "openTime",
            "closeTime",
            "firstId",
            "lastId",
            "count"),
        fieldNames(t));
    assertEquals(MARKET_TIME - 86_400_000L, t.get("openTime").asLong());
    assertEquals(MARKET_TIME - 1, t.get("closeTime").asLong());
    assertEquals(t.get("lastId").asLong() - t.get("firstId").asLong() + 1, t.get("count").asLong());
    JsonNode day = client.get("/api/v3/klines?symbol=ETHUSDT&interval=1d&limit=1").json().get(0);
    assertEquals(day.get(1).asText(), t.get("openPrice").asText());
    assertEquals(day.get(2).asText(), t.get("highPrice").asText());
    assertEquals(day.get(3).asText(), t.get("lowPrice").asText());
    assertEquals(day.get(4).asText(), t.get("lastPrice").asText());
    assertEquals(day.get(5).asText(), t.get("volume").asText());
    assertEquals(day.get(7).asText(), t.get("quoteVolume").asText());
    assertEquals(day.get(8).asLong(), t.get("count").asLong());
    assertTrue(t.get("priceChangePercent").asText().matches("-?\\d+\\.\\d{3}"));
    JsonNode mini = client.get("/api/v3/ticker/24hr?symbol=ETHUSDT&type=MINI").json();
    assertEquals(
        List.of(
            "symbol",
            "openPrice",
            "highPrice",
            "lowPrice",
            "lastPrice",
            "volume",
            "quoteVolume",
            "openTime",
            "closeTime",
            "firstId",
            "lastId",
            "count"),
        fieldNames(mini));
    JsonNode all = client.get("/api/v3/ticker/24hr").json();
    assertEquals(5, all.size());
    JsonNode luna = all.get(4);
    assertEquals("LUNAUSDT", luna.get("symbol").asText());
    assertEquals(-1, luna.get("firstId").asLong());
    assertEquals(0, luna.get("count").asLong());
    assertEquals("0.00000000", luna.get("volume").asText());
    assertEquals(-1139, client.get("/api/v3/ticker/24hr?symbol=ETHUSDT&type=TINY").code());
    assertEquals(1, client.get("/api/v3/ticker/24hr?symbolStatus=HALT").json().size());
  }

  @Test
  void rollingAndTradingDayTickers() {
    JsonNode r = client.get("/api/v3/ticker?symbol=BTCUSDT&windowSize=2h").json();
    assertEquals(
        List.of(
            "symbol",
            "priceChange",
            "priceChangePercent",
            "weightedAvgPrice",
            "openPrice",
            "highPrice",
            "lowPrice",
            "lastPrice",
            "volume",
            "quoteVolume",
            "openTime",
            "closeTime",
            "firstId",
            "lastId",
            "count"),
        fieldNames(r));
    assertEquals(MARKET_TIME - 7_200_000L, r.get("openTime").asLong());
    JsonNode hours = client.get("/api/v3/klines?symbol=BTCUSDT&interval=2h&limit=1").json().get(0);
    assertEquals(hours.get(8).asLong(), r.get("count").asLong());
    assertEquals(hours.get(1).asText(), r.get("openPrice").asText());
    JsonNode many =
        client.get("/api/v3/ticker?symbols=%5B%22BTCUSDT%22,%22ETHBTC%22%5D&type=MINI").json();
    assertEquals(2, many.size());
    assertEquals(-1130, client.get("/api/v3/ticker?symbol=BTCUSDT&windowSize=1d2h").code());
    assertEquals(-1102, client.get("/api/v3/ticker").code());
    JsonNode day = client.get("/api/v3/ticker/tradingDay?symbol=BNBUSDT").json();
    assertEquals(MARKET_TIME - 86_400_000L, day.get("openTime").asLong());
    assertEquals(MARKET_TIME - 1, day.get("closeTime").asLong());
    JsonNode tokyo = client.get("/api/v3/ticker/tradingDay?symbol=BNBUSDT&timeZone=9").json();
    assertEquals(
        Instant.parse("2025-06-29T15:00:00Z").toEpochMilli(), tokyo.get("openTime").asLong());
    JsonNode kl =
        client.get("/api/v3/klines?symbol=BNBUSDT&interval=1d&timeZone=9&limit=1").json().get(0);
    assertEquals(kl.get(0).asLong(), tokyo.get("openTime").asLong());
    assertEquals(kl.get(1).asText(), tokyo.get("openPrice").asText());
  }

  @Test
  void avgPriceAndPriceTickers() {
    JsonNode avg = client.get("/api/v3/avgPrice?symbol=BTCUSDT").json();
    assertEquals(List.of("mins", "price", "closeTime"), fieldNames(avg));
    assertEquals(5, avg.get("mins").intValue());
    assertDecimal(avg.get("price"));
    assertTrue(avg.get("closeTime").asLong() < MARKET_TIME);
    JsonNode prices = client.get("/api/v3/ticker/price").json();
    assertEquals(5, prices.size());
    JsonNode two =
        client.get("/api/v3/ticker/price?symbols=%5B%22ETHBTC%22,%22BTCUSDT%22%5D").json();
    assertEquals("ETHBTC", two.get(0).get("symbol").asText());
    JsonNode lastTrade = client.get("/api/v3/trades?symbol=ETHBTC&limit=1").json().get(0);
    assertEquals(lastTrade.get("price").asText(), two.get(0).get("price").asText());
  }

  @Test
  void retiredAndUnknownEndpointsAnswerLikeBinance() {
    TestClient.Resp gone =
        client.send(
            "POST",
            "/api/v3/userDataStream",
            "",
            java.util.Map.of("X-MBX-APIKEY", BinanceSimulator.DEMO_API_KEY));
    assertEquals(410, gone.status());
    assertEquals(136, gone.body().length());
    assertTrue(gone.body().contains("410 Gone"));
    assertEquals(-2043, client.get("/api/v3/referencePrice?symbol=BTCUSDT").code());
    assertEquals("[]", client.get("/api/v3/historicalBlockTrades?symbol=BTCUSDT&fromId=1").body());
  }

  @Test
  void microsecondTimeUnitHeader() {
    TestClient.Resp r =
        client.send(
            "GET",
            "/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=1",
            null,
            java.util.Map.of("X-MBX-TIME-UNIT", "MICROSECOND"));
    JsonNode row = r.json().get(0);
    assertEquals((MARKET_TIME - 3_600_000L) * 1000, row.get(0).asLong());
    assertEquals((MARKET_TIME - 1) * 1000, row.get(6).asLong());
    TestClient.Resp bad =
        client.send("GET", "/api/v3/time", null, java.util.Map.of("X-MBX-TIME-UNIT", "NANOS"));
    assertEquals(-1194, bad.code());
  }

  @Test
  void sameSeedSameHistory() {
    try (BinanceSimulator other = BinanceSimulator.builder().build().start();
        BinanceSimulator reseeded = BinanceSimulator.builder().seed(7).build().start()) {
      String q = "/api/v3/klines?symbol=ETHUSDT&interval=1h&limit=50&startTime=1600000000000";
      String a = client.get(q).body();
      assertEquals(a, new TestClient(other.baseUrl()).get(q).body());
      assertFalse(a.equals(new TestClient(reseeded.baseUrl()).get(q).body()));
    }
  }

  @Test
  void anEarlierMarketTimeRevealsLessOfTheSameHistory() {
    try (BinanceSimulator earlier =
        BinanceSimulator.builder()
            .marketTime(Instant.parse("2024-01-01T12:34:56.789Z"))
            .build()
            .start()) {
      TestClient c = new TestClient(earlier.baseUrl());
      String q = "/api/v3/klines?symbol=ETHBTC&interval=1h&limit=24&startTime=1700000000000";
      assertEquals(client.get(q).body(), c.get(q).body());
      JsonNode last = c.get("/api/v3/trades?symbol=ETHBTC&limit=1").json().get(0);
      assertTrue(
          last.get("time").asLong() < Instant.parse("2024-01-01T12:34:56.789Z").toEpochMilli());
      JsonNode lastBar = c.get("/api/v3/klines?symbol=ETHBTC&interval=1m&limit=1").json().get(0);
      assertEquals(Instant.parse("2024-01-01T12:34:00Z").toEpochMilli(), lastBar.get(0).asLong());
      Iterator<JsonNode> it = c.get("/api/v3/aggTrades?symbol=ETHBTC&limit=1").json().elements();
      assertEquals(last.get("id").asLong(), it.next().get("l").asLong());
    }
  }
}
