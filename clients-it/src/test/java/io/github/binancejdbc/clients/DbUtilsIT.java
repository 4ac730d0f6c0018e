package io.github.binancejdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Apache Commons DbUtils as a reporting job uses it: a {@link QueryRunner} on a pooled DataSource,
 * bound parameters, and rows as maps, beans and scalars.
 */
class DbUtilsIT {
  @RegisterExtension static WireMockExtension wm = FakeBinance.server();

  private static HikariDataSource pool;

  @BeforeAll
  static void pool() {
    HikariConfig config = new HikariConfig();
    config.setDriverClassName("io.github.binancejdbc.jdbc.BinanceDriver");
    // Each query's requests are counted: no closed bars kept between them.
    config.setJdbcUrl(FakeBinance.url(wm) + "&cacheSize=0");
    config.setMaximumPoolSize(2);
    config.setPoolName("dbutils");
    pool = new HikariDataSource(config);
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @BeforeEach
  void stubs() {
    FakeBinance.stubMarketData(wm);
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
    assertEquals(1, rows.size());
    Map<String, Object> r = rows.get(0);
    assertEquals("BTCUSDT", r.get("symbol"));
    // Exact as Binance sent them, scale included: not a double, not rounded, not padded to the
    // column's declared scale 8 ("2.057" stays 2.057).
    assertEquals(new BigDecimal("61234.56000000"), r.get("last_price"));
    assertEquals(new BigDecimal("2.057"), r.get("price_change_percent"));
    assertEquals(new BigDecimal("21750.84226000"), r.get("volume"));
    assertEquals(1234568L, r.get("trade_count"));
    Timestamp close = assertInstanceOf(Timestamp.class, r.get("close_time"));
    // The UTC wall clock, in this JVM under Asia/Tokyo as in any zone.
    assertEquals("2024-02-29 23:59:59.999", close.toString());
    assertEquals(List.of("symbol=BTCUSDT"), FakeBinance.queries(wm, "/api/v3/ticker/24hr"));
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
    assertEquals(4, bars.size());
    assertEquals("ETHUSDT", bars.get(0).getSymbol());
    // 2024-01-10T12:00Z is 228 hours after listing.
    assertEquals(new BigDecimal("2429.00000000"), bars.get(0).getClosePrice());
    assertEquals(Timestamp.valueOf("2024-01-10 12:45:00"), bars.get(3).getOpenTime());
    assertEquals(228 * 4 + 3 + 100, bars.get(3).getTradeCount());
    assertEquals(
        List.of(
            "symbol=ETHUSDT&interval=15m&startTime=1704888000000"
                + "&endTime=1704891599999&limit=1000"),
        FakeBinance.queries(wm, "/api/v3/klines"));
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
    BigDecimal high =
        run.query(
            "SELECT MAX(high_price) FROM klines WHERE symbol = ?"
                + " AND timeframe = '1h' AND open_time >= TIMESTAMP '2024-01-05 00:00:00'"
                + " AND open_time < TIMESTAMP '2024-01-06 00:00:00'",
            new ScalarHandler<>(),
            "BTCUSDT");
    // Last bar of Jan 5 opens 119 h after listing: 40119 + 12.5.
    assertEquals(new BigDecimal("40131.50000000"), high);
    assertEquals(2, FakeBinance.queries(wm, "/api/v3/klines").size());
  }
}
