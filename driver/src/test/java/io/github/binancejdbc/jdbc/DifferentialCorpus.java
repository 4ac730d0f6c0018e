package io.github.binancejdbc.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code differential/queries.sql}: named queries with their comparison directives. */
final class DifferentialCorpus {
  private DifferentialCorpus() {}

  /** A PreparedStatement parameter: type (str, int, long, dec, ts, ldt) and its text. */
  record Param(String type, String value) {
    @Override
    public String toString() {
      return type + " " + value;
    }
  }

  /** One corpus entry. */
  record Query(
      String name,
      String sql,
      boolean ordered,
      List<Integer> columns,
      boolean unorderedLimit,
      BigDecimal tolerance,
      boolean emptyOk,
      Map<String, Integer> requests,
      List<Param> params) {
    boolean prepared() {
      return !params.isEmpty();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static final Pattern TRAILING_LIMIT =
      Pattern.compile("(?is)\\s+LIMIT\\s+(\\d+|\\?)(\\s+OFFSET\\s+(\\d+|\\?))?\\s*$");

  static List<Query> load(String resource) {
    try (InputStream in = DifferentialCorpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + resource);
      }
      return parse(new BufferedReader(new InputStreamReader(in, UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Query> parse(List<String> lines) {
    List<Query> out = new ArrayList<>();
    Builder b = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("-- @")) {
        String directive = line.substring(4);
        String key = directive.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String arg =
            directive.length() > key.length() ? directive.substring(key.length()).strip() : "";
        if (key.equals("name")) {
          if (b != null) {
            out.add(b.build());
          }
          b = new Builder(arg);
          continue;
        }
        if (b == null) {
          throw new IllegalArgumentException("directive before the first @name: " + line);
        }
        b.directive(key, arg, line);
      } else if (line.startsWith("--") || line.isEmpty()) {
        // a comment or a blank line: skipped
      } else {
        if (b == null) {
          throw new IllegalArgumentException("SQL before the first @name: " + line);
        }
        b.sql.append(b.sql.length() == 0 ? "" : "\n").append(raw.stripTrailing());
      }
    }
    if (b != null) {
      out.add(b.build());
    }
    return out;
  }

  /**
   * The query without its trailing LIMIT/OFFSET (H2's full answer for an unordered LIMIT), and how
   * many {@code ?} the removed tail held (those parameters are dropped from the end).
   */
  static Map.Entry<String, Integer> withoutLimit(String sql) {
    Matcher m = TRAILING_LIMIT.matcher(sql);
    if (!m.find()) {
      throw new IllegalArgumentException("no trailing LIMIT in: " + sql);
    }
    String tail = m.group();
    int params = (int) tail.chars().filter(c -> c == '?').count();
    return Map.entry(sql.substring(0, m.start()), params);
  }

  private static final class Builder {
    final String name;
    final StringBuilder sql = new StringBuilder();
    boolean ordered;
    List<Integer> columns = List.of();
    boolean unorderedLimit;
    BigDecimal tolerance;
    boolean emptyOk;
    final Map<String, Integer> requests = new LinkedHashMap<>();
    final List<Param> params = new ArrayList<>();

    Builder(String name) {
      this.name = name;
    }

    void directive(String key, String arg, String line) {
      switch (key) {
        case "ordered" -> ordered = true;
        case "unordered-limit" -> unorderedLimit = true;
        case "empty-ok" -> emptyOk = true;
        case "tolerance" -> tolerance = new BigDecimal(arg);
        case "columns" -> {
          List<Integer> c = new ArrayList<>();
          for (String s : arg.split(",", -1)) {
            c.add(Integer.parseInt(s.strip()));
          }
          columns = List.copyOf(c);
        }
        case "requests" -> {
          int eq = arg.lastIndexOf('=');
          requests.put(
              arg.substring(0, eq).strip(), Integer.parseInt(arg.substring(eq + 1).strip()));
        }
        case "param" -> {
          String[] p = arg.split("\\s+", 2);
          params.add(new Param(p[0], p.length > 1 ? p[1] : ""));
        }
        default -> throw new IllegalArgumentException("unknown directive in " + name + ": " + line);
      }
    }

    Query build() {
      String s = sql.toString().strip();
      if (s.endsWith(";")) {
        s = s.substring(0, s.length() - 1).strip();
      }
      if (s.isEmpty()) {
        throw new IllegalArgumentException("no SQL for " + name);
      }
      if (ordered && unorderedLimit) {
        throw new IllegalArgumentException(
            name + ": @ordered and @unordered-limit exclude each" + " other");
      }
      return new Query(
          name,
          s,
          ordered,
          columns,
          unorderedLimit,
          tolerance,
          emptyOk,
          Map.copyOf(requests),
          List.copyOf(params));
    }
  }
}
