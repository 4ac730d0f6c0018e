package io.github.binancejdbc.jdbc.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code Statement.setMaxRows(n)} planned as {@code LIMIT n}. Calcite applies max rows only after
 * the plan has run (and Avatica not at all for a prepared statement), so without this an unordered
 * history scan would read from the beginning of history and stop after n rows, where {@code LIMIT
 * n} asks for the newest n in one request. Here the limit is put on top of the query before it is
 * optimized, and the planner pushes it into the scan exactly as it pushes a LIMIT.
 */
public final class MaxRows {
  private static final ThreadLocal<Long> PREPARING = new ThreadLocal<>();

  private MaxRows() {}

  /** A call that prepares a statement. */
  @FunctionalInterface
  interface Preparation<T> {
    T run() throws SQLException;
  }

  /** Runs {@code preparation} so that the statement it prepares is planned for {@code maxRows}. */
  static <T> T preparing(long maxRows, Preparation<T> preparation) throws SQLException {
    if (maxRows <= 0) {
      return preparation.run();
    }
    PREPARING.set(maxRows);
    try {
      return preparation.run();
    } finally {
      PREPARING.remove();
    }
  }

  /**
   * The max rows a statement being prepared on this thread is planned for: {@code maxRowCount} as
   * Calcite passes it for a {@code Statement} (negative or 0 when none), else the one a prepared
   * statement asked for through {@link #preparing}; 0 when there is none.
   */
  public static long forStatement(long maxRowCount) {
    if (maxRowCount > 0) {
      return maxRowCount;
    }
    Long pending = PREPARING.get();
    return pending == null ? 0 : pending;
  }

  /** {@code root} with at most {@code maxRows} rows, as if the query ended in {@code LIMIT n}. */
  public static RelRoot limit(RelRoot root, long maxRows) {
    if (maxRows <= 0 || !root.kind.belongsTo(SqlKind.QUERY)) {
      return root;
    }
    RelNode rel = root.rel;
    RexNode fetch = rel.getCluster().getRexBuilder().makeExactLiteral(BigDecimal.valueOf(maxRows));
    if (rel instanceof Sort sort
        && sort.offset == null
        && (sort.fetch == null || sort.fetch instanceof RexLiteral)) {
      Long existing = sort.fetch == null ? null : ((RexLiteral) sort.fetch).getValueAs(Long.class);
      if (existing != null && existing <= maxRows) {
        return root;
      }
      return root.withRel(
          sort.copy(sort.getTraitSet(), sort.getInput(), sort.getCollation(), null, fetch));
    }
    return root.withRel(LogicalSort.create(rel, root.collation, null, fetch));
  }
}
