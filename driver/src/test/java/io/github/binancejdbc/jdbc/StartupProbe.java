package io.github.binancejdbc.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The child JVM of {@link StartupTest}: against a loopback server of its own, it opens a
 * connection, runs a key lookup as a prepared statement, prints {@code PHASE prepared}, runs it as
 * a statement, prints {@code PHASE planned}, runs a statement the planner prepares, and prints each
 * answer and the requests the server saw.
 */
public final class StartupProbe {
  private StartupProbe() {}

  public static void main(String[] args) throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext(
        "/",
        ex -> {
          String uri = ex.getRequestURI().toString();
          requests.add(uri);
          String body =
              uri.startsWith("/api/v3/exchangeInfo")
                  ? "{\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\","
                      + "\"intervalNum\":1,\"limit\":6000}],\"symbols\":[]}"
                  : "{\"symbol\":\"BTCUSDT\",\"price\":\"43251.12000000\"}";
          byte[] b = body.getBytes(UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(200, b.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
          }
        });
    server.start();
    Properties p = new Properties();
    p.setProperty("baseUrl", "http://127.0.0.1:" + server.getAddress().getPort());
    try (Connection c = DriverManager.getConnection("jdbc:binance:", p)) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT price FROM ticker_price WHERE symbol = ?")) {
        ps.setString(1, "BTCUSDT");
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          System.out.println("LOOKUP " + rs.getBigDecimal(1).toPlainString());
        }
      }
      System.out.println("PHASE prepared");
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT price FROM ticker_price WHERE symbol = 'BTCUSDT'")) {
        rs.next();
        System.out.println("STATEMENT LOOKUP " + rs.getBigDecimal(1).toPlainString());
      }
      System.out.println("PHASE planned");
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT symbol, price FROM ticker_price WHERE symbol = 'BTCUSDT' ORDER BY price")) {
        rs.next();
        System.out.println("PLANNED " + rs.getString(1) + " " + rs.getBigDecimal(2));
      }
    } finally {
      server.stop(0);
    }
    System.out.println("REQUESTS " + requests.stream().sorted().toList());
    System.exit(0);
  }
}
