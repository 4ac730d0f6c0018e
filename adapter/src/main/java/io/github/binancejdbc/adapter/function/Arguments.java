package io.github.binancejdbc.adapter.function;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one SQL argument value into the text the API gets, exactly or not at all: a fraction for a
 * whole-number argument, a number out of range, NaN or Infinity, more digits than Binance accepts,
 * an empty text or a word where a flag belongs is an error naming the argument, and nothing is
 * sent. Arguments reach here unconverted (the procedure's parameters are typed ANY), so no SQL cast
 * has rounded them on the way.
 */
final class Arguments {
  /** Binance's rule for DECIMAL parameters (error -1100): 20 digits, a point, 20 digits. */
  private static final Pattern API_DECIMAL = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,20})?");

  private static final Pattern PLAIN_NUMBER =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]{1,3})?");

  private Arguments() {}

  /**
   * The API text of {@code v} for parameter {@code p} of procedure {@code procedure}.
   *
   * @throws BinanceException INVALID_PARAMETER_VALUE or NUMERIC_VALUE_OUT_OF_RANGE, nothing sent
   */
  static String text(String procedure, ProcParam p, Object v) {
    if (v instanceof String s && s.isBlank()) {
      throw bad(
          SqlState.INVALID_PARAMETER_VALUE,
          procedure,
          p,
          "must not be empty; leave the" + " argument out instead",
          v);
    }
    return switch (p.kind()) {
      case STRING -> v.toString();
      case ENUM -> v.toString().strip().toUpperCase(Locale.ROOT);
      case BOOLEAN -> bool(procedure, p, v);
      case LONG -> whole(procedure, p, v);
      case DECIMAL -> decimal(procedure, p, v);
    };
  }

  private static String bool(String procedure, ProcParam p, Object v) {
    if (v instanceof Boolean b) {
      return b.toString();
    }
    String s = v.toString().strip().toLowerCase(Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return s;
    }
    throw bad(SqlState.INVALID_PARAMETER_VALUE, procedure, p, "must be TRUE or FALSE", v);
  }

  private static String whole(String procedure, ProcParam p, Object v) {
    BigDecimal d = number(procedure, p, v, "a whole number");
    try {
      return Long.toString(d.longValueExact());
    } catch (ArithmeticException e) {
      boolean fraction = d.signum() != 0 && d.stripTrailingZeros().scale() > 0;
      throw bad(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          procedure,
          p,
          fraction ? "must be a whole number" : "is out of range (at most 9223372036854775807)",
          v);
    }
  }

  private static String decimal(String procedure, ProcParam p, Object v) {
    BigDecimal d = number(procedure, p, v, "a number");
    String text = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    if (!API_DECIMAL.matcher(text).matches()) {
      throw bad(
          d.signum() < 0 ? SqlState.INVALID_PARAMETER_VALUE : SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          procedure,
          p,
          "must be a number of at most 20"
              + " digits before and 20 after the point, not negative (Binance's rule)",
          v);
    }
    return text;
  }

  /** {@code v} as an exact decimal, or an error saying it is not {@code what}. */
  private static BigDecimal number(String procedure, ProcParam p, Object v, String what) {
    if (v instanceof BigDecimal b) {
      return b;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (v instanceof Double || v instanceof Float) {
      double x = ((Number) v).doubleValue();
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        throw bad(
            SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
            procedure,
            p,
            "must be " + what + ", not NaN or Infinity",
            v);
      }
      // Its shortest decimal form: 0.1 and not 0.1000000000000000055511151231257827.
      return new BigDecimal(v.toString());
    }
    if (v instanceof String s && PLAIN_NUMBER.matcher(s.strip()).matches()) {
      return new BigDecimal(s.strip());
    }
    throw bad(SqlState.INVALID_PARAMETER_VALUE, procedure, p, "must be " + what, v);
  }

  private static BinanceException bad(
      SqlState state, String procedure, ProcParam p, String rule, Object v) {
    String shown = String.valueOf(v);
    if (shown.length() > 60) {
      shown = shown.substring(0, 60) + "...";
    }
    return new BinanceException(
        state,
        0,
        procedure + ": " + p.name() + " " + rule + ", but was '" + shown + "'. Nothing was sent.",
        null);
  }
}
