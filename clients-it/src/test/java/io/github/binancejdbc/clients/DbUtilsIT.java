package io.github.binancejdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.commons.dbutils.BasicRowProcessor;
import org.apache.commons.dbutils.GenerousBeanProcessor;
import org.apache.commons.dbutils.QueryRunner;
import org.apache.commons.dbutils.handlers.BeanListHandler;
import org.apache.commons.dbutils.handlers.MapListHandler;
import org.apache.commons.dbutils.handlers.ScalarHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Apache Commons DbUtils as a reporting job uses it: a {@link QueryRunner} on a pooled DataSource,
 * bound parameters, and rows as maps, beans and scalars.
 */
class DbUtilsIT {
  @RegisterExtension static final OfflineBinance exchange = new OfflineBinance();

  private static HikariDataSource pool;

  @BeforeAll
  static void pool() {
    HikariConfig config = new HikariConfig();
    config.setDriverClassName("io.github.binancejdbc.jdbc.BinanceDriver");
    // Each query's requests are counted: no closed bars kept between them.
    config.setJdbcUrl(exchange.url() + "&cacheSize=0");
    config.setMaximumPoolSize(2);
    config.setPoolName("dbutils");
    pool = new HikariDataSource(config);
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  /** A bar as a bean; GenerousBeanProcessor maps close_price to closePrice. */
  public static class Bar {
    private String symbol;
    private Timestamp openTime;
    private BigDecimal closePrice;
    private long tradeCount;

    public String getSymbol() {
      return symbol;
    }

    public void setSymbol(String symbol) {
      this.symbol = symbol;
    }

    public Timestamp getOpenTime() {
      return openTime;
    }

    public void setOpenTime(Timestamp openTime) {
      this.openTime = openTime;
    }

    public BigDecimal getClosePrice() {
      return closePrice;
    }

    public void setClosePrice(BigDecimal closePrice) {
      this.closePrice = closePrice;
    }

    public long getTradeCount() {
      return tradeCount;
    }

    public void setTradeCount(long tradeCount) {
      this.tradeCount = tradeCount;
    }
  }

  @Test
  void mapListHandlerGivesExactDecimalsAndUtcWallClocks() throws Exception {
    QueryRunner run = new QueryRunner(pool);
    List<Map<String, Object>> rows =
        run.query(
            "SELECT symbol, last_price, price_change_percent,"
                + " volume, close_time, trade_count FROM ticker_24hr WHERE symbol = ?",
            new MapListHandler(),
            "BTCUSDT");
    assertEquals(List.of("symbol=BTCUSDT"), exchange.queries("/api/v3/ticker/24hr"));
    Object sent = exchange.json("/api/v3/ticker/24hr?symbol=BTCUSDT");
    assertEquals(1, rows.size());
    Map<String, Object> r = rows.get(0);
    assertEquals("BTCUSDT", r.get("symbol"));
    // Exact as Binance sent them, scale included: not a double, not rounded, not padded to the
    // column's declared scale 8 (a percent sent with 3 decimals keeps 3).
    assertEquals(new BigDecimal(JsonText.at(sent, "lastPrice")), r.get("last_price"));
    assertEquals(
        new BigDecimal(JsonText.at(sent, "priceChangePercent")), r.get("price_change_percent"));
    assertEquals(new BigDecimal(JsonText.at(sent, "volume")), r.get("volume"));
    assertEquals(Long.parseLong(JsonText.at(sent, "count")), r.get("trade_count"));
    Timestamp close = assertInstanceOf(Timestamp.class, r.get("close_time"));
    // The UTC wall clock, in this JVM under Asia/Tokyo as in any zone.
    assertEquals(OfflineBinance.wallClock(JsonText.at(sent, "closeTime")), close.toString());
  }

  @Test
  void beanListHandlerMapsSnakeCaseColumnsToProperties() throws Exception {
    QueryRunner run = new QueryRunner(pool);
    List<Bar> bars =
        run.query(
            "SELECT symbol, open_time, close_price, trade_count FROM klines"
                + " WHERE symbol = ? AND timeframe = ? AND open_time >= ? AND open_time < ?"
                + " ORDER BY open_time",
            new BeanListHandler<>(Bar.class, new BasicRowProcessor(new GenerousBeanProcessor())),
            "ETHUSDT",
            "15m",
            Timestamp.valueOf("2024-01-10 12:00:00"),
            java.time.LocalDateTime.of(2024, 1, 10, 13, 0));
    String query =
        "symbol=ETHUSDT&interval=15m&startTime=1704888000000&endTime=1704891599999&limit=1000";
    assertEquals(List.of(query), exchange.queries("/api/v3/klines"));
    List<Object> sent = JsonText.list(exchange.json("/api/v3/klines?" + query));
    assertEquals(4, sent.size());
    assertEquals(4, bars.size());
    for (int i = 0; i < 4; i++) {
      Bar bar = bars.get(i);
      assertEquals("ETHUSDT", bar.getSymbol());
      assertEquals(OfflineBinance.wallClock(JsonText.at(sent, i, 0)), bar.getOpenTime().toString());
      assertEquals(new BigDecimal(JsonText.at(sent, i, 4)), bar.getClosePrice());
      assertEquals(Long.parseLong(JsonText.at(sent, i, 8)), bar.getTradeCount());
    }
    assertEquals(Timestamp.valueOf("2024-01-10 12:45:00"), bars.get(3).getOpenTime());
  }

  @Test
  void scalarHandlerAggregatesInTheEngine() throws Exception {
    QueryRunner run = new QueryRunner(pool);
    Number count =
        run.query(
            "SELECT COUNT(*) FROM klines WHERE symbol = ? AND timeframe = '1h'"
                + " AND open_time >= TIMESTAMP '2024-01-05 00:00:00'"
                + " AND open_time < TIMESTAMP '2024-01-06 00:00:00'",
            new ScalarHandler<>(),
            "BTCUSDT");
    assertEquals(24L, count.longValue());
    String query =
        "symbol=BTCUSDT&interval=1h&startTime=1704412800000&endTime=1704499199999&limit=1000";
    BigDecimal high =
        run.query(
            "SELECT MAX(high_price) FROM klines WHERE symbol = ?"
                + " AND timeframe = '1h' AND open_time >= TIMESTAMP '2024-01-05 00:00:00'"
                + " AND open_time < TIMESTAMP '2024-01-06 00:00:00'",
            new ScalarHandler<>(),
            "BTCUSDT");
    assertEquals(List.of(query, query), exchange.queries("/api/v3/klines"));
    BigDecimal highest = null;
    for (Object bar : JsonText.list(exchange.json("/api/v3/klines?" + query))) {
      BigDecimal h = new BigDecimal(JsonText.at(bar, 2));
      highest = highest == null || h.compareTo(highest) > 0 ? h : highest;
    }
    assertEquals(highest, high);
  }
}
