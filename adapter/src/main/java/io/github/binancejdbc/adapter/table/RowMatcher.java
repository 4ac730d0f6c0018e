package io.github.binancejdbc.adapter.table;

import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;

/**
 * The constraints of a {@link ScanQuery} as arrays, for the test that runs once per row ({@link
 * #matches}): no map iteration, boxing or string copies there.
 */
final class RowMatcher {
  private final int[] pointColumns;
  private final Set<?>[] pointValues;
  private final Object[] onlyValue;
  private final int[] rangeColumns;
  private final long[] lows;
  private final long[] highs;
  private final NavigableSet<?>[] rangeValues;

  RowMatcher(
      Map<Integer, Set<String>> points,
      Map<Integer, long[]> ranges,
      Map<Integer, NavigableSet<Long>> rangePoints) {
    int[] pc = new int[points.size()];
    Set<?>[] pv = new Set<?>[pc.length];
    Object[] only = new Object[pc.length];
    int i = 0;
    for (Map.Entry<Integer, Set<String>> e : points.entrySet()) {
      pc[i] = e.getKey();
      only[i] = e.getValue().size() == 1 ? e.getValue().iterator().next() : null;
      pv[i++] = e.getValue();
    }
    int[] rc = new int[ranges.size()];
    long[] lo = new long[rc.length];
    long[] hi = new long[rc.length];
    NavigableSet<?>[] rv = new NavigableSet<?>[rc.length];
    i = 0;
    for (Map.Entry<Integer, long[]> e : ranges.entrySet()) {
      rc[i] = e.getKey();
      lo[i] = e.getValue()[0];
      hi[i] = e.getValue()[1];
      rv[i++] = rangePoints.get(e.getKey());
    }
    this.pointColumns = pc;
    this.pointValues = pv;
    this.onlyValue = only;
    this.rangeColumns = rc;
    this.lows = lo;
    this.highs = hi;
    this.rangeValues = rv;
  }

  /** Whether a row satisfies every constraint. */
  boolean matches(Object[] row) {
    for (int i = 0; i < pointColumns.length; i++) {
      Object v = row[pointColumns[i]];
      if (v == null) {
        return false;
      }
      String text = v instanceof String str ? str : v.toString();
      // One value (symbol = 'BTCUSDT'): equals, which is identity for the request's own string.
      Object only = onlyValue[i];
      if (only != null ? !only.equals(text) : !pointValues[i].contains(text)) {
        return false;
      }
    }
    for (int i = 0; i < rangeColumns.length; i++) {
      if (!(row[rangeColumns[i]] instanceof Number n)) {
        return false;
      }
      long x = n.longValue();
      if (x < lows[i] || x > highs[i] || (rangeValues[i] != null && !rangeValues[i].contains(x))) {
        return false;
      }
    }
    return true;
  }
}
