package io.github.binancejdbc.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The example queries: every {@code *.sql} file of a folder, in name order. A file starts with
 * comment lines saying what it shows, then one or more statements separated by {@code ;} at the end
 * of a line. Running a file yields its text output: each statement followed by its result table (or
 * the error, which some examples show on purpose).
 */
public final class Examples {
  static final int MAX_ROWS = 40;

  private Examples() {}

  /** The example files of {@code dir}, sorted by name. */
  public static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
    }
  }

  /** The statements of one file, without the comment lines. */
  static List<String> statements(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("--") || (t.isEmpty() && current.length() == 0)) {
        continue;
      }
      current.append(line).append('\n');
      if (t.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1).strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  /** The leading comment: what the example shows. */
  static String description(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String t = line.strip();
      if (!t.startsWith("--")) {
        break;
      }
      sb.append(t).append('\n');
    }
    return sb.toString();
  }

  /** Runs one example file and returns what it prints. */
  public static String run(Connection conn, Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    out.append(description(text));
    for (String sql : statements(text)) {
      out.append('\n').append(sql).append(";\n");
      try (Statement s = conn.createStatement()) {
        if (s.execute(sql)) {
          try (ResultSet rs = s.getResultSet()) {
            out.append(TablePrinter.print(rs, MAX_ROWS));
          }
        } else {
          out.append("(").append(s.getUpdateCount()).append(" rows affected)\n");
        }
      } catch (SQLException e) {
        out.append("ERROR ")
            .append(e.getSQLState())
            .append(": ")
            .append(e.getMessage())
            .append('\n');
      }
    }
    return out.toString();
  }
}
