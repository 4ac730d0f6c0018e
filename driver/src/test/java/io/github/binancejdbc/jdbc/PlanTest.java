package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plans the pushdown rules and the predicate translator make, in the style of Calcite's {@code
 * CsvTest}: each case is a statement and its whole EXPLAIN text, so it shows which conditions went
 * into the Binance scan ({@code filter}), which stay in a {@code EnumerableCalc} above it ({@code
 * $condition}), which columns the scan delivers ({@code fields}), and whether the order and the
 * limit were pushed ({@code order}, {@code fetch}, {@code offset}). The scan's {@code requests} and
 * {@code weight} items are cut here; {@link QueryCostTest} asserts those. EXPLAIN sends nothing.
 * The build runs this class under UTC, America/New_York and Asia/Kolkata: time literals are UTC.
 */
class PlanTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  private static final String KLINES = "SELECT * FROM klines WHERE symbol = 'BTCUSDT'";
  private static final String BTC_1H = " AND timeframe = '1h'";
  private static final String ALL_KLINE_COLUMNS = "expr#0..13=[{inputs}]";
  private static final String SCAN_BTC_1H =
      "BinanceTableScan(table=[[binance, klines]], filter=[[symbol IN ['BTCUSDT'], timeframe IN"
          + " ['1h']";
  private static final String SCAN_BTC_TRADES =
      "BinanceTableScan(table=[[binance, trades]], filter=[[symbol IN ['BTCUSDT']";

  /** One connection for every plan: planning keeps no state between statements. */
  private static Connection conn;

  @BeforeAll
  static void connect() throws SQLException {
    KnownLimits.of(wm.baseUrl());
    conn = DriverManager.getConnection("jdbc:binance:?baseUrl=" + wm.baseUrl() + "&maxRetries=0");
  }

  @AfterAll
  static void close() throws SQLException {
    conn.close();
  }

  @AfterEach
  void nothingWasSent() {
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  /** The plan {@code st} explains, one node a line, without the scan's request estimate. */
  private static String plan(PreparedStatement st) throws SQLException {
    try (ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getString(1)
          .replaceAll(", requests=\\[\\[.*\\]\\], weight=\\[[^\\]]*\\]", "")
          .strip();
    }
  }

  private static Arguments plan(String name, String sql, String... lines) {
    return Arguments.of(name, sql, String.join("\n", lines));
  }

  static Stream<Arguments> plans() {
    return Stream.of(
        // FilterIntoScanRule + PredicateTranslator: what is pushed whole, nothing left above.
        plan("equalities on keys", KLINES + BTC_1H, SCAN_BTC_1H + "]])"),
        plan(
            "key on the right-hand side, time bound reversed",
            "SELECT * FROM klines WHERE 'BTCUSDT' = symbol"
                + " AND TIMESTAMP '2024-01-01 00:00:00' <= open_time"
                + BTC_1H,
            "BinanceTableScan(table=[[binance, klines]], filter=[[symbol IN ['BTCUSDT'],"
                + " open_time IN [1704067200000..+inf), timeframe IN ['1h']]])"),
        plan(
            "IN list on a key, half-open time range",
            "SELECT open_price FROM klines WHERE symbol IN ('BTCUSDT', 'ETHUSDT')"
                + BTC_1H
                + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
                + " AND open_time < TIMESTAMP '2024-01-02 00:00:00'",
            "BinanceTableScan(table=[[binance, klines]], filter=[[symbol IN ['BTCUSDT', 'ETHUSDT'],"
                + " timeframe IN ['1h'], open_time IN [1704067200000..1704153600000)]],"
                + " fields=[[4]])"),
        plan(
            "BETWEEN on time is a closed range",
            KLINES
                + BTC_1H
                + " AND open_time BETWEEN TIMESTAMP '2024-01-01 00:00:00'"
                + " AND TIMESTAMP '2024-01-02 00:00:00'",
            SCAN_BTC_1H + ", open_time IN [1704067200000..1704153600000]]])"),
        plan(
            "a date string and a cast string are time literals",
            KLINES
                + BTC_1H
                + " AND open_time >= '2024-01-01'"
                + " AND open_time < CAST('2024-01-02 00:00:00' AS TIMESTAMP)",
            SCAN_BTC_1H + ", open_time IN [1704067200000..1704153600000)]])"),
        plan(
            "OR of equalities on one key is an IN list",
            "SELECT price FROM ticker_price WHERE symbol = 'BTCUSDT' OR symbol = 'ETHUSDT'",
            "EnumerableCalc(expr#0..1=[{inputs}], price=[$t1])",
            "  BinanceTableScan(table=[[binance, ticker_price]],"
                + " filter=[[symbol IN ['BTCUSDT', 'ETHUSDT']]])"),
        plan(
            "IN list of ids is looked up id by id",
            "SELECT * FROM trades WHERE symbol = 'BTCUSDT' AND trade_id IN (1, 5, 9)",
            SCAN_BTC_TRADES + ", trade_id IN [1, 5, 9]]])"),
        plan(
            "id range",
            "SELECT * FROM trades WHERE symbol = 'BTCUSDT' AND trade_id >= 10 AND trade_id <= 20",
            SCAN_BTC_TRADES + ", trade_id IN [10..20]]])"),
        plan(
            "a whole-number column cast to DECIMAL by a fractional bound is the column",
            "SELECT * FROM trades WHERE symbol = 'BTCUSDT' AND trade_id > 17089900.5",
            SCAN_BTC_TRADES + ", trade_id IN (17089900.5..+inf)]])"),
        plan(
            "constant arithmetic is folded into the bound",
            "SELECT * FROM trades WHERE symbol = 'BTCUSDT' AND trade_id = 5 + 5",
            SCAN_BTC_TRADES + ", trade_id IN [10..10]]])"),
        plan(
            "a bound computed once per statement is pushed as an expression",
            "SELECT * FROM trades WHERE symbol = 'BTCUSDT'"
                + " AND trade_time >= CURRENT_TIMESTAMP - INTERVAL '1' HOUR",
            SCAN_BTC_TRADES
                + ", trade_time IN [CAST(-(CURRENT_TIMESTAMP, 3600000:INTERVAL HOUR))"
                + ":TIMESTAMP(3) NOT NULL..+inf)]])"),
        // Pushed only as a narrowing: the scan asks for the span, the filter stays exact.
        plan(
            "two id ranges: the span is pushed, the ranges stay above",
            "SELECT * FROM trades WHERE symbol = 'BTCUSDT'"
                + " AND (trade_id BETWEEN 1 AND 3 OR trade_id BETWEEN 10 AND 12)",
            "EnumerableCalc(expr#0..7=[{inputs}], expr#8=[Sarg[[1L:BIGINT..3L:BIGINT],"
                + " [10L:BIGINT..12L:BIGINT]]:BIGINT], expr#9=[SEARCH($t1, $t8)],"
                + " proj#0..7=[{exprs}], $condition=[$t9])",
            "  " + SCAN_BTC_TRADES + ", trade_id IN [1..12]]])"),
        plan(
            "IN list of times: the span is pushed, the points stay above",
            KLINES
                + BTC_1H
                + " AND open_time IN (TIMESTAMP '2024-01-01 00:00:00',"
                + " TIMESTAMP '2024-01-01 01:00:00')",
            "EnumerableCalc("
                + ALL_KLINE_COLUMNS
                + ", expr#14=[Sarg[2024-01-01 00:00:00"
                + ":TIMESTAMP(3), 2024-01-01 01:00:00:TIMESTAMP(3)]:TIMESTAMP(3)],"
                + " expr#15=[SEARCH($t3, $t14)], proj#0..13=[{exprs}], $condition=[$t15])",
            "  " + SCAN_BTC_1H + ", open_time IN [1704067200000..1704070800000]]])"),
        // Nothing of the condition may be pushed: it stays whole in the Calc.
        plan(
            "OR across two columns",
            "SELECT open_price FROM klines WHERE symbol = 'BTCUSDT' OR timeframe = '1h'",
            "EnumerableCalc(expr#0..2=[{inputs}], expr#3=['BTCUSDT':VARCHAR], expr#4=[=($t0, $t3)],"
                + " expr#5=['1h':VARCHAR], expr#6=[=($t1, $t5)], expr#7=[OR($t4, $t6)],"
                + " open_price=[$t2], $condition=[$t7])",
            "  BinanceTableScan(table=[[binance, klines]], fields=[[0, 1, 4]])"),
        plan(
            "OR of two open time ranges has no span",
            "SELECT open_price FROM klines WHERE symbol = 'BTCUSDT'"
                + BTC_1H
                + " AND (open_time < TIMESTAMP '2024-01-01 00:00:00'"
                + " OR open_time > TIMESTAMP '2024-02-01 00:00:00')",
            "EnumerableCalc(expr#0..3=[{inputs}], expr#4=[Sarg[(-∞..2024-01-01 00:00:00"
                + ":TIMESTAMP(3)), (2024-02-01 00:00:00:TIMESTAMP(3)..+∞)]:TIMESTAMP(3)],"
                + " expr#5=[SEARCH($t2, $t4)], open_price=[$t3], $condition=[$t5])",
            "  " + SCAN_BTC_1H + "]], fields=[[0, 1, 3, 4]])"),
        plan(
            "OR of two id ranges has no span",
            "SELECT * FROM trades WHERE symbol = 'BTCUSDT' AND (trade_id < 10 OR trade_id > 20)",
            "EnumerableCalc(expr#0..7=[{inputs}], expr#8=[Sarg[(-∞..10L:BIGINT),"
                + " (20L:BIGINT..+∞)]:BIGINT], expr#9=[SEARCH($t1, $t8)], proj#0..7=[{exprs}],"
                + " $condition=[$t9])",
            "  " + SCAN_BTC_TRADES + "]])"),
        plan(
            "NOT of a key equality",
            "SELECT open_price FROM klines WHERE NOT (symbol = 'BTCUSDT')" + BTC_1H,
            "EnumerableCalc(expr#0..2=[{inputs}], expr#3=['BTCUSDT':VARCHAR],"
                + " expr#4=[<>($t0, $t3)], open_price=[$t2], $condition=[$t4])",
            "  BinanceTableScan(table=[[binance, klines]], filter=[[timeframe IN ['1h']]],"
                + " fields=[[0, 1, 4]])"),
        plan(
            "NOT IN on a key",
            "SELECT open_price FROM klines WHERE symbol NOT IN ('BTCUSDT', 'ETHUSDT')" + BTC_1H,
            "EnumerableCalc(expr#0..2=[{inputs}], expr#3=[Sarg[(-∞..'BTCUSDT':VARCHAR),"
                + " ('BTCUSDT':VARCHAR..'ETHUSDT':VARCHAR), ('ETHUSDT':VARCHAR..+∞)]:VARCHAR], expr#4=[SEARCH($t0, $t3)], open_price=[$t2],"
                + " $condition=[$t4])",
            "  BinanceTableScan(table=[[binance, klines]], filter=[[timeframe IN ['1h']]],"
                + " fields=[[0, 1, 4]])"),
        plan(
            "NOT of a comparison on a plain column",
            "SELECT open_price FROM klines WHERE symbol = 'BTCUSDT'"
                + BTC_1H
                + " AND NOT (open_price > 5)",
            "EnumerableCalc(expr#0=[{inputs}], expr#1=[5.00000000:DECIMAL(38, 8)],"
                + " expr#2=[<=($t0, $t1)], open_price=[$t0], $condition=[$t2])",
            "  " + SCAN_BTC_1H + "]], fields=[[4]])"),
        plan(
            "LIKE on a key",
            "SELECT * FROM ticker_price WHERE symbol LIKE 'BTC%'",
            "EnumerableCalc(expr#0..1=[{inputs}], expr#2=['BTC%'], expr#3=[LIKE($t0, $t2)],"
                + " proj#0..1=[{exprs}], $condition=[$t3])",
            "  BinanceTableScan(table=[[binance, ticker_price]])"),
        plan(
            "a function of a key",
            "SELECT * FROM trades WHERE symbol = 'BTCUSDT' AND UPPER(symbol) = 'BTCUSDT'",
            "EnumerableCalc(expr#0..7=[{inputs}], expr#8=[UPPER($t0)],"
                + " expr#9=['BTCUSDT':VARCHAR], expr#10=[=($t8, $t9)], proj#0..7=[{exprs}],"
                + " $condition=[$t10])",
            "  " + SCAN_BTC_TRADES + "]])"),
        plan(
            "arithmetic on an id column",
            "SELECT * FROM trades WHERE symbol = 'BTCUSDT' AND trade_id + 1 = 10",
            "EnumerableCalc(expr#0..7=[{inputs}], expr#8=[1], expr#9=[+($t1, $t8)],"
                + " expr#10=[10:BIGINT], expr#11=[=($t9, $t10)], proj#0..7=[{exprs}],"
                + " $condition=[$t11])",
            "  " + SCAN_BTC_TRADES + "]])"),
        plan(
            "a column cast to text",
            KLINES + BTC_1H + " AND CAST(trade_count AS VARCHAR) = '5'",
            "EnumerableCalc("
                + ALL_KLINE_COLUMNS
                + ", expr#14=[CAST($t11):VARCHAR NOT NULL],"
                + " expr#15=['5':VARCHAR], expr#16=[=($t14, $t15)], proj#0..13=[{exprs}],"
                + " $condition=[$t16])",
            "  " + SCAN_BTC_1H + "]])"),
        plan(
            "IN list on a plain column",
            KLINES + BTC_1H + " AND trade_count IN (1, 2)",
            "EnumerableCalc("
                + ALL_KLINE_COLUMNS
                + ", expr#14=[Sarg[1L:BIGINT, 2L:BIGINT]:BIGINT],"
                + " expr#15=[SEARCH($t11, $t14)], proj#0..13=[{exprs}], $condition=[$t15])",
            "  " + SCAN_BTC_1H + "]])"),
        plan(
            "contradicting keys: no scan at all",
            KLINES + BTC_1H + " AND symbol = 'ETHUSDT'",
            "EnumerableValues(tuples=[[]])"),
        // JOIN_PUSH_TRANSITIVE_PREDICATES: a bound on one side reaches the other side's scan.
        plan(
            "a join key from VALUES",
            "SELECT k.open_price FROM klines k JOIN (VALUES ('BTCUSDT')) v(s) ON k.symbol = v.s"
                + " WHERE k.timeframe = '1h'",
            SCAN_BTC_1H + "]], fields=[[4]])"),
        plan(
            "a time bound across a join on time",
            "SELECT a.open_price, b.open_price FROM klines a JOIN klines b"
                + " ON a.open_time = b.open_time WHERE a.symbol = 'BTCUSDT'"
                + " AND b.symbol = 'ETHUSDT' AND a.timeframe = '1h' AND b.timeframe = '1h'"
                + " AND a.open_time >= TIMESTAMP '2024-01-01 00:00:00'"
                + " AND a.open_time < TIMESTAMP '2024-01-02 00:00:00'",
            "EnumerableCalc(expr#0..7=[{inputs}], open_price=[$t7], open_price0=[$t3])",
            "  EnumerableMergeJoin(condition=[=($2, $6)], joinType=[inner])",
            "    BinanceTableScan(table=[[binance, klines]], filter=[[symbol IN ['ETHUSDT'],"
                + " timeframe IN ['1h'], open_time IN [1704067200000..1704153600000)]],"
                + " order=[ASC], fields=[[0, 1, 3, 4]])",
            "    BinanceTableScan(table=[[binance, klines]], filter=[[symbol IN ['BTCUSDT'],"
                + " timeframe IN ['1h'], open_time IN [1704067200000..1704153600000)]],"
                + " order=[ASC], fields=[[0, 1, 3, 4]])"),
        // BinanceLookupJoin.Rule: the key comes from the outer rows, in batches.
        plan(
            "symbols JOIN klines on the symbol",
            "SELECT s.symbol, k.close_price FROM symbols s JOIN klines k ON k.symbol = s.symbol"
                + " WHERE s.base_asset = 'BTC' AND k.timeframe = '1d'"
                + " AND k.open_time >= TIMESTAMP '2024-01-01 00:00:00'"
                + " AND k.open_time < TIMESTAMP '2024-01-02 00:00:00'",
            "EnumerableCalc(expr#0..5=[{inputs}], symbol=[$t0], close_price=[$t5])",
            "  BinanceLookupJoin(condition=[=($2, $0)], joinType=[inner], batchSize=[100])",
            "    EnumerableCalc(expr#0..1=[{inputs}], expr#2=['BTC':VARCHAR],"
                + " expr#3=[=($t1, $t2)], proj#0..1=[{exprs}], $condition=[$t3])",
            "      BinanceTableScan(table=[[binance, symbols]], fields=[[0, 2]])",
            "    BinanceTableScan(table=[[binance, klines]], filter=[[timeframe IN ['1d'],"
                + " open_time IN [1704067200000..1704153600000), symbol IN [$cor200.symbol .."
                + " $cor299.symbol] (100 outer rows per request batch)]], fields=[[0, 1, 3, 7]])"),
        // ProjectIntoScanRule (and LogicalScanRule, which makes the trimmed scan enumerable).
        plan(
            "expressions stay above the narrowed scan",
            "SELECT open_price * 2, symbol FROM klines WHERE symbol = 'BTCUSDT'" + BTC_1H,
            "EnumerableCalc(expr#0..2=[{inputs}], expr#3=[2], expr#4=[*($t2, $t3)],"
                + " EXPR$0=[$t4], symbol=[$t0])",
            "  " + SCAN_BTC_1H + "]], fields=[[0, 1, 4]])"),
        plan(
            "COUNT(*) reads only the keys",
            "SELECT COUNT(*) FROM klines WHERE symbol = 'BTCUSDT'" + BTC_1H,
            "EnumerableAggregate(group=[{}], EXPR$0=[COUNT()])",
            "  " + SCAN_BTC_1H + "]], fields=[[0, 1]])"),
        // SortIntoScanRule and LimitIntoScanRule.
        plan(
            "ORDER BY the natural order",
            KLINES + BTC_1H + " ORDER BY open_time",
            SCAN_BTC_1H + "]], order=[ASC])"),
        plan(
            "newest first with a limit",
            KLINES + BTC_1H + " ORDER BY open_time DESC LIMIT 10",
            "EnumerableLimit(fetch=[10])",
            "  " + SCAN_BTC_1H + "]], order=[DESC], fetch=[10])"),
        plan(
            "limit and offset in the natural order",
            KLINES + BTC_1H + " ORDER BY open_time LIMIT 10 OFFSET 5",
            "EnumerableLimit(offset=[5], fetch=[10])",
            "  " + SCAN_BTC_1H + "]], order=[ASC], fetch=[10], offset=[5])"),
        plan(
            "a limit without an order",
            KLINES + BTC_1H + " LIMIT 10",
            "EnumerableLimit(fetch=[10])",
            "  " + SCAN_BTC_1H + "]], fetch=[10])"),
        plan(
            "trades newest first",
            "SELECT * FROM trades WHERE symbol = 'BTCUSDT' ORDER BY trade_id DESC LIMIT 5",
            "EnumerableLimit(fetch=[5])",
            "  " + SCAN_BTC_TRADES + "]], order=[DESC], fetch=[5])"),
        plan(
            "no sort pushed over several symbols",
            "SELECT * FROM klines WHERE symbol IN ('BTCUSDT', 'ETHUSDT')"
                + BTC_1H
                + " ORDER BY open_time DESC LIMIT 10",
            "EnumerableLimit(fetch=[10])",
            "  EnumerableSort(sort0=[$3], dir0=[DESC])",
            "    BinanceTableScan(table=[[binance, klines]], filter=[[symbol IN ['BTCUSDT',"
                + " 'ETHUSDT'], timeframe IN ['1h']]])"),
        plan(
            "no sort pushed on a column the API does not order by",
            KLINES + BTC_1H + " ORDER BY open_price DESC LIMIT 10",
            "EnumerableLimit(fetch=[10])",
            "  EnumerableSort(sort0=[$4], dir0=[DESC])",
            "    " + SCAN_BTC_1H + "]])"),
        plan(
            "no sort pushed on two columns",
            KLINES + BTC_1H + " ORDER BY open_time, close_time",
            "EnumerableSort(sort0=[$3], sort1=[$9], dir0=[ASC], dir1=[ASC])",
            "  " + SCAN_BTC_1H + "]])"),
        plan(
            "no limit pushed past a filter",
            KLINES + BTC_1H + " AND open_price > 1 LIMIT 10",
            "EnumerableLimit(fetch=[10])",
            "  EnumerableCalc("
                + ALL_KLINE_COLUMNS
                + ", expr#14=[1.00000000:DECIMAL(38, 8)],"
                + " expr#15=[>($t4, $t14)], proj#0..13=[{exprs}], $condition=[$t15])",
            "    " + SCAN_BTC_1H + "]])"),
        plan(
            "a limit beyond an int is counted above the scan",
            KLINES + BTC_1H + " LIMIT 3000000000",
            "Implemented(fetch=[3000000000])",
            "  " + SCAN_BTC_1H + "]])"),
        // ExactAvgRule: AVG of a DECIMAL divides exactly; REDUCE_OTHERS reduces the rest.
        plan(
            "AVG and STDDEV_POP of a DECIMAL",
            "SELECT AVG(open_price), STDDEV_POP(open_price) FROM klines"
                + " WHERE symbol = 'BTCUSDT'"
                + BTC_1H,
            "EnumerableCalc(expr#0..2=[{inputs}], expr#3=[0], expr#4=[=($t1, $t3)],"
                + " expr#5=[null:DECIMAL(38, 8)], expr#6=[CASE($t4, $t5, $t0)], expr#7=[8],"
                + " expr#8=[EXACT_DIVIDE($t6, $t1, $t7)], expr#9=[CAST($t8):DECIMAL(38, 8)],"
                + " expr#10=[null:DECIMAL(38, 16)], expr#11=[CASE($t4, $t10, $t2)],"
                + " expr#12=[*($t6, $t6)], expr#13=[/($t12, $t1)], expr#14=[-($t11, $t13)],"
                + " expr#15=[<($t14, $t3)], expr#16=[CASE($t15, $t3, $t14)],"
                + " expr#17=[/($t16, $t1)], expr#18=[0.5:DECIMAL(2, 1)],"
                + " expr#19=[POWER($t17, $t18)], expr#20=[CAST($t19):DECIMAL(38, 8)],"
                + " EXPR$0=[$t9], EXPR$1=[$t20])",
            "  EnumerableAggregate(group=[{}], agg#0=[$SUM0($0)], agg#1=[COUNT()],"
                + " agg#2=[$SUM0($1)])",
            "    EnumerableCalc(expr#0=[{inputs}], expr#1=[*($t0, $t0)], proj#0..1=[{exprs}])",
            "      " + SCAN_BTC_1H + "]], fields=[[4]])"),
        // WindowGuardRule lets a ROWS frame pass.
        plan(
            "a ROWS window frame",
            "SELECT SUM(open_price) OVER (ORDER BY open_time ROWS 2 PRECEDING) FROM klines"
                + " WHERE symbol = 'BTCUSDT'"
                + BTC_1H,
            "EnumerableCalc(expr#0..3=[{inputs}], expr#4=[0:BIGINT], expr#5=[>($t2, $t4)],"
                + " expr#6=[CAST($t3):DECIMAL(38, 8)], expr#7=[null:DECIMAL(38, 8)],"
                + " expr#8=[CASE($t5, $t6, $t7)], EXPR$0=[$t8])",
            "  EnumerableWindow(window#0=[window(order by [0] rows between $2 PRECEDING and"
                + " CURRENT ROW aggs [COUNT($1), $SUM0($1)])], constants=[[2]])",
            "    " + SCAN_BTC_1H + "]], fields=[[3, 4]])"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void planOf(String name, String sql, String expected) throws SQLException {
    try (PreparedStatement st = conn.prepareStatement("EXPLAIN PLAN FOR " + sql)) {
      assertEquals(expected, plan(st), sql);
    }
  }

  static Stream<Arguments> parameterPlans() {
    return Stream.of(
        Arguments.of(
            "SELECT open_price FROM klines WHERE symbol = ? AND timeframe = ?"
                + " AND open_time >= ? AND open_time < ?",
            new Object[] {"BTCUSDT", "1h", "2024-01-01 00:00:00", "2024-01-02 00:00:00"},
            "BinanceTableScan(table=[[binance, klines]], filter=[[symbol IN [?0], timeframe IN"
                + " [?1], open_time IN [?2..+inf), open_time IN (-inf..?3)]], fields=[[4]])"),
        Arguments.of(
            "SELECT open_price FROM klines WHERE (symbol = ? OR symbol = ?)" + BTC_1H,
            new Object[] {"BTCUSDT", "ETHUSDT"},
            "BinanceTableScan(table=[[binance, klines]], filter=[[symbol IN [?0, ?1], timeframe"
                + " IN ['1h']]], fields=[[4]])"),
        Arguments.of(
            "SELECT * FROM trades WHERE symbol = ? AND trade_id > ?",
            new Object[] {"BTCUSDT", 5L},
            "BinanceTableScan(table=[[binance, trades]], filter=[[symbol IN [?0], trade_id IN"
                + " (?1..+inf)]])"),
        Arguments.of(
            KLINES + BTC_1H + " LIMIT ? OFFSET ?",
            new Object[] {10, 5},
            "EnumerableLimit(offset=[?1], fetch=[?0])\n  "
                + SCAN_BTC_1H
                + "]], fetch=[?0], offset=[?1])"));
  }

  /** A {@code ?} is pushed as a parameter: the plan holds for every value bound later. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("parameterPlans")
  void parametersArePushed(String sql, Object[] values, String expected) throws SQLException {
    try (PreparedStatement st = conn.prepareStatement("EXPLAIN PLAN FOR " + sql)) {
      for (int i = 0; i < values.length; i++) {
        st.setObject(i + 1, values[i]);
      }
      assertEquals(expected, plan(st), sql);
    }
  }

  @Test
  void aRangeFrameOverADescendingOrderIsRefusedWhenPlanned() throws SQLException {
    String sql =
        "EXPLAIN PLAN FOR SELECT SUM(open_price) OVER (ORDER BY open_time DESC"
            + " RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM klines"
            + " WHERE symbol = 'BTCUSDT'"
            + BTC_1H;
    SQLException e =
        assertThrows(SQLException.class, () -> conn.createStatement().executeQuery(sql));
    assertEquals("0A000", e.getSQLState());
    assertEquals(
        "RANGE window frames with an offset over a descending ORDER BY are not supported: order"
            + " ascending (and swap PRECEDING and FOLLOWING), or use ROWS",
        e.getMessage());
  }
}
