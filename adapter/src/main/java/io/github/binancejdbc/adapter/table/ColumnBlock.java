package io.github.binancejdbc.adapter.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the column block of a table definition: one column a line, four fields separated by
 * spaces, a line indented deeper continuing the description of the column above.
 *
 * <pre>
 * symbol         VARCHAR   optional-key  Trading pair, e.g. BTCUSDT
 * base_asset     VARCHAR   plain         Base asset, e.g. BTC
 * tick_size      DECIMAL   nullable      PRICE_FILTER price step, a description long enough
 *                                        to go on in the next line
 * </pre>
 *
 * <p>A name followed by {@code :field} ({@code agg_trade_id:a}) is read from that field of each
 * JSON object of the response ({@code cumulative_quote_qty:cummulativeQuoteQty|cumulativeQuoteQty}
 * from whichever of the two is present; {@code maker_rate:commissionRates.maker} from a nested
 * object); {@link Json.Fields#Fields(TableDef)} pairs them.
 *
 * <p>The kind is {@code plain} (not null, not pushed down), {@code nullable}, a pushdown ({@code
 * key}, {@code optional-key}, {@code range}, {@code lookup}) or {@code nullable,} and a pushdown; a
 * pushdown that a table chooses is written {@code $name} and given in a map. Any other line is an
 * error naming the table and the line, so a malformed definition fails when its class loads.
 */
final class ColumnBlock {

  private ColumnBlock() {}

  static List<ColumnDef> parse(String table, String block, Map<String, Pushdown> chosen) {
    List<ColumnDef> columns = new ArrayList<>();
    String[] lines = block.split("\n", -1);
    int margin = -1;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].stripTrailing();
      if (line.isEmpty()) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      if (margin < 0) {
        margin = indent;
      }
      if (indent > margin) { // the first line is a column, so there is one above
        ColumnDef last = columns.remove(columns.size() - 1);
        columns.add(
            new ColumnDef(
                last.name(),
                last.type(),
                last.nullable(),
                last.pushdown(),
                last.remarks() + " " + line.strip(),
                last.jsonField()));
        continue;
      }
      if (indent < margin) {
        throw error(table, i, line, "indented less than the first line");
      }
      columns.add(row(table, i, line.strip(), chosen));
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + table + ": the column block is empty");
    }
    return columns;
  }

  private static ColumnDef row(String table, int i, String line, Map<String, Pushdown> chosen) {
    String[] f = fields(line);
    if (f == null) {
      throw error(table, i, line, "expected 'name TYPE kind description'");
    }
    String[] named = name(f[0]);
    if (named == null) {
      throw error(table, i, line, "column name '" + f[0] + "' is not lower_snake");
    }
    String name = named[0];
    ColumnType type;
    try {
      type = ColumnType.valueOf(f[1]);
    } catch (IllegalArgumentException e) {
      throw error(
          table,
          i,
          line,
          "unknown type '" + f[1] + "'; expected one of " + Arrays.toString(ColumnType.values()));
    }
    String kind = f[2];
    boolean nullable = kind.startsWith("nullable");
    String push = nullable ? kind.substring("nullable".length()) : kind;
    if (nullable && !push.isEmpty()) {
      if (!push.startsWith(",") || push.length() == 1) {
        throw error(table, i, line, badKind(kind));
      }
      push = push.substring(1);
    }
    Pushdown pushdown;
    if (push.isEmpty() || (!nullable && push.equals("plain"))) {
      pushdown = Pushdown.NONE;
    } else if (push.startsWith("$")) {
      pushdown = chosen.get(push.substring(1));
      if (pushdown == null) {
        throw error(
            table, i, line, "no pushdown given for '" + push + "'; given: " + chosen.keySet());
      }
    } else {
      pushdown =
          switch (push) {
            case "key" -> Pushdown.KEY;
            case "optional-key" -> Pushdown.OPTIONAL_KEY;
            case "range" -> Pushdown.RANGE;
            case "lookup" -> Pushdown.LOOKUP;
            default -> throw error(table, i, line, badKind(kind));
          };
    }
    return new ColumnDef(name, type, nullable, pushdown, f[3], named[1]);
  }

  /**
   * The fields of {@code line} ({@code name TYPE kind description}): three words of non-blank
   * characters, each followed by spaces, then a description that starts with a non-blank character;
   * null for any other line. Read by hand, not by a regular expression: every table's block is read
   * when the first connection opens, and an interpreted regular expression was a visible part of
   * that.
   */
  static String[] fields(String line) {
    String[] f = new String[4];
    int pos = 0;
    for (int k = 0; k < 3; k++) {
      int start = pos;
      while (pos < line.length() && !blank(line.charAt(pos))) {
        pos++;
      }
      if (pos == start || pos == line.length() || line.charAt(pos) != ' ') {
        return null;
      }
      f[k] = line.substring(start, pos);
      while (pos < line.length() && line.charAt(pos) == ' ') {
        pos++;
      }
    }
    if (pos == line.length() || blank(line.charAt(pos))) {
      return null;
    }
    f[3] = line.substring(pos);
    // After its first character, no line terminator (which '.' does not match).
    for (int j = pos + 1; j < line.length(); j++) {
      char c = line.charAt(j);
      if (c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return null;
      }
    }
    return f;
  }

  /** A blank character, as a regular expression's {@code \s} is. */
  private static boolean blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /**
   * {name, field} of a column's first field {@code lower_snake[:field]} (field null when absent;
   * {@code -}, or JSON field paths of letters, digits, {@code _} and {@code .} joined by {@code
   * |}); null when it has not that shape.
   */
  static String[] name(String s) {
    int colon = s.indexOf(':');
    String name = colon < 0 ? s : s.substring(0, colon);
    if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
      return null;
    }
    for (int j = 1; j < name.length(); j++) {
      char c = name.charAt(j);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return null;
      }
    }
    if (colon < 0) {
      return new String[] {name, null};
    }
    String field = s.substring(colon + 1);
    if (field.equals("-")) {
      return new String[] {name, field};
    }
    for (String path : field.split("\\|", -1)) {
      if (path.isEmpty()) {
        return null;
      }
      for (int j = 0; j < path.length(); j++) {
        char c = path.charAt(j);
        boolean word =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!word && c != '.') {
          return null;
        }
      }
    }
    return new String[] {name, field};
  }

  private static String badKind(String kind) {
    return "unknown kind '"
        + kind
        + "'; expected plain, nullable, key, optional-key, range,"
        + " lookup, $name, or nullable, followed by one of the last five";
  }

  private static IllegalArgumentException error(String table, int i, String line, String why) {
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT, "table %s, column block line %d: %s: %s", table, i + 1, why, line));
  }
}
