package io.github.binancejdbc.adapter.rel;

import io.github.binancejdbc.adapter.table.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * What the planner pushed into one scan: constraints from WHERE, a sort direction on one of the
 * table's sortable columns, a row-count hint from LIMIT (fetch + offset), and the columns the query
 * uses ({@code fields}; {@code null} for all), so that the parser skips the rest. Constraints name
 * table columns, not output fields. Immutable; stashed into the generated code and resolved against
 * the {@code DataContext} at execution.
 */
public record ScanSpec(
    List<Constraint> constraints,
    boolean filterPushed,
    Direction direction,
    ValueRef fetch,
    ValueRef offset,
    List<Integer> fields) {

  /** The order the scan delivers rows in. */
  public enum Direction {
    /** No promise (unordered LIMIT: the most recent rows). */
    NONE,
    ASC,
    DESC
  }

  public static final ScanSpec EMPTY =
      new ScanSpec(List.of(), false, Direction.NONE, null, null, null);

  public ScanSpec withConstraints(List<Constraint> more) {
    List<Constraint> all = new ArrayList<>(constraints);
    all.addAll(more);
    return new ScanSpec(List.copyOf(all), true, direction, fetch, offset, fields);
  }

  public ScanSpec withDirection(Direction d) {
    return new ScanSpec(constraints, filterPushed, d, fetch, offset, fields);
  }

  public ScanSpec withFetch(ValueRef fetch, ValueRef offset) {
    return new ScanSpec(constraints, filterPushed, direction, fetch, offset, fields);
  }

  /** The scan delivers only these table columns, in this order (projection pushdown). */
  public ScanSpec withFields(List<Integer> columns) {
    return new ScanSpec(constraints, filterPushed, direction, fetch, offset, List.copyOf(columns));
  }

  /** The table column behind output field {@code i} of the scan. */
  public int column(int i) {
    return fields == null ? i : fields.get(i);
  }

  /** Whether table column {@code column} has a point constraint ({@code =}, {@code IN}). */
  public boolean keyed(int column) {
    for (Constraint c : constraints) {
      if (c.column() == column && c.isPoints()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The outer-row values the constraints read (a lookup join's inner scan), each once, in order.
   */
  public List<ValueRef.Correl> correlations() {
    List<ValueRef.Correl> out = new ArrayList<>();
    for (Constraint c : constraints) {
      if (c.isPoints()) {
        for (ValueRef v : c.points()) {
          if (v instanceof ValueRef.Correl r && !out.contains(r)) {
            out.add(r);
          }
        }
      }
    }
    return out;
  }

  /** EXPLAIN text of the constraints, e.g. {@code [symbol IN ['BTCUSDT'], open_time IN [..)]}. */
  public String describeFilter(TableDef def) {
    List<String> parts = new ArrayList<>();
    for (Constraint c : constraints) {
      parts.add(c.describe(def.column(c.column()).name()));
    }
    return parts.toString();
  }
}
