package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.Version;
import io.github.binancejdbc.adapter.auth.Signer;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import java.io.IOException;
import java.util.List;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The REST transport of one connection: OkHttp client owned (and closed) here, request weight
 * accounted through the process-wide {@link WeightGovernor} of the base URL, GETs retried with
 * backoff on I/O errors and 5xx, 429 honoured with Retry-After, 418 stopping all traffic, and every
 * Binance error turned into a {@link BinanceException}. Thread-safe.
 *
 * <p>Each request passes a chain of {@link Step}s, one job each (see {@link #steps()}), in the
 * manner of OkHttp's interceptors.
 */
public final class BinanceHttp implements AutoCloseable {
  /** The one Jackson factory: thread-safe, and costly enough to build that it is shared. */
  static final JsonFactory JSON = JsonFactory.builder().build();

  static final String USER_AGENT = "binance-jdbc/" + Version.VERSION;

  private final BinanceConfig config;
  private final WeightGovernor governor;
  private final Hosts hosts;

  private final MarketRoute market;

  /** Made on the first request (see {@link #client()}), under the lock of {@code this}. */
  private volatile @Nullable OkHttpClient client;

  /** Null without credentials (a signed call is then refused before anything is sent). */
  private final @Nullable Signer signer;

  private final RequestLog requestLog = new RequestLog();
  private final ServerClock serverClock;
  private final Step.Chain steps;
  private volatile boolean closed;

  public BinanceHttp(BinanceConfig config) {
    this(
        config,
        WeightGovernor.forBaseUrl(
            requireNonNull(config, "config is null").baseUrl(), config.clock(), config.sleeper()));
  }

  /** With a governor of the caller's choice (tests: a fresh one per test). */
  BinanceHttp(BinanceConfig config, WeightGovernor governor) {
    this.config = requireNonNull(config, "config is null");
    this.governor = requireNonNull(governor, "governor is null");
    // One governor for every host of the list: Binance counts weight per client IP, so moving to
    // a backup host must not hand out a second budget.
    this.hosts = new Hosts(config.baseUrls(), config.clock());
    this.market = new MarketRoute(config, governor);
    this.signer = Signer.fromConfig(config);
    this.serverClock = new ServerClock(config.clock(), this::serverTime);
    this.steps = steps();
    HttpClients.prepare(config);
  }

  /**
   * This connection's OkHttp client, derived on the first request from the shared one: connecting
   * and preparing never wait for the shared client's TLS set-up, which a driver may have started on
   * another thread (see {@link HttpClients}), so that both run at the same time.
   */
  private OkHttpClient client() {
    OkHttpClient c = client;
    return c != null ? c : newClient();
  }

  private synchronized OkHttpClient newClient() {
    ensureOpen(null);
    OkHttpClient c = client;
    if (c == null) {
      c = HttpClients.derive(config, IDLE_KEEP_ALIVE_SECONDS);
      client = c;
    }
    return c;
  }

  /** The client if a request has made it, else null (tests). */
  @Nullable OkHttpClient builtClient() {
    return client;
  }

  /** How long an idle connection is kept for reuse. */
  static final long IDLE_KEEP_ALIVE_SECONDS = 15;

  /** HTTP methods the API uses. */
  public enum Method {
    GET,
    POST,
    PUT,
    DELETE
  }

  /**
   * Sends {@code GET baseUrl + path ? query} (parameters in the given order, percent-encoded),
   * waits for weight first, and reads a 2xx body with {@code reader}.
   *
   * @param path e.g. {@code /api/v3/klines}
   * @param weight the request weight of this call, as the endpoint documents it for these
   *     parameters
   * @throws BinanceException for every failure; see {@link SqlState} for the categories
   */
  public <T> T get(String path, List<Param> query, int weight, BodyReader<T> reader) {
    return send(Method.GET, path, query, weight, reader, false, false);
  }

  /**
   * Sends a request that carries the API key but no signature (Binance's {@code USER_STREAM}
   * security type: the retired listen-key endpoints).
   */
  public <T> T keyed(
      Method method, String path, List<Param> params, int weight, BodyReader<T> reader) {
    if (config.apiKey() == null) {
      throw new BinanceException(
          SqlState.INVALID_AUTHORIZATION,
          0,
          method
              + " "
              + path
              + " needs an API key: set apiKey in the connection properties or"
              + " the BINANCE_API_KEY environment variable",
          null);
    }
    return send(method, path, params, weight, reader, false, true);
  }

  /**
   * Sends a SIGNED request: {@code recvWindow} and a fresh {@code timestamp} (corrected by the
   * measured server-time offset) are appended, the percent-encoded payload is signed, and the API
   * key goes in {@code X-MBX-APIKEY}. GET and DELETE carry the parameters in the query string, POST
   * and PUT in a form body. A {@code -1021} rejection (timestamp outside recvWindow: Binance did
   * not execute the request) re-measures the server time and retries once.
   *
   * <p>Only GETs are retried after an I/O error or a 5xx. For any other method such a failure means
   * the execution status is unknown; the exception says so ({@link
   * BinanceException#outcomeUnknown()}) and the caller must ask the exchange what happened.
   */
  public <T> T signed(
      Method method, String path, List<Param> params, int weight, BodyReader<T> reader) {
    return send(method, path, params, weight, reader, true, true);
  }

  /** Per thread: the wait of the last answer received, see {@link #takeLastWait()}. */
  static final ThreadLocal<long[]> LAST_WAIT = ThreadLocal.withInitial(() -> new long[] {-1});

  /**
   * How long the server took to answer the last request this thread sent (from writing the request
   * to reading its status line and headers: the round trip and the server's time, not a
   * connection's set-up nor the reading of the body), in nanoseconds at OkHttp's millisecond
   * resolution, and forgets it; -1 when no answer arrived since the last call. A pager fetching
   * ahead sizes its window with it.
   */
  public static long takeLastWait() {
    long[] w = LAST_WAIT.get();
    long v = w[0];
    w[0] = -1;
    return v;
  }

  /** Whether this connection has credentials for signed requests. */
  public boolean canSign() {
    return signer != null && config.apiKey() != null;
  }

  private <T> T send(
      Method method,
      String path,
      List<Param> query,
      int weight,
      BodyReader<T> reader,
      boolean signed,
      boolean keyed) {
    requireNonNull(path, "path is null");
    requireNonNull(query, "query is null");
    requireNonNull(reader, "reader is null");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /, but was: " + path);
    }
    if (signed && !canSign()) {
      throw new BinanceException(
          SqlState.INVALID_AUTHORIZATION,
          0,
          method
              + " "
              + path
              + " is a signed endpoint: set apiKey and secretKey (or"
              + " privateKeyFile) in the connection properties or the BINANCE_API_KEY /"
              + " BINANCE_SECRET_KEY environment variables",
          null);
    }
    Hosts marketHosts = market.hosts(method, path, signed, keyed);
    WeightGovernor charged = marketHosts != null ? market.governor() : governor;
    // The limits of the governor the request is charged to are read before the first order and
    // before its window's weight passes WeightGovernor.LEARN_AT; ping and time (a connection
    // check, a clock sync) never ask.
    if (!LimitLearner.EXEMPT.contains(path)
        && charged.needsLimits(weight, LimitLearner.newOrders(method, path) > 0)) {
      LimitLearner.learn(this, charged);
    }
    Call call =
        new Call(
            method,
            path,
            query,
            weight,
            reader,
            signed,
            keyed,
            marketHosts != null ? marketHosts : hosts,
            charged,
            config.maxRetries());
    try {
      return answer(steps.proceed(call));
    } catch (IOException e) {
      // IoFailureStep turns every I/O failure into a BinanceException; this is a safety net.
      throw new BinanceException(
          SqlState.IO_ERROR, 0, "I/O error on " + method + " " + path + ": " + e, e);
    }
  }

  /**
   * What the call's reader read, as its type {@code T}, which may be a nullable type (a reader that
   * only skips the body answers null). NullAway checks the nullability of type variables only in
   * its JSpecify mode, so this one cast is not checked (T is the type of the reader {@link #send}
   * was given, which only the caller knows).
   */
  @SuppressWarnings({"unchecked", "NullAway", "TypeParameterUnusedInFormals"})
  private static <T> T answer(Reply reply) {
    return (T) reply.answer();
  }

  /**
   * The steps of sending a request, in order: attempts and backoff, the connection still open, what
   * failures mean (orders are never sent twice), the attempt's parameters, the host, the I/O
   * failures, the request log, 429, -1021, 418, reading the body, the signed request, the wait for
   * weight, and the network.
   */
  private Step.Chain steps() {
    return Step.Chain.of(
        new RetryStep(config.sleeper()),
        (call, next) -> {
          ensureOpen(null);
          return next.proceed(call);
        },
        new ServerErrorStep(),
        new TimestampStep(serverClock, config.recvWindowMillis()),
        new IoFailureStep(() -> closed),
        new HostStep(),
        new LogStep(requestLog, config.clock()),
        new RateLimitStep(),
        new ClockSkewStep(serverClock),
        new BanStep(config.clock()),
        new ReadStep(JSON, config.clock()),
        new SignStep(signer, config.apiKey()),
        new GovernStep(config.clock()),
        (call, next) -> Reply.open(client().newCall(call.request()).execute()));
  }

  /** Sets the offset between the server's clock and ours from one {@code GET /api/v3/time}. */
  public void measureServerTime() {
    serverClock.measure();
  }

  private long serverTime() {
    return get(
        "/api/v3/time",
        List.of(),
        EndpointWeights.TIME,
        p -> {
          long t = 0;
          p.nextToken();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("serverTime")) {
              t = p.getLongValue();
            } else {
              p.skipChildren();
            }
          }
          return t;
        });
  }

  /**
   * A time the server's clock has certainly reached: the latest {@code Date} header of an answer
   * from this base URL to any connection of the JVM (the server's time, cut to whole seconds), or
   * before any such header our clock corrected by the measured offset, less a minute for a clock
   * that runs ahead. A closed kline is one whose close time is before this.
   */
  public long serverTimeAtLeast() {
    long date = Math.max(governor.serverDateMillis(), market.governor().serverDateMillis());
    if (date > 0) {
      return date;
    }
    Long offset = serverClock.offsetMillis();
    return config.clock().millis() + (offset == null ? 0 : offset) - UNSYNCED_SLACK_MILLIS;
  }

  private static final long UNSYNCED_SLACK_MILLIS = 60_000;

  /**
   * The measured server-time offset in milliseconds, or {@code null} before the first signed call.
   */
  public @Nullable Long serverOffsetMillis() {
    return serverClock.offsetMillis();
  }

  /** The last requests of this connection (the {@code api_requests} table). */
  public RequestLog requestLog() {
    return requestLog;
  }

  /**
   * The governors this connection sends through, one per base URL: the main list's and, with a
   * {@code marketDataUrl}, the market-data hosts' (the {@code api_usage} table).
   */
  public List<WeightGovernor> governors() {
    return market.governor() == governor ? List.of(governor) : List.of(governor, market.governor());
  }

  /** The lowest request weight limit of {@link #governors()} (per minute; 6000 until read). */
  public int weightLimit() {
    return Math.min(governor.limit(), market.governor().limit());
  }

  /**
   * Records an answer served from a cache instead of the network: logged in {@link #requestLog()}
   * with {@code fromCache} set, and counted as saved on the governor the request would have gone
   * through. Sends nothing.
   *
   * @param weight the weight the request would have cost
   * @param rows rows served, or null when unknown
   */
  public void servedFromCache(
      Method method,
      String path,
      List<Param> params,
      int weight,
      boolean signed,
      @Nullable Integer rows) {
    Hosts marketHosts = market.hosts(method, path, signed, false);
    (marketHosts != null ? market.governor() : governor).servedFromCache(weight);
    requestLog.add(
        new RequestLog.Entry(
            config.clock().millis(),
            (marketHosts != null ? marketHosts : hosts).current(),
            method.name(),
            path,
            RequestLog.loggable(params),
            weight,
            null,
            0,
            rows,
            true));
  }

  /** The governor shared by every connection to this base URL. */
  public WeightGovernor governor() {
    return governor;
  }

  /**
   * The query string for {@code params}, in their order: {@code name=value} joined by {@code &},
   * names and values percent-encoded as UTF-8 with only RFC 3986 unreserved characters ({@code
   * A-Za-z0-9-._~}) kept. This is also the payload a signature is computed over.
   */
  public static String encodeQuery(List<Param> params) {
    return QueryString.encode(params);
  }

  /** Cancels calls in flight and releases threads and pooled connections. Idempotent. */
  @Override
  public void close() {
    OkHttpClient client;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      client = this.client;
    }
    if (client == null) {
      return;
    }
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private void ensureOpen(@Nullable Throwable cause) {
    if (closed) {
      throw new BinanceException(
          SqlState.CONNECTION_DOES_NOT_EXIST, 0, "The connection is closed", cause);
    }
  }
}
