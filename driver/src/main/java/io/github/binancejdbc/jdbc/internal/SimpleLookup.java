package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.rel.BinanceTableScan;
import io.github.binancejdbc.adapter.rel.Constraint;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import io.github.binancejdbc.adapter.rel.ValueRef;
import io.github.binancejdbc.adapter.table.BinanceTable;
import io.github.binancejdbc.adapter.table.ColumnDef;
import io.github.binancejdbc.adapter.table.ColumnType;
import io.github.binancejdbc.adapter.table.Pushdown;
import io.github.binancejdbc.adapter.table.TableDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.calcite.DataContext;
import org.apache.calcite.schema.Table;

/**
 * Prepares the simplest and most common statement, a lookup by key values such as {@code SELECT
 * price FROM ticker_price WHERE symbol = 'BTCUSDT'} or {@code ... WHERE symbol = ?}, without
 * Calcite's parser, validator, planner and code generator, in the way Calcite itself prepares
 * {@code SELECT 1}. The plan runs the same scan with the same pushed constraints and fields, and
 * describes its columns and parameters as Calcite would ({@link LookupColumn}): {@link
 * LookupStatement} runs it without Calcite's connection, {@link LookupSignature} gives it to that
 * connection as Calcite's own signature. Only the class loading and the planning are saved. A first
 * query in a fresh JVM no longer loads the planner, and a fresh {@code Statement} plans in
 * microseconds.
 *
 * <p>The shape accepted is exactly {@code SELECT c [, c]* FROM [binance.]t WHERE cond [AND cond]*}:
 * unquoted, unreserved identifiers; distinct output columns; each condition either {@code k = v} on
 * a distinct VARCHAR key column of {@code t}, with {@code v} a {@code ?} or a plain string literal
 * (printable ASCII, no quotes or spaces), or {@code r op TIMESTAMP '...'} ({@code op} one of {@code
 * = < <= > >=}, at most one lower and one upper bound) on a TIMESTAMP range column, such as {@code
 * open_time} of {@code klines}: the history scan. The scan enforces each of these exactly, so no
 * condition is left for Calcite. Anything else, and any statement with max rows, goes through
 * Calcite unchanged. {@link LookupSql} reads the text.
 */
final class SimpleLookup {
  /** Off in tests that compare this path with Calcite's. */
  static volatile boolean enabled = true;

  private SimpleLookup() {}

  /**
   * A lookup ready to run: its table and pushed scan, whether it reads one column (then the rows
   * are the values), the columns it returns and the number of {@code ?} parameters (each the value
   * of a VARCHAR key).
   */
  record Plan(
      BinanceTable table,
      ScanSpec spec,
      boolean scalar,
      List<LookupColumn> columns,
      int parameters) {
    /** The rows, as Calcite's prepared statement would enumerate them ({@code ?n} in root). */
    org.apache.calcite.linq4j.Enumerable<?> rows(DataContext root) {
      return BinanceTableScan.execute(root, table, spec, scalar);
    }

    /**
     * The rows as a cursor that has moved to the first row (the first request goes out now, as when
     * Calcite's statement executes): the same scan as {@link #rows}, without loading the planner's
     * scan node and linq4j's operators on a first query.
     */
    RowCursor cursor(DataContext root) {
      return new RowCursor(table.execute(root, spec).enumerator(), scalar);
    }
  }

  /**
   * The plan of {@code sql} if it is a simple lookup on a Binance table, else {@code null}; {@code
   * tables} resolves a (schema, table) name pair to the table, or null.
   */
  static Plan plan(String sql, String defaultSchema, BiFunction<String, String, Table> tables) {
    if (!enabled || sql == null) {
      return null;
    }
    LookupSql.Parsed q = LookupSql.parse(sql, defaultSchema);
    if (q == null || !(tables.apply(q.schema(), q.table()) instanceof BinanceTable table)) {
      return null;
    }
    TableDef def = table.def();
    List<Integer> fields = new ArrayList<>();
    for (String c : q.columns()) {
      int i = indexOf(def, c);
      if (i < 0 || fields.contains(i)) {
        return null;
      }
      fields.add(i);
    }
    List<Constraint> constraints = new ArrayList<>();
    List<Integer> keyed = new ArrayList<>();
    int parameters = 0;
    Map<Integer, Constraint> ranges = new LinkedHashMap<>();
    for (LookupSql.Condition cond : q.conditions()) {
      int i = indexOf(def, cond.column());
      if (i < 0 || keyed.contains(i)) {
        return null;
      }
      ColumnDef c = def.column(i);
      if (c.pushdown().takesPoints()
          && c.type() == ColumnType.VARCHAR
          && cond.op().equals("=")
          && !(cond.value() instanceof Long)) {
        keyed.add(i);
        ValueRef ref;
        if (cond.value() == null) {
          ref = new ValueRef.Param(parameters++);
        } else {
          ref = new ValueRef.Literal(cond.value());
        }
        constraints.add(Constraint.points(i, List.of(ref)));
      } else if (c.pushdown() == Pushdown.RANGE
          && c.type() == ColumnType.TIMESTAMP
          && cond.value() instanceof Long) {
        Constraint merged = merge(ranges.get(i), i, cond.op(), new ValueRef.Literal(cond.value()));
        if (merged == null) {
          return null;
        }
        ranges.put(i, merged);
      } else {
        return null;
      }
    }
    constraints.addAll(ranges.values());
    List<LookupColumn> columns = new ArrayList<>();
    for (int i : fields) {
      ColumnDef c = def.column(i);
      columns.add(new LookupColumn(c.name(), def.name(), q.schema(), c.type(), c.nullable(), i));
    }
    boolean identity = fields.size() == def.columns().size();
    for (int i = 0; identity && i < fields.size(); i++) {
      identity = fields.get(i) == i;
    }
    ScanSpec spec = ScanSpec.EMPTY.withConstraints(constraints);
    if (!identity) {
      spec = spec.withFields(fields);
    }
    // An ArrayList, as Calcite's: metadata of a column out of range fails with its words.
    return new Plan(
        table, spec, fields.size() == 1, Collections.unmodifiableList(columns), parameters);
  }

  /**
   * {@code existing} (a range on {@code column}, or null) narrowed by {@code column op value}; null
   * when the result is not one range with at most one bound on each side.
   */
  private static Constraint merge(Constraint existing, int column, String op, ValueRef value) {
    ValueRef lower = existing == null ? null : existing.lower();
    ValueRef upper = existing == null ? null : existing.upper();
    boolean lowerStrict = existing != null && existing.lowerStrict();
    boolean upperStrict = existing != null && existing.upperStrict();
    boolean setsLower = !op.startsWith("<");
    boolean setsUpper = !op.startsWith(">");
    if ((setsLower && lower != null) || (setsUpper && upper != null)) {
      return null;
    }
    if (setsLower) {
      lower = value;
      lowerStrict = op.equals(">");
    }
    if (setsUpper) {
      upper = value;
      upperStrict = op.equals("<");
    }
    return Constraint.range(column, lower, lowerStrict, upper, upperStrict);
  }

  private static int indexOf(TableDef def, String column) {
    for (int i = 0; i < def.columns().size(); i++) {
      if (def.column(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }
}
