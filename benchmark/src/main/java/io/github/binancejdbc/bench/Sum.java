package io.github.binancejdbc.bench;

import java.math.BigDecimal;

/** What a scan read: row count and sums that any missing, duplicated or wrong row changes. */
final class Sum {
  long rows;
  long openSum;
  BigDecimal closeSum = BigDecimal.ZERO;

  void add(long open, BigDecimal close) {
    rows++;
    openSum += open;
    closeSum = closeSum.add(close);
  }

  @Override
  public String toString() {
    return "rows=" + rows + " opensum=" + openSum + " closesum=" + closeSum.toPlainString();
  }
}
