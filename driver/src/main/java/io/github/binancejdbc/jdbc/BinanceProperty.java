package io.github.binancejdbc.jdbc;

import java.util.Locale;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Every connection property of the driver: its name (as written in the URL or in {@code
 * Properties}), type, default, description, the environment variable it falls back to, and whether
 * its value is a secret (never printed, never put in a URL we show). This enum drives URL parsing,
 * {@link java.sql.Driver#getPropertyInfo} and the README's properties table.
 */
@NullMarked
public enum BinanceProperty {
  BASE_URL(
      "baseUrl",
      "string",
      "https://api.binance.com",
      null,
      false,
      "REST endpoint, or several comma-separated, tried in order: reads move to the next host"
          + " when one fails, orders never after an unknown outcome. Production's main host stands"
          + " for it and its published backups (api-gcp, api1..api4), the testnet's"
          + " (https://testnet.binance.vision) for its two hosts; or a local server such as"
          + " http://127.0.0.1:8089"),
  MARKET_DATA_URL(
      "marketDataUrl",
      "string",
      null,
      null,
      false,
      "Another host (or comma-separated hosts) for public market data, such as"
          + " https://data-api.binance.vision; signed requests and the endpoints it does not serve"
          + " keep baseUrl"),
  API_KEY(
      "apiKey",
      "string",
      null,
      "BINANCE_API_KEY",
      true,
      "API key, sent as X-MBX-APIKEY on signed requests only; public tables need none"),
  SECRET_KEY("secretKey", "string", null, "BINANCE_SECRET_KEY", true, "HMAC-SHA256 secret key"),
  PRIVATE_KEY_FILE(
      "privateKeyFile",
      "path",
      null,
      "BINANCE_PRIVATE_KEY_FILE",
      false,
      "PEM (PKCS#8) Ed25519 or RSA private key file; the key type is detected"),
  PRIVATE_KEY_PASSPHRASE(
      "privateKeyPassphrase", "string", null, null, true, "Passphrase of an encrypted PEM"),
  TRADING(
      "trading",
      "boolean",
      "false",
      null,
      false,
      "true allows procedures that place, amend or cancel orders; otherwise they fail and send"
          + " nothing"),
  RECV_WINDOW(
      "recvWindow",
      "integer",
      "5000",
      null,
      false,
      "Milliseconds a signed request stays valid (1 to 60000)"),
  CONNECT_TIMEOUT(
      "connectTimeout", "integer", "10000", null, false, "TCP connect timeout in milliseconds"),
  READ_TIMEOUT(
      "readTimeout",
      "integer",
      "30000",
      null,
      false,
      "Read timeout of one request in milliseconds"),
  MAX_RETRIES(
      "maxRetries",
      "integer",
      "3",
      null,
      false,
      "Retries of a GET after an I/O error, a 5xx or a 429 (0 to 10); never for orders"),
  MAX_CONCURRENT_REQUESTS(
      "maxConcurrentRequests",
      "integer",
      "64",
      null,
      false,
      "Pages one scan may have in flight at most (1 to 64; 1 = one after another): long klines"
          + " ranges and `trades`/`agg_trades` id ranges fetch ahead while you read, widening from"
          + " one request to 16, and beyond 16 only as far as the measured round trip needs"),
  MAX_ORDER_NOTIONAL(
      "maxOrderNotional",
      "decimal",
      null,
      null,
      false,
      "Refuse orders whose price x quantity (quote asset) exceeds this; MARKET orders are valued"
          + " at the last price"),
  ALLOWED_SYMBOLS(
      "allowedSymbols",
      "string",
      null,
      null,
      false,
      "Comma-separated symbols procedures may trade; others are refused before sending"),
  EXCHANGE_INFO_TTL(
      "exchangeInfoTtl",
      "integer",
      "300",
      null,
      false,
      "Seconds the exchange information (symbols, filters, rate limits) is cached"),
  CACHE_SIZE(
      "cacheSize",
      "integer",
      null,
      null,
      false,
      "Megabytes of closed history (closed klines bars, trades, aggregate trades and block"
          + " trades by id, an account's fills and final orders) kept in memory, shared by the"
          + " connections to one baseUrl in the JVM, so a range is fetched"
          + " once; 0 turns the cache off; default 64, or an eighth of the maximum heap when that"
          + " is less"),
  ARCHIVE(
      "archive",
      "path",
      null,
      null,
      false,
      "Directory where closed history is also kept on disk (an H2 MVStore file), across"
          + " processes: a report over a closed range costs no request the second time");

  private final String propertyName;
  private final String type;
  private final @Nullable String defaultValue;
  private final @Nullable String envVar;
  private final boolean sensitive;
  private final String description;

  BinanceProperty(
      String propertyName,
      String type,
      @Nullable String defaultValue,
      @Nullable String envVar,
      boolean sensitive,
      String description) {
    this.propertyName = propertyName;
    this.type = type;
    this.defaultValue = defaultValue;
    this.envVar = envVar;
    this.sensitive = sensitive;
    this.description = description;
  }

  /** The name used in URLs and {@code Properties}, e.g. {@code recvWindow}. */
  public String propertyName() {
    return propertyName;
  }

  public String type() {
    return type;
  }

  /** The default, or {@code null} for none. */
  public @Nullable String defaultValue() {
    return defaultValue;
  }

  /** The environment variable read when the property is not given, or {@code null}. */
  public @Nullable String envVar() {
    return envVar;
  }

  /** Whether the value is a secret: never logged, printed or shown in a URL. */
  public boolean isSensitive() {
    return sensitive;
  }

  public String description() {
    return description;
  }

  /** The property for a name, ignoring case; {@code null} when it is not one of ours. */
  public static @Nullable BinanceProperty forName(String name) {
    for (BinanceProperty p : values()) {
      if (p.propertyName.equalsIgnoreCase(name)
          || p.name().equalsIgnoreCase(name.replace('-', '_').toUpperCase(Locale.ROOT))) {
        return p;
      }
    }
    return null;
  }
}
