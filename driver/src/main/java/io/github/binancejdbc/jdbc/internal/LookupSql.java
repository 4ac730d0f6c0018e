package io.github.binancejdbc.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statement text {@link SimpleLookup} accepts, read without Calcite's parser: {@code SELECT c
 * [, c]* FROM [schema.]t WHERE cond [AND cond]*} with {@code k = 'literal'}, {@code k = ?} and
 * {@code r op TIMESTAMP '...'} conditions. Anything else reads as {@code null}.
 */
final class LookupSql {
  /**
   * Reserved words of Calcite's parser that could name a column or table; such a name must be
   * quoted, so a statement using it unquoted is left to Calcite (which refuses it). The list is
   * checked against the parser's own by a test, for every name in the schema.
   */
  static final Set<String> RESERVED =
      Set.of(
          "all",
          "and",
          "as",
          "at",
          "by",
          "close",
          "count",
          "current",
          "day",
          "end",
          "from",
          "hour",
          "interval",
          "language",
          "limit",
          "minute",
          "month",
          "offset",
          "open",
          "order",
          "position",
          "result",
          "second",
          "select",
          "time",
          "timestamp",
          "to",
          "type",
          "user",
          "value",
          "values",
          "where",
          "window",
          "year",
          "side",
          "status",
          "filter",
          "method");

  private LookupSql() {}

  /** A recognised statement: output columns, schema, table and the conditions. */
  record Parsed(List<String> columns, String schema, String table, List<Condition> conditions) {}

  /**
   * {@code column op value}: the value is {@code null} for {@code ?}, a String for a string
   * literal, a Long (UTC wall-clock milliseconds) for a TIMESTAMP literal.
   */
  record Condition(String column, String op, Object value) {}

  /**
   * Reads {@code sql} if it has the accepted shape, with {@code defaultSchema} for an unqualified
   * table; a {@code null} value stands for {@code ?}. Null for anything else.
   */
  static Parsed parse(String sql, String defaultSchema) {
    Tokens t = new Tokens(sql);
    if (!t.keyword("select")) {
      return null;
    }
    List<String> columns = new ArrayList<>();
    do {
      String c = t.name();
      if (c == null) {
        return null;
      }
      columns.add(c);
    } while (t.symbol(','));
    if (!t.keyword("from")) {
      return null;
    }
    String schema = defaultSchema;
    String table = t.name();
    if (table != null && t.symbol('.')) {
      schema = table;
      table = t.name();
    }
    if (table == null || schema == null || !t.keyword("where")) {
      return null;
    }
    List<Condition> conditions = new ArrayList<>();
    do {
      String k = t.name();
      String op = k == null ? null : t.operator();
      if (op == null) {
        return null;
      }
      Object v;
      if (t.symbol('?')) {
        v = null;
      } else if (t.keyword("timestamp")) {
        v = timestamp(t.literal(true));
        if (v == null) {
          return null;
        }
      } else {
        v = t.literal(false);
        if (v == null) {
          return null;
        }
      }
      conditions.add(new Condition(k, op, v));
    } while (t.keyword("and"));
    return t.atEnd() ? new Parsed(columns, schema, table, conditions) : null;
  }

  private static final Pattern TIMESTAMP =
      Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,3}))?");

  /**
   * The UTC wall-clock milliseconds of a {@code TIMESTAMP} literal written in full ({@code
   * yyyy-MM-dd HH:mm:ss} with up to 3 fractional digits) and naming a real time; null otherwise
   * (Calcite then reads it, and reports what is wrong with it).
   */
  static Long timestamp(String text) {
    Matcher m = text == null ? null : TIMESTAMP.matcher(text);
    if (m == null || !m.matches()) {
      return null;
    }
    String fraction = m.group(7) == null ? "0" : (m.group(7) + "00").substring(0, 3);
    try {
      return java.time.LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)),
              Integer.parseInt(fraction) * 1_000_000)
          .toInstant(java.time.ZoneOffset.UTC)
          .toEpochMilli();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** A cursor over the statement text. */
  private static final class Tokens {
    private final String s;
    private int pos;

    Tokens(String s) {
      this.s = s;
    }

    private void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    /** The next word, lower-cased (unquoted identifiers are folded to lower case). */
    private String word() {
      skipSpace();
      int start = pos;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!letter && !(pos > start && c >= '0' && c <= '9')) {
          break;
        }
        pos++;
      }
      return pos == start ? null : s.substring(start, pos).toLowerCase(Locale.ROOT);
    }

    boolean keyword(String k) {
      int mark = pos;
      String w = word();
      if (k.equals(w)) {
        return true;
      }
      pos = mark;
      return false;
    }

    /** An unquoted identifier that is no reserved word. */
    String name() {
      String w = word();
      return w == null || RESERVED.contains(w) ? null : w;
    }

    /** {@code =}, {@code <}, {@code <=}, {@code >} or {@code >=}; null for anything else. */
    String operator() {
      skipSpace();
      for (String op : List.of("<=", ">=", "=", "<", ">")) {
        if (s.startsWith(op, pos)) {
          pos += op.length();
          return op;
        }
      }
      return null;
    }

    boolean symbol(char c) {
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    /** A non-empty string literal of printable ASCII without quotes (or spaces, unless allowed). */
    String literal(boolean spaces) {
      if (!symbol('\'')) {
        return null;
      }
      int start = pos;
      while (pos < s.length()
          && s.charAt(pos) >= (spaces ? ' ' : '!')
          && s.charAt(pos) < 127
          && s.charAt(pos) != '\'') {
        pos++;
      }
      if (pos == start || pos >= s.length() || s.charAt(pos) != '\'') {
        return null;
      }
      return s.substring(start, pos++);
    }

    boolean atEnd() {
      skipSpace();
      return pos == s.length();
    }
  }
}
