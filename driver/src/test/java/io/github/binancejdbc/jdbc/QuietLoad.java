package io.github.binancejdbc.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * What a tool does on start and on its first query: loads the driver through DriverManager, reads
 * the metadata, runs a plain and a prepared query, and prints the rows. {@link ShadedJarIT} runs
 * this source file in a JVM whose class path is the shaded jar alone and asserts that nothing is
 * printed on stderr. Argument: the base URL of a server that answers the klines request.
 */
public final class QuietLoad {
  private QuietLoad() {}

  public static void main(String[] args) throws Exception {
    String url = "jdbc:binance:?cacheSize=0&baseUrl=" + args[0];
    try (Connection c = DriverManager.getConnection(url)) {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getTables(null, "binance", "klines", null)) {
        while (rs.next()) {
          System.out.println("table " + rs.getString("TABLE_NAME"));
        }
      }
      // Calcite's functions that reach relocated libraries: JSON paths, time frames.
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT 1 + 1, JSON_VALUE('{\"a\":{\"b\":7}}', '$.a.b'),"
                      + " FLOOR(TIMESTAMP '2024-01-01 10:30:00' TO HOUR)")) {
        rs.next();
        System.out.println(
            "values " + rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT open_time, close_price FROM klines WHERE symbol = ? AND timeframe = '1h'"
                  + " ORDER BY open_time DESC LIMIT 2")) {
        ps.setString(1, "BTCUSDT");
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            System.out.println(
                "bar "
                    + rs.getObject(1, Instant.class).toEpochMilli()
                    + " "
                    + rs.getBigDecimal(2)
                    + " "
                    + rs.getMetaData().getColumnTypeName(2));
          }
        }
      }
    }
  }
}
