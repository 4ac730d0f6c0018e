package io.github.binancejdbc.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every view of the market agrees: a bar is the aggregate of its smaller bars, and of its trades;
 * aggregate trades group the trades exactly; tickers and klines count the same trades.
 */
class ConsistencyTest {
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

  static long ms(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  static JsonNode klines(String symbol, String interval, long start, int limit) {
    return client
        .get(
            "/api/v3/klines?symbol="
                + symbol
                + "&interval="
                + interval
                + "&startTime="
                + start
                + "&limit="
                + limit)
        .json();
  }

  /**
   * open, high, low, close, volume, quote volume, trades, taker buy base, taker buy quote. Bars
   * without trades (a quiet second) repeat the previous close and add nothing.
   */
  static List<String> aggregate(JsonNode rows) {
    String open = null;
    String close = null;
    BigDecimal high = null;
    BigDecimal low = null;
    BigDecimal vol = BigDecimal.ZERO;
    BigDecimal quote = BigDecimal.ZERO;
    BigDecimal tbv = BigDecimal.ZERO;
    BigDecimal tbq = BigDecimal.ZERO;
    long trades = 0;
    for (JsonNode r : rows) {
      if (r.get(8).asLong() == 0) {
        assertEquals(r.get(1), r.get(4));
        assertEquals("0.00000000", r.get(5).asText());
        continue;
      }
      open = open == null ? r.get(1).asText() : open;
      close = r.get(4).asText();
      BigDecimal h = new BigDecimal(r.get(2).asText());
      BigDecimal l = new BigDecimal(r.get(3).asText());
      high = high == null || h.compareTo(high) > 0 ? h : high;
      low = low == null || l.compareTo(low) < 0 ? l : low;
      vol = vol.add(new BigDecimal(r.get(5).asText()));
      quote = quote.add(new BigDecimal(r.get(7).asText()));
      trades += r.get(8).asLong();
      tbv = tbv.add(new BigDecimal(r.get(9).asText()));
      tbq = tbq.add(new BigDecimal(r.get(10).asText()));
    }
    return List.of(
        open,
        high.toPlainString(),
        low.toPlainString(),
        close,
        vol.setScale(8).toPlainString(),
        quote.setScale(8).toPlainString(),
        Long.toString(trades),
        tbv.setScale(8).toPlainString(),
        tbq.setScale(8).toPlainString());
  }

  static List<String> summary(JsonNode r) {
    return List.of(
        r.get(1).asText(),
        r.get(2).asText(),
        r.get(3).asText(),
        r.get(4).asText(),
        r.get(5).asText(),
        r.get(7).asText(),
        Long.toString(r.get(8).asLong()),
        r.get(9).asText(),
        r.get(10).asText());
  }

  static void assertComposed(String symbol, String big, String small, long start, int parts) {
    JsonNode bar = klines(symbol, big, start, 1).get(0);
    assertEquals(start, bar.get(0).asLong());
    JsonNode pieces = klines(symbol, small, start, parts);
    assertEquals(parts, pieces.size());
    assertEquals(bar.get(6).asLong(), pieces.get(parts - 1).get(6).asLong());
    assertEquals(summary(bar), aggregate(pieces), symbol + " " + big + " at " + start);
  }

  @Test
  void anHourIsSixtyMinutes() {
    assertComposed("BTCUSDT", "1h", "1m", ms("2019-03-07T13:00:00Z"), 60);
    assertComposed("ETHBTC", "1h", "1m", ms("2025-06-29T23:00:00Z"), 60);
    assertComposed("LUNAUSDT", "1h", "1m", ms("2022-05-12T20:00:00Z"), 60);
  }

  @Test
  void everyMinuteIntervalIsItsMinutes() {
    long t = ms("2023-11-14T00:00:00Z");
    assertComposed("ETHUSDT", "3m", "1m", t, 3);
    assertComposed("ETHUSDT", "5m", "1m", t, 5);
    assertComposed("ETHUSDT", "15m", "1m", t, 15);
    assertComposed("ETHUSDT", "30m", "1m", t, 30);
    assertComposed("ETHUSDT", "2h", "1h", t, 2);
    assertComposed("ETHUSDT", "4h", "1h", t, 4);
    assertComposed("ETHUSDT", "6h", "1h", t, 6);
    assertComposed("ETHUSDT", "8h", "1h", t, 8);
    assertComposed("ETHUSDT", "12h", "1h", t, 12);
    assertComposed("ETHUSDT", "1d", "1h", t, 24);
  }

  @Test
  void aMinuteIsSixtySeconds() {
    assertComposed("BTCUSDT", "1m", "1s", ms("2025-06-29T23:58:00Z"), 60);
    assertComposed("BNBUSDT", "1m", "1s", ms("2018-01-01T00:00:00Z"), 60);
  }

  @Test
  void weeksAndMonthsAreTheirDays() {
    assertComposed("ETHBTC", "1w", "1d", ms("2020-02-03T00:00:00Z"), 7);
    assertComposed("ETHBTC", "1M", "1d", ms("2020-02-01T00:00:00Z"), 29);
    assertComposed("ETHBTC", "3d", "1d", ms("2020-02-02T00:00:00Z"), 3);
    // The listing month starts before the listing: its first day is the listing day.
    JsonNode first = klines("ETHBTC", "1M", 0, 1).get(0);
    JsonNode days = klines("ETHBTC", "1d", 0, 18);
    assertEquals(ms("2017-07-31T00:00:00Z"), days.get(17).get(0).asLong());
    assertEquals(summary(first), aggregate(days));
  }

  @Test
  void allMonthlyBarsCountEveryTrade() {
    JsonNode months = klines("ETHBTC", "1M", 0, 1000);
    long trades = 0;
    for (JsonNode m : months) {
      trades += m.get(8).asLong();
    }
    JsonNode last = client.get("/api/v3/trades?symbol=ETHBTC&limit=1").json().get(0);
    assertEquals(last.get("id").asLong() + 1, trades);
    assertEquals(ms("2025-06-01T00:00:00Z"), months.get(months.size() - 1).get(0).asLong());
  }

  @Test
  void aMinuteIsItsTrades() {
    for (String symbol : new String[] {"BTCUSDT", "ETHBTC", "LUNAUSDT"}) {
      long minute =
          symbol.equals("LUNAUSDT") ? ms("2021-06-01T12:34:00Z") : ms("2024-02-29T08:15:00Z");
      JsonNode bar = klines(symbol, "1m", minute, 1).get(0);
      long count = bar.get(8).asLong();
      JsonNode firstAgg =
          client
              .get("/api/v3/aggTrades?symbol=" + symbol + "&limit=1&startTime=" + minute)
              .json()
              .get(0);
      long firstId = firstAgg.get("f").asLong();
      JsonNode trades =
          client
              .get(
                  "/api/v3/historicalTrades?symbol="
                      + symbol
                      + "&fromId="
                      + firstId
                      + "&limit="
                      + (count + 1))
              .json();
      List<JsonNode> inMinute = new ArrayList<>();
      trades.forEach(
          t -> {
            if (t.get("time").asLong() < minute + 60_000) {
              inMinute.add(t);
            }
          });
      assertEquals(count, inMinute.size(), symbol);
      assertTrue(trades.get((int) count).get("time").asLong() >= minute + 60_000);
      BigDecimal vol = BigDecimal.ZERO;
      BigDecimal quote = BigDecimal.ZERO;
      BigDecimal takerBuy = BigDecimal.ZERO;
      BigDecimal high = null;
      BigDecimal low = null;
      for (JsonNode t : inMinute) {
        assertTrue(t.get("time").asLong() >= minute);
        BigDecimal p = new BigDecimal(t.get("price").asText());
        BigDecimal q = new BigDecimal(t.get("qty").asText());
        assertEquals(
            0,
            p.multiply(q).compareTo(new BigDecimal(t.get("quoteQty").asText())),
            "quoteQty = price * qty");
        vol = vol.add(q);
        quote = quote.add(new BigDecimal(t.get("quoteQty").asText()));
        if (!t.get("isBuyerMaker").asBoolean()) {
          takerBuy = takerBuy.add(q);
        }
        high = high == null || p.compareTo(high) > 0 ? p : high;
        low = low == null || p.compareTo(low) < 0 ? p : low;
      }
      assertEquals(bar.get(1).asText(), inMinute.get(0).get("price").asText());
      assertEquals(bar.get(4).asText(), inMinute.get(inMinute.size() - 1).get("price").asText());
      assertEquals(0, high.compareTo(new BigDecimal(bar.get(2).asText())));
      assertEquals(0, low.compareTo(new BigDecimal(bar.get(3).asText())));
      assertEquals(0, vol.compareTo(new BigDecimal(bar.get(5).asText())));
      assertEquals(0, quote.compareTo(new BigDecimal(bar.get(7).asText())));
      assertEquals(0, takerBuy.compareTo(new BigDecimal(bar.get(9).asText())));
    }
  }

  @Test
  void aggregateTradesGroupTheTrades() {
    long start = ms("2022-08-08T08:08:00Z");
    JsonNode aggs =
        client.get("/api/v3/aggTrades?symbol=BNBUSDT&limit=40&startTime=" + start).json();
    long firstId = aggs.get(0).get("f").asLong();
    long lastId = aggs.get(aggs.size() - 1).get("l").asLong();
    JsonNode trades =
        client
            .get(
                "/api/v3/historicalTrades?symbol=BNBUSDT&fromId="
                    + firstId
                    + "&limit="
                    + (lastId - firstId + 1))
            .json();
    // Re-derive the aggregates: consecutive trades with the same side, price and time.
    List<String> derived = new ArrayList<>();
    int i = 0;
    while (i < trades.size()) {
      JsonNode t = trades.get(i);
      int j = i;
      BigDecimal q = BigDecimal.ZERO;
      while (j < trades.size()
          && trades.get(j).get("price").equals(t.get("price"))
          && trades.get(j).get("isBuyerMaker").equals(t.get("isBuyerMaker"))) {
        assertEquals(t.get("time"), trades.get(j).get("time"));
        q = q.add(new BigDecimal(trades.get(j).get("qty").asText()));
        j++;
      }
      derived.add(
          t.get("price").asText()
              + "|"
              + q.setScale(8).toPlainString()
              + "|"
              + t.get("id").asLong()
              + "|"
              + trades.get(j - 1).get("id").asLong()
              + "|"
              + t.get("time").asLong()
              + "|"
              + t.get("isBuyerMaker").asBoolean());
      i = j;
    }
    List<String> served = new ArrayList<>();
    aggs.forEach(
        a ->
            served.add(
                a.get("p").asText()
                    + "|"
                    + a.get("q").asText()
                    + "|"
                    + a.get("f").asLong()
                    + "|"
                    + a.get("l").asLong()
                    + "|"
                    + a.get("T").asLong()
                    + "|"
                    + a.get("m").asBoolean()));
    assertEquals(served, derived);
  }

  @Test
  void tickerWindowMatchesKlines() {
    JsonNode t = client.get("/api/v3/ticker?symbol=ETHBTC&windowSize=3h").json();
    JsonNode bars = client.get("/api/v3/klines?symbol=ETHBTC&interval=1h&limit=3").json();
    List<String> agg = aggregate(bars);
    assertEquals(agg.get(0), t.get("openPrice").asText());
    assertEquals(agg.get(1), t.get("highPrice").asText());
    assertEquals(agg.get(2), t.get("lowPrice").asText());
    assertEquals(agg.get(3), t.get("lastPrice").asText());
    assertEquals(agg.get(4), t.get("volume").asText());
    assertEquals(agg.get(5), t.get("quoteVolume").asText());
    assertEquals(agg.get(6), t.get("count").asText());
    JsonNode lastTrade = client.get("/api/v3/trades?symbol=ETHBTC&limit=1").json().get(0);
    assertEquals(lastTrade.get("id").asLong(), t.get("lastId").asLong());
  }
}
