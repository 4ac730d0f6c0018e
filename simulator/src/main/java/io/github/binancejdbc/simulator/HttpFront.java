package io.github.binancejdbc.simulator;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.binancejdbc.simulator.trading.Account;
import io.github.binancejdbc.simulator.trading.ApiException;
import io.github.binancejdbc.simulator.trading.Errors;
import io.github.binancejdbc.simulator.trading.Exchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP front door: routes a request, applies injected faults, charges request weight per IP,
 * authenticates signed requests (API key, timestamp/recvWindow, signature over the raw query string
 * followed by the raw body), checks the parameter set, runs the handler and writes Binance's
 * headers ({@code X-MBX-USED-WEIGHT-1M}, {@code X-MBX-ORDER-COUNT-*}, {@code Retry-After}).
 */
final class HttpFront implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
  private static final String JSON = "application/json;charset=UTF-8";

  /** What api.binance.com answers on the listen-key endpoints since 2026-02-20 (nginx's page). */
  static final byte[] GONE =
      """
          <html>\r
          <head><title>410 Gone</title></head>\r
          <body>\r
          <center><h1>410 Gone</h1></center>\r
          <hr><center>nginx</center>\r
          </body>\r
          </html>\r
          """
          .getBytes(US_ASCII);

  private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9]{64}");
  private static final Pattern RECV_WINDOW = Pattern.compile("[0-9]{1,10}(\\.[0-9]{1,3})?");
  private static final Set<String> TIME_FIELDS =
      Set.of(
          "serverTime",
          "time",
          "transactTime",
          "transactionTime",
          "openTime",
          "closeTime",
          "updateTime",
          "workingTime",
          "T",
          "trailingTime");

  private final Routes routes;
  private final RequestLimiter limiter;
  private final Faults faults;
  private final Clock clock;
  private final Map<String, ApiKey> keys;
  private final Exchange exchange;
  private final Map<String, Long> defaultBalances;
  private final AdminApi admin;

  record Reply(int status, byte[] body, String contentType, Map<String, String> headers) {}

  HttpFront(
      Routes routes,
      RequestLimiter limiter,
      Faults faults,
      Clock clock,
      Map<String, ApiKey> keys,
      Exchange exchange,
      Map<String, Long> defaultBalances,
      AdminApi admin) {
    this.routes = routes;
    this.limiter = limiter;
    this.faults = faults;
    this.clock = clock;
    this.keys = keys;
    this.exchange = exchange;
    this.defaultBalances = defaultBalances;
    this.admin = admin;
  }

  long serverTime() {
    return clock.millis() + faults.clockSkewMillis();
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try {
      serve(ex);
    } catch (RuntimeException | Error e) {
      LOG.warn("Internal error on {} {}", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
      send(ex, json(500, JsonNodes.error(-1000, Errors.messageOf(-1000)), new LinkedHashMap<>()));
    } finally {
      ex.close();
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    String rawQuery = ex.getRequestURI().getRawQuery();
    String rawBody = new String(ex.getRequestBody().readAllBytes(), UTF_8);
    if (path.startsWith("/sim/")) {
      send(ex, admin.handle(ex, method, path, rawBody));
      return;
    }
    boolean api = path.startsWith("/api/");
    Faults.Rule delay = api ? faults.take(Faults.Kind.DELAY, path) : null;
    if (api && faults.take(Faults.Kind.DROP, path) != null) {
      LOG.debug("Dropping the connection of {} {}", method, path);
      // Closing the exchange before any response header is sent closes the socket.
      return;
    }
    Reply reply = dispatch(ex, method, path, rawQuery, rawBody);
    if (api && faults.take(Faults.Kind.DROP_AFTER_EXECUTION, path) != null) {
      LOG.debug("Executed {} {}, dropping the connection instead of answering", method, path);
      return;
    }
    if (delay != null) {
      try {
        Thread.sleep(delay.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    LOG.debug("{} {} -> {}", method, path, reply.status());
    send(ex, reply);
  }

  private Reply dispatch(
      HttpExchange ex, String method, String path, String rawQuery, String rawBody) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (path.equals("/api/v3/userDataStream")) {
      return new Reply(410, GONE, "text/html", headers);
    }
    Endpoint ep = routes.find(method, path);
    if (ep == null) {
      return new Reply(404, new byte[0], JSON, headers);
    }
    String ip = ex.getRemoteAddress().getAddress().getHostAddress();
    long now = clock.millis();
    Params params = null;
    ApiException parseError = null;
    int weight;
    try {
      params = Params.parse(rawQuery, rawBody);
      weight = ep.weight().applyAsInt(params);
    } catch (ApiException e) {
      parseError = e;
      weight = ep.weight().applyAsInt(Params.of(Map.of()));
    }
    RequestLimiter.Decision d = limiter.charge(ip, weight, now);
    if (!d.admitted()) {
      headers.put("Retry-After", Long.toString(d.retryAfterSeconds()));
      return withWeight(json(d.status(), JsonNodes.error(d.code(), d.msg()), headers), ip, now);
    }
    Account account = null;
    try {
      if (parseError != null) {
        throw parseError;
      }
      Faults.Rule fail = faults.take(Faults.Kind.FAIL, path);
      if (fail != null) {
        return withWeight(faultReply(fail.httpStatus(), fail.code(), fail.msg(), headers), ip, now);
      }
      Faults.Rule code = faults.take(Faults.Kind.CODE, path);
      if (code != null) {
        return withWeight(
            faultReply(Errors.statusOf(code.code()), code.code(), code.msg(), headers), ip, now);
      }
      boolean micro = timeUnit(ex.getRequestHeaders().getFirst("X-MBX-TIME-UNIT"));
      long serverTime = serverTime();
      ApiKey key = null;
      if (ep.security().signed()) {
        key = authenticate(ex, params, rawQuery, rawBody, ep.security(), serverTime);
        account = accountOf(key);
      }
      params.checkAllRead(ep.params());
      JsonNode result = ep.handler().handle(new Endpoint.Call(params, account, key, serverTime));
      if (ep.freeOnSuccess()) {
        limiter.refund(ip, weight, now);
      }
      Faults.Rule after = faults.take(Faults.Kind.FAIL_AFTER_EXECUTION, path);
      if (after != null) {
        return withWeight(
            faultReply(after.httpStatus(), after.code(), after.msg(), headers), ip, now);
      }
      Faults.Rule unreadable = faults.take(Faults.Kind.UNREADABLE_AFTER_EXECUTION, path);
      if (unreadable != null) {
        byte[] whole = JsonNodes.bytes(result);
        byte[] body =
            unreadable.msg() != null
                ? unreadable.msg().getBytes(UTF_8)
                : Arrays.copyOf(whole, whole.length / 2);
        String type =
            unreadable.msg() != null && unreadable.msg().startsWith("<") ? "text/html" : JSON;
        return withWeight(new Reply(200, body, type, headers), ip, now);
      }
      if (micro) {
        toMicros(result, path.endsWith("lines"));
      }
      orderCounts(ep, account, headers);
      return withWeight(json(200, result, headers), ip, now);
    } catch (ApiException e) {
      ObjectNode body = JsonNodes.error(e.code(), e.getMessage());
      if (e.data() != null) {
        body.set("data", e.data());
      }
      if (e.status() == 429) {
        headers.put("Retry-After", "10");
      }
      if (e.code() == -1015 || e.code() == -2021) {
        orderCounts(ep, account, headers);
      }
      return withWeight(json(e.status(), body, headers), ip, now);
    }
  }

  private void orderCounts(Endpoint ep, Account account, Map<String, String> headers) {
    if (ep.security() == Endpoint.Security.TRADE && account != null) {
      long[] counts = exchange.orderCounts(account);
      headers.put("X-MBX-ORDER-COUNT-10S", Long.toString(counts[0]));
      headers.put("X-MBX-ORDER-COUNT-1D", Long.toString(counts[1]));
    }
  }

  private Reply withWeight(Reply r, String ip, long now) {
    String used = Integer.toString(limiter.used(ip, now));
    r.headers().put("X-MBX-USED-WEIGHT", used);
    r.headers().put("X-MBX-USED-WEIGHT-1M", used);
    return r;
  }

  private static Reply faultReply(int status, int code, String msg, Map<String, String> headers) {
    if (status == 429 || status == 418) {
      headers.put("Retry-After", "1");
    }
    return json(status, JsonNodes.error(code, msg != null ? msg : Errors.messageOf(code)), headers);
  }

  private static Reply json(int status, JsonNode body, Map<String, String> headers) {
    return new Reply(status, JsonNodes.bytes(body), JSON, headers);
  }

  private static boolean timeUnit(String header) {
    if (header == null) {
      return false;
    }
    switch (header) {
      case "MICROSECOND", "microsecond" -> {
        return true;
      }
      case "MILLISECOND", "millisecond" -> {
        return false;
      }
      default ->
          throw ApiException.bad(
              -1194, "Invalid value for time unit; expected either MICROSECOND or MILLISECOND.");
    }
  }

  /** Rewrites every time field (and kline open/close times) from ms to µs. */
  private static void toMicros(JsonNode node, boolean klines) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (TIME_FIELDS.contains(e.getKey())
            && e.getValue().isIntegralNumber()
            && e.getValue().asLong() > 0) {
          e.setValue(o.numberNode(e.getValue().asLong() * 1000));
        } else {
          toMicros(e.getValue(), false);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode row = a.get(i);
        if (klines && row instanceof ArrayNode r && r.size() == 12) {
          r.set(0, r.numberNode(r.get(0).asLong() * 1000));
          r.set(6, r.numberNode(r.get(6).asLong() * 1000));
        } else {
          toMicros(row, false);
        }
      }
    }
  }

  /** Checks the key, the timing and the signature of a SIGNED request. */
  private ApiKey authenticate(
      HttpExchange ex,
      Params p,
      String rawQuery,
      String rawBody,
      Endpoint.Security security,
      long serverTime) {
    String apiKey = ex.getRequestHeaders().getFirst("X-MBX-APIKEY");
    if (apiKey == null || apiKey.isEmpty()) {
      throw Errors.badKeyFormat();
    }
    ApiKey key = keys.get(apiKey);
    if (key == null) {
      throw KEY_FORMAT.matcher(apiKey).matches() ? Errors.rejectedKey() : Errors.badKeyFormat();
    }
    Long timestamp = p.optLong("timestamp");
    if (timestamp == null) {
      throw Errors.mandatory("timestamp");
    }
    BigDecimal ts = BigDecimal.valueOf(timestamp);
    if (timestamp > 100_000_000_000_000L) {
      ts = ts.movePointLeft(3);
    }
    BigDecimal window = BigDecimal.valueOf(5000);
    String rw = p.get("recvWindow");
    if (rw != null) {
      if (!RECV_WINDOW.matcher(rw).matches()) {
        throw Errors.illegal("recvWindow", "^[0-9]{1,10}(\\.[0-9]{1,3})?$");
      }
      window = new BigDecimal(rw);
      if (window.compareTo(BigDecimal.valueOf(60_000)) > 0) {
        throw ApiException.bad(
            -1102, "'recvWindow' contains unexpected value. Cannot be greater than 60000.");
      }
    }
    BigDecimal server = BigDecimal.valueOf(serverTime);
    if (ts.compareTo(server.add(BigDecimal.valueOf(1000))) >= 0) {
      throw ApiException.bad(
          -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
    }
    if (server.subtract(ts).compareTo(window) > 0) {
      throw ApiException.bad(-1021, "Timestamp for this request is outside of the recvWindow.");
    }
    String signature = p.get("signature");
    if (signature == null) {
      throw Errors.mandatory("signature");
    }
    byte[] payload = (withoutSignature(rawQuery) + withoutSignature(rawBody)).getBytes(UTF_8);
    if (!key.verifies(payload, signature)) {
      throw ApiException.bad(-1022, "Signature for this request is not valid.");
    }
    if (security == Endpoint.Security.TRADE && !key.canTrade()) {
      throw Errors.rejectedKey();
    }
    return key;
  }

  /** The raw parameter string without its {@code signature=...} pair, byte for byte otherwise. */
  static String withoutSignature(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(raw.length());
    for (String pair : raw.split("&", -1)) {
      if (pair.startsWith("signature=")) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(pair);
    }
    return sb.toString();
  }

  private Account accountOf(ApiKey key) {
    Account a = exchange.account(key.account());
    return a != null ? a : exchange.account(key.account(), defaultBalances);
  }

  private static void send(HttpExchange ex, Reply r) throws IOException {
    ex.getResponseHeaders().set("Content-Type", r.contentType());
    for (Map.Entry<String, String> h : r.headers().entrySet()) {
      ex.getResponseHeaders().set(h.getKey(), h.getValue());
    }
    byte[] body = r.body();
    ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }
}
