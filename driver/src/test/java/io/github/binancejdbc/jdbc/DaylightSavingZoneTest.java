package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Times survive the JVM zone's daylight-saving gaps and overlaps in both directions. The build
 * runs this class in its own surefire execution under Europe/Berlin (2024-03-31 02:00-03:00 local
 * does not exist; 2024-10-27 02:00-03:00 local happens twice); under other zones it still passes.
 */
class DaylightSavingZoneTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  /** This class counts requests: the limits are known up front (see {@link KnownLimits}). */
  @BeforeEach
  void limitsAreKnown() {
    KnownLimits.of(wm.baseUrl());
  }

  private static final long GAP = Instant.parse("2024-03-31T01:00:00Z").toEpochMilli();
  private static final long OVERLAP = Instant.parse("2024-10-27T00:00:00Z").toEpochMilli();

  @Test
  void barsInAGapOrAnOverlapReadExactly() throws SQLException {
    wm.stubFor(get(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=" + GAP
            + "&endTime=" + (GAP + 2 * Bars.HOUR) + "&limit=1000"))
        .willReturn(okJson(Bars.klines(GAP, 3, Bars.HOUR))));
    wm.stubFor(get(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=" + OVERLAP
            + "&endTime=" + (OVERLAP + 2 * Bars.HOUR) + "&limit=1000"))
        .willReturn(okJson(Bars.klines(OVERLAP, 3, Bars.HOUR))));
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    try (Connection c = DriverManager.getConnection("jdbc:binance:?baseUrl=" + wm.baseUrl())) {
      for (long start : new long[] {GAP, OVERLAP}) {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT open_time, close_time"
            + " FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h' AND open_time BETWEEN"
            + " TIMESTAMP '" + new Timestamp(start).toInstant().toString().replace('T', ' ')
                .replace("Z", "") + "' AND TIMESTAMP '"
            + new Timestamp(start + 2 * Bars.HOUR).toInstant().toString().replace('T', ' ')
                .replace("Z", "") + "'")) {
          for (int i = 0; i < 3; i++) {
            assertTrue(rs.next());
            long expected = start + i * Bars.HOUR;
            assertEquals(expected, rs.getTimestamp(1).getTime());
            assertEquals(expected, rs.getTimestamp("open_time", utc).getTime());
            assertEquals(expected, ((Timestamp) rs.getObject(1)).getTime());
            assertEquals(LocalDateTime.ofEpochSecond(expected / 1000, 0, java.time.ZoneOffset.UTC),
                rs.getObject(1, LocalDateTime.class));
            assertEquals(Instant.ofEpochMilli(expected + Bars.HOUR - 1),
                rs.getObject(2, Instant.class));
          }
        }
      }
    }
  }

  @Test
  void parametersInAGapPushTheExactInstant() throws SQLException {
    long inGap = GAP + Bars.HOUR; // 02:00 UTC = 04:00 Berlin summer time; the gap is 02:00-03:00 local
    wm.stubFor(get(urlPathEqualTo("/api/v3/klines")).willReturn(okJson("[]")));
    try (Connection c = DriverManager.getConnection("jdbc:binance:?baseUrl=" + wm.baseUrl());
        PreparedStatement ps = c.prepareStatement("SELECT * FROM klines WHERE symbol = 'BTCUSDT'"
            + " AND timeframe = '1h' AND open_time >= ?")) {
      ps.setTimestamp(1, new Timestamp(GAP));
      ps.executeQuery().close();
      ps.setTimestamp(1, new Timestamp(inGap), Calendar.getInstance(TimeZone.getTimeZone("UTC")));
      ps.executeQuery().close();
      ps.setObject(1, LocalDateTime.of(2024, 3, 31, 2, 0));
      ps.executeQuery().close();
      ps.setObject(1, LocalDateTime.of(2024, 10, 27, 1, 30));
      ps.executeQuery().close();
    }
    List<LoggedRequest> sent = wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/klines")));
    assertEquals(4, sent.size());
    assertTrue(sent.get(0).getUrl().contains("startTime=" + GAP + "&"), sent.get(0).getUrl());
    assertTrue(sent.get(1).getUrl().contains("startTime=" + inGap + "&"), sent.get(1).getUrl());
    assertTrue(sent.get(2).getUrl().contains("startTime=" + inGap + "&"), sent.get(2).getUrl());
    assertTrue(sent.get(3).getUrl().contains("startTime=" + (OVERLAP + 90 * 60_000) + "&"),
        sent.get(3).getUrl());
  }
}
