package io.github.binancejdbc.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The second process of {@link ArchiveTest}: connects with the URL given, runs the query given,
 * prints {@code rows=N} and exits 0 (1 with the error on stderr).
 */
public final class ArchiveChild {
  private ArchiveChild() {}

  public static void main(String[] args) throws Exception {
    int rows = 0;
    try (Connection conn = DriverManager.getConnection(args[0]);
        Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(args[1])) {
      while (rs.next()) {
        rows++;
      }
    }
    System.out.println("rows=" + rows);
  }
}
