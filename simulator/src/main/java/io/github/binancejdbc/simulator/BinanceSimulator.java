package io.github.binancejdbc.simulator;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.github.binancejdbc.simulator.market.DefaultSymbols;
import io.github.binancejdbc.simulator.market.GivenMarket;
import io.github.binancejdbc.simulator.market.Market;
import io.github.binancejdbc.simulator.market.MarketData;
import io.github.binancejdbc.simulator.market.Units;
import io.github.binancejdbc.simulator.trading.Exchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An offline, deterministic, Binance-compatible Spot REST exchange, embeddable in tests:
 *
 * <pre>{@code
 * try (BinanceSimulator sim = BinanceSimulator.builder().port(0).build().start()) {
 *   String url = sim.baseUrl();              // http://127.0.0.1:<port>
 *   sim.faults().failNext(1, 503);           // scripted misbehaviour
 *   sim.requests();                          // what clients sent, with recordRequests()
 * }
 * }</pre>
 *
 * <p>Market data is generated from the seed for every listed symbol from its listing date up to the
 * market time (history ends there, tickers and the book are as of then); accounts trade against a
 * live order book. The demo account ({@value #DEMO_ACCOUNT}) accepts the demo HMAC key {@link
 * #DEMO_API_KEY} / {@link #DEMO_SECRET_KEY} (public test material, not a secret) and Binance's
 * documented example key {@link #DOCS_API_KEY} / {@link #DOCS_SECRET_KEY}.
 */
public final class BinanceSimulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BinanceSimulator.class);

  /** The demo API key (HMAC-SHA256). */
  public static final String DEMO_API_KEY =
      "binanceJdbcSimulatorDemoApiKey0000000000000000000000000000000001";

  /** The demo secret: public test material that only this simulator accepts. */
  public static final String DEMO_SECRET_KEY =
      "binanceJdbcSimulatorDemoSecretKey0000000000000000000000000000001";

  /** The HMAC example key of Binance's REST documentation, so its worked examples verify. */
  public static final String DOCS_API_KEY =
      "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

  public static final String DOCS_SECRET_KEY =
      "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  /** The account the default keys trade on. */
  public static final String DEMO_ACCOUNT = "demo";

  /** History ends here unless told otherwise. */
  public static final Instant DEFAULT_MARKET_TIME = Instant.parse("2025-06-30T00:00:00Z");

  public static final long DEFAULT_SEED = 20170817L;

  private final Builder config;
  private final Market market;
  private final Exchange exchange;
  private final Faults faults = new Faults();
  private final RequestLimiter limiter;
  private final HttpFront front;
  private final RequestRecorder recorder;
  private HttpServer server;
  private ExecutorService executor;

  private BinanceSimulator(Builder b) {
    this.config = b;
    this.market =
        b.given != null
            ? b.given.market()
            : new Market(b.seed, b.marketTime.toEpochMilli(), DefaultSymbols.all());
    this.limiter = new RequestLimiter(b.weightLimit, b.rawRequestLimit);
    Clock clock = b.clock;
    this.exchange =
        new Exchange(
            market,
            () -> clock.millis() + faults.clockSkewMillis(),
            b.ordersPer10s,
            b.ordersPerDay);
    Map<String, Long> defaults = Units.amounts(b.defaultBalances);
    for (ApiKey k : b.keys.values()) {
      Map<String, String> own = b.accounts.get(k.account());
      if (exchange.account(k.account()) == null) {
        exchange.account(k.account(), own != null ? Units.amounts(own) : defaults);
      }
    }
    for (Map.Entry<String, Map<String, String>> e : b.accounts.entrySet()) {
      if (exchange.account(e.getKey()) == null) {
        exchange.account(e.getKey(), Units.amounts(e.getValue()));
      }
    }
    ExchangeInfoApi info =
        new ExchangeInfoApi(
            market, b.given, b.weightLimit, b.rawRequestLimit, b.ordersPer10s, b.ordersPerDay);
    MarketData data = b.given != null ? b.given : new GeneratedData(market, exchange);
    Routes routes = new Routes(market, exchange, data, info);
    this.front =
        new HttpFront(
            routes,
            limiter,
            faults,
            clock,
            Map.copyOf(b.keys),
            exchange,
            defaults,
            new AdminApi(faults, limiter, market));
    this.recorder = b.recordRequests ? new RequestRecorder() : null;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and serves.
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  public synchronized BinanceSimulator start() {
    if (server != null) {
      return this;
    }
    AtomicInteger n = new AtomicInteger();
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "binance-simulator-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      // The JDK server writes headers and body separately; without TCP_NODELAY each response
      // waits ~40 ms for the client's delayed ACK (measured: 45 ms against 0.6 ms per request).
      // Read once, when the server's config class loads: set it before the first server exists.
      if (System.getProperty("sun.net.httpserver.nodelay") == null) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
      }
      server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByName(config.host), config.port), 128);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind " + config.host + ":" + config.port, e);
    }
    HttpContext context = server.createContext("/", front);
    if (recorder != null) {
      context.getFilters().add(recorder);
    }
    server.setExecutor(executor);
    server.start();
    LOG.info(
        "Binance simulator listening on {} (market time {}, seed {})",
        baseUrl(),
        config.marketTime,
        config.seed);
    return this;
  }

  /** {@code http://host:port}, the value for the driver's {@code baseUrl} property. */
  public String baseUrl() {
    String host = config.host.contains(":") ? "[" + config.host + "]" : config.host;
    return "http://" + host + ":" + port();
  }

  /** The bound port (useful with {@code port(0)}). */
  public int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress().getPort();
  }

  /** Fault injection for the next requests. */
  public Faults faults() {
    return faults;
  }

  public Instant marketTime() {
    return config.marketTime;
  }

  public long seed() {
    return config.seed;
  }

  /** Adds {@code amount} (negative: removes) to an account's free balance of {@code asset}. */
  public void deposit(String account, String asset, String amount) {
    exchange.deposit(account, asset, Units.amount(amount));
  }

  /** An account's free balance. */
  public BigDecimal free(String account, String asset) {
    return Units.toDecimal(exchange.balance(account, asset)[0]);
  }

  /** An account's locked balance (held by open orders). */
  public BigDecimal locked(String account, String asset) {
    return Units.toDecimal(exchange.balance(account, asset)[1]);
  }

  /** The 429s, 418s and admitted weight per minute so far, for soak reports. */
  RequestLimiter.Stats limitStats() {
    return limiter.stats();
  }

  /**
   * The requests received so far (outside {@code /sim/}), oldest first.
   *
   * @throws IllegalStateException unless built with {@link Builder#recordRequests()}
   */
  public List<RecordedRequest> requests() {
    return recorder().requests();
  }

  /**
   * Forgets the requests received so far.
   *
   * @throws IllegalStateException unless built with {@link Builder#recordRequests()}
   */
  public void clearRequests() {
    recorder().clear();
  }

  private RequestRecorder recorder() {
    if (recorder == null) {
      throw new IllegalStateException("not recording: build with recordRequests()");
    }
    return recorder;
  }

  /** Forgets the request weight used and any IP ban. */
  public void resetRateLimits() {
    limiter.reset();
  }

  /** Stops serving; idempotent. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  /** Options; every one has a default, so {@code builder().build()} is a working simulator. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 0;
    private long seed = DEFAULT_SEED;
    private Instant marketTime = DEFAULT_MARKET_TIME;
    private Clock clock = Clock.systemUTC();
    private int weightLimit = 6000;
    private int rawRequestLimit = 300_000;
    private int ordersPer10s = 50;
    private int ordersPerDay = 160_000;
    private final Map<String, ApiKey> keys = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> accounts = new LinkedHashMap<>();
    private final Map<String, String> defaultBalances = new LinkedHashMap<>();
    private boolean recordRequests;
    private GivenMarket given;

    private Builder() {
      apiKey(ApiKey.hmac(DEMO_API_KEY, DEMO_SECRET_KEY));
      apiKey(ApiKey.hmac(DOCS_API_KEY, DOCS_SECRET_KEY));
      defaultBalances.put("USDT", "10000");
      defaultBalances.put("BTC", "1");
      defaultBalances.put("ETH", "10");
      defaultBalances.put("BNB", "100");
    }

    /** The address to bind; default {@code 127.0.0.1}. */
    public Builder host(String host) {
      this.host = requireNonNull(host, "host is null");
      return this;
    }

    /** The port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be in 0..65535, but was " + port);
      }
      this.port = port;
      return this;
    }

    /** The seed of the generated market; same seed, same history. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Where history ends; default {@value #DEFAULT_MARKET_TIME_TEXT}. */
    public Builder marketTime(Instant marketTime) {
      this.marketTime = requireNonNull(marketTime, "marketTime is null");
      return this;
    }

    static final String DEFAULT_MARKET_TIME_TEXT = "2025-06-30T00:00:00Z";

    /** The server clock (serverTime, timestamps, order times, weight windows); default UTC. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock is null");
      return this;
    }

    /** REQUEST_WEIGHT per minute and IP; default 6000. */
    public Builder weightLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("weightLimit must be positive, but was " + limit);
      }
      this.weightLimit = limit;
      return this;
    }

    /** RAW_REQUESTS per 5 minutes and IP; default 300000. */
    public Builder rawRequestLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("rawRequestLimit must be positive, but was " + limit);
      }
      this.rawRequestLimit = limit;
      return this;
    }

    /** ORDERS limits per account: per 10 seconds (default 50) and per day (default 160000). */
    public Builder orderLimits(int per10Seconds, int perDay) {
      if (per10Seconds < 1 || perDay < 1) {
        throw new IllegalArgumentException("order limits must be positive");
      }
      this.ordersPer10s = per10Seconds;
      this.ordersPerDay = perDay;
      return this;
    }

    /** Accepts another API key (its account is created with the default balances if new). */
    public Builder apiKey(ApiKey key) {
      keys.put(key.key(), requireNonNull(key, "key is null"));
      return this;
    }

    /** Removes the demo and documentation keys. */
    public Builder withoutDemoKeys() {
      keys.remove(DEMO_API_KEY);
      keys.remove(DOCS_API_KEY);
      return this;
    }

    /** An account with its own starting balances (asset → decimal amount). */
    public Builder account(String name, Map<String, String> balances) {
      accounts.put(requireNonNull(name, "name is null"), Map.copyOf(balances));
      return this;
    }

    /**
     * The starting balances of accounts not given explicitly; default 10000 USDT, 1 BTC, 10 ETH,
     * 100 BNB.
     */
    public Builder defaultBalances(Map<String, String> balances) {
      defaultBalances.clear();
      defaultBalances.putAll(balances);
      return this;
    }

    /** Keeps every request received, for {@link BinanceSimulator#requests()}; off by default. */
    public Builder recordRequests() {
      this.recordRequests = true;
      return this;
    }

    /**
     * Serves {@code market}'s lists instead of the generated market (seed and market time then play
     * no part in market data).
     */
    public Builder market(GivenMarket market) {
      this.given = requireNonNull(market, "market is null");
      return this;
    }

    public BinanceSimulator build() {
      return new BinanceSimulator(this);
    }
  }
}
