package io.github.binancejdbc.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.binancejdbc.testing.WireMocks;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar works alone, as DBeaver loads it: a class loader that sees only that jar finds the
 * driver through ServiceLoader, connects and runs a pushed-down query.
 */
class ShadedJarIT {
  @RegisterExtension static WireMockExtension wm = WireMocks.strict();

  private static File jar() {
    File f = new File(System.getProperty("shaded.jar"));
    assertTrue(f.isFile(), "shaded jar missing: " + f);
    return f;
  }

  @Test
  void driverLoadsAloneAndRunsAQuery() throws Exception {
    wm.stubFor(
        get(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=2"))
            .willReturn(okJson(Bars.klines(1704067200000L, 2, Bars.HOUR))));
    // A fresh process reads the limits before its first request.
    wm.stubFor(
        get(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT"))
            .willReturn(
                okJson(
                    "{\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\","
                        + "\"intervalNum\":1,\"limit\":6000}],\"symbols\":[]}")));
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {jar().toURI().toURL()}, ClassLoader.getPlatformClassLoader())) {
      List<String> drivers = new ArrayList<>();
      Driver binance = null;
      for (Driver d : ServiceLoader.load(Driver.class, loader)) {
        if (d.getClass().getClassLoader() == loader) {
          drivers.add(d.getClass().getName());
          binance = d;
        }
      }
      assertEquals(List.of("io.github.binancejdbc.jdbc.BinanceDriver"), drivers);
      assertTrue(binance.acceptsURL("jdbc:binance:"));
      assertFalse(binance.acceptsURL("jdbc:calcite:"));
      DriverPropertyInfo[] info = binance.getPropertyInfo("jdbc:binance:", new Properties());
      assertEquals("baseUrl", info[0].name);
      assertNotNull(info[0].description);

      try (Connection c =
              binance.connect("jdbc:binance:?baseUrl=" + wm.baseUrl(), new Properties());
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT'"
                          + " AND timeframe = '1h' ORDER BY open_time DESC LIMIT 2")) {
        assertTrue(rs.next());
        assertEquals(1704067200000L + Bars.HOUR, rs.getObject(1, Instant.class).toEpochMilli());
        assertEquals("40002.00000000", rs.getString(2));
        assertTrue(rs.next());
        assertFalse(rs.next());
      }
    }
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=2")));
  }

  /** The archive's MVStore runs relocated from the shaded jar: the second read sends nothing. */
  @Test
  void theArchiveWorksFromTheShadedJar(@TempDir Path dir) throws Exception {
    String range =
        "/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=1704067200000"
            + "&endTime=1704074399999&limit=1000";
    wm.stubFor(
        get(urlEqualTo(range)).willReturn(okJson(Bars.klines(1704067200000L, 2, Bars.HOUR))));
    wm.stubFor(
        get(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT"))
            .willReturn(
                okJson(
                    "{\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\","
                        + "\"intervalNum\":1,\"limit\":6000}],\"symbols\":[]}")));
    String sql =
        "SELECT open_time, close_price FROM klines WHERE symbol = 'BTCUSDT'"
            + " AND timeframe = '1h' AND open_time >= TIMESTAMP '2024-01-01 00:00:00'"
            + " AND open_time < TIMESTAMP '2024-01-01 02:00:00'";
    String url = "jdbc:binance:?baseUrl=" + wm.baseUrl() + "&cacheSize=0&archive=" + dir;
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {jar().toURI().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Driver binance = null;
      for (Driver d : ServiceLoader.load(Driver.class, loader)) {
        if (d.getClass().getClassLoader() == loader) {
          binance = d;
        }
      }
      for (int run = 0; run < 2; run++) {
        try (Connection c = binance.connect(url, new Properties());
            ResultSet rs = c.createStatement().executeQuery(sql)) {
          assertTrue(rs.next());
          assertTrue(rs.next());
          assertFalse(rs.next());
        }
      }
    }
    wm.verify(1, getRequestedFor(urlEqualTo(range)));
    assertTrue(dir.resolve("binance-jdbc-archive.mv.db").toFile().isFile());
    try (JarFile jf = new JarFile(jar())) {
      assertNotNull(jf.getEntry("io/github/binancejdbc/shaded/h2/mvstore/MVStore.class"));
      assertNull(jf.getEntry("org/h2/mvstore/MVStore.class"));
    }
  }

  /**
   * A plain JVM with the shaded jar as its only class path entry (the program is a source file the
   * launcher compiles) loads the driver, reads metadata and runs queries, and prints nothing on
   * stderr: no logging binding warnings, no illegal-access or missing-class messages.
   */
  @Test
  void aPlainJvmWithOnlyTheJarPrintsNothingOnStderr(@TempDir Path dir) throws Exception {
    wm.stubFor(
        get(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=2"))
            .willReturn(okJson(Bars.klines(1704067200000L, 2, Bars.HOUR))));
    wm.stubFor(
        get(urlEqualTo("/api/v3/exchangeInfo?symbol=BTCUSDT"))
            .willReturn(
                okJson(
                    "{\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\","
                        + "\"intervalNum\":1,\"limit\":6000}],\"symbols\":[]}")));
    Path source = Path.of("src/test/java/io/github/binancejdbc/jdbc/QuietLoad.java");
    assertTrue(Files.isRegularFile(source), source.toAbsolutePath().toString());
    Path stdout = dir.resolve("stdout");
    Path stderr = dir.resolve("stderr");
    Process p =
        new ProcessBuilder(
                new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-Duser.timezone=Asia/Kolkata",
                "-cp",
                jar().getPath(),
                source.toString(),
                wm.baseUrl())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    String out = Files.readString(stdout, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out + err);
    assertEquals("", err, "the driver printed on stderr");
    assertEquals(
        List.of(
            "table klines",
            "values 2 7 2024-01-01 10:00:00",
            "bar " + (1704067200000L + Bars.HOUR) + " 40002.00000000 DECIMAL",
            "bar 1704067200000 40001.00000000 DECIMAL"),
        out.lines().toList());
    wm.verify(1, getRequestedFor(urlEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=2")));
    try (JarFile jf = new JarFile(jar())) {
      assertNull(jf.getEntry("org/slf4j/LoggerFactory.class"));
      assertNotNull(jf.getEntry("io/github/binancejdbc/shaded/slf4j/LoggerFactory.class"));
    }
  }

  @Test
  void leafLibrariesAreRelocatedAndSignaturesStripped() throws Exception {
    try (JarFile jf = new JarFile(jar())) {
      assertNotNull(jf.getEntry("io/github/binancejdbc/shaded/okhttp3/OkHttpClient.class"));
      assertNotNull(jf.getEntry("io/github/binancejdbc/shaded/jackson/core/JsonParser.class"));
      assertNull(jf.getEntry("okhttp3/OkHttpClient.class"));
      assertNotNull(jf.getEntry("org/apache/calcite/jdbc/Driver.class"));
      Enumeration<JarEntry> entries = jf.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        assertFalse(name.matches("META-INF/[^/]+\\.(SF|DSA|RSA)"), name);
      }
      String services =
          new String(
              jf.getInputStream(jf.getEntry("META-INF/services/java.sql.Driver")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertEquals("io.github.binancejdbc.jdbc.BinanceDriver", services.strip());
    }
  }

  /**
   * Only Calcite, Avatica and the driver itself keep their package names; every other library is
   * relocated under io/github/binancejdbc/shaded/ or left out. A class of another package (an
   * unrelocated library, a multi-release variant in META-INF/versions, or one the driver never
   * loads, such as protobuf for Avatica's remote client) fails this test.
   */
  @Test
  void onlyAllowedPackagesAreInTheJar() throws Exception {
    List<String> allowed = List.of("io/github/binancejdbc/", "org/apache/calcite/");
    List<String> outside = new ArrayList<>();
    try (JarFile jf = new JarFile(jar())) {
      Enumeration<JarEntry> entries = jf.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.endsWith(".class") && allowed.stream().noneMatch(name::startsWith)) {
          outside.add(name);
        }
      }
    }
    assertEquals(
        List.of(),
        outside.subList(0, Math.min(20, outside.size())),
        outside.size() + " classes outside the allowed packages");
  }
}
