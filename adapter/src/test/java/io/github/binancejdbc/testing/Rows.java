package io.github.binancejdbc.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Query results as text, for assertions that read like the rows they expect. */
public final class Rows {
  private Rows() {}

  /** The rows of {@code sql}, each as its columns' {@code getString} values joined by '|'. */
  public static List<String> lines(Connection conn, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = conn.createStatement().executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          sb.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }
}
