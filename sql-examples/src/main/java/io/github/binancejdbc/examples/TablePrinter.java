package io.github.binancejdbc.examples;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Prints a result set as a plain-text table, values as the driver's strings. */
final class TablePrinter {
  private TablePrinter() {}

  static String print(ResultSet rs, int maxRows) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[n];
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      header[i] = md.getColumnLabel(i + 1);
      width[i] = header[i].length();
    }
    int count = 0;
    while (rs.next()) {
      count++;
      if (rows.size() >= maxRows) {
        continue;
      }
      String[] row = new String[n];
      for (int i = 0; i < n; i++) {
        String v = rs.getString(i + 1);
        row[i] = v == null ? "null" : v;
        width[i] = Math.max(width[i], row[i].length());
      }
      rows.add(row);
    }
    StringBuilder sb = new StringBuilder();
    line(sb, width);
    cells(sb, header, width);
    line(sb, width);
    for (String[] r : rows) {
      cells(sb, r, width);
    }
    line(sb, width);
    sb.append('(').append(count).append(count == 1 ? " row" : " rows");
    if (count > rows.size()) {
      sb.append(", first ").append(rows.size()).append(" shown");
    }
    sb.append(")\n");
    return sb.toString();
  }

  private static void line(StringBuilder sb, int[] width) {
    sb.append('+');
    for (int w : width) {
      sb.append("-".repeat(w + 2)).append('+');
    }
    sb.append('\n');
  }

  private static void cells(StringBuilder sb, String[] cells, int[] width) {
    sb.append('|');
    for (int i = 0; i < cells.length; i++) {
      sb.append(' ').append(cells[i]).append(" ".repeat(width[i] - cells[i].length())).append(" |");
    }
    sb.append('\n');
  }
}
