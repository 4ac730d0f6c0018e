package io.github.binancejdbc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binancejdbc.simulator.market.GivenMarket;
import io.github.binancejdbc.simulator.market.Interval;
import io.github.binancejdbc.simulator.market.Klines;
import io.github.binancejdbc.simulator.market.SymbolMarket;
import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.market.Units;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A simulator serving given lists: the lists come back by Binance's paging rule, with the
 * simulator's own parameter checks and errors, and the tickers are computed from the given trades.
 */
class GivenMarketTest {
  private static final long H = 3_600_000L;
  private static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00Z
  private static final long U = Units.ONE;

  private static BinanceSimulator sim;
  private static TestClient c;

  @BeforeAll
  static void start() {
    GivenMarket.Builder m =
        GivenMarket.builder(T0 + 10 * H)
            .symbol(spec("ABCUSDT", "TRADING"), null)
            .symbol(spec("OLDUSDT", "HALT"), "{\"symbol\":\"OLDUSDT\",\"status\":\"HALT\"}");
    List<Klines.Kline> bars = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      long p = (100 + i) * U;
      bars.add(
          new Klines.Kline(T0 + i * H, p, p + U, p - U, p, U, T0 + (i + 1) * H - 1, p, 1, 0, 0));
    }
    m.klines("ABCUSDT", Interval.H1, bars);
    // Trades 500..505 at 9:00 + i minutes: prices 10, 11, .. 15; the aggregates pair them.
    List<SymbolMarket.Trade> trades = new ArrayList<>();
    List<SymbolMarket.AggTrade> aggs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      long t = T0 + 9 * H + i * 60_000L;
      trades.add(new SymbolMarket.Trade(500 + i, (10 + i) * U, 2 * U, 2L * (10 + i) * U, t, false));
      if (i % 2 == 0) {
        aggs.add(
            new SymbolMarket.AggTrade(70 + i / 2, (10 + i) * U, 4 * U, 500 + i, 501 + i, t, true));
      }
    }
    m.trades("ABCUSDT", trades).aggTrades("ABCUSDT", aggs);
    m.book(
        "ABCUSDT",
        42,
        List.of(new long[] {14 * U, U}, new long[] {13 * U, 2 * U}),
        List.of(new long[] {16 * U, 3 * U}, new long[] {17 * U, 4 * U}));
    sim = BinanceSimulator.builder().market(m.build()).build().start();
    c = new TestClient(sim.baseUrl());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static SymbolSpec spec(String symbol, String status) {
    return new SymbolSpec(
        symbol,
        symbol.substring(0, 3),
        "USDT",
        status,
        T0,
        Long.MAX_VALUE,
        U / 100,
        1_000_000 * U,
        U / 1000,
        9_000 * U,
        100 * U,
        U / 1000,
        5 * U,
        9_000_000 * U,
        0.01,
        1,
        1,
        1,
        List.of(SymbolSpec.Waypoint.at("2024-01-01T00:00:00Z", 100)));
  }

  private static List<Long> column(String pathAndQuery, String field) {
    TestClient.Resp r = c.get(pathAndQuery);
    assertEquals(200, r.status(), r.toString());
    List<Long> out = new ArrayList<>();
    for (JsonNode n : r.json()) {
      out.add(field == null ? n.get(0).asLong() : n.get(field).asLong());
    }
    return out;
  }

  private static List<Long> opens(String query) {
    return column("/api/v3/klines?symbol=ABCUSDT&interval=1h" + query, null);
  }

  @Test
  void klinesPageByBinancesRule() {
    assertEquals(List.of(T0 + 3 * H, T0 + 4 * H), opens("&limit=2"));
    assertEquals(List.of(T0 + H, T0 + 2 * H), opens("&startTime=" + (T0 + 1) + "&limit=2"));
    assertEquals(List.of(T0 + H, T0 + 2 * H), opens("&endTime=" + (T0 + 2 * H) + "&limit=2"));
    assertEquals(
        List.of(T0 + H, T0 + 2 * H),
        opens("&startTime=" + (T0 + H) + "&endTime=" + (T0 + 2 * H + 1)));
    assertEquals(List.of(), opens("&startTime=" + (T0 + 2 * H) + "&endTime=" + (T0 + H)));
    assertEquals(List.of(), column("/api/v3/klines?symbol=ABCUSDT&interval=5m", null));
    TestClient.Resp row = c.get("/api/v3/klines?symbol=ABCUSDT&interval=1h&limit=1");
    assertEquals(
        "[[1704081600000,\"104.00000000\",\"105.00000000\",\"103.00000000\",\"104.00000000\","
            + "\"1.00000000\",1704085199999,\"104.00000000\",1,\"0.00000000\",\"0.00000000\",\"0\"]]",
        row.body());
  }

  @Test
  void theSimulatorsParameterChecksApply() {
    TestClient.Resp r = c.get("/api/v3/klines?symbol=ABCUSDT&interval=1h&limit=0");
    assertEquals(List.of(400, -1130), List.of(r.status(), r.code()), r.toString());
    r = c.get("/api/v3/klines?symbol=ABCUSDT&interval=7m");
    assertEquals(List.of(400, -1120), List.of(r.status(), r.code()), r.toString());
    r = c.get("/api/v3/trades?symbol=NOPE");
    assertEquals(List.of(400, -1121), List.of(r.status(), r.code()), r.toString());
    r = c.get("/api/v3/aggTrades?symbol=ABCUSDT&fromId=70&startTime=" + T0);
    assertEquals(List.of(400, -1128), List.of(r.status(), r.code()), r.toString());
    String used = c.get("/api/v3/klines?symbol=ABCUSDT&interval=1h").header("X-MBX-USED-WEIGHT-1M");
    assertTrue(Integer.parseInt(used) >= 2, "the used weight, klines' 2 included: " + used);
  }

  @Test
  void tradesAndAggregatesPageByIdAndTime() {
    assertEquals(List.of(504L, 505L), column("/api/v3/trades?symbol=ABCUSDT&limit=2", "id"));
    assertEquals(
        List.of(502L, 503L),
        column("/api/v3/historicalTrades?symbol=ABCUSDT&fromId=502&limit=2", "id"));
    assertEquals(List.of(71L, 72L), column("/api/v3/aggTrades?symbol=ABCUSDT&fromId=71", "a"));
    long nine = T0 + 9 * H;
    assertEquals(
        List.of(71L),
        column(
            "/api/v3/aggTrades?symbol=ABCUSDT&startTime="
                + (nine + 1)
                + "&endTime="
                + (nine + 3 * 60_000L),
            "a"));
    assertEquals(
        List.of(70L, 71L),
        column("/api/v3/aggTrades?symbol=ABCUSDT&endTime=" + (nine + 2 * 60_000L), "a"));
  }

  @Test
  void tickersAreComputedFromTheGivenTradesAndBook() {
    // 24 h to the market time (10:00): all six trades.
    JsonNode t = c.get("/api/v3/ticker/24hr?symbol=ABCUSDT").json();
    assertEquals("10.00000000", t.get("openPrice").asText());
    assertEquals("15.00000000", t.get("lastPrice").asText());
    assertEquals("12.00000000", t.get("volume").asText());
    assertEquals("150.00000000", t.get("quoteVolume").asText());
    assertEquals("12.50000000", t.get("weightedAvgPrice").asText());
    assertEquals("50.000", t.get("priceChangePercent").asText());
    assertEquals(
        List.of(500L, 505L, 6L),
        List.of(t.get("firstId").asLong(), t.get("lastId").asLong(), t.get("count").asLong()));
    assertEquals("14.00000000", t.get("bidPrice").asText());
    assertEquals("16.00000000", t.get("askPrice").asText());
    // A one-minute window before 10:00 holds no trade: every price at the last one, ids -1.
    JsonNode empty = c.get("/api/v3/ticker?symbol=ABCUSDT&windowSize=1m").json();
    assertEquals(
        List.of("15.00000000", "15.00000000", "0", "-1"),
        List.of(
            empty.get("openPrice").asText(),
            empty.get("lastPrice").asText(),
            empty.get("count").asText(),
            empty.get("firstId").asText()));
    JsonNode avg = c.get("/api/v3/avgPrice?symbol=ABCUSDT").json();
    assertEquals("15.00000000", avg.get("price").asText(), "no trade in the last 5 minutes");
    assertEquals(T0 + 9 * H + 5 * 60_000L, avg.get("closeTime").asLong());
    assertEquals(
        "15.00000000", c.get("/api/v3/ticker/price?symbol=ABCUSDT").json().get("price").asText());
    JsonNode book = c.get("/api/v3/depth?symbol=ABCUSDT&limit=1").json();
    assertEquals(
        "{\"lastUpdateId\":42,\"bids\":[[\"14.00000000\",\"1.00000000\"]],"
            + "\"asks\":[[\"16.00000000\",\"3.00000000\"]]}",
        book.toString());
  }

  @Test
  void aHaltedSymbolIsListedAndHasNoHistoryAndAGivenExchangeInfoObjectIsServedAsGiven() {
    JsonNode info = c.get("/api/v3/exchangeInfo").json().get("symbols");
    assertEquals(2, info.size());
    assertEquals("ABCUSDT", info.get(0).get("symbol").asText());
    assertEquals("{\"symbol\":\"OLDUSDT\",\"status\":\"HALT\"}", info.get(1).toString());
    assertEquals(List.of(), column("/api/v3/trades?symbol=OLDUSDT", "id"));
    assertEquals(List.of(), column("/api/v3/klines?symbol=OLDUSDT&interval=1h", null));
  }

  @Test
  void aGivenExchangeInfoObjectMustBeAJsonObject() {
    GivenMarket.Builder b = GivenMarket.builder(T0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> b.symbol(spec("ABCUSDT", "TRADING"), "[1]"));
    assertEquals("not a JSON object: [1]", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> b.klines("NOPE", Interval.H1, List.of()));
    assertEquals("list the symbol first: NOPE", e.getMessage());
  }
}
