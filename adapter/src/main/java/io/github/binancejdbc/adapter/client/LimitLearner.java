package io.github.binancejdbc.adapter.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.error.BinanceException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the limits a server enforces ({@code exchangeInfo.rateLimits}) into the governor when it
 * asks for them ({@link WeightGovernor#needsLimits(int, boolean)}: before the first order, and
 * before a window's weight passes {@link WeightGovernor#LEARN_AT}), so that a limit lower than
 * Binance's default (a test server, the testnet, a future change) never meets a 429 first; and says
 * how many unfilled orders a request creates, for the ORDERS windows.
 */
final class LimitLearner {
  private static final Logger LOG = LoggerFactory.getLogger(LimitLearner.class);

  /** One symbol keeps the answer small; the rate limits are the same for every symbol. */
  static final List<Param> QUERY = List.of(Param.of("symbol", "BTCUSDT"));

  /** Paths that never trigger the read: the read itself, and the weight-1 ping and time. */
  static final Set<String> EXEMPT = Set.of("/api/v3/exchangeInfo", "/api/v3/ping", "/api/v3/time");

  private LimitLearner() {}

  /** Asks the server once; a failure leaves the defaults (and the 429 messages) in charge. */
  static void learn(BinanceHttp http, WeightGovernor governor) {
    boolean asked = false;
    try {
      http.get(
          "/api/v3/exchangeInfo", QUERY, EndpointWeights.EXCHANGE_INFO, p -> reader(p, governor));
      asked = true;
    } catch (BinanceException e) {
      LOG.debug("Could not read the rate limits of {}: {}", governor.baseUrl(), e.getMessage());
      // Interrupted here (a page fetched ahead, cancelled when its reader closed): the server was
      // not asked to the end, so the next request that is due asks again.
      asked = !Thread.currentThread().isInterrupted();
    } finally {
      governor.limitsRead(asked);
    }
  }

  /** Reads {@code rateLimits} of an exchangeInfo body into {@code governor}; skips the rest. */
  static Void reader(JsonParser p, WeightGovernor governor) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new IllegalStateException("expected an object but found " + p.currentToken());
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (!field.equals("rateLimits") || t != JsonToken.START_ARRAY) {
        p.skipChildren();
        continue;
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String type = null;
        String interval = null;
        int num = 0;
        int limit = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          switch (name) {
            case "rateLimitType" -> type = p.getText();
            case "interval" -> interval = p.getText();
            case "intervalNum" -> num = p.getIntValue();
            case "limit" -> limit = p.getIntValue();
            default -> p.skipChildren();
          }
        }
        if (type != null && interval != null) {
          governor.setLimit(type, interval, num, limit);
        }
      }
    }
    return null;
  }

  /** Unfilled orders a request creates: 1 for an order, 2 or 3 for an order list, else 0. */
  static int newOrders(BinanceHttp.Method method, String path) {
    if (method != BinanceHttp.Method.POST) {
      return 0;
    }
    String p = path.toLowerCase(Locale.ROOT);
    return switch (p) {
      case "/api/v3/order", "/api/v3/sor/order", "/api/v3/order/cancelreplace" -> 1;
      case "/api/v3/order/oco",
          "/api/v3/orderlist/oco",
          "/api/v3/orderlist/oto",
          "/api/v3/orderlist/opo" ->
          2;
      case "/api/v3/orderlist/otoco", "/api/v3/orderlist/opoco" -> 3;
      default -> 0;
    };
  }
}
