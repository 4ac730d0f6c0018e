package io.github.binancejdbc.adapter;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Immutable settings of one connection's adapter: where the API is, how patient to be, and (later)
 * the credentials. Built with {@link #newBuilder()}; the builder validates and names the bad value.
 *
 * <p>{@link #toString()} never prints a secret.
 */
public final class BinanceConfig {
  public static final String DEFAULT_BASE_URL = "https://api.binance.com";

  /** Production's main host and the backups Binance publishes for it, in the order tried. */
  public static final List<String> PRODUCTION_HOSTS =
      List.of(
          DEFAULT_BASE_URL,
          "https://api-gcp.binance.com",
          "https://api1.binance.com",
          "https://api2.binance.com",
          "https://api3.binance.com",
          "https://api4.binance.com");

  /** The spot testnet's two published hosts. */
  public static final List<String> TESTNET_HOSTS =
      List.of("https://testnet.binance.vision", "https://api1.testnet.binance.vision");

  private final List<String> baseUrls;
  private final List<String> marketDataUrls;
  private final @Nullable String apiKey;
  private final @Nullable String secretKey;
  private final @Nullable String privateKeyFile;
  private final @Nullable String privateKeyPassphrase;
  private final boolean trading;
  private final long recvWindowMillis;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxRetries;
  private final int maxConcurrentRequests;
  private final Duration exchangeInfoTtl;
  private final Clock clock;
  private final Sleeper sleeper;
  private final java.math.@Nullable BigDecimal maxOrderNotional;
  private final Set<String> allowedSymbols;
  private final long cacheSizeBytes;
  private final @Nullable String archive;

  private BinanceConfig(Builder b) {
    this.cacheSizeBytes = b.cacheSizeBytes;
    this.archive = b.archive;
    this.maxOrderNotional = b.maxOrderNotional;
    this.allowedSymbols = b.allowedSymbols;
    this.baseUrls = b.baseUrls;
    this.marketDataUrls = b.marketDataUrls;
    this.apiKey = b.apiKey;
    this.secretKey = b.secretKey;
    this.privateKeyFile = b.privateKeyFile;
    this.privateKeyPassphrase = b.privateKeyPassphrase;
    this.trading = b.trading;
    this.recvWindowMillis = b.recvWindowMillis;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.maxRetries = b.maxRetries;
    this.maxConcurrentRequests = b.maxConcurrentRequests;
    this.exchangeInfoTtl = b.exchangeInfoTtl;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
  }

  /** Pages one scan may have in flight by default; see the README's benchmark for why. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The first base URL, without a trailing slash, e.g. {@code https://api.binance.com}. */
  public String baseUrl() {
    return baseUrls.get(0);
  }

  /** Every base URL, in the order they are tried; never empty. */
  public List<String> baseUrls() {
    return baseUrls;
  }

  /**
   * The hosts for public market data, in the order tried; empty when market data goes to {@link
   * #baseUrls()} like everything else.
   */
  public List<String> marketDataUrls() {
    return marketDataUrls;
  }

  public @Nullable String apiKey() {
    return apiKey;
  }

  public @Nullable String secretKey() {
    return secretKey;
  }

  public @Nullable String privateKeyFile() {
    return privateKeyFile;
  }

  public @Nullable String privateKeyPassphrase() {
    return privateKeyPassphrase;
  }

  public boolean trading() {
    return trading;
  }

  public long recvWindowMillis() {
    return recvWindowMillis;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  /** How many times a GET is retried after an I/O error or a 5xx (429 waits are counted too). */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * How many pages one scan may have in flight (1 = one page after another). Pages are fetched
   * ahead only where the next page's start is known before the current one arrives.
   */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /**
   * How long exchange information (symbols, filters, limits) is kept before it is fetched again.
   */
  public Duration exchangeInfoTtl() {
    return exchangeInfoTtl;
  }

  /** The only source of wall-clock time for the adapter (tests inject a fake one). */
  public Clock clock() {
    return clock;
  }

  /** The only way the adapter waits (tests inject one that records instead of sleeping). */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** Orders worth more than this (in the quote asset) are refused; {@code null} for no limit. */
  public java.math.@Nullable BigDecimal maxOrderNotional() {
    return maxOrderNotional;
  }

  /** The only symbols procedures may trade; empty for all. */
  public Set<String> allowedSymbols() {
    return allowedSymbols;
  }

  /**
   * The bound in bytes of the memory cache of closed history (shared per base URL: the largest any
   * connection asks for); 0 keeps nothing in memory.
   */
  public long cacheSizeBytes() {
    return cacheSizeBytes;
  }

  /** The directory of the archive of closed history on disk; {@code null} for none. */
  public @Nullable String archive() {
    return archive;
  }

  @Override
  public String toString() {
    return "BinanceConfig{baseUrl="
        + String.join(",", baseUrls)
        + (marketDataUrls.isEmpty() ? "" : ", marketDataUrl=" + String.join(",", marketDataUrls))
        + ", apiKey="
        + (apiKey == null ? "none" : "****")
        + ", secretKey="
        + (secretKey == null ? "none" : "****")
        + ", privateKeyFile="
        + (privateKeyFile == null ? "none" : "(set)")
        + ", trading="
        + trading
        + ", recvWindow="
        + recvWindowMillis
        + "}";
  }

  /** Builder; every setter checks its argument and names it in the exception. */
  public static final class Builder {
    private List<String> baseUrls = PRODUCTION_HOSTS;
    private List<String> marketDataUrls = List.of();
    private @Nullable String apiKey;
    private @Nullable String secretKey;
    private @Nullable String privateKeyFile;
    private @Nullable String privateKeyPassphrase;
    private boolean trading;
    private long recvWindowMillis = 5000;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private int maxRetries = 3;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private Duration exchangeInfoTtl = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private java.math.@Nullable BigDecimal maxOrderNotional;
    private Set<String> allowedSymbols = Set.of();
    private long cacheSizeBytes = io.github.binancejdbc.adapter.cache.HistoryCache.DEFAULT_BYTES;
    private @Nullable String archive;

    private Builder() {}

    /** The memory cache's bound in bytes; 0 turns it off. */
    public Builder cacheSizeBytes(long cacheSizeBytes) {
      if (cacheSizeBytes < 0) {
        throw new IllegalArgumentException(
            "cacheSize must not be negative (0 turns the cache off), but was: " + cacheSizeBytes);
      }
      this.cacheSizeBytes = cacheSizeBytes;
      return this;
    }

    /** A directory for the archive of closed history; null or blank for none. */
    public Builder archive(@Nullable String archive) {
      this.archive = emptyToNull(archive);
      return this;
    }

    public Builder maxOrderNotional(java.math.@Nullable BigDecimal maxOrderNotional) {
      if (maxOrderNotional != null && maxOrderNotional.signum() <= 0) {
        throw new IllegalArgumentException(
            "maxOrderNotional must be positive, but was: " + maxOrderNotional.toPlainString());
      }
      this.maxOrderNotional = maxOrderNotional;
      return this;
    }

    /** Comma-separated or a collection; names are upper-cased. */
    public Builder allowedSymbols(Collection<String> symbols) {
      Set<String> s = new TreeSet<>();
      for (String sym : requireNonNull(symbols, "symbols is null")) {
        if (!sym.isBlank()) {
          s.add(sym.strip().toUpperCase(Locale.ROOT));
        }
      }
      this.allowedSymbols = Collections.unmodifiableSet(s);
      return this;
    }

    /**
     * One URL or a comma-separated list tried in order. A lone main host of production ({@code
     * https://api.binance.com}) or of the testnet ({@code https://testnet.binance.vision}) stands
     * for that service's published hosts.
     */
    public Builder baseUrl(String baseUrl) {
      List<String> urls = HostLists.parse(baseUrl, "baseUrl");
      if (urls.isEmpty()) {
        throw new IllegalArgumentException(
            "baseUrl must name at least one URL, e.g. https://api.binance.com, but was: '"
                + baseUrl
                + "'");
      }
      if (urls.equals(List.of(DEFAULT_BASE_URL))) {
        urls = PRODUCTION_HOSTS;
      } else if (urls.equals(List.of(TESTNET_HOSTS.get(0)))) {
        urls = TESTNET_HOSTS;
      }
      this.baseUrls = urls;
      return this;
    }

    /**
     * Another host (or comma-separated hosts) for public market data, such as {@code
     * https://data-api.binance.vision}; null or blank for none.
     */
    public Builder marketDataUrl(String marketDataUrl) {
      this.marketDataUrls =
          marketDataUrl == null ? List.of() : HostLists.parse(marketDataUrl, "marketDataUrl");
      return this;
    }

    public Builder apiKey(@Nullable String apiKey) {
      this.apiKey = emptyToNull(apiKey);
      return this;
    }

    public Builder secretKey(@Nullable String secretKey) {
      this.secretKey = emptyToNull(secretKey);
      return this;
    }

    public Builder privateKeyFile(@Nullable String privateKeyFile) {
      this.privateKeyFile = emptyToNull(privateKeyFile);
      return this;
    }

    public Builder privateKeyPassphrase(@Nullable String privateKeyPassphrase) {
      this.privateKeyPassphrase = emptyToNull(privateKeyPassphrase);
      return this;
    }

    public Builder trading(boolean trading) {
      this.trading = trading;
      return this;
    }

    public Builder recvWindowMillis(long recvWindowMillis) {
      if (recvWindowMillis <= 0 || recvWindowMillis > 60000) {
        throw new IllegalArgumentException(
            "recvWindow must be between 1 and 60000 milliseconds, but was: " + recvWindowMillis);
      }
      this.recvWindowMillis = recvWindowMillis;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = positive(readTimeout, "readTimeout");
      return this;
    }

    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException(
            "maxRetries must be between 0 and 10, but was: " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1 || maxConcurrentRequests > 64) {
        throw new IllegalArgumentException(
            "maxConcurrentRequests must be between 1 and 64, but was: " + maxConcurrentRequests);
      }
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    public Builder exchangeInfoTtl(Duration exchangeInfoTtl) {
      requireNonNull(exchangeInfoTtl, "exchangeInfoTtl is null");
      if (exchangeInfoTtl.isNegative()) {
        throw new IllegalArgumentException(
            "exchangeInfoTtl must not be negative, but was: " + exchangeInfoTtl);
      }
      this.exchangeInfoTtl = exchangeInfoTtl;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock is null");
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = requireNonNull(sleeper, "sleeper is null");
      return this;
    }

    public BinanceConfig build() {
      return new BinanceConfig(this);
    }

    private static Duration positive(Duration d, String name) {
      requireNonNull(d, name + " is null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, but was: " + d);
      }
      return d;
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }
}
