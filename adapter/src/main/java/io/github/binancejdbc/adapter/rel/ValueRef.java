package io.github.binancejdbc.adapter.rel;

import org.apache.calcite.DataContext;

/**
 * A value a pushed predicate compares with: a literal known when the statement is prepared, or a
 * dynamic parameter ({@code ?}) whose value is read from the {@link DataContext} at execution.
 */
public sealed interface ValueRef {
  /** The value for this execution; {@code null} for a SQL NULL. */
  Object resolve(DataContext root);

  /** A literal, already in the Java form of its column (String, Long millis, BigDecimal). */
  record Literal(Object value) implements ValueRef {
    @Override
    public Object resolve(DataContext root) {
      return value;
    }

    @Override
    public String toString() {
      return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
  }

  /** The dynamic parameter {@code ?index} (0-based). */
  record Param(int index) implements ValueRef {
    @Override
    public Object resolve(DataContext root) {
      return root.get("?" + index);
    }

    @Override
    public String toString() {
      return "?" + index;
    }
  }
}
