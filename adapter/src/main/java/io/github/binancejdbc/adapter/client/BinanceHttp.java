package io.github.binancejdbc.adapter.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.Version;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import io.github.binancejdbc.adapter.error.ErrorMessages;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.time.Instant;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import io.github.binancejdbc.adapter.auth.Signer;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST transport of one connection: OkHttp client owned (and closed) here, request weight
 * accounted through the process-wide {@link WeightGovernor} of the base URL, GETs retried with
 * backoff on I/O errors and 5xx, 429 honoured with Retry-After, 418 stopping all traffic, and every
 * Binance error turned into a {@link BinanceException}. Thread-safe.
 *
 * <p>Backoff has no jitter: retries are few, the governor already spreads weight, and a fixed
 * schedule keeps the tests exact.
 */
public final class BinanceHttp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BinanceHttp.class);

  /** The one Jackson factory: thread-safe, and costly enough to build that it is shared. */
  static final JsonFactory JSON = JsonFactory.builder().build();

  static final String USER_AGENT = "binance-jdbc/" + Version.VERSION;
  private static final String LEGACY_USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT";
  private static final String ORDER_COUNT_HEADER = "X-MBX-ORDER-COUNT-";
  private static final long BACKOFF_BASE_MILLIS = 250;
  private static final long BACKOFF_CAP_MILLIS = 5_000;
  private static final long DEFAULT_RETRY_AFTER_SECONDS = 1;
  private static final long MAX_ERROR_BODY_BYTES = 16 * 1024;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  /** The endpoints Binance serves from its market-data-only hosts (data-api.binance.vision). */
  private static final Set<String> MARKET_DATA_PATHS =
      Set.of(
          "/api/v3/aggTrades",
          "/api/v3/avgPrice",
          "/api/v3/depth",
          "/api/v3/exchangeInfo",
          "/api/v3/klines",
          "/api/v3/ping",
          "/api/v3/ticker",
          "/api/v3/ticker/24hr",
          "/api/v3/ticker/bookTicker",
          "/api/v3/ticker/price",
          "/api/v3/time",
          "/api/v3/trades",
          "/api/v3/uiKlines");

  private final BinanceConfig config;
  private final WeightGovernor governor;
  private final Hosts hosts;
  /** Null without a marketDataUrl. */
  private final Hosts marketHosts;
  private final WeightGovernor marketGovernor;
  private final OkHttpClient client;
  private final Signer signer;
  private final RequestLog requestLog = new RequestLog();
  private volatile Long serverOffsetMillis;
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
    List<String> market = config.marketDataUrls();
    this.marketHosts = market.isEmpty() ? null : new Hosts(market, config.clock());
    this.marketGovernor =
        market.isEmpty()
            ? governor
            : WeightGovernor.forBaseUrl(market.get(0), config.clock(), config.sleeper());
    this.client =
        HttpClients.base()
            .newBuilder()
            // Its own threads and pool: closing this connection never cancels another's calls.
            .dispatcher(new Dispatcher())
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            // Retries are ours: only GETs, counted, with backoff and weight accounted each time.
            .retryOnConnectionFailure(false)
            // Idle connections are dropped before servers drop them (30 s and up is common):
            // a request on a connection the server has closed fails unsent yet costs its weight
            // here, which after every wait for the next window halved the budget actually used.
            .connectionPool(new ConnectionPool(5, IDLE_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS))
            .build();
    this.signer = Signer.fromConfig(config);
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
      throw new BinanceException(SqlState.INVALID_AUTHORIZATION, 0,
          method + " " + path + " needs an API key: set apiKey in the connection properties or"
              + " the BINANCE_API_KEY environment variable", null);
    }
    return send(method, path, params, weight, reader, false, true);
  }

  /**
   * Sends a SIGNED request: {@code recvWindow} and a fresh {@code timestamp} (corrected by the
   * measured server-time offset) are appended, the percent-encoded payload is signed, and the API
   * key goes in {@code X-MBX-APIKEY}. GET and DELETE carry the parameters in the query string,
   * POST and PUT in a form body. A {@code -1021} rejection (timestamp outside recvWindow: Binance
   * did not execute the request) re-measures the server time and retries once.
   *
   * <p>Only GETs are retried after an I/O error or a 5xx. For any other method such a failure
   * means the execution status is unknown; the exception says so ({@link
   * BinanceException#outcomeUnknown()}) and the caller must ask the exchange what happened.
   */
  public <T> T signed(
      Method method, String path, List<Param> params, int weight, BodyReader<T> reader) {
    return send(method, path, params, weight, reader, true, true);
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
      throw new BinanceException(SqlState.INVALID_AUTHORIZATION, 0,
          method + " " + path + " is a signed endpoint: set apiKey and secretKey (or"
              + " privateKeyFile) in the connection properties or the BINANCE_API_KEY /"
              + " BINANCE_SECRET_KEY environment variables", null);
    }
    // ping and time (weight 1, a connection check, a clock sync) do not wait for the limits;
    // the first request that can spend a budget reads them (beside itself when it is small).
    if (!LimitLearner.EXEMPT.contains(path) && governor.needsLimits()) {
      LimitLearner.learnFor(this, governor, method, weight);
    }
    int newOrders = LimitLearner.newOrders(method, path);
    boolean idempotent = method == Method.GET;
    int attempts = idempotent ? config.maxRetries() + 1 : 1;
    boolean resynced = false;
    boolean market = marketHosts != null && idempotent && !signed && !keyed
        && MARKET_DATA_PATHS.contains(path);
    Hosts route = market ? marketHosts : hosts;
    WeightGovernor governor = market ? marketGovernor : this.governor;
    Set<String> tried = new HashSet<>();
    for (int attempt = 1; ; attempt++) {
      ensureOpen(null);
      List<Param> params = signed ? withTimestamp(query) : List.copyOf(query);
      String host = route.current();
      tried.add(host);
      Request request = request(host, method, path, params, signed, keyed);
      String name = method.name();
      long window = governor.acquire(weight, newOrders);
      long waitMillis;
      long start = config.clock().millis();
      boolean answered = false;
      Integer loggedStatus = null;
      Integer loggedRows = null;
      try (Response response = client.newCall(request).execute()) {
        answered = true;
        governor.done(weight, window);
        long usedWeight = feedUsedWeight(response, governor, window);
        noteServerDate(response, governor);
        int status = response.code();
        loggedStatus = status;
        if (LOG.isDebugEnabled()) {
          // The host is named: with backups in the list, it says which one served the request.
          LOG.debug(
              "{} {}{}{} -> HTTP {} in {} ms, used weight {}",
              name,
              host,
              path,
              ErrorMessages.paramsSuffix(params),
              status,
              config.clock().millis() - start,
              usedWeight);
        }
        if (status >= 200 && status < 300) {
          try {
            T answer = read(response, name, path, params, reader);
            loggedRows = RequestLog.rowsOf(answer);
            return answer;
          } catch (BinanceException unreadable) {
            // A 2xx whose body is not the answer (cut short, a proxy's HTML page, empty, the
            // wrong shape): a read is asked again; anything else may have been executed.
            if (!idempotent) {
              throw unknownOutcome(unreadable.getMessage(), 0, unreadable);
            }
            if (attempt >= attempts) {
              throw ResponseErrors.gaveUp(unreadable, attempt, SqlState.INTERNAL_ERROR);
            }
            LOG.debug("{} {}: unreadable answer (attempt {} of {}): {}", name, path, attempt,
                attempts, unreadable.getMessage());
            waitMillis = backoffMillis(attempt);
            response.close();
            WeightGovernor.sleep(waitMillis, config.sleeper(), "a retry of " + name + " " + path);
            continue;
          }
        }
        ErrorBody body = ErrorBody.parse(JSON, response.peekBody(MAX_ERROR_BODY_BYTES).string());
        if (status == 418) {
          throw banned(response, body, name, path, params, governor);
        }
        if (signed && !resynced && body.code() != null && body.code() == -1021) {
          // Rejected before execution: our clock is off. Measure again and retry once.
          resynced = true;
          measureServerTime();
          attempt--;
          continue;
        }
        if (status == 429) {
          long retryAfter = retryAfterSeconds(response, DEFAULT_RETRY_AFTER_SECONDS);
          // Tell the governor first so that every other request to this host waits too, and
          // learn the limit the message states ("current limit is 300 request weight per ...").
          governor.onRateLimited(retryAfter, body.msg());
          if (attempt >= attempts) {
            throw ResponseErrors.gaveUp(
                ResponseErrors.rateLimited(body, name, path, params),
                attempt,
                SqlState.RATE_LIMITED);
          }
          waitMillis = retryAfter * 1000;
        } else if (idempotent && route.size() > 1 && hostFailure(status, body, response)) {
          // This host's trouble (a gateway error, a proxy's HTML page): the next host may answer.
          BinanceException e = ResponseErrors.toException(status, body, name, path, params);
          route.failed(host, "HTTP " + status + " on " + name + " " + path);
          if (attempt >= attempts) {
            throw ResponseErrors.gaveUp(e, attempt, e.state());
          }
          waitMillis = tried.contains(route.current()) ? backoffMillis(attempt) : 0;
        } else if (status >= 500 && status <= 599) {
          BinanceException e = ResponseErrors.toException(status, body, name, path, params);
          if (!idempotent) {
            throw unknownOutcome(e.getMessage(), e.vendorCode(), e);
          }
          if (!ResponseErrors.retryable(status, body)) {
            throw e;
          }
          if (attempt >= attempts) {
            throw ResponseErrors.gaveUp(e, attempt, SqlState.SYSTEM_ERROR);
          }
          waitMillis = backoffMillis(attempt);
        } else {
          BinanceException e = ResponseErrors.toException(status, body, name, path, params);
          if (!idempotent && body.code() != null
              && (body.code() == -1006 || body.code() == -1007)) {
            throw unknownOutcome(e.getMessage(), e.vendorCode(), e);
          }
          // A GET refused for a reason that passes (-1001 disconnected, -1008 busy, ...) is
          // asked again, as after a 5xx; the catalogue's retryable flag decides.
          if (!idempotent || !ResponseErrors.retryable(status, body)) {
            throw e;
          }
          if (attempt >= attempts) {
            throw ResponseErrors.gaveUp(e, attempt, e.state());
          }
          waitMillis = backoffMillis(attempt);
        }
      } catch (IOException e) {
        if (!answered) {
          governor.done(weight, window);
        }
        ensureOpen(e);
        if (Thread.currentThread().isInterrupted()) {
          throw new BinanceException(
              SqlState.QUERY_CANCELED, 0, "Interrupted while waiting for " + name + " " + path,
              e);
        }
        LOG.debug("{} {}{} failed (attempt {} of {}): {}", name, host, path, attempt, attempts,
            e.toString());
        String message =
            "I/O error on "
                + name
                + " "
                + path
                + ": "
                + e
                + ErrorMessages.paramsSuffix(params);
        boolean notSent = neverSent(e);
        if (idempotent || notSent) {
          route.failed(host, e.toString());
        }
        if (!idempotent) {
          // Only a request that never left may go to a second host; any other failure leaves
          // its outcome unknown, and it is reconciled instead of being sent again.
          if (!notSent || tried.contains(route.current())) {
            throw unknownOutcome(message, 0, e);
          }
          attempt--;
          continue;
        }
        if (attempt >= attempts) {
          throw new BinanceException(SqlState.IO_ERROR, 0,
              message + ResponseErrors.gaveUpSuffix(attempt), e);
        }
        waitMillis = tried.contains(route.current()) ? backoffMillis(attempt) : 0;
      } finally {
        requestLog.add(new RequestLog.Entry(start, host, name, path, RequestLog.loggable(params),
            weight, loggedStatus, config.clock().millis() - start, loggedRows, false));
      }
      // Outside the try: the response (and its pooled connection) is released before we wait.
      if (waitMillis > 0) {
        WeightGovernor.sleep(waitMillis, config.sleeper(), "a retry of " + name + " " + path);
      }
    }
  }

  /** A failure that says the host, not the request, is the problem: try the next host. */
  private static boolean hostFailure(int status, ErrorBody body, Response response) {
    if (status == 502 || status == 503 || status == 504) {
      return true;
    }
    String type = response.header("Content-Type", "");
    return status >= 400
        && body.code() == null
        && (type.toLowerCase(java.util.Locale.ROOT).contains("html")
            || body.snippet().startsWith("<"));
  }

  /** Whether the connection failed before a byte of the request could be sent. */
  private static boolean neverSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof UnknownHostException;
  }

  private static BinanceException unknownOutcome(String message, int code, Throwable cause) {
    return new BinanceException(SqlState.SYSTEM_ERROR, code,
        message + " (execution status unknown: the request may have been executed)", cause, true);
  }

  private List<Param> withTimestamp(List<Param> query) {
    if (serverOffsetMillis == null) {
      measureServerTime();
    }
    List<Param> params = new ArrayList<>(query);
    params.add(Param.of("recvWindow", config.recvWindowMillis()));
    params.add(Param.of("timestamp", config.clock().millis() + serverOffsetMillis));
    return List.copyOf(params);
  }

  /** Sets the offset between the server's clock and ours from one {@code GET /api/v3/time}. */
  public void measureServerTime() {
    long before = config.clock().millis();
    long server =
        get("/api/v3/time", List.of(), EndpointWeights.TIME, p -> {
          long t = 0;
          p.nextToken();
          while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
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
    long after = config.clock().millis();
    serverOffsetMillis = server - (before + after) / 2;
  }

  /**
   * A time the server's clock has certainly reached: the latest {@code Date} header of an answer
   * from this base URL to any connection of the JVM (the server's time, cut to whole seconds),
   * or before any such header our clock corrected by the measured offset, less a minute for a
   * clock that runs ahead. A closed kline is one whose close time is before this.
   */
  public long serverTimeAtLeast() {
    long date = Math.max(governor.serverDateMillis(), marketGovernor.serverDateMillis());
    if (date > 0) {
      return date;
    }
    Long offset = serverOffsetMillis;
    return config.clock().millis() + (offset == null ? 0 : offset) - UNSYNCED_SLACK_MILLIS;
  }

  private static final long UNSYNCED_SLACK_MILLIS = 60_000;

  private static void noteServerDate(Response response, WeightGovernor governor) {
    java.util.Date date = response.headers().getDate("Date");
    if (date != null) {
      governor.noteServerDate(date.getTime());
    }
  }

  /** The measured server-time offset in milliseconds, or {@code null} before the first signed call. */
  public Long serverOffsetMillis() {
    return serverOffsetMillis;
  }

  private Request request(
      String host, Method method, String path, List<Param> params, boolean signed,
      boolean keyed) {
    String payload = encodeQuery(params);
    if (signed) {
      StringBuilder sb = new StringBuilder(payload).append("&signature=");
      percentEncode(signer.sign(payload), sb);
      payload = sb.toString();
    }
    Request.Builder b =
        new Request.Builder().header("User-Agent", USER_AGENT).header("Accept", "application/json");
    if (keyed) {
      b.header("X-MBX-APIKEY", config.apiKey());
    }
    boolean inBody = method == Method.POST || method == Method.PUT;
    String url = host + path + (inBody || payload.isEmpty() ? "" : "?" + payload);
    b.url(url);
    RequestBody body = inBody ? RequestBody.create(payload.getBytes(UTF_8), FORM) : null;
    return b.method(method.name(), body).build();
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
    return marketGovernor == governor ? List.of(governor) : List.of(governor, marketGovernor);
  }

  /**
   * Records an answer served from a cache instead of the network: logged in {@link #requestLog()}
   * with {@code fromCache} set, and counted as saved on the governor the request would have gone
   * through. Sends nothing.
   *
   * @param weight the weight the request would have cost
   * @param rows rows served, or null when unknown
   */
  public void servedFromCache(Method method, String path, List<Param> params, int weight,
      boolean signed, Integer rows) {
    boolean market = marketHosts != null && method == Method.GET && !signed
        && MARKET_DATA_PATHS.contains(path);
    WeightGovernor target = market ? marketGovernor : governor;
    target.servedFromCache(weight);
    requestLog.add(new RequestLog.Entry(config.clock().millis(),
        (market ? marketHosts : hosts).current(), method.name(), path,
        RequestLog.loggable(params), weight, null, 0, rows, true));
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
    requireNonNull(params, "params is null");
    StringBuilder sb = new StringBuilder();
    for (Param p : params) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      percentEncode(p.name(), sb);
      sb.append('=');
      percentEncode(p.value(), sb);
    }
    return sb.toString();
  }

  /** Cancels calls in flight and releases threads and pooled connections. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private <T> T read(
      Response response, String method, String path, List<Param> params, BodyReader<T> reader)
      throws IOException {
    PushbackInputStream in = new PushbackInputStream(response.body().byteStream(), 1);
    int first = in.read();
    while (first == ' ' || first == '\n' || first == '\r' || first == '\t') {
      first = in.read();
    }
    if (first < 0) {
      throw BinanceException.internal("Unexpected response from " + method + " " + path
          + ": an empty body with HTTP " + response.code() + ErrorMessages.paramsSuffix(params),
          null);
    }
    in.unread(first);
    try (JsonParser parser = JSON.createParser(in)) {
      try {
        return reader.read(parser);
      } catch (JsonProcessingException e) {
        throw ResponseErrors.unexpected(
            method, path, params, e.getOriginalMessage(), e.getLocation(), parser, e);
      } catch (IllegalStateException | IllegalArgumentException | NullPointerException
          | ClassCastException | ArithmeticException e) {
        // A reader found an element of the wrong shape, a field missing or a corrupted number
        // (NumberFormatException is an IllegalArgumentException).
        throw ResponseErrors.unexpected(
            method, path, params, e.getMessage(), parser.currentLocation(), parser, e);
      }
    }
  }

  private BinanceException banned(
      Response response, ErrorBody body, String method, String path, List<Param> params,
      WeightGovernor governor) {
    long now = config.clock().millis();
    long seconds = retryAfterSeconds(response, -1);
    Instant stated = body.bannedUntil();
    if (seconds < 0 && stated != null) {
      seconds = Math.max(0, (stated.toEpochMilli() - now + 999) / 1000);
    }
    if (seconds < 0) {
      seconds = WeightGovernor.DEFAULT_BAN_SECONDS;
    }
    governor.onBanned(seconds);
    int code = body.code() != null ? body.code() : 418;
    String detail = ResponseErrors.bannedDetail(body, method, path, params);
    return governor.bannedException(now + seconds * 1000, code, detail);
  }

  private static long feedUsedWeight(Response response, WeightGovernor governor,
      long window) {
    for (String name : response.headers().names()) {
      if (name.regionMatches(true, 0, ORDER_COUNT_HEADER, 0, ORDER_COUNT_HEADER.length())) {
        try {
          governor.onOrderCountHeader(name.substring(ORDER_COUNT_HEADER.length()),
              Long.parseLong(response.header(name).trim()));
        } catch (NumberFormatException e) {
          LOG.debug("Ignoring unparsable order-count header {}", name);
        }
      }
    }
    String value = response.header(governor.usedWeightHeader());
    if (value == null && governor.windowMillis() == 60_000) {
      value = response.header(LEGACY_USED_WEIGHT_HEADER);
    }
    if (value == null) {
      return -1;
    }
    try {
      long used = Long.parseLong(value.trim());
      governor.onUsedWeightHeader(used, window);
      return used;
    } catch (NumberFormatException e) {
      LOG.debug("Ignoring unparsable used-weight header: {}", value);
      return -1;
    }
  }

  private static long retryAfterSeconds(Response response, long defaultSeconds) {
    String value = response.header("Retry-After");
    if (value == null) {
      return defaultSeconds;
    }
    try {
      return Math.max(0, Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      // Binance sends seconds; an HTTP-date or garbage falls back to the default.
      return defaultSeconds;
    }
  }

  private static long backoffMillis(int attempt) {
    int shift = Math.min(attempt - 1, 10);
    return Math.min(BACKOFF_CAP_MILLIS, BACKOFF_BASE_MILLIS << shift);
  }

  private void ensureOpen(Throwable cause) {
    if (closed) {
      throw new BinanceException(
          SqlState.CONNECTION_DOES_NOT_EXIST, 0, "The connection is closed", cause);
    }
  }

  private static void percentEncode(String s, StringBuilder sb) {
    for (byte b : s.getBytes(UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
  }
}
