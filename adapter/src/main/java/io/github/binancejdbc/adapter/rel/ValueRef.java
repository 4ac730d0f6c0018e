package io.github.binancejdbc.adapter.rel;

import io.github.binancejdbc.adapter.BinanceTypeSystem;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import io.github.binancejdbc.adapter.table.ColumnType;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexNode;

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

  /**
   * An expression that does not depend on the row, such as {@code CURRENT_TIMESTAMP - INTERVAL '7'
   * DAY}: evaluated once per execution, with the statement's clock, so a prepared statement's "last
   * 7 days" moves with time.
   */
  record Expr(RexNode expr, ColumnType type) implements ValueRef {
    @Override
    public Object resolve(DataContext root) {
      RexBuilder rexBuilder = new RexBuilder(new JavaTypeFactoryImpl(BinanceTypeSystem.INSTANCE));
      RelDataType noRow = rexBuilder.getTypeFactory().builder().build();
      Object[] values;
      try {
        // Not RexExecutorImpl.reduce: it swallows a failure and leaves the call unreduced, which
        // would read as "no value" and silently return no rows for level <= 5/0.
        values =
            RexExecutorImpl.getExecutable(rexBuilder, List.of(expr), noRow)
                .getFunction()
                .apply(root);
      } catch (ArithmeticException e) {
        throw new BinanceException(
            e.getMessage() != null && e.getMessage().contains("zero")
                ? SqlState.DIVISION_BY_ZERO
                : SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
            0,
            "Cannot evaluate " + expr + ": " + e.getMessage(),
            e);
      } catch (RuntimeException e) {
        throw new BinanceException(
            SqlState.INVALID_CHARACTER_VALUE_FOR_CAST,
            0,
            "Cannot evaluate " + expr + ": " + e.getMessage(),
            e);
      }
      Object v = values == null || values.length != 1 ? null : values[0];
      return v == null ? null : PredicateTranslator.literalValue(v, type);
    }

    @Override
    public String toString() {
      return expr.toString();
    }
  }

  /**
   * A value of the outer row of a lookup join ({@link BinanceLookupJoin}): field {@code field}
   * (named {@code name}) of correlation variable {@code corr}, bound once per batch of outer rows.
   */
  record Correl(String corr, int field, String name) implements ValueRef {
    @Override
    public Object resolve(DataContext root) {
      if (root instanceof OuterValues outer) {
        return outer.value(this);
      }
      throw new IllegalStateException(this + " read outside its lookup join");
    }

    @Override
    public String toString() {
      return corr + "." + name;
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
