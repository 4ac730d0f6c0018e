package io.github.binancejdbc.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.binancejdbc.simulator.market.Units;
import io.github.binancejdbc.simulator.trading.ApiException;
import io.github.binancejdbc.simulator.trading.Errors;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of one request: query string and form body merged, the query string winning when
 * both carry a name (Binance's rule), values percent-decoded as UTF-8, typed accessors that fail
 * with Binance's error codes and messages.
 */
final class Params {
  private static final Pattern LONG = Pattern.compile("-?[0-9]{1,20}");

  /** {@code true} or {@code false} in any case. */
  private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false");

  private static final Pattern DECIMAL = Pattern.compile("([0-9]{1,20})(\\.[0-9]{1,20})?");

  private final Map<String, String> values;

  private Params(Map<String, String> values) {
    this.values = values;
  }

  static Params of(Map<String, String> values) {
    return new Params(new LinkedHashMap<>(values));
  }

  static Params parse(String rawQuery, String rawBody) {
    Map<String, String> query = split(rawQuery);
    Map<String, String> body = split(rawBody);
    Map<String, String> all = new LinkedHashMap<>(body);
    all.putAll(query);
    return new Params(all);
  }

  private static Map<String, String> split(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (out.put(name, value) != null) {
        throw ApiException.bad(-1101, "Duplicate values for a parameter detected.");
      }
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.bad(-1100, "Illegal characters found in a parameter.");
    }
  }

  Set<String> names() {
    return values.keySet();
  }

  /** Fails with -1104 when a parameter outside {@code allowed} was sent. */
  void checkAllRead(Collection<String> allowed) {
    int read = 0;
    for (String n : values.keySet()) {
      if (allowed.contains(n)) {
        read++;
      }
    }
    if (read != values.size()) {
      throw ApiException.bad(
          -1104,
          "Not all sent parameters were read; read '"
              + read
              + "' parameter(s) but was sent '"
              + values.size()
              + "'.");
    }
  }

  /** The value, or null when absent or empty. */
  String get(String name) {
    String v = values.get(name);
    return v == null || v.isEmpty() ? null : v;
  }

  boolean has(String name) {
    return get(name) != null;
  }

  String require(String name) {
    return present(get(name), name);
  }

  /** {@code value}; -1102 naming {@code name} when it is null (the parameter was not sent). */
  static <T> T present(T value, String name) {
    if (value == null) {
      throw Errors.mandatory(name);
    }
    return value;
  }

  /**
   * The value, or null when absent or empty; -1100 naming {@code range} when it does not match
   * {@code pattern}.
   */
  private String matching(String name, Pattern pattern, String range) {
    String v = get(name);
    if (v != null && !pattern.matcher(v).matches()) {
      throw Errors.illegal(name, range);
    }
    return v;
  }

  Long optLong(String name) {
    String v = matching(name, LONG, Errors.LONG_RANGE);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw overflowed(name);
    }
  }

  long requireLong(String name) {
    return present(optLong(name), name);
  }

  Integer optInt(String name) {
    Long v = optLong(name);
    if (v == null) {
      return null;
    }
    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      throw overflowed(name);
    }
    return v.intValue();
  }

  private static ApiException overflowed(String name) {
    return ApiException.bad(-1108, "Parameter '" + name + "' overflowed.");
  }

  /** A DECIMAL parameter in units (10^-8); more than 8 significant decimals fail with -1111. */
  Long optDecimal(String name) {
    String v = matching(name, DECIMAL, Errors.DECIMAL_RANGE);
    if (v == null) {
      return null;
    }
    Long units = Units.parse(new BigDecimal(v));
    if (units == null) {
      throw Errors.tooMuchPrecision(name);
    }
    return units;
  }

  Boolean optBoolean(String name) {
    String v = matching(name, BOOLEAN, "^(true|false)$");
    return v == null ? null : Boolean.valueOf(v);
  }

  /** An enumerated value, or null when absent; {@code error} when not one of {@code allowed}. */
  String optEnum(String name, Set<String> allowed, ApiException error) {
    String v = get(name);
    if (v == null) {
      return null;
    }
    if (!allowed.contains(v)) {
      throw error;
    }
    return v;
  }
}
