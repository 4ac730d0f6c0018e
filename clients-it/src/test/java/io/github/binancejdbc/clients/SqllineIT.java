package io.github.binancejdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.simulator.BinanceSimulator;
import io.github.binancejdbc.simulator.RecordedRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlline runs a script of metadata commands, queries and test orders against the offline exchange,
 * with the API key and secret as user and password; the test reads what it printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqllineIT {
  @RegisterExtension static final OfflineBinance exchange = new OfflineBinance();

  @TempDir static Path home;

  private Sqlline out;
  private List<RecordedRequest> journal;

  @BeforeAll
  void runScript() throws Exception {
    out =
        Sqlline.run(
            home,
            exchange.url(),
            BinanceSimulator.DEMO_API_KEY,
            BinanceSimulator.DEMO_SECRET_KEY,
            OfflineBinance.resource("/sqlline-script.sql"));
    // The extension empties its journal before each test: keep what sqlline sent.
    journal = exchange.requests();
  }

  private List<String> queries(String path) {
    return journal.stream()
        .filter(r -> r.method().equals("GET") && r.path().equals(path))
        .map(RecordedRequest::query)
        .toList();
  }

  private List<List<String>> table(String command) {
    return out.table(command);
  }

  private static List<String> column(List<List<String>> table, String name) {
    return Sqlline.column(table, name);
  }

  @Test
  void metadataCommandsShowWhatTheDriverDeclares() throws Exception {
    List<String> expected = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(exchange.url());
        ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        expected.add(rs.getString("TABLE_NAME"));
      }
    }
    List<List<String>> tablesOut = table("!tables");
    assertEquals(expected, column(tablesOut, "TABLE_NAME"));
    assertTrue(expected.size() >= 20, expected.toString());
    int klines = column(tablesOut, "TABLE_NAME").indexOf("klines");
    assertTrue(column(tablesOut, "REMARKS").get(klines).startsWith("Kline/candlestick bars"));

    List<List<String>> columns = table("!columns klines");
    assertEquals(
        List.of(
            "symbol",
            "timeframe",
            "time_zone",
            "open_time",
            "open_price",
            "high_price",
            "low_price",
            "close_price",
            "volume",
            "close_time",
            "quote_volume",
            "trade_count",
            "taker_buy_base_volume",
            "taker_buy_quote_volume"),
        column(columns, "COLUMN_NAME"));
    assertEquals("VARCHAR", column(columns, "TYPE_NAME").get(2));
    assertEquals("TIMESTAMP", column(columns, "TYPE_NAME").get(3));
    assertEquals("DECIMAL", column(columns, "TYPE_NAME").get(4));
    assertTrue(column(columns, "REMARKS").stream().noneMatch(String::isEmpty));

    assertEquals(
        List.of("symbol", "timeframe", "time_zone", "open_time"),
        column(table("!primarykeys klines"), "COLUMN_NAME"));
    List<List<String>> fk = table("!importedkeys klines");
    assertEquals(
        List.of("symbols.symbol <- klines.symbol"),
        fk.subList(1, fk.size()).stream()
            .map(r -> r.get(2) + "." + r.get(3) + " <- " + r.get(6) + "." + r.get(7))
            .toList());
    List<String> procedures = column(table("!procedures"), "PROCEDURE_NAME");
    assertTrue(
        procedures.containsAll(List.of("place_order", "test_order", "cancel_order")),
        procedures.toString());
  }

  @Test
  void selectOnKlinesPrintsTheBarsAndSendsOneBoundedRequest() {
    List<List<String>> bars = table("SELECT open_time, open_price");
    String query =
        "symbol=BTCUSDT&interval=1h&startTime=1704153600000&endTime=1704164399999&limit=1000";
    assertEquals(List.of(query), queries("/api/v3/klines"));
    assertEquals(List.of("open_time", "open_price", "close_price", "trade_count"), bars.get(0));
    // sqlline prints getObject(i).toString(): the UTC wall clock the literal selected, in this
    // JVM under Asia/Tokyo as in any other zone, and the decimals as the exchange sent them.
    List<List<String>> sent = new ArrayList<>();
    for (Object bar : JsonText.list(exchange.json("/api/v3/klines?" + query))) {
      sent.add(
          List.of(
              OfflineBinance.wallClock(JsonText.at(bar, 0)),
              JsonText.at(bar, 1),
              JsonText.at(bar, 4),
              JsonText.at(bar, 8)));
    }
    assertEquals(sent, bars.subList(1, bars.size()));
    assertEquals(
        List.of("2024-01-02 00:00:00.0", "2024-01-02 01:00:00.0", "2024-01-02 02:00:00.0"),
        column(bars, "open_time"));

    assertEquals(List.of("symbol=BTCUSDT&limit=5"), queries("/api/v3/depth"));
    List<List<String>> asks = table("SELECT side, level, price, qty FROM order_book");
    Object depth = exchange.json("/api/v3/depth?symbol=BTCUSDT&limit=5");
    List<List<String>> sentAsks = new ArrayList<>();
    for (int level = 1; level <= 5; level++) {
      sentAsks.add(
          List.of(
              "ASK",
              Integer.toString(level),
              JsonText.at(depth, "asks", level - 1, 0),
              JsonText.at(depth, "asks", level - 1, 1)));
    }
    assertEquals(sentAsks, asks.subList(1, asks.size()));
  }

  @Test
  void callAndEscapedCallOfTestOrderPrintValidAndSignOneRequestEach() {
    List<List<String>> call = table("CALL test_order(");
    assertEquals(List.of("BTCUSDT", "VALID"), call.get(1).subList(0, 2));
    assertEquals(2, call.size());
    List<List<String>> escaped = table("!call {call test_order(");
    assertEquals(List.of("ETHUSDT", "VALID"), escaped.get(1).subList(0, 2));

    List<RecordedRequest> sent =
        journal.stream()
            .filter(r -> r.method().equals("POST") && r.path().equals("/api/v3/order/test"))
            .toList();
    assertEquals(2, sent.size());
    assertTrue(
        sent.get(0)
            .body()
            .matches(
                "symbol=BTCUSDT&side=BUY&type=LIMIT"
                    + "&quantity=0\\.001&price=100000&timeInForce=GTC&recvWindow=5000&timestamp=\\d+"
                    + "&signature=[0-9a-f]{64}"),
        sent.get(0).body());
    assertTrue(
        sent.get(1).body().startsWith("symbol=ETHUSDT&side=SELL&type=MARKET&quantity=0.5&"),
        sent.get(1).body());
    for (RecordedRequest r : sent) {
      assertEquals(BinanceSimulator.DEMO_API_KEY, r.apiKey());
      assertEquals("", r.query());
    }
    // The secret never reaches the wire or the console.
    assertTrue(
        journal.stream()
            .noneMatch(
                r ->
                    r.query().contains(BinanceSimulator.DEMO_SECRET_KEY)
                        || r.body().contains(BinanceSimulator.DEMO_SECRET_KEY)));
    assertTrue(!out.printed.contains(BinanceSimulator.DEMO_SECRET_KEY), out.printed);
  }
}
