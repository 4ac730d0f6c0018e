package io.github.binancejdbc.clients;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
 * sqlline runs a script of metadata commands, queries and test orders against the fake Binance,
 * with the API key and secret as user and password; the test reads what it printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqllineIT {
  @RegisterExtension static WireMockExtension wm = FakeBinance.server();

  @TempDir static Path home;

  private Sqlline out;
  private List<LoggedRequest> journal;

  @BeforeAll
  void runScript() throws Exception {
    FakeBinance.stubMarketData(wm);
    FakeBinance.stubTestOrder(wm);
    out =
        Sqlline.run(
            home,
            FakeBinance.url(wm),
            FakeBinance.API_KEY,
            FakeBinance.SECRET_KEY,
            FakeBinance.resource("/sqlline-script.sql"));
    // The extension resets its journal before each test and checks unmatched requests after
    // each: keep what sqlline sent, and check here.
    assertEquals(List.of(), wm.findAllUnmatchedRequests());
    journal = wm.findAll(anyRequestedFor(anyUrl()));
  }

  private List<String> queries(String path) {
    return journal.stream()
        .filter(r -> r.getUrl().startsWith(path + "?"))
        .map(r -> r.getUrl().substring(path.length() + 1))
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
    try (Connection c = DriverManager.getConnection(FakeBinance.url(wm));
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
    assertEquals(List.of("open_time", "open_price", "close_price", "trade_count"), bars.get(0));
    assertEquals(
        List.of(
            List.of("40024.00000000", "40025.00000000", "124"),
            List.of("40025.00000000", "40026.00000000", "125"),
            List.of("40026.00000000", "40027.00000000", "126")),
        bars.subList(1, 4).stream().map(r -> r.subList(1, 4)).toList());
    assertEquals(4, bars.size());
    // sqlline prints getObject(i).toString(): the UTC wall clock the literal selected, in this
    // JVM under Asia/Tokyo as in any other zone.
    assertEquals(
        List.of("2024-01-02 00:00:00.0", "2024-01-02 01:00:00.0", "2024-01-02 02:00:00.0"),
        column(bars, "open_time"));
    assertEquals(
        List.of(
            "symbol=BTCUSDT&interval=1h&startTime=1704153600000"
                + "&endTime=1704164399999&limit=1000"),
        queries("/api/v3/klines"));

    List<List<String>> asks = table("SELECT side, level, price, qty FROM order_book");
    assertEquals(List.of("ASK", "1", "61234.56000000", "3.10510000"), asks.get(1));
    assertEquals(6, asks.size());
    assertEquals(List.of("symbol=BTCUSDT&limit=5"), queries("/api/v3/depth"));
  }

  @Test
  void callAndEscapedCallOfTestOrderPrintValidAndSignOneRequestEach() {
    List<List<String>> call = table("CALL test_order(");
    assertEquals(List.of("BTCUSDT", "VALID"), call.get(1).subList(0, 2));
    assertEquals(2, call.size());
    List<List<String>> escaped = table("!call {call test_order(");
    assertEquals(List.of("ETHUSDT", "VALID"), escaped.get(1).subList(0, 2));

    List<LoggedRequest> sent =
        journal.stream()
            .filter(
                r ->
                    r.getMethod().getName().equals("POST")
                        && r.getUrl().equals("/api/v3/order/test"))
            .toList();
    assertEquals(2, sent.size());
    assertTrue(
        sent.get(0)
            .getBodyAsString()
            .matches(
                "symbol=BTCUSDT&side=BUY&type=LIMIT"
                    + "&quantity=0\\.001&price=20000&timeInForce=GTC&recvWindow=5000&timestamp=\\d+"
                    + "&signature=[0-9a-f]{64}"),
        sent.get(0).getBodyAsString());
    assertTrue(
        sent.get(1)
            .getBodyAsString()
            .startsWith("symbol=ETHUSDT&side=SELL&type=MARKET&quantity=0.5&"),
        sent.get(1).getBodyAsString());
    for (LoggedRequest r : sent) {
      assertEquals(FakeBinance.API_KEY, r.getHeader("X-MBX-APIKEY"));
    }
    // The secret never reaches the wire or the console.
    assertTrue(
        journal.stream()
            .noneMatch(
                r ->
                    r.getUrl().contains(FakeBinance.SECRET_KEY)
                        || r.getBodyAsString().contains(FakeBinance.SECRET_KEY)));
    assertTrue(!out.printed.contains(FakeBinance.SECRET_KEY), out.printed);
  }
}
