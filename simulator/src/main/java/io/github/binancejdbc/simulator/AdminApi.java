package io.github.binancejdbc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.github.binancejdbc.simulator.market.Market;
import io.github.binancejdbc.simulator.market.SymbolSpec;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * The loopback-only control endpoints under {@code /sim/} (requests from other hosts get 404):
 *
 * <ul>
 *   <li>{@code GET /sim/info}: seed, market time, symbols, the demo API key;
 *   <li>{@code GET /sim/faults}: pending fault rules; {@code DELETE /sim/faults}: clear them;
 *   <li>{@code POST /sim/faults} with a JSON body, e.g. {@code {"type":"fail","count":1,
 *       "status":503,"path":"/api/v3/order"}}; types {@code delay} ({@code delayMs}), {@code drop},
 *       {@code fail} ({@code status}), {@code failAfterExecution} ({@code status}), {@code code}
 *       ({@code code}, optional {@code msg}), {@code dropAfterExecution}, {@code unreadable}
 *       (optional {@code msg}: the body; none: the real answer cut short), {@code clockSkew}
 *       ({@code skewMs}), {@code reset};
 *   <li>{@code POST /sim/limits/reset}: forget request weights and IP bans.
 * </ul>
 */
final class AdminApi {
  private final Faults faults;
  private final RequestLimiter limiter;
  private final Market market;

  AdminApi(Faults faults, RequestLimiter limiter, Market market) {
    this.faults = faults;
    this.limiter = limiter;
    this.market = market;
  }

  HttpFront.Reply handle(HttpExchange ex, String method, String path, String body) {
    if (!ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
      return new HttpFront.Reply(404, new byte[0], "application/json", new LinkedHashMap<>());
    }
    try {
      JsonNode result =
          switch (method + " " + path) {
            case "GET /sim/info" -> info();
            case "GET /sim/faults" -> pending();
            case "DELETE /sim/faults" -> {
              faults.reset();
              yield pending();
            }
            case "POST /sim/faults" -> {
              add(JsonNodes.MAPPER.readTree(body.isEmpty() ? "{}" : body));
              yield pending();
            }
            case "POST /sim/limits/reset" -> {
              limiter.reset();
              yield JsonNodes.obj();
            }
            default -> null;
          };
      if (result == null) {
        return new HttpFront.Reply(404, new byte[0], "application/json", new LinkedHashMap<>());
      }
      return new HttpFront.Reply(
          200, JsonNodes.bytes(result), "application/json;charset=UTF-8", new LinkedHashMap<>());
    } catch (IOException | IllegalArgumentException e) {
      ObjectNode err = JsonNodes.obj();
      err.put("error", e.getMessage());
      return new HttpFront.Reply(
          400, JsonNodes.bytes(err), "application/json;charset=UTF-8", new LinkedHashMap<>());
    }
  }

  private void add(JsonNode n) {
    String type = n.path("type").asText("");
    switch (type) {
      case "clockSkew" -> faults.clockSkew(Duration.ofMillis(n.path("skewMs").asLong()));
      case "reset" -> faults.reset();
      default -> {
        Faults.Kind kind = Faults.kindOf(type);
        int status = n.path("status").asInt(503);
        int code = n.has("code") ? n.get("code").asInt() : Faults.bodyCodeOf(status);
        faults.add(
            new Faults.Rule(
                kind,
                n.path("count").asInt(1),
                n.hasNonNull("path") ? n.get("path").asText() : null,
                n.path("delayMs").asLong(0),
                status,
                code,
                n.hasNonNull("msg") ? n.get("msg").asText() : null));
      }
    }
  }

  private JsonNode pending() {
    ObjectNode n = JsonNodes.obj();
    n.put("clockSkewMs", faults.clockSkewMillis());
    ArrayNode rules = n.putArray("rules");
    for (Faults.Rule r : faults.pending()) {
      ObjectNode o = rules.addObject();
      o.put("type", r.kind().name());
      o.put("count", r.count());
      o.put("path", r.path());
      o.put("delayMs", r.delayMillis());
      o.put("status", r.httpStatus());
      o.put("code", r.code());
      o.put("msg", r.msg());
    }
    return n;
  }

  private JsonNode info() {
    ObjectNode n = JsonNodes.obj();
    n.put("seed", market.seed());
    n.put("marketTime", Instant.ofEpochMilli(market.marketTimeMs()).toString());
    n.put("demoApiKey", BinanceSimulator.DEMO_API_KEY);
    ArrayNode s = n.putArray("symbols");
    for (SymbolSpec spec : market.specs()) {
      ObjectNode o = s.addObject();
      o.put("symbol", spec.symbol());
      o.put("status", spec.status());
      o.put("listed", Instant.ofEpochMilli(spec.listingMs()).toString());
    }
    return n;
  }
}
