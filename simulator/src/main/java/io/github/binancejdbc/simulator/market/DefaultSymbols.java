package io.github.binancejdbc.simulator.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbols the simulator lists by default: four trading pairs and one halted one, with Binance's
 * real listing dates and filter values, and waypoints that make the generated history look roughly
 * like the real one (the numbers are approximate and only shape the path). They are data, read from
 * the resource {@value #RESOURCE} next to this class: one block of {@code name value} lines a
 * symbol.
 */
public final class DefaultSymbols {
  static final String RESOURCE = "default-symbols.txt";

  private DefaultSymbols() {}

  public static List<SymbolSpec> all() {
    try (InputStream in = DefaultSymbols.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The symbols of a text in the resource's form; a malformed block fails naming its line. */
  static List<SymbolSpec> parse(BufferedReader text) throws IOException {
    List<SymbolSpec> symbols = new ArrayList<>();
    Map<String, String> block = new HashMap<>();
    List<SymbolSpec.Waypoint> waypoints = new ArrayList<>();
    int n = 0;
    for (String line = text.readLine(); ; line = text.readLine()) {
      n++;
      String l = line == null ? "" : line.strip();
      if (l.isEmpty() && !block.isEmpty()) {
        symbols.add(symbol(block, waypoints, n));
        block.clear();
        waypoints.clear();
      }
      if (line == null) {
        return List.copyOf(symbols);
      }
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("\\s+", 3);
      if (f[0].equals("waypoint") && f.length == 3) {
        waypoints.add(SymbolSpec.Waypoint.at(f[1], Double.parseDouble(f[2])));
      } else if (f.length != 2 || block.put(f[0], f[1]) != null) {
        throw new IllegalArgumentException(RESOURCE + " line " + n + ": expected 'name value'");
      }
    }
  }

  private static SymbolSpec symbol(
      Map<String, String> b, List<SymbolSpec.Waypoint> waypoints, int line) {
    Map<String, String> v = new HashMap<>(b);
    SymbolSpec s =
        new SymbolSpec(
            take(v, "symbol", line),
            take(v, "base", line),
            take(v, "quote", line),
            take(v, "status", line),
            ms(take(v, "listing", line)),
            ms(take(v, "halt", line)),
            units(take(v, "tick", line)),
            units(take(v, "max_price", line)),
            units(take(v, "step", line)),
            units(take(v, "max_qty", line)),
            units(take(v, "market_max_qty", line)),
            units(take(v, "tape_lot", line)),
            units(take(v, "min_notional", line)),
            units(take(v, "max_notional", line)),
            Double.parseDouble(take(v, "daily_volatility", line)),
            Double.parseDouble(take(v, "trades_per_minute", line)),
            Double.parseDouble(take(v, "quote_per_minute", line)),
            Double.parseDouble(take(v, "level_notional", line)),
            waypoints);
    if (!v.isEmpty()) {
      throw new IllegalArgumentException(
          RESOURCE + " block ending at line " + line + ": unknown " + v.keySet());
    }
    return s;
  }

  private static String take(Map<String, String> block, String name, int line) {
    String value = block.remove(name);
    if (value == null) {
      throw new IllegalArgumentException(
          RESOURCE + " block ending at line " + line + ": no " + name);
    }
    return value;
  }

  /** An instant as epoch milliseconds; {@code -} (never) as {@link Long#MAX_VALUE}. */
  private static long ms(String iso) {
    return iso.equals("-") ? Long.MAX_VALUE : Instant.parse(iso).toEpochMilli();
  }

  /** An exact decimal of at most 8 fraction digits in units ({@link Units#ONE} is 1). */
  private static long units(String decimal) {
    Long units = Units.parse(new BigDecimal(decimal));
    if (units == null) {
      throw new IllegalArgumentException(RESOURCE + ": more than 8 decimals in " + decimal);
    }
    return units;
  }
}
