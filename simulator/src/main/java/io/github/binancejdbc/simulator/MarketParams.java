package io.github.binancejdbc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binancejdbc.simulator.market.Market;
import io.github.binancejdbc.simulator.market.SymbolSpec;
import io.github.binancejdbc.simulator.trading.ApiException;
import io.github.binancejdbc.simulator.trading.Errors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The typed parameters the market, account and trading endpoints share: symbol and symbols (checked
 * against the market), times, limit, timeZone, windowSize, symbolStatus and the ticker type, each
 * failing with Binance's code and message.
 */
final class MarketParams {
  static final Set<String> SYMBOL_STATUSES = Set.of("TRADING", "HALT", "BREAK");
  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9-_.]{1,20}");
  private static final Pattern SYMBOLS =
      Pattern.compile("\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\")*)?\\]");
  private static final Pattern TIME_ZONE = Pattern.compile("([+-]?)(\\d{1,2})(?::(\\d{2}))?");
  private static final Pattern WINDOW = Pattern.compile("(\\d{1,2})([mhd])");
  static final long DAY = 86_400_000L;

  private MarketParams() {}

  static SymbolSpec symbol(Params p, Market market) {
    return lookup(p.require("symbol"), market, "symbol");
  }

  private static SymbolSpec lookup(String name, Market market, String param) {
    if (!SYMBOL.matcher(name).matches()) {
      throw Errors.illegal(param, Errors.SYMBOL_RANGE);
    }
    SymbolSpec s = market.spec(name);
    if (s == null) {
      throw Errors.badSymbol();
    }
    return s;
  }

  /** The {@code symbols} JSON array, or null when absent. */
  static List<SymbolSpec> symbols(Params p, Market market) {
    String raw = p.get("symbols");
    if (raw == null) {
      return null;
    }
    String compact = raw.replace(" ", "");
    if (!SYMBOLS.matcher(compact).matches()) {
      throw Errors.illegal("symbols", Errors.SYMBOLS_RANGE);
    }
    List<SymbolSpec> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String inner = compact.substring(1, compact.length() - 1);
    if (inner.isEmpty()) {
      throw Errors.mandatory("symbols");
    }
    for (String quoted : inner.split(",", -1)) {
      String name = quoted.substring(1, quoted.length() - 1);
      if (!seen.add(name)) {
        throw ApiException.bad(-1151, "Symbol is present multiple times in the list.");
      }
      out.add(lookup(name, market, "symbols"));
    }
    return out;
  }

  /** A time parameter in ms; values in µs (more than 10^14) are converted. */
  static Long time(Params p, String name) {
    Long v = p.optLong(name);
    if (v != null && v > 100_000_000_000_000L) {
      v = v / 1000;
    }
    return v;
  }

  static int limit(Params p, int dflt, int max) {
    Integer v = p.optInt("limit");
    if (v == null) {
      return dflt;
    }
    if (v <= 0) {
      throw Errors.invalid("limit");
    }
    return Math.min(v, max);
  }

  /** {@code timeZone} ("0", "8", "-1:00", "05:45"; within [-12:00, +14:00]) as an offset in ms. */
  static long timeZone(Params p) {
    String tz = p.get("timeZone");
    if (tz == null) {
      return 0;
    }
    Matcher m = TIME_ZONE.matcher(tz.trim());
    if (!m.matches()) {
      throw Errors.invalid("timeZone");
    }
    int hours = Integer.parseInt(m.group(2));
    int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    boolean negative = m.group(1).equals("-");
    long total = hours * 60L + minutes;
    if (minutes >= 60 || (negative ? total > 12 * 60 : total > 14 * 60)) {
      throw Errors.invalid("timeZone");
    }
    return (negative ? -total : total) * 60_000;
  }

  /** {@code symbolStatus}: TRADING, HALT or BREAK, or null. */
  static String symbolStatus(Params p) {
    return p.optEnum(
        "symbolStatus", SYMBOL_STATUSES, ApiException.bad(-1122, "Invalid symbolStatus."));
  }

  /** The symbols a ticker-like request is about, filtered by symbolStatus. */
  static List<SymbolSpec> tickerSymbols(Params p, Market market, boolean required) {
    String status = symbolStatus(p);
    if (p.has("symbol") && p.has("symbols")) {
      throw Errors.badCombination();
    }
    if (p.has("symbol")) {
      SymbolSpec s = symbol(p, market);
      if (status != null && !status.equals(s.status())) {
        throw ApiException.bad(
            -1220, "The symbol's status does not match the requested symbolStatus.");
      }
      return List.of(s);
    }
    List<SymbolSpec> list = symbols(p, market);
    if (list == null) {
      if (required) {
        throw Errors.eitherMandatory("symbol", "symbols");
      }
      list = new ArrayList<>(market.specs());
    }
    if (required && list.size() > 100) {
      throw ApiException.bad(
          -1101, "Too many values sent for parameter 'symbols', maximum allowed up to 100.");
    }
    List<SymbolSpec> out = new ArrayList<>();
    for (SymbolSpec s : list) {
      if (status == null || status.equals(s.status())) {
        out.add(s);
      }
    }
    return out;
  }

  /** The one item of a {@code symbol} request, else an array of them all. */
  static JsonNode oneOrMany(Params p, List<ObjectNode> items) {
    if (p.has("symbol")) {
      return items.get(0);
    }
    ArrayNode a = JsonNodes.arr();
    items.forEach(a::add);
    return a;
  }

  /** Whether {@code type} asks for the MINI ticker (FULL is the default). */
  static boolean tickerType(Params p) {
    String type =
        p.optEnum("type", Set.of("FULL", "MINI"), ApiException.bad(-1139, "Invalid ticker type."));
    return "MINI".equals(type);
  }

  /** {@code windowSize}: 1m..59m, 1h..23h, 1d..7d; default 1d. */
  static long windowSize(String w) {
    if (w == null) {
      return DAY;
    }
    Matcher m = WINDOW.matcher(w);
    if (!m.matches()) {
      throw Errors.invalid("windowSize");
    }
    int n = Integer.parseInt(m.group(1));
    return switch (m.group(2)) {
      case "m" -> check(n, 59) * 60_000L;
      case "h" -> check(n, 23) * 3_600_000L;
      default -> check(n, 7) * DAY;
    };
  }

  private static long check(int n, int max) {
    if (n < 1 || n > max) {
      throw Errors.invalid("windowSize");
    }
    return n;
  }
}
