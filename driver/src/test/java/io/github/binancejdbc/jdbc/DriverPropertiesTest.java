package io.github.binancejdbc.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.jdbc.internal.ConnectionSettings;
import io.github.binancejdbc.jdbc.internal.UrlParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** URL grammar, property precedence, validation, and the README's properties table. */
class DriverPropertiesTest {
  private static Properties parse(String url, Properties info, Map<String, String> env)
      throws SQLException {
    return UrlParser.parse(url, info, env);
  }

  @Test
  void enumConstantsMirrorPropertyNames() {
    for (BinanceProperty p : BinanceProperty.values()) {
      String mirrored =
          p.propertyName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
      assertEquals(p.name(), mirrored);
      assertEquals(p, BinanceProperty.forName(p.propertyName()));
      assertEquals(p, BinanceProperty.forName(p.propertyName().toLowerCase(Locale.ROOT)));
    }
  }

  @Test
  void readmePropertiesTableListsEveryPropertyWithItsDefault() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    for (BinanceProperty p : BinanceProperty.values()) {
      String row =
          "| `"
              + p.propertyName()
              + "` | "
              + p.type()
              + " | "
              + (p.defaultValue() == null ? "" : "`" + p.defaultValue() + "`")
              + (p.envVar() == null
                  ? ""
                  : (p.defaultValue() == null ? "" : " ") + "env `" + p.envVar() + "`")
              + " | "
              + p.description()
              + " |";
      assertTrue(readme.contains(row), "README lacks the row: " + row);
    }
  }

  @Test
  void urlGrammar() throws SQLException {
    Map<String, String> env = Map.of();
    assertEquals(
        "http://127.0.0.1:8089",
        parse("jdbc:binance://127.0.0.1:8089", null, env).getProperty("baseUrl"));
    assertEquals(
        "https://testnet.binance.vision",
        parse("jdbc:binance://testnet.binance.vision/", null, env).getProperty("baseUrl"));
    Properties p = parse("jdbc:binance://localhost:8089?recvWindow=7000&trading=true", null, env);
    assertEquals("http://localhost:8089", p.getProperty("baseUrl"));
    assertEquals("7000", p.getProperty("recvWindow"));
    assertEquals("true", p.getProperty("trading"));
    Properties semi = parse("jdbc:binance:RECV_WINDOW=6000;baseUrl=http%3A%2F%2Fh%3A1", null, env);
    assertEquals("6000", semi.getProperty("recvWindow"));
    assertEquals("http://h:1", semi.getProperty("baseUrl"));
    SQLException e =
        assertThrows(SQLException.class, () -> parse("jdbc:binance:?trading", null, env));
    assertEquals("22023", e.getSQLState());
  }

  @Test
  void urlBeatsPropertiesBeatsEnvironmentAndUserPasswordAreKeyAliases() throws SQLException {
    Properties info = new Properties();
    info.setProperty("recvWindow", "3000");
    info.setProperty("user", "key-from-user");
    info.setProperty("password", "secret-from-password");
    Map<String, String> env = Map.of("BINANCE_API_KEY", "env-key", "BINANCE_SECRET_KEY", "env-s");
    Properties p = parse("jdbc:binance:?recvWindow=4000", info, env);
    assertEquals("4000", p.getProperty("recvWindow"));
    assertEquals("key-from-user", p.getProperty("apiKey"));
    assertEquals("secret-from-password", p.getProperty("secretKey"));
    assertNull(p.getProperty("user"));
    Properties fromEnv = parse("jdbc:binance:", new Properties(), env);
    assertEquals("env-key", fromEnv.getProperty("apiKey"));
    assertEquals("env-s", fromEnv.getProperty("secretKey"));
  }

  @Test
  void badValuesNameTheProperty() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection("jdbc:binance:?recvWindow=70000"));
    assertEquals("22023", e.getSQLState());
    assertEquals(
        "Invalid value for connection property recvWindow: recvWindow must be between 1"
            + " and 60000 milliseconds, but was: 70000",
        e.getMessage());
    SQLException t =
        assertThrows(
            SQLException.class, () -> DriverManager.getConnection("jdbc:binance:?trading=yes"));
    assertEquals(
        "Invalid value for connection property trading: expected true or false, got" + " 'yes'",
        t.getMessage());
    SQLException u =
        assertThrows(
            SQLException.class, () -> DriverManager.getConnection("jdbc:binance:?baseUrl=ftp://x"));
    assertTrue(
        u.getMessage().startsWith("Invalid value for connection property baseUrl:"),
        u.getMessage());
    SQLException m =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection("jdbc:binance:?maxConcurrentRequests=65"));
    assertEquals("22023", m.getSQLState());
    assertEquals(
        "Invalid value for connection property maxConcurrentRequests: maxConcurrentRequests must"
            + " be between 1 and 64, but was: 65",
        m.getMessage());
  }

  @Test
  void upToSixtyFourPagesMayBeInFlight() throws SQLException {
    // Nothing is sent at connect, so an address nothing listens on will do.
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:binance:?baseUrl=http://127.0.0.1:9&maxConcurrentRequests=64")) {
      assertFalse(c.isClosed(), "64 is accepted");
    }
  }

  @Test
  void secretsNeverShowInUrlUserNameToStringOrPropertyInfo() throws SQLException {
    Properties info = new Properties();
    info.setProperty("apiKey", "AKEY-1234567890");
    info.setProperty("secretKey", "SECRET-abcdefghij");
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:binance:?baseUrl=http://127.0.0.1:9&privateKeyPassphrase=PASS-xyz", info)) {
      String shown =
          c.getMetaData().getURL()
              + " "
              + c.getMetaData().getUserName()
              + " "
              + c
              + " "
              + c.getClientInfo();
      for (String secret : new String[] {"AKEY-1234567890", "SECRET-abcdefghij", "PASS-xyz"}) {
        assertFalse(shown.contains(secret), shown);
      }
      assertEquals("jdbc:binance:?baseUrl=http://127.0.0.1:9", c.getMetaData().getURL());
    }
    Driver d = new BinanceDriver();
    for (DriverPropertyInfo pi : d.getPropertyInfo("jdbc:binance:", info)) {
      assertFalse(String.valueOf(pi.value).contains("SECRET"), pi.name);
      assertFalse(pi.description.isBlank(), pi.name);
    }
    assertFalse(
        ConnectionSettings.calciteProperties(parseQuietly(info)).toString().contains("SECRET"));
  }

  private static Properties parseQuietly(Properties info) throws SQLException {
    return UrlParser.parse("jdbc:binance:", info, Map.of());
  }

  @Test
  void registeredWithDriverManager() throws SQLException {
    Driver d = DriverManager.getDriver("jdbc:binance:");
    assertInstanceOf(BinanceDriver.class, d);
    assertTrue(d.acceptsURL("JDBC:BINANCE://127.0.0.1:8089"));
    assertFalse(d.acceptsURL("jdbc:postgresql://x"));
    assertInstanceOf(SQLDataException.class, ConnectionSettingsProbe.badRecvWindow());
  }

  /** Translating a bad property value yields the DATA class of exception tools recognise. */
  static final class ConnectionSettingsProbe {
    static SQLException badRecvWindow() {
      try {
        DriverManager.getConnection("jdbc:binance:?recvWindow=0");
        return null;
      } catch (SQLException e) {
        return e;
      }
    }
  }
}
