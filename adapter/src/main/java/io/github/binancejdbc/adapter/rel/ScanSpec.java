package io.github.binancejdbc.adapter.rel;

import io.github.binancejdbc.adapter.table.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * What the planner pushed into one scan: constraints from WHERE, a sort direction on one of the
 * table's sortable columns, and a row-count hint from LIMIT (fetch + offset). Immutable; stashed into
 * the generated code and resolved against the {@code DataContext} at execution.
 */
public record ScanSpec(
    List<Constraint> constraints,
    boolean filterPushed,
    Direction direction,
    ValueRef fetch,
    ValueRef offset) {

  /** The order the scan delivers rows in. */
  public enum Direction {
    /** No promise (unordered LIMIT: the most recent rows). */
    NONE,
    ASC,
    DESC
  }

  public static final ScanSpec EMPTY = new ScanSpec(List.of(), false, Direction.NONE, null, null);

  public ScanSpec withConstraints(List<Constraint> more) {
    List<Constraint> all = new ArrayList<>(constraints);
    all.addAll(more);
    return new ScanSpec(List.copyOf(all), true, direction, fetch, offset);
  }

  public ScanSpec withDirection(Direction d) {
    return new ScanSpec(constraints, filterPushed, d, fetch, offset);
  }

  public ScanSpec withFetch(ValueRef fetch, ValueRef offset) {
    return new ScanSpec(constraints, filterPushed, direction, fetch, offset);
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
