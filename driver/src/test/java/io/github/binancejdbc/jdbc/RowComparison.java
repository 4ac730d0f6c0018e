package io.github.binancejdbc.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A result read into zone-independent, driver-independent values, and the comparisons the
 * differential test needs. Numbers become {@link BigDecimal} without trailing zeros, times {@link
 * LocalDateTime} (the UTC wall clock both sides hold, read with {@code getObject(i,
 * LocalDateTime.class)}, never through {@code java.sql.Timestamp} and the JVM zone), dates {@link
 * LocalDate}, strings lose CHAR padding, SQL NULL is {@code null}.
 */
final class RowComparison {
  private RowComparison() {}

  static List<List<Object>> read(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    int[] types = new int[n + 1];
    for (int i = 1; i <= n; i++) {
      types[i] = md.getColumnType(i);
    }
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(value(rs, i, types[i]));
      }
      rows.add(row);
    }
    return rows;
  }

  @SuppressWarnings("NullTernary") // v is an Object: every branch of the switch is boxed
  private static Object value(ResultSet rs, int i, int type) throws SQLException {
    Object v =
        switch (type) {
          case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
              rs.getObject(i, LocalDateTime.class);
          case Types.DATE -> rs.getObject(i, LocalDate.class);
          case Types.TINYINT,
              Types.SMALLINT,
              Types.INTEGER,
              Types.BIGINT,
              Types.DECIMAL,
              Types.NUMERIC,
              Types.REAL,
              Types.FLOAT,
              Types.DOUBLE -> {
            BigDecimal d = rs.getBigDecimal(i);
            yield d == null ? null : normalize(d);
          }
          case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
          case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR -> {
            String s = rs.getString(i);
            yield s == null ? null : s.stripTrailing();
          }
          default -> rs.getString(i);
        };
    return rs.wasNull() ? null : v;
  }

  static BigDecimal normalize(BigDecimal d) {
    return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
  }

  /** Keeps only the given 1-based columns, in that order. */
  static List<List<Object>> project(List<List<Object>> rows, List<Integer> columns) {
    if (columns.isEmpty()) {
      return rows;
    }
    List<List<Object>> out = new ArrayList<>(rows.size());
    for (List<Object> r : rows) {
      List<Object> p = new ArrayList<>(columns.size());
      for (int c : columns) {
        p.add(r.get(c - 1));
      }
      out.add(p);
    }
    return out;
  }

  /** A canonical order for multiset comparison (numbers rounded so tolerance cannot reorder). */
  static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing(RowComparison::sortKey));
    return out;
  }

  private static String sortKey(List<Object> row) {
    StringBuilder sb = new StringBuilder();
    for (Object v : row) {
      if (v instanceof BigDecimal d) {
        // Fixed width so that numbers sort numerically inside the string key.
        BigDecimal r = d.setScale(4, RoundingMode.HALF_UP);
        String s = r.abs().toPlainString();
        sb.append(r.signum() < 0 ? '-' : '+')
            .append("0".repeat(Math.max(0, 40 - s.length())))
            .append(s);
      } else {
        sb.append(v);
      }
      sb.append('\u0001');
    }
    return sb.toString();
  }

  static boolean sameRow(List<Object> a, List<Object> b, BigDecimal tolerance) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!sameValue(a.get(i), b.get(i), tolerance)) {
        return false;
      }
    }
    return true;
  }

  static boolean sameValue(Object a, Object b, BigDecimal tolerance) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return tolerance == null
          ? x.compareTo(y) == 0
          : x.subtract(y).abs().compareTo(tolerance) <= 0;
    }
    return Objects.equals(a, b);
  }

  /** Null when equal in order, else a description of the first differences. */
  static String diffOrdered(
      List<List<Object>> expected, List<List<Object>> actual, BigDecimal tolerance) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < Math.max(expected.size(), actual.size()) && shown < 8; i++) {
      List<Object> e = i < expected.size() ? expected.get(i) : null;
      List<Object> a = i < actual.size() ? actual.get(i) : null;
      if (e == null || a == null || !sameRow(e, a, tolerance)) {
        sb.append("\n  row ")
            .append(i + 1)
            .append(": H2 ")
            .append(e)
            .append("\n         driver ")
            .append(a);
        shown++;
      }
    }
    if (sb.length() == 0) {
      return null;
    }
    return "H2 " + expected.size() + " rows, driver " + actual.size() + " rows" + sb;
  }

  /**
   * Null when every row of {@code part} is in {@code whole} (as a multiset), else the first misses.
   */
  static String missing(List<List<Object>> whole, List<List<Object>> part, BigDecimal tolerance) {
    List<List<Object>> pool = new ArrayList<>(whole);
    StringBuilder sb = new StringBuilder();
    int misses = 0;
    for (List<Object> r : part) {
      boolean found = false;
      for (int i = 0; i < pool.size(); i++) {
        if (sameRow(pool.get(i), r, tolerance)) {
          pool.remove(i);
          found = true;
          break;
        }
      }
      if (!found && misses++ < 8) {
        sb.append("\n  driver row not in H2's full answer: ").append(r);
      }
    }
    return misses == 0 ? null : misses + " rows missing" + sb;
  }
}
