package io.github.binancejdbc.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

/**
 * Loads the driver, connects and runs a query that needs no request, as a tool does on start; run
 * by {@link ShadedJarIT} in a JVM whose class path is the shaded jar (and this class), to show that
 * loading the driver prints nothing.
 */
public final class QuietLoad {
  private QuietLoad() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:binance:?baseUrl=http://127.0.0.1:9");
        ResultSet rs = c.createStatement().executeQuery("SELECT 1 + 1")) {
      rs.next();
      if (rs.getInt(1) != 2) {
        throw new AssertionError("1 + 1 = " + rs.getInt(1));
      }
    }
  }
}
