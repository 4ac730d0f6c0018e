package io.github.binancejdbc.adapter.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  private static final Pattern ROW = Pattern.compile("(\\S+) +(\\S+) +(\\S+) +(\\S.*)");
  private static final Pattern NAME =
      Pattern.compile("([a-z][a-z0-9_]*)(?::([\\w.]+(?:\\|[\\w.]+)*|-))?");

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
    Matcher m = ROW.matcher(line);
    if (!m.matches()) {
      throw error(table, i, line, "expected 'name TYPE kind description'");
    }
    Matcher named = NAME.matcher(m.group(1));
    if (!named.matches()) {
      throw error(table, i, line, "column name '" + m.group(1) + "' is not lower_snake");
    }
    String name = named.group(1);
    ColumnType type;
    try {
      type = ColumnType.valueOf(m.group(2));
    } catch (IllegalArgumentException e) {
      throw error(
          table,
          i,
          line,
          "unknown type '"
              + m.group(2)
              + "'; expected one of "
              + Arrays.toString(ColumnType.values()));
    }
    String kind = m.group(3);
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
    return new ColumnDef(name, type, nullable, pushdown, m.group(4), named.group(2));
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
