package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.binancejdbc.testing.WireMocks;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The time contract, through every getter, setter and {@code setObject} form: a TIMESTAMP is the
 * UTC wall clock whatever the JVM's zone. The build runs this class under UTC, America/New_York,
 * Asia/Kolkata (a half-hour offset), Europe/Berlin and the default Asia/Tokyo; every assertion is
 * written in the zone-independent terms the contract promises, so each run checks the same digits.
 */
class TimeMatrixTest {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  /** This class counts requests: the limits are known up front (see {@link KnownLimits}). */
  @BeforeEach
  void limitsAreKnown() {
    KnownLimits.of(wm.baseUrl());
  }

  private static final long JAN_1 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
  private static final String BARS =
      "SELECT open_time, close_time, CAST(open_time AS DATE) AS d,"
          + " CAST(close_time AS TIME) AS t FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'";

  private Connection conn;

  @BeforeEach
  void connect() throws SQLException {
    wm.stubFor(
        get(urlPathEqualTo("/api/v3/klines")).willReturn(okJson(Bars.klines(JAN_1, 3, Bars.HOUR))));
    // The requests each query sends are asserted: no closed bars kept between tests.
    conn = DriverManager.getConnection("jdbc:binance:?baseUrl=" + wm.baseUrl() + "&cacheSize=0");
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private static List<String> klinesQueries() {
    List<String> out = new ArrayList<>();
    for (LoggedRequest r : wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/klines")))) {
      out.add(r.getUrl().substring(r.getUrl().indexOf('?') + 1));
    }
    return out;
  }

  private static Calendar calendar(String zone) {
    return Calendar.getInstance(TimeZone.getTimeZone(zone));
  }

  @Test
  void everyGetterReadsTheUtcWallClock() throws SQLException {
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                BARS
                    + " AND open_time BETWEEN TIMESTAMP '2024-01-01 00:00:00' AND TIMESTAMP '2024-01-01 02:00:00'")) {
      assertTrue(rs.next());
      // getTimestamp: the Timestamp whose local fields are the UTC wall clock.
      assertEquals("2024-01-01 00:00:00.0", rs.getTimestamp(1).toString());
      assertEquals(Timestamp.valueOf("2024-01-01 00:00:00"), rs.getTimestamp("open_time"));
      assertEquals("2024-01-01 00:59:59.999", rs.getTimestamp(2).toString());
      // With a calendar: the wall clock read in the calendar's zone.
      assertEquals(JAN_1, rs.getTimestamp(1, calendar("UTC")).getTime());
      assertEquals(
          Instant.parse("2024-01-01T05:00:00Z").toEpochMilli(),
          rs.getTimestamp(1, calendar("America/New_York")).getTime());
      assertEquals(
          Instant.parse("2023-12-31T18:30:00Z").toEpochMilli(),
          rs.getTimestamp("open_time", calendar("Asia/Kolkata")).getTime());
      // getString and getObject agree.
      assertEquals("2024-01-01 00:00:00.000", rs.getString(1));
      assertEquals("2024-01-01 00:59:59.999", rs.getTimestamp(2).toString());
      Object o = rs.getObject(1);
      assertInstanceOf(Timestamp.class, o);
      assertEquals("2024-01-01 00:00:00.0", o.toString());
      assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), rs.getObject(1, LocalDateTime.class));
      assertEquals(LocalDate.of(2024, 1, 1), rs.getObject(1, LocalDate.class));
      assertEquals(LocalTime.of(0, 59, 59, 999_000_000), rs.getObject(2, LocalTime.class));
      assertEquals(Instant.ofEpochMilli(JAN_1), rs.getObject(1, Instant.class));
      assertEquals(
          OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
          rs.getObject(1, OffsetDateTime.class));
      assertEquals(
          ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
          rs.getObject("open_time", ZonedDateTime.class));
      assertEquals(Timestamp.valueOf("2024-01-01 00:00:00"), rs.getObject(1, Timestamp.class));
      assertEquals(Timestamp.valueOf("2024-01-01 00:00:00"), rs.getObject(1, java.util.Date.class));
      // getDate is the UTC day, getTime the UTC time of day.
      assertEquals("2024-01-01", rs.getDate(1).toString());
      assertEquals(Date.valueOf("2024-01-01"), rs.getObject(1, Date.class));
      assertEquals("00:59:59", rs.getTime(2).toString());
      assertEquals(JAN_1, rs.getDate(1, calendar("UTC")).getTime());
      // DATE and TIME columns.
      assertEquals("2024-01-01", rs.getDate(3).toString());
      assertEquals("2024-01-01", rs.getObject(3).toString());
      assertEquals("2024-01-01", rs.getString(3));
      assertEquals(LocalDate.of(2024, 1, 1), rs.getObject("d", LocalDate.class));
      assertEquals("00:59:59", rs.getTime(4).toString());
      assertEquals(LocalTime.of(0, 59, 59, 999_000_000), rs.getObject(4, LocalTime.class));
      // A type a time cannot become: a clear error, no Avatica accessor text.
      SQLException e = assertThrows(SQLException.class, () -> rs.getObject(1, Integer.class));
      assertEquals("22018", e.getSQLState());
      assertTrue(e.getMessage().startsWith("Cannot read a TIMESTAMP column as"), e.getMessage());
      assertTrue(rs.next());
      assertEquals("2024-01-01 01:00:00.0", rs.getTimestamp(1).toString());
    }
    assertEquals(
        List.of(
            "symbol=BTCUSDT&interval=1h&startTime="
                + JAN_1
                + "&endTime="
                + (JAN_1 + 2 * Bars.HOUR)
                + "&limit=1000"),
        klinesQueries());
  }

  @Test
  void nullTimesReadAsNull() throws SQLException {
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT CAST(NULL AS TIMESTAMP(3))" + " AS ts, CAST(NULL AS DATE) AS d")) {
      assertTrue(rs.next());
      assertNull(rs.getTimestamp(1));
      assertTrue(rs.wasNull());
      assertNull(rs.getObject(1));
      assertNull(rs.getObject(1, LocalDateTime.class));
      assertNull(rs.getDate(2));
      assertNull(rs.getString(1));
    }
  }

  /** Each binding of 2024-01-01 00:00 (UTC wall clock), as JDBC clients bind it. */
  @SuppressWarnings("JavaUtilDate") // binding a java.util.Date is one of the cases under test
  private static Map<String, Binder> lowerBounds() {
    Map<String, Binder> m = new LinkedHashMap<>();
    Timestamp local = Timestamp.valueOf("2024-01-01 00:00:00");
    m.put("setTimestamp", ps -> ps.setTimestamp(1, local));
    m.put(
        "setTimestamp UTC calendar",
        ps -> ps.setTimestamp(1, new Timestamp(JAN_1), calendar("UTC")));
    m.put(
        "setTimestamp New York calendar",
        ps ->
            ps.setTimestamp(
                1,
                Timestamp.from(Instant.parse("2024-01-01T05:00:00Z")),
                calendar("America/New_York")));
    m.put("setDate", ps -> ps.setDate(1, Date.valueOf("2024-01-01")));
    m.put("setDate UTC calendar", ps -> ps.setDate(1, new Date(JAN_1), calendar("UTC")));
    m.put("setString space", ps -> ps.setString(1, "2024-01-01 00:00:00"));
    m.put("setString T", ps -> ps.setString(1, "2024-01-01T00:00:00.000"));
    m.put("setString date", ps -> ps.setString(1, "2024-01-01"));
    m.put("setString escape", ps -> ps.setString(1, "{ts '2024-01-01 00:00:00'}"));
    m.put("setString Z", ps -> ps.setString(1, "2024-01-01T00:00:00Z"));
    m.put("setString offset", ps -> ps.setString(1, "2024-01-01T05:30:00+05:30"));
    m.put("setObject Timestamp", ps -> ps.setObject(1, local));
    m.put("setObject java.sql.Date", ps -> ps.setObject(1, Date.valueOf("2024-01-01")));
    m.put("setObject java.util.Date", ps -> ps.setObject(1, new java.util.Date(local.getTime())));
    m.put("setObject LocalDateTime", ps -> ps.setObject(1, LocalDateTime.of(2024, 1, 1, 0, 0)));
    m.put("setObject LocalDate", ps -> ps.setObject(1, LocalDate.of(2024, 1, 1)));
    m.put("setObject Instant", ps -> ps.setObject(1, Instant.ofEpochMilli(JAN_1)));
    m.put(
        "setObject OffsetDateTime",
        ps ->
            ps.setObject(
                1, OffsetDateTime.of(2024, 1, 1, 5, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))));
    m.put(
        "setObject ZonedDateTime",
        ps ->
            ps.setObject(
                1, ZonedDateTime.of(2023, 12, 31, 19, 0, 0, 0, ZoneId.of("America/New_York"))));
    m.put(
        "setObject LocalDateTime TIMESTAMP",
        ps -> ps.setObject(1, LocalDateTime.of(2024, 1, 1, 0, 0), Types.TIMESTAMP));
    m.put("setObject Timestamp TIMESTAMP", ps -> ps.setObject(1, local, Types.TIMESTAMP));
    m.put("setObject LocalDate DATE", ps -> ps.setObject(1, LocalDate.of(2024, 1, 1), Types.DATE));
    m.put(
        "setObject OffsetDateTime TIMESTAMP_WITH_TIMEZONE",
        ps ->
            ps.setObject(
                1,
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE));
    m.put(
        "setObject LocalDateTime JDBCType.TIMESTAMP",
        ps -> ps.setObject(1, LocalDateTime.of(2024, 1, 1, 0, 0), JDBCType.TIMESTAMP));
    m.put(
        "setObject LocalDate JDBCType.DATE",
        ps -> ps.setObject(1, LocalDate.of(2024, 1, 1), JDBCType.DATE));
    m.put(
        "setObject LocalDateTime TIMESTAMP scale",
        ps -> ps.setObject(1, LocalDateTime.of(2024, 1, 1, 0, 0), Types.TIMESTAMP, 3));
    m.put(
        "setObject OffsetDateTime JDBCType scale",
        ps ->
            ps.setObject(
                1,
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                JDBCType.TIMESTAMP_WITH_TIMEZONE,
                3));
    m.put(
        "setObject String TIMESTAMP",
        ps -> ps.setObject(1, "2024-01-01 00:00:00", Types.TIMESTAMP));
    m.put("setObject String VARCHAR", ps -> ps.setObject(1, "2024-01-01 00:00:00", Types.VARCHAR));
    m.put("setObject String", ps -> ps.setObject(1, "2024-01-01 00:00:00"));
    return m;
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  @Test
  void everySetterBindsTheWallClockOfTheEquivalentLiteral() throws SQLException {
    // The literal first: what every binding must send.
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                BARS
                    + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
                    + " AND open_time < TIMESTAMP '2024-01-01 03:00:00'")) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      assertEquals(3, n);
    }
    String expected =
        "symbol=BTCUSDT&interval=1h&startTime="
            + JAN_1
            + "&endTime="
            + (JAN_1 + 3 * Bars.HOUR - 1)
            + "&limit=1000";
    assertEquals(List.of(expected), klinesQueries());
    Map<String, Binder> forms = lowerBounds();
    try (PreparedStatement ps =
        conn.prepareStatement(BARS + " AND open_time >= ?" + " AND open_time < ?")) {
      for (Map.Entry<String, Binder> form : forms.entrySet()) {
        wm.resetRequests();
        form.getValue().bind(ps);
        ps.setObject(2, LocalDateTime.of(2024, 1, 1, 3, 0));
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next(), form.getKey());
          assertEquals("2024-01-01 00:00:00.0", rs.getTimestamp(1).toString(), form.getKey());
        }
        assertEquals(List.of(expected), klinesQueries(), form.getKey());
      }
    }
    assertEquals(30, forms.size());
  }

  @Test
  void badTimeTextIsAClearErrorAndSendsNothing() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(BARS + " AND open_time >= ?")) {
      SQLException e = assertThrows(SQLException.class, () -> ps.setString(1, "yesterday"));
      assertEquals("22007", e.getSQLState());
      assertEquals(
          "Cannot read 'yesterday' as a time: use 'yyyy-MM-dd HH:mm:ss[.SSS]' (UTC) or"
              + " 'yyyy-MM-dd'",
          e.getMessage());
      e = assertThrows(SQLException.class, () -> ps.setObject(1, "2024-13-01", Types.TIMESTAMP));
      assertEquals("22007", e.getSQLState());
    }
    assertEquals(List.of(), klinesQueries());
  }

  @Test
  void daylightSavingChangesOfTheJvmZoneDoNotMoveTimes() throws SQLException {
    // 2024-03-10 02:30 does not exist in New York, 2024-03-31 02:30 not in Berlin, and
    // 2024-11-03 01:30 happens twice in New York: as UTC wall clocks they are ordinary times.
    for (LocalDateTime wall :
        List.of(
            LocalDateTime.of(2024, 3, 10, 2, 30),
            LocalDateTime.of(2024, 3, 31, 2, 30),
            LocalDateTime.of(2024, 11, 3, 1, 30))) {
      long utc = wall.toInstant(ZoneOffset.UTC).toEpochMilli();
      wm.resetRequests();
      wm.stubFor(
          get(urlPathEqualTo("/api/v3/klines")).willReturn(okJson(Bars.klines(utc, 1, Bars.HOUR))));
      try (PreparedStatement ps = conn.prepareStatement(BARS + " AND open_time = ?")) {
        ps.setObject(1, wall);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(wall, rs.getObject(1, LocalDateTime.class));
          assertEquals(utc, rs.getObject(1, Instant.class).toEpochMilli());
          assertEquals(utc, rs.getTimestamp(1, calendar("UTC")).getTime());
          assertEquals(wall.toString().replace('T', ' ') + ":00.000", rs.getString(1));
          assertFalse(rs.next());
        }
        ps.setTimestamp(1, new Timestamp(utc), calendar("UTC"));
        ps.executeQuery().close();
        ps.setString(1, wall.toString());
        ps.executeQuery().close();
      }
      String expected =
          "symbol=BTCUSDT&interval=1h&startTime=" + utc + "&endTime=" + utc + "&limit=1000";
      assertEquals(List.of(expected, expected, expected), klinesQueries());
    }
  }

  @Test
  void currentTimestampFloorAndIntervalsStayInUtc() throws SQLException {
    long before = System.currentTimeMillis();
    try (ResultSet rs =
        conn.createStatement()
            .executeQuery(
                "SELECT CURRENT_TIMESTAMP,"
                    + " FLOOR(TIMESTAMP '2024-01-01 23:30:00' TO DAY),"
                    + " TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '90' MINUTE,"
                    + " EXTRACT(HOUR FROM TIMESTAMP '2024-01-01 05:00:00'), CURRENT_DATE")) {
      assertTrue(rs.next());
      long now = rs.getObject(1, Instant.class).toEpochMilli();
      assertTrue(
          now >= before - 1000 && now <= System.currentTimeMillis() + 1000,
          "CURRENT_TIMESTAMP is the UTC wall clock of now: " + rs.getString(1));
      assertEquals("2024-01-01 00:00:00", rs.getString(2));
      assertEquals("2024-01-01 01:30:00.0", rs.getTimestamp(3).toString());
      assertEquals(5, rs.getInt(4));
      assertEquals(LocalDate.now(ZoneOffset.UTC), rs.getObject(5, LocalDate.class));
    }
  }

  @Test
  void timeParametersOfOtherColumnsAndFunctions() throws SQLException {
    // A time bound through FLOOR on the row side is not pushed, but means the same wall clock.
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT COUNT(*) FROM klines WHERE symbol ="
                + " 'BTCUSDT' AND timeframe = '1h' AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
                + " AND open_time < TIMESTAMP '2024-01-01 03:00:00' AND FLOOR(open_time TO HOUR) = ?")) {
      ps.setObject(1, LocalDateTime.of(2024, 1, 1, 1, 0));
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
      }
      ps.setTimestamp(1, Timestamp.valueOf("2024-01-01 02:00:00"));
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
      }
    }
  }

  @Test
  void timeValuesAsTextParameters() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT CAST(? AS VARCHAR(30))")) {
      ps.setString(1, "2024-01-01 00:00:00");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("2024-01-01 00:00:00", rs.getString(1));
      }
    }
  }

  @Test
  void timeColumnsInResultSetMetaDataAndGetColumns() throws SQLException {
    try (ResultSet rs = conn.getMetaData().getColumns(null, "binance", "klines", "open_time")) {
      assertTrue(rs.next());
      assertEquals(Types.TIMESTAMP, rs.getInt("DATA_TYPE"));
      assertEquals("TIMESTAMP", rs.getString("TYPE_NAME"));
      assertEquals(23, rs.getInt("COLUMN_SIZE"));
      assertEquals(3, rs.getInt("DECIMAL_DIGITS"));
      assertTrue(rs.getString("REMARKS").contains("(UTC)"), rs.getString("REMARKS"));
      assertFalse(rs.next());
    }
    assertEquals(List.of(), klinesQueries());
  }

  @Test
  void timeWithZoneTargetTypesOnPlainTimeValues() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(BARS + " AND open_time = ?")) {
      ps.setObject(1, Time.valueOf("00:00:00"), Types.TIME);
      ps.setNull(1, Types.TIMESTAMP);
      try (ResultSet rs = ps.executeQuery()) {
        assertFalse(rs.next());
      }
    }
    // A NULL bound means no row can match: nothing is sent.
    assertEquals(List.of(), klinesQueries());
  }
}
