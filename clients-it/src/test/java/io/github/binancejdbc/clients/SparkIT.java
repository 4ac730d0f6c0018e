package io.github.binancejdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Apache Spark's JDBC source (profile "spark") reads klines in parallel partitions over {@code
 * open_time}; each partition's range reaches Binance as startTime/endTime.
 *
 * <p>The shaded jar comes first on the class path, beside Spark's own protobuf 3.19 and
 * commons-lang3: the driver relocates its copies of both (before, its commons-lang3 3.1 stopped
 * Spark with NoSuchFieldError JAVA_11 and Spark's protobuf broke Avatica with IllegalAccessError).
 */
class SparkIT {
  @RegisterExtension static final OfflineBinance exchange = new OfflineBinance();

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("binance-jdbc-it")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void partitionedReadOverOpenTimeSendsOneBoundedRequestPerPartition() {
    Dataset<Row> bars =
        spark
            .read()
            .format("jdbc")
            .option("url", exchange.url())
            .option("driver", "io.github.binancejdbc.jdbc.BinanceDriver")
            // The required keys and the overall range go into the subquery; Spark adds each
            // partition's range on open_time around it.
            .option(
                "dbtable",
                "(SELECT open_time, open_price, close_price, trade_count FROM klines"
                    + " WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
                    + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
                    + " AND open_time < TIMESTAMP '2024-01-05 00:00:00') AS k")
            .option("partitionColumn", "open_time")
            .option("lowerBound", "2024-01-01 00:00:00")
            .option("upperBound", "2024-01-05 00:00:00")
            .option("numPartitions", "4")
            .option("fetchsize", "1000")
            .load();

    StructType schema = bars.schema();
    assertEquals(DataTypes.TimestampType, schema.apply("open_time").dataType());
    assertEquals(DataTypes.createDecimalType(38, 8), schema.apply("close_price").dataType());
    assertEquals(DataTypes.LongType, schema.apply("trade_count").dataType());
    assertEquals(4, bars.rdd().getNumPartitions());

    List<Row> rows = bars.orderBy("open_time").collectAsList();
    Row sum = bars.selectExpr("sum(trade_count)").collectAsList().get(0);

    long day = 86_400_000L;
    long jan1 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    List<String> expected =
        List.of(
            "symbol=BTCUSDT&interval=1h&startTime="
                + jan1
                + "&endTime="
                + (jan1 + day - 1)
                + "&limit=1000",
            "symbol=BTCUSDT&interval=1h&startTime="
                + (jan1 + day)
                + "&endTime="
                + (jan1 + 2 * day - 1)
                + "&limit=1000",
            "symbol=BTCUSDT&interval=1h&startTime="
                + (jan1 + 2 * day)
                + "&endTime="
                + (jan1 + 3 * day - 1)
                + "&limit=1000",
            "symbol=BTCUSDT&interval=1h&startTime="
                + (jan1 + 3 * day)
                + "&endTime="
                + (jan1 + 4 * day - 1)
                + "&limit=1000");
    // Spark reads the partitions once per pass (the sort's sampling, the collect, the
    // aggregate): every pass sends exactly one bounded request per partition, nothing else.
    List<String> sent = exchange.queries("/api/v3/klines");
    assertEquals(expected, sent.stream().distinct().sorted().toList());
    for (String q : expected) {
      assertEquals(sent.size() / 4, sent.stream().filter(q::equals).count(), q);
    }

    // The 96 hourly bars the exchange has for those four days, in one answer.
    List<Object> served =
        JsonText.list(
            exchange.json(
                "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime="
                    + jan1
                    + "&endTime="
                    + (jan1 + 4 * day - 1)
                    + "&limit=1000"));
    assertEquals(96, served.size());
    assertEquals(96, rows.size());
    assertEquals(Instant.parse("2024-01-01T00:00:00Z"), rows.get(0).getTimestamp(0).toInstant());
    assertEquals(Instant.parse("2024-01-04T23:00:00Z"), rows.get(95).getTimestamp(0).toInstant());
    for (int i = 0; i < 96; i++) {
      assertEquals(
          Long.parseLong(JsonText.at(served, i, 0)), rows.get(i).getTimestamp(0).getTime());
      assertEquals(new BigDecimal(JsonText.at(served, i, 1)), rows.get(i).getDecimal(1));
      assertEquals(new BigDecimal(JsonText.at(served, i, 4)), rows.get(i).getDecimal(2));
    }
    assertEquals(
        served.stream().mapToLong(bar -> Long.parseLong(JsonText.at(bar, 8))).sum(),
        sum.getLong(0));
  }
}
