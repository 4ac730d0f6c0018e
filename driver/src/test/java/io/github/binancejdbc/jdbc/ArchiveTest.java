package io.github.binancejdbc.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.fixture.FixtureExchange;
import io.github.binancejdbc.testing.Rows;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.StringDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive on disk: closed history read once is read again after the archive was closed, and in
 * a new JVM (a child process on the test class path), at no request; a second process that finds
 * the archive in use works from memory with one WARN line; a file that is not an archive is refused
 * with a clear message and SQLState 22023, and an archive of a newer format too; a damaged record
 * is fetched again, never read as rows.
 */
class ArchiveTest {
  private static final String SQL =
      "SELECT * FROM klines WHERE symbol = 'BTCUSDT' AND timeframe = '1h'"
          + " AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
          + " AND open_time < TIMESTAMP '2024-03-01 00:00:00'";
  private static final String FILE = "binance-jdbc-archive.mv.db";

  @TempDir Path dir;
  private FixtureExchange exchange;

  @BeforeEach
  void start() {
    exchange = FixtureExchange.start();
  }

  @AfterEach
  void stop() {
    exchange.close();
  }

  /** Memory off: only the archive can spare a request. */
  private String url(String extra) {
    return exchange.jdbcUrl() + "&maxRetries=0&cacheSize=0&archive=" + dir + extra;
  }

  @Test
  void anArchiveClosedAndOpenedAgainServesTheRangeWithoutARequest() throws SQLException {
    List<String> first;
    try (Connection conn = DriverManager.getConnection(url(""))) {
      first = Rows.lines(conn, SQL);
      assertEquals(1440, first.size());
      assertEquals(2, exchange.requestCount("/api/v3/klines"));
    }
    assertTrue(Files.isRegularFile(dir.resolve(FILE)));
    exchange.resetRequests();
    try (Connection conn = DriverManager.getConnection(url(""))) {
      assertEquals(first, Rows.lines(conn, SQL));
    }
    assertEquals(0, exchange.requestCount());
  }

  @Test
  void aNewJvmServesTheRangeFromTheArchiveAndASecondProcessFallsBackToMemory() throws Exception {
    try (Connection conn = DriverManager.getConnection(url(""))) {
      assertEquals(1440, Rows.lines(conn, SQL).size());
      exchange.resetRequests();
      // This process holds the archive: the child cannot open it, warns once, and still answers
      // (from the API).
      Child busy = child(url(""), SQL);
      assertEquals(0, busy.exit(), busy.err());
      assertEquals("rows=1440", busy.out().strip());
      assertEquals(1, busy.warnings("is in use by another process"), busy.err());
      assertEquals(2, exchange.requestCount("/api/v3/klines"));
    }
    exchange.resetRequests();
    // Released: a new JVM reads the range from the archive alone.
    Child fresh = child(url(""), SQL);
    assertEquals(0, fresh.exit(), fresh.err());
    assertEquals("rows=1440", fresh.out().strip());
    assertEquals(0, fresh.warnings("archive"), fresh.err());
    assertEquals(0, exchange.requestCount("/api/v3/klines"));
  }

  @Test
  void aDamagedRecordIsFetchedAgainNeverReadAsRows() throws SQLException {
    List<String> first;
    try (Connection conn = DriverManager.getConnection(url(""))) {
      first = Rows.lines(conn, SQL);
    }
    try (MVStore s = MVStore.open(dir.resolve(FILE).toString())) {
      MVMap<String, byte[]> segments =
          s.openMap(
              "segments",
              new MVMap.Builder<String, byte[]>()
                  .keyType(StringDataType.INSTANCE)
                  .valueType(ByteArrayDataType.INSTANCE));
      assertEquals(2, segments.size(), "one record per page");
      for (String k : segments.keySet()) {
        byte[] v = segments.get(k).clone();
        v[v.length / 2] ^= 0x55; // a flipped byte in the middle of the rows
        segments.put(k, v);
      }
    }
    exchange.resetRequests();
    try (Connection conn = DriverManager.getConnection(url(""))) {
      assertEquals(first, Rows.lines(conn, SQL));
    }
    assertEquals(2, exchange.requestCount("/api/v3/klines"), "both pages fetched again");
    exchange.resetRequests();
    try (Connection conn = DriverManager.getConnection(url(""))) {
      assertEquals(first, Rows.lines(conn, SQL));
    }
    assertEquals(0, exchange.requestCount("/api/v3/klines"), "and kept again");
  }

  @Test
  void aFileThatIsNotAnArchiveIsRefusedClearly() throws IOException {
    Files.write(dir.resolve(FILE), "not an archive, just some text\n".repeat(200).getBytes(UTF_8));
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url("")));
    assertEquals("22023", e.getSQLState());
    assertTrue(e.getMessage().contains(dir.resolve(FILE).toString()), e.getMessage());
    assertTrue(e.getMessage().contains("delete it"), e.getMessage());
  }

  @Test
  void anH2FileOfSomethingElseIsRefusedClearly() throws SQLException {
    try (MVStore other = MVStore.open(dir.resolve(FILE).toString())) {
      other.openMap("customers").put("1", "someone");
    }
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url("")));
    assertEquals("22023", e.getSQLState());
    assertTrue(e.getMessage().contains("not a binance-jdbc archive"), e.getMessage());
  }

  @Test
  void anArchiveOfANewerFormatIsRefusedAndAnOlderOneRebuilt() throws SQLException {
    try (MVStore s = MVStore.open(dir.resolve(FILE).toString())) {
      s.openMap("meta", strings()).put("binance-jdbc-archive-format", "99");
    }
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url("")));
    assertEquals("22023", e.getSQLState());
    assertTrue(e.getMessage().contains("format 99"), e.getMessage());
    try (MVStore s = MVStore.open(dir.resolve(FILE).toString())) {
      s.openMap("meta", strings()).put("binance-jdbc-archive-format", "0");
      s.<String, String>openMap("segments").put("x", "old layout");
    }
    try (Connection conn = DriverManager.getConnection(url(""))) {
      assertEquals(1440, Rows.lines(conn, SQL).size());
    }
    assertEquals(2, exchange.requestCount("/api/v3/klines"));
  }

  private static MVMap.Builder<String, String> strings() {
    return new MVMap.Builder<String, String>()
        .keyType(StringDataType.INSTANCE)
        .valueType(StringDataType.INSTANCE);
  }

  /** A child JVM's exit code and output. */
  private record Child(int exit, String out, String err) {
    long warnings(String text) {
      return err.lines().filter(l -> l.contains(text)).count();
    }
  }

  /**
   * Runs {@link ArchiveChild} in a new JVM on this test class path, logging through JUL (its WARN
   * lines go to stderr) instead of the tests' silent binding.
   */
  private static Child child(String url, String sql) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cp = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
      cp.add(entry.contains("slf4j-nop") ? jdk14Binding(entry) : entry);
    }
    Path err = Files.createTempFile("archive-child", ".err");
    try {
      Process p =
          new ProcessBuilder(
                  java,
                  "-cp",
                  String.join(File.pathSeparator, cp),
                  ArchiveChild.class.getName(),
                  url,
                  sql)
              .redirectError(err.toFile())
              .start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the child JVM did not end");
      }
      return new Child(p.exitValue(), new String(out, UTF_8), Files.readString(err, UTF_8));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /** The slf4j-jdk14 jar of the same version beside slf4j-nop's in the local repository. */
  private static String jdk14Binding(String nopJar) {
    Path nop = Path.of(nopJar);
    String version = nop.getParent().getFileName().toString();
    Path jdk14 =
        nop.getParent()
            .getParent()
            .getParent()
            .resolve("slf4j-jdk14")
            .resolve(version)
            .resolve("slf4j-jdk14-" + version + ".jar");
    if (!Files.isRegularFile(jdk14)) {
      throw new AssertionError("no slf4j-jdk14 " + version + " beside " + nopJar);
    }
    return jdk14.toString();
  }
}
