package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every statement of {@link BadInputCorpus} fails with an SQLException that has a SQLState from the
 * catalogue, a message of a few lines that names no secret, and sends nothing when the driver can
 * tell by itself that the statement is wrong.
 */
class BadInputCorpusTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.lenient();

  static final String API_KEY = "corpusApiKey0123456789";
  static final String SECRET = "corpusSecretKeyZYXWVU987654";
  static final int MAX_MESSAGE = 500;

  @Test
  void everyBadStatementFailsClearlyAndSendsNothingItCanRefuse() throws SQLException {
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/time"))
            .willReturn(okJson("{\"serverTime\":" + System.currentTimeMillis() + "}")));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/exchangeInfo"))
            .willReturn(okJson(RealPayloadsTest.EXCHANGE_INFO)));
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines"))
            .willReturn(okJson(Bars.klines(1704067200000L, 3, Bars.HOUR))));
    for (String path :
        new String[] {
          "/api/v3/avgPrice", "/api/v3/ticker/24hr", "/api/v3/order", "/api/v3/openOrders"
        }) {
      wm.stubFor(
          any(urlPathEqualTo(path))
              .willReturn(
                  aResponse()
                      .withStatus(400)
                      .withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
    }
    Properties p = new Properties();
    p.setProperty("apiKey", API_KEY);
    p.setProperty("secretKey", SECRET);
    List<String> problems = new ArrayList<>();
    List<BadInputCorpus.Case> corpus = BadInputCorpus.all();
    boolean print = Boolean.getBoolean("corpus.print");
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:binance:?trading=true&maxRetries=0&baseUrl=" + wm.baseUrl(), p)) {
      // Warm up: exchangeInfo is read once per connection and may be read by the first check.
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM symbols")) {
        rs.next();
      }
      for (BadInputCorpus.Case k : corpus) {
        int before = wm.getAllServeEvents().size();
        SQLException e = null;
        try (Statement s =
            k.sql().contains("?") ? c.prepareStatement(k.sql()) : c.createStatement()) {
          try (ResultSet rs =
              s instanceof java.sql.PreparedStatement ps
                  ? ps.executeQuery()
                  : s.executeQuery(k.sql())) {
            while (rs.next()) {
              // read everything
            }
          }
        } catch (SQLException x) {
          e = x;
        } catch (RuntimeException | Error x) {
          problems.add(shortSql(k) + ": escaped as " + x);
          continue;
        }
        int sent = wm.getAllServeEvents().size() - before;
        if (print) {
          System.out.println(
              "CASE "
                  + shortSql(k)
                  + "\n  -> "
                  + (e == null
                      ? "NO ERROR"
                      : e.getClass().getSimpleName()
                          + " "
                          + e.getSQLState()
                          + " ["
                          + e.getMessage().length()
                          + "] "
                          + e.getMessage()
                              .substring(0, Math.min(240, e.getMessage().length()))
                              .replace('\n', '|'))
                  + " sent="
                  + sent);
        }
        String problem = check(k, e, sent);
        if (problem != null) {
          problems.add(shortSql(k) + ": " + problem);
        }
      }
    }
    for (LoggedRequest r :
        wm.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))) {
      assertTrue(!r.getUrl().contains(SECRET), r.getUrl());
    }
    if (!problems.isEmpty()) {
      fail(
          problems.size()
              + " of "
              + corpus.size()
              + " statements misbehaved:\n"
              + String.join("\n", problems));
    }
    assertTrue(corpus.size() >= 300, "corpus size " + corpus.size());
    assertEquals(List.of(), problems);
  }

  private static String check(BadInputCorpus.Case k, SQLException e, int sent) {
    if (e == null) {
      return "no SQLException";
    }
    String state = e.getSQLState();
    if (state == null || state.length() != 5) {
      return "SQLState " + state + " (" + e.getMessage() + ")";
    }
    if (k.state() != null && !k.state().equals(state)) {
      return "SQLState " + state + " instead of " + k.state() + " (" + e.getMessage() + ")";
    }
    String msg = e.getMessage();
    if (msg == null || msg.isBlank() || msg.length() > MAX_MESSAGE || msg.lines().count() > 4) {
      return "message of "
          + (msg == null ? 0 : msg.length())
          + " chars: "
          + (msg == null ? null : msg.substring(0, Math.min(200, msg.length())));
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains(SECRET) || m.contains(API_KEY)) {
        return "a secret in " + t.getClass().getSimpleName() + ": " + m;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (!k.sent() && sent != 0) {
      return sent + " request(s) sent for a statement the driver can refuse (" + msg + ")";
    }
    return null;
  }

  private static String shortSql(BadInputCorpus.Case k) {
    String s = k.sql().replace('\n', ' ');
    return s.length() <= 120 ? s : s.substring(0, 120) + "...(" + s.length() + " chars)";
  }

  /**
   * Limits and offsets just work, also above Integer.MAX_VALUE where Calcite 1.42's own limit
   * cannot run (see LongLimit), each with the one request the range needs.
   */
  @Test
  void hugeLimitsAndOffsetsJustWork() throws SQLException {
    KnownLimits.of(wm.baseUrl());
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines"))
            .willReturn(okJson(Bars.klines(1704067200000L, 3, Bars.HOUR))));
    String kl = "SELECT open_price FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'";
    try (Connection c = DriverManager.getConnection("jdbc:binance:?baseUrl=" + wm.baseUrl());
        Statement s = c.createStatement()) {
      for (String[] k :
          new String[][] {
            {kl + " LIMIT 2147483647", "3"},
            {kl + " ORDER BY open_time DESC LIMIT 2147483647", "3"},
            {kl + " OFFSET 2147483647 ROWS", "0"}
          }) {
        int rows = 0;
        try (ResultSet rs = s.executeQuery(k[0])) {
          while (rs.next()) {
            rows++;
          }
        }
        assertEquals(Integer.parseInt(k[1]), rows, k[0]);
      }
      // Bounds past an int run with long counters (3 bars served: LIMIT and OFFSET are exact).
      for (String[] k :
          new String[][] {
            {kl + " LIMIT 2147483648", "3"},
            {kl + " LIMIT 9223372036854775807", "3"},
            {kl + " ORDER BY open_time DESC LIMIT 9999999999", "3"},
            {kl + " LIMIT 99999999999999999999", "3"},
            {kl + " OFFSET 9999999999 ROWS", "0"},
            {kl + " OFFSET 2147483648 ROWS FETCH NEXT 5 ROWS ONLY", "0"},
            {"SELECT COUNT(*) FROM (" + kl + " LIMIT 4294967296)", "1"}
          }) {
        wm.resetRequests();
        int rows = 0;
        try (ResultSet rs = s.executeQuery(k[0])) {
          while (rs.next()) {
            rows++;
          }
        }
        assertEquals(Integer.parseInt(k[1]), rows, k[0]);
        assertEquals(1, wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/klines"))).size(), k[0]);
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (" + kl + " LIMIT 4294967296)")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getLong(1));
      }
      try (PreparedStatement p = c.prepareStatement(kl + " LIMIT ?")) {
        p.setLong(1, 3_000_000_000L);
        SQLException e =
            assertThrows(
                SQLException.class,
                () -> {
                  try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                  }
                });
        assertEquals("22003", e.getSQLState());
        assertEquals(
            "A ? parameter in an INTEGER place (such as LIMIT ? or OFFSET ?) takes at"
                + " most 2147483647: bind a smaller number, or write a larger LIMIT as a literal",
            e.getMessage());
      }
      try (ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + kl + " OFFSET 2147483648 ROWS")) {
        assertTrue(rs.next());
        assertTrue(rs.getString(1).contains("offset=[2147483648]"), rs.getString(1));
      }
    }
  }
}
