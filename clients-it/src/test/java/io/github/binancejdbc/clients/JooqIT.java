package io.github.binancejdbc.clients;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Meta;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** jOOQ (dialect DEFAULT) over a driver connection: plain SQL, the DSL, and its Meta model. */
class JooqIT {
  @RegisterExtension static final OfflineBinance exchange = new OfflineBinance();

  private static Locale saved;

  /**
   * jOOQ 3.19 maps type names with {@code String.toUpperCase()} in the default locale, so under the
   * build's Turkish locale "decimal" becomes "DEC\u0130MAL" and every DECIMAL or BIGINT column is
   * typed Object (a jOOQ bug, not the driver's). jOOQ runs under the root locale here.
   */
  @BeforeAll
  static void rootLocale() {
    saved = Locale.getDefault();
    Locale.setDefault(Locale.ROOT);
  }

  @AfterAll
  static void restoreLocale() {
    Locale.setDefault(saved);
  }

  private Connection conn;

  @BeforeEach
  void connect() throws Exception {
    conn = DriverManager.getConnection(exchange.url());
  }

  @AfterEach
  void close() throws Exception {
    conn.close();
  }

  @Test
  void plainSqlWithBindValuesReturnsExactDecimals() {
    DSLContext ctx = DSL.using(conn);
    Result<Record> bars =
        ctx.fetch(
            "SELECT open_time, open_price, close_price, trade_count"
                + " FROM klines WHERE symbol = ? AND timeframe = ?"
                + " AND open_time >= TIMESTAMP '2024-02-01 00:00:00'"
                + " AND open_time < TIMESTAMP '2024-02-02 00:00:00' ORDER BY open_time",
            "BTCUSDT",
            "4h");
    String query =
        "symbol=BTCUSDT&interval=4h&startTime=1706745600000&endTime=1706831999999&limit=1000";
    assertEquals(List.of(query), exchange.queries("/api/v3/klines"));
    List<Object> sent = JsonText.list(exchange.json("/api/v3/klines?" + query));
    assertEquals(6, sent.size());
    assertEquals(6, bars.size());
    assertEquals(
        List.of("open_time", "open_price", "close_price", "trade_count"),
        List.of(bars.fieldsRow().fields()).stream().map(Field::getName).toList());
    Record first = bars.get(0);
    assertEquals(new BigDecimal(JsonText.at(sent, 0, 1)), first.get("open_price"));
    assertEquals(
        new BigDecimal(JsonText.at(sent, 0, 4)), first.get("close_price", BigDecimal.class));
    assertEquals(BigDecimal.class, bars.field("close_price").getType());
    assertEquals(Long.class, bars.field("trade_count").getType());
    assertEquals(
        sent.stream().map(bar -> Long.parseLong(JsonText.at(bar, 8))).toList(),
        bars.getValues("trade_count", Long.class));
    // jOOQ reads a TIMESTAMP with getTimestamp(i) and Timestamp.toLocalDateTime(): the UTC wall
    // clock, in this JVM under Asia/Tokyo as in any other zone.
    assertEquals(LocalDateTime.of(2024, 2, 1, 0, 0), first.get("open_time", LocalDateTime.class));
    assertEquals(
        java.sql.Timestamp.valueOf("2024-02-01 00:00:00"),
        first.get("open_time", java.sql.Timestamp.class));
  }

  @Test
  void dslQueryWithQuotedNamesAndLimitIsPushedDown() {
    DSLContext ctx = DSL.using(conn);
    Field<String> symbol = field(name("symbol"), SQLDataType.VARCHAR);
    Field<String> timeframe = field(name("timeframe"), SQLDataType.VARCHAR);
    Field<LocalDateTime> openTime = field(name("open_time"), SQLDataType.LOCALDATETIME);
    Field<BigDecimal> close = field(name("close_price"), SQLDataType.DECIMAL(38, 8));
    // jOOQ binds LIMIT ? with setLong(3, 2L).
    Result<Record2<LocalDateTime, BigDecimal>> latest =
        ctx.select(openTime, close)
            .from(table(name("binance", "klines")))
            .where(symbol.eq("ETHUSDT").and(timeframe.eq("1d")))
            .orderBy(openTime.desc())
            .limit(2)
            .fetch();
    assertEquals(List.of("symbol=ETHUSDT&interval=1d&limit=2"), exchange.queries("/api/v3/klines"));
    // The exchange's last two daily bars, newest first.
    List<Object> sent =
        JsonText.list(exchange.json("/api/v3/klines?symbol=ETHUSDT&interval=1d&limit=2"));
    assertEquals(2, latest.size());
    assertEquals(
        List.of(
            OfflineBinance.utc(JsonText.at(sent, 1, 0)),
            OfflineBinance.utc(JsonText.at(sent, 0, 0))),
        latest.getValues(openTime));
    assertEquals(
        List.of(new BigDecimal(JsonText.at(sent, 1, 4)), new BigDecimal(JsonText.at(sent, 0, 4))),
        latest.getValues(close));

    Result<Record> ticker =
        ctx.resultQuery(
                "SELECT symbol, last_price, trade_count FROM"
                    + " ticker_24hr WHERE symbol IN (?, ?) ORDER BY symbol",
                "BTCUSDT",
                "ETHUSDT")
            .fetch();
    assertEquals(List.of("BTCUSDT", "ETHUSDT"), ticker.getValues("symbol", String.class));
    for (Record r : ticker) {
      Object sentTicker = exchange.json("/api/v3/ticker/24hr?symbol=" + r.get("symbol"));
      assertEquals(new BigDecimal(JsonText.at(sentTicker, "lastPrice")), r.get("last_price"));
      assertEquals(Long.parseLong(JsonText.at(sentTicker, "count")), r.get("trade_count"));
    }
  }

  @Test
  void metaListsSchemasTablesKeysAndForeignKeysWithoutOneRequest() throws Exception {
    List<String> declared = new ArrayList<>();
    try (ResultSet rs = conn.getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        declared.add(rs.getString("TABLE_NAME"));
      }
    }
    Meta meta = DSL.using(conn).meta();
    assertEquals(
        List.of("binance"),
        meta.getSchemas().stream().map(Schema::getName).filter(s -> !s.isEmpty()).toList());
    List<Table<?>> tables = meta.getTables();
    assertEquals(
        declared.stream().sorted().toList(), tables.stream().map(Table::getName).sorted().toList());
    Table<?> klines = meta.getTables("klines").get(0);
    assertEquals("binance", klines.getSchema().getName());
    assertEquals(14, klines.fields().length);
    assertEquals(BigDecimal.class, klines.field("close_price").getType());
    assertEquals(
        List.of("symbol", "timeframe", "time_zone", "open_time"),
        klines.getPrimaryKey().getFields().stream().map(Field::getName).toList());
    List<? extends ForeignKey<?, ?>> fks = klines.getReferences();
    assertEquals(1, fks.size());
    assertEquals("symbols", fks.get(0).getKey().getTable().getName());
    assertEquals(List.of("symbol"), fks.get(0).getFields().stream().map(Field::getName).toList());
    assertTrue(klines.getComment().startsWith("Kline/candlestick bars"), klines.getComment());
    assertEquals(List.of(), exchange.requests());
  }
}
