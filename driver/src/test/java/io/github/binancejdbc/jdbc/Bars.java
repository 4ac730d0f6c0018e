package io.github.binancejdbc.jdbc;

import java.math.BigDecimal;
import java.util.Locale;

/** Generates kline JSON for WireMock stubs: deterministic prices from the open time. */
final class Bars {
  static final long HOUR = 3_600_000L;

  private Bars() {}

  /** {@code count} 1h klines starting at {@code firstOpen}, as the API's JSON array. */
  static String klines(long firstOpen, int count, long interval) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      long open = firstOpen + i * interval;
      if (i > 0) {
        sb.append(',');
      }
      sb.append(kline(open, interval));
    }
    return sb.append(']').toString();
  }

  static String kline(long open, long interval) {
    BigDecimal o = openPrice(open);
    return String.format(
        Locale.ROOT,
        "[%d,\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",%d,\"%s\",%d,\"%s\",\"%s\",\"0\"]",
        open,
        o.toPlainString(),
        o.add(new BigDecimal("12.50000000")).toPlainString(),
        o.subtract(new BigDecimal("7.25000000")).toPlainString(),
        o.add(new BigDecimal("1.00000000")).toPlainString(),
        "10.50000000",
        open + interval - 1,
        "420000.12345678",
        (open / interval) % 1000,
        "5.25000000",
        "210000.00000000");
  }

  /** 40000.00000000 plus one dollar per hour since 2024-01-01. */
  static BigDecimal openPrice(long open) {
    return new BigDecimal("40000.00000000").add(BigDecimal.valueOf((open - 1704067200000L) / HOUR));
  }
}
