package io.github.binancejdbc.jdbc.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.binancejdbc.adapter.client.HttpClients;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.security.Security;
import java.sql.Connection;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Work the first connection and statement would otherwise do one after another on the caller's
 * thread, started on a second thread when the driver is loaded, in the order they are needed: the
 * first use of the JSON parser, the generation of the JDBC proxy classes, OkHttp's classes and
 * request building without TLS ({@link HttpClients#warm}, which also converts a host name through
 * IDN), the security providers, the calendars and the caches. (The HTTP client's TLS set-up starts
 * when a connection to a TLS host is made, on a thread of its own.) It touches only the JDK,
 * OkHttp, Jackson, Caffeine and {@code HttpClients} (whose static state holds only OkHttp objects),
 * whose classes initialise safely from any thread, and never Calcite's, so it cannot contend with
 * the caller's thread for a class being initialised. Nothing it does is needed for correctness: the
 * caller's thread does whatever it finds undone.
 */
public final class Warmup {
  /**
   * The interfaces of the driver's proxies (see {@link JdbcProxies}) that every first query needs:
   * the connection's. Not {@code Statement} nor {@code PreparedStatement}: a program starts with
   * one of them, and the other's proxy class (60 to 150 methods through the JDK's bytecode writer)
   * was CPU spent for nothing that also made the JIT compile that writer with C2 (about 200 ms of
   * compile time a JVM, from 270 ms to 70 ms without them), which a small machine pays for during
   * its first query; nor {@code ResultSet} (193 methods), since a lookup's rows come in a class of
   * their own ({@link LookupResultSet}) and only Calcite's statements and metadata answers still
   * make that proxy; nor {@code CallableStatement} and {@code DatabaseMetaData}. Those are made
   * when first needed.
   */
  private static final Class<?>[] PROXIED = {Connection.class};

  private Warmup() {}

  /** Starts the warm-up on a daemon thread. */
  @SuppressWarnings("ThreadPriorityCheck") // a hint only: the caller's own work comes first
  public static void start() {
    Thread t = new Thread(Warmup::run, "binance-jdbc-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.NORM_PRIORITY - 1);
    t.start();
  }

  private static void run() {
    try {
      // In the order a first connection and statement need them.
      try (JsonParser p = new JsonFactory().createParser("{\"price\":\"1.50\",\"n\":[1,2]}")) {
        while (p.nextToken() != null) {
          p.getText();
        }
      }
      // A proxy class is generated on first use, per interface: about 15 ms each.
      ClassLoader loader = Warmup.class.getClassLoader();
      for (Class<?> iface : PROXIED) {
        Proxy.newProxyInstance(loader, new Class<?>[] {iface}, (proxy, method, args) -> null);
      }
      // OkHttp's classes and a request (its URL parsing puts the host through IDN, whose first use
      // loads the JDK's Unicode normalisation data); its first call looks at the security
      // providers (to pick its TLS platform).
      HttpClients.warm();
      Security.getProviders();
      Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT).getTimeInMillis();
      Cache<String, BigDecimal> cache =
          Caffeine.newBuilder().maximumWeight(1).weigher((String k, BigDecimal v) -> 1).build();
      cache.put("x", new BigDecimal("1.50"));
    } catch (IOException | RuntimeException e) {
      // Only a head start: whatever failed here is done (and reported) by the caller's thread.
    }
  }
}
