package io.github.binancejdbc.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every request outside {@code /sim/} in arrival order. A filter in front of the exchange, so
 * the exchange does not know it is watched; it reads the body first and hands the exchange the same
 * bytes. A request is kept before it is served, so a client that has its answer finds it here.
 */
final class RequestRecorder extends Filter {
  private final List<RecordedRequest> requests = new ArrayList<>();

  @Override
  public void doFilter(HttpExchange ex, Chain chain) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    if (path.startsWith("/sim/")) {
      chain.doFilter(ex);
      return;
    }
    byte[] body = ex.getRequestBody().readAllBytes();
    ex.setStreams(new ByteArrayInputStream(body), null);
    String query = ex.getRequestURI().getRawQuery();
    RecordedRequest r =
        new RecordedRequest(
            ex.getRequestMethod(),
            path,
            query == null ? "" : query,
            new String(body, UTF_8),
            ex.getRequestHeaders().getFirst("X-MBX-APIKEY"));
    synchronized (requests) {
      requests.add(r);
    }
    chain.doFilter(ex);
  }

  @Override
  public String description() {
    return "records requests for tests";
  }

  List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  void clear() {
    synchronized (requests) {
      requests.clear();
    }
  }
}
