package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.testing.Rows;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * klines' {@code time_zone}: sent as {@code timeZone}, returned in the rows, the times UTC wall
 * clocks whatever the JVM zone (the build runs this class in UTC, New York, Kolkata and Berlin).
 */
class KlinesTimeZoneTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  private Connection conn;

  @BeforeEach
  void connect() throws SQLException {
    KnownLimits.of(wm.baseUrl());
    conn = DriverManager.getConnection("jdbc:binance:?baseUrl=" + wm.baseUrl() + "&maxRetries=0");
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private List<String> rows(String sql) throws SQLException {
    return Rows.lines(conn, sql);
  }

  private void stub(String url, String body) {
    wm.stubFor(get(urlEqualTo(url)).willReturn(okJson(body)));
  }

  /** 2024-01-30 00:00 UTC. */
  private static final long JAN_30 = 1706572800000L;

  /** Two daily bars opening at {@code firstOpen} and a day later. */
  private static String dailyBars(long firstOpen) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < 2; i++) {
      long open = firstOpen + i * 86_400_000L;
      sb.append(i > 0 ? "," : "")
          .append('[')
          .append(open)
          .append(",\"42000.01\",\"43000\"," + "\"41000\",\"42500.5\",\"12.5\",")
          .append(open + 86_399_999L)
          .append(",\"530000\",812,\"6.1\",\"260000\",\"0\"]");
    }
    return sb.append(']').toString();
  }

  @Test
  void klinesTimeZoneIsAKeyColumnSentAsTimeZoneAndReturnedInTheRows() throws SQLException {
    // 16:00 UTC is midnight in UTC+8: the day bars of time zone 8 open then.
    stub(
        "/api/v3/klines?symbol=BTCUSDT&interval=1d&timeZone=8&limit=2",
        dailyBars(JAN_30 - 8 * 3_600_000L));
    stub("/api/v3/klines?symbol=BTCUSDT&interval=1d&limit=2", dailyBars(JAN_30));
    String zone = java.util.TimeZone.getDefault().getID();
    assertEquals(
        List.of(
            "8|2024-01-30 16:00:00.000|2024-01-31 15:59:59.999",
            "8|2024-01-29 16:00:00.000|2024-01-30 15:59:59.999"),
        rows(
            "SELECT time_zone, open_time, close_time FROM klines WHERE symbol = 'BTCUSDT'"
                + " AND timeframe = '1d' AND time_zone = '8' ORDER BY open_time DESC LIMIT 2"),
        zone);
    assertEquals(
        List.of("0|2024-01-31 00:00:00.000", "0|2024-01-30 00:00:00.000"),
        rows(
            "SELECT time_zone, open_time FROM klines WHERE symbol = 'BTCUSDT'"
                + " AND timeframe = '1d' ORDER BY open_time DESC LIMIT 2"),
        zone);
    wm.verify(
        1,
        getRequestedFor(
            urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1d&timeZone=8&limit=2")));
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1d&limit=2")));

    // Several zones: one request stream each; -1:00 days open at 01:00 UTC.
    stub(
        "/api/v3/uiKlines?symbol=BTCUSDT&interval=1d&timeZone=-1%3A00&startTime=1706572800000"
            + "&limit=1000",
        dailyBars(JAN_30 + 3_600_000L));
    stub(
        "/api/v3/uiKlines?symbol=BTCUSDT&interval=1d&startTime=1706572800000&limit=1000",
        dailyBars(JAN_30));
    assertEquals(
        List.of(
            "-1:00|2024-01-30 01:00:00.000",
            "-1:00|2024-01-31 01:00:00.000",
            "0|2024-01-30 00:00:00.000",
            "0|2024-01-31 00:00:00.000"),
        rows(
            "SELECT time_zone, open_time FROM ui_klines WHERE symbol = 'BTCUSDT'"
                + " AND timeframe = '1d' AND time_zone IN ('0', '-1:00')"
                + " AND open_time >= TIMESTAMP '2024-01-30 00:00:00' ORDER BY time_zone, open_time"));
  }
}
