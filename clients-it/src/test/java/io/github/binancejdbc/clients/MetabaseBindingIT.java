package io.github.binancejdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Date filters bound exactly as Metabase's {@code sql-jdbc} driver binds them: {@code setObject}
 * with a target type ({@code LocalDate} as DATE, {@code LocalDateTime} as TIMESTAMP, {@code
 * OffsetDateTime} and {@code ZonedDateTime} as TIMESTAMP_WITH_TIMEZONE), through the shaded jar, in
 * this JVM under Asia/Tokyo.
 */
class MetabaseBindingIT {
  @RegisterExtension static final OfflineBinance exchange = new OfflineBinance();

  private static List<String> opens(PreparedStatement ps) throws Exception {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getObject(1, LocalDateTime.class).toString());
      }
    }
    return out;
  }

  @Test
  void metabaseDateFiltersSelectTheUtcDay() throws Exception {
    // The six 4h bars of 2024-01-02 (UTC).
    List<String> day =
        List.of(
            "2024-01-02T00:00",
            "2024-01-02T04:00",
            "2024-01-02T08:00",
            "2024-01-02T12:00",
            "2024-01-02T16:00",
            "2024-01-02T20:00");
    // Each binding's request is asserted: no closed bars kept between them.
    try (Connection c = DriverManager.getConnection(exchange.url() + "&cacheSize=0");
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT open_time FROM klines"
                    + " WHERE symbol = 'BTCUSDT' AND timeframe = '4h' AND open_time >= ? AND open_time < ?"
                    + " ORDER BY open_time")) {
      ps.setObject(1, LocalDate.of(2024, 1, 2), Types.DATE);
      ps.setObject(2, LocalDate.of(2024, 1, 3), Types.DATE);
      assertEquals(day, opens(ps));
      ps.setObject(1, LocalDateTime.of(2024, 1, 2, 0, 0), Types.TIMESTAMP);
      ps.setObject(2, LocalDateTime.of(2024, 1, 3, 0, 0), Types.TIMESTAMP);
      assertEquals(day, opens(ps));
      ps.setObject(
          1,
          OffsetDateTime.of(2024, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC),
          Types.TIMESTAMP_WITH_TIMEZONE);
      ps.setObject(
          2,
          ZonedDateTime.of(2024, 1, 3, 9, 0, 0, 0, java.time.ZoneId.of("Asia/Tokyo"))
              .toOffsetDateTime(),
          Types.TIMESTAMP_WITH_TIMEZONE);
      assertEquals(day, opens(ps));
    }
    String q =
        "symbol=BTCUSDT&interval=4h&startTime=1704153600000&endTime=1704239999999" + "&limit=1000";
    assertEquals(List.of(q, q, q), exchange.queries("/api/v3/klines"));
    // The exchange has exactly those bars.
    assertEquals(
        day,
        JsonText.list(exchange.json("/api/v3/klines?" + q)).stream()
            .map(bar -> OfflineBinance.utc(JsonText.at(bar, 0)).toString())
            .toList());
  }
}
