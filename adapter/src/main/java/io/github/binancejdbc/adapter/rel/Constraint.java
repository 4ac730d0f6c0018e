package io.github.binancejdbc.adapter.rel;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One pushed predicate on one column: either a set of points ({@code =}, {@code IN}) or a range.
 * Several constraints on one column are intersected when the statement executes.
 *
 * @param column column index in the table
 * @param points the values for a point constraint; {@code null} for a range
 * @param lower lower bound of a range, or {@code null} for none
 * @param upper upper bound of a range, or {@code null} for none
 */
public record Constraint(
    int column,
    List<ValueRef> points,
    ValueRef lower,
    boolean lowerStrict,
    ValueRef upper,
    boolean upperStrict) {

  public static Constraint points(int column, List<ValueRef> points) {
    return new Constraint(column, List.copyOf(points), null, false, null, false);
  }

  public static Constraint range(
      int column, ValueRef lower, boolean lowerStrict, ValueRef upper, boolean upperStrict) {
    return new Constraint(column, null, lower, lowerStrict, upper, upperStrict);
  }

  public boolean isPoints() {
    return points != null;
  }

  /** Human-readable form for EXPLAIN, e.g. {@code symbol IN ['BTCUSDT']}. */
  public String describe(String columnName) {
    if (isPoints()
        && points.size() > 2
        && points.stream().allMatch(p -> p instanceof ValueRef.Correl)) {
      // A lookup join's batch: the first and the last outer value, not a hundred of them.
      return columnName
          + " IN ["
          + points.get(0)
          + " .. "
          + points.get(points.size() - 1)
          + "] ("
          + points.size()
          + " outer rows per request batch)";
    }
    if (isPoints()) {
      return columnName
          + " IN "
          + points.stream().map(ValueRef::toString).collect(Collectors.joining(", ", "[", "]"));
    }
    StringBuilder sb = new StringBuilder(columnName).append(" IN ");
    sb.append(lower == null ? "(-inf" : (lowerStrict ? "(" : "[") + lower);
    sb.append("..");
    sb.append(upper == null ? "+inf)" : upper + (upperStrict ? ")" : "]"));
    return sb.toString();
  }
}
