package io.github.binancejdbc.simulator.market;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fixed-point amounts: every price, quantity and balance is a {@code long} count of 10^-8 of the
 * asset (Binance's precision is 8 decimals everywhere), formatted as the 8-decimal strings Binance
 * sends ({@code "60685.22000000"}).
 */
public final class Units {
  /** 1.00000000 */
  public static final long ONE = 100_000_000L;

  private static final BigInteger ONE_BIG = BigInteger.valueOf(ONE);

  private Units() {}

  /** {@code 6068522000000} becomes {@code "60685.22000000"}. */
  public static String format(long units) {
    StringBuilder sb = new StringBuilder(24);
    if (units < 0) {
      sb.append('-');
    }
    long abs = Math.abs(units);
    sb.append(abs / ONE).append('.');
    String frac = Long.toString(abs % ONE);
    for (int i = frac.length(); i < 8; i++) {
      sb.append('0');
    }
    return sb.append(frac).toString();
  }

  /** An exact decimal of at most 8 fraction digits to units; null when it has more. */
  public static Long parse(BigDecimal d) {
    BigDecimal scaled = d.movePointRight(8);
    try {
      return scaled.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** A decimal amount of at most 8 fraction digits in units. */
  public static long amount(String amount) {
    Long u = parse(new BigDecimal(amount));
    if (u == null) {
      throw new IllegalArgumentException("more than 8 decimals: " + amount);
    }
    return u;
  }

  /** Each amount of {@code amounts} in units, in the same order. */
  public static Map<String, Long> amounts(Map<String, String> amounts) {
    Map<String, Long> out = new LinkedHashMap<>();
    amounts.forEach((asset, amount) -> out.put(asset, amount(amount)));
    return out;
  }

  public static BigDecimal toDecimal(long units) {
    return BigDecimal.valueOf(units, 8);
  }

  /** {@code price * qty} in units (both in units), rounded down to the 8th decimal. */
  public static long notional(long priceUnits, long qtyUnits) {
    if (Math.abs(priceUnits) < 3_000_000_000L && Math.abs(qtyUnits) < 3_000_000_000L) {
      return priceUnits * qtyUnits / ONE;
    }
    return BigInteger.valueOf(priceUnits)
        .multiply(BigInteger.valueOf(qtyUnits))
        .divide(ONE_BIG)
        .longValueExact();
  }

  /** {@code notional / price} in units, rounded down. */
  public static long quantityFor(long notionalUnits, long priceUnits) {
    return BigInteger.valueOf(notionalUnits)
        .multiply(ONE_BIG)
        .divide(BigInteger.valueOf(priceUnits))
        .longValueExact();
  }

  /** {@code amount * bips / 10000}, rounded half up. */
  public static long bips(long amount, long bips) {
    return BigInteger.valueOf(amount)
        .multiply(BigInteger.valueOf(bips))
        .add(BigInteger.valueOf(5000))
        .divide(BigInteger.valueOf(10000))
        .longValueExact();
  }

  /** {@code a / b} as an 8-decimal string rounded half up; {@code "0.00000000"} when b is 0. */
  public static String ratio(long a, long b) {
    return format(divide(a, b));
  }

  /** {@code a / b} in units (8 decimals), rounded half up; 0 when b is 0. */
  public static long divide(long a, long b) {
    if (b == 0) {
      return 0;
    }
    return BigDecimal.valueOf(a)
        .divide(BigDecimal.valueOf(b), 8, RoundingMode.HALF_UP)
        .movePointRight(8)
        .longValueExact();
  }
}
