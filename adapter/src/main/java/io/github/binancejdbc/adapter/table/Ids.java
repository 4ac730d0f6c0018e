package io.github.binancejdbc.adapter.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The values of a BIGINT key column as the API's ids. */
final class Ids {
  private Ids() {}

  /**
   * The values of a BIGINT key as longs; a value that is not a whole number cannot match any row
   * and is dropped.
   */
  static List<Long> ids(List<String> values) {
    List<Long> out = new ArrayList<>();
    for (String v : values) {
      Long id = id(v);
      if (id != null) {
        out.add(id);
      }
    }
    return out;
  }

  static Long id(String value) {
    try {
      return new BigDecimal(value).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }
}
