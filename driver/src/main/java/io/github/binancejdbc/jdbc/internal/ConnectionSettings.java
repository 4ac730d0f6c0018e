package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.BinanceTypeSystem;
import io.github.binancejdbc.jdbc.BinanceProperty;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Splits merged connection properties into the adapter's {@link BinanceConfig} and the properties
 * Calcite gets, with the defaults BI tools need: lower-case case-insensitive identifiers, double
 * quotes, lenient conformance ({@code !=}, GROUP BY alias), UTC timestamps and DECIMAL(38).
 */
public final class ConnectionSettings {
  private ConnectionSettings() {}

  /** Calcite defaults; a user may override any of them by giving the same property. */
  static Properties calciteDefaults() {
    Properties p = new Properties();
    p.setProperty("caseSensitive", "false");
    p.setProperty("quoting", "DOUBLE_QUOTE");
    p.setProperty("unquotedCasing", "TO_LOWER");
    p.setProperty("quotedCasing", "UNCHANGED");
    p.setProperty("conformance", "LENIENT");
    p.setProperty("typeSystem", BinanceTypeSystem.class.getName() + "#INSTANCE");
    p.setProperty("metaTableFactory", BinanceMetaTableFactory.class.getName());
    p.setProperty("metaColumnFactory", BinanceMetaColumnFactory.class.getName());
    return p;
  }

  /** What Calcite sees: its defaults plus every property that is not ours (never a secret). */
  public static Properties calciteProperties(Properties merged) {
    Properties p = calciteDefaults();
    for (String name : merged.stringPropertyNames()) {
      if (BinanceProperty.forName(name) == null) {
        p.setProperty(name, merged.getProperty(name));
      }
    }
    // Not a default but the contract: a TIMESTAMP is the UTC wall clock, in every JVM zone. Another
    // zone here would shift every bound parameter and every value read.
    for (String name : p.stringPropertyNames()) {
      if (name.replace("_", "").equalsIgnoreCase("timezone")) {
        p.remove(name);
      }
    }
    p.setProperty("timeZone", "UTC");
    return p;
  }

  /** Whether {@code calciteProperties} are the driver's own: the user set no Calcite property. */
  public static boolean isDefault(Properties calciteProperties) {
    return calciteProperties.equals(calciteProperties(new Properties()));
  }

  /**
   * The adapter's settings.
   *
   * @throws SQLException (22023) naming the property whose value is not acceptable
   */
  public static BinanceConfig config(Properties merged) throws SQLException {
    BinanceConfig.Builder b = BinanceConfig.newBuilder();
    for (BinanceProperty p : BinanceProperty.values()) {
      String v = merged.getProperty(p.propertyName(), p.defaultValue());
      if (v == null) {
        continue;
      }
      try {
        switch (p) {
          case BASE_URL -> b.baseUrl(v);
          case MARKET_DATA_URL -> b.marketDataUrl(v);
          case API_KEY -> b.apiKey(v);
          case SECRET_KEY -> b.secretKey(v);
          case PRIVATE_KEY_FILE -> b.privateKeyFile(v);
          case PRIVATE_KEY_PASSPHRASE -> b.privateKeyPassphrase(v);
          case TRADING -> b.trading(bool(v));
          case RECV_WINDOW -> b.recvWindowMillis(Long.parseLong(v.trim()));
          case CONNECT_TIMEOUT -> b.connectTimeout(Duration.ofMillis(Long.parseLong(v.trim())));
          case READ_TIMEOUT -> b.readTimeout(Duration.ofMillis(Long.parseLong(v.trim())));
          case MAX_RETRIES -> b.maxRetries(Integer.parseInt(v.trim()));
          case MAX_CONCURRENT_REQUESTS -> b.maxConcurrentRequests(Integer.parseInt(v.trim()));
          case MAX_ORDER_NOTIONAL -> b.maxOrderNotional(new java.math.BigDecimal(v.trim()));
          case ALLOWED_SYMBOLS -> b.allowedSymbols(List.of(v.split(",")));
          case EXCHANGE_INFO_TTL -> b.exchangeInfoTtl(Duration.ofSeconds(Long.parseLong(v.trim())));
          case CACHE_SIZE -> b.cacheSizeBytes(megabytes(Long.parseLong(v.trim())));
          case ARCHIVE -> b.archive(v);
        }
      } catch (IllegalArgumentException e) {
        String shown = p.isSensitive() ? "****" : v;
        String why =
            e instanceof NumberFormatException
                ? "expected " + p.type() + ", got '" + shown + "'"
                : e.getMessage();
        throw new SQLDataException(
            "Invalid value for connection property " + p.propertyName() + ": " + why, "22023", e);
      }
    }
    return b.build();
  }

  private static long megabytes(long mb) {
    if (mb < 0 || mb > 1L << 20) {
      throw new IllegalArgumentException(
          "cacheSize is in megabytes, from 0 (off) to 1048576, but was: " + mb);
    }
    return mb << 20;
  }

  private static boolean bool(String v) {
    String s = v.trim().toLowerCase(Locale.ROOT);
    if (s.equals("true")) {
      return true;
    }
    if (s.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException("expected true or false, got '" + v + "'");
  }
}
