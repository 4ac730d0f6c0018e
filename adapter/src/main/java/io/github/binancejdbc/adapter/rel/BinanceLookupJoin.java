package io.github.binancejdbc.adapter.rel;

import io.github.binancejdbc.adapter.table.ColumnDef;
import io.github.binancejdbc.adapter.table.ColumnType;
import io.github.binancejdbc.adapter.table.Pushdown;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableBatchNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.metadata.RelMdCollation;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.IntPair;

/**
 * A join whose inner side is a Binance scan that takes its key from the outer rows: the outer
 * (left) rows are read first, in batches of {@value #BATCH}, and each batch's key values become the
 * inner scan's {@code =}/{@code IN} constraint, bound through correlation variables. The scan then
 * sends what a program would: one stream per symbol for {@code klines}, {@code symbols=[...]}
 * chunks for tickers, {@code orderId} lookups for {@code my_trades}. Calcite's batch nested-loop
 * join does the batching and re-checks the join condition on every pair.
 *
 * <p>Its cost counts the inner scan once, not once per batch: the inner scan's requests are per key
 * value, so the batches together cost what one scan of all the values costs.
 */
public final class BinanceLookupJoin extends EnumerableBatchNestedLoopJoin {
  /** Outer rows per batch; Calcite's default, and the most keys a ticker request takes. */
  static final int BATCH = 100;

  private BinanceLookupJoin(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode left,
      RelNode right,
      RexNode condition,
      Set<CorrelationId> variablesSet,
      ImmutableBitSet requiredColumns,
      JoinRelType joinType) {
    super(cluster, traits, left, right, condition, variablesSet, requiredColumns, joinType);
    this.outerKeys = requiredColumns;
  }

  /** The outer columns the inner scan reads (Calcite keeps its own copy private). */
  private final ImmutableBitSet outerKeys;

  static BinanceLookupJoin lookup(
      RelNode left,
      RelNode right,
      RexNode condition,
      ImmutableBitSet requiredColumns,
      Set<CorrelationId> variablesSet,
      JoinRelType joinType) {
    RelOptCluster cluster = left.getCluster();
    RelMetadataQuery mq = cluster.getMetadataQuery();
    RelTraitSet traits =
        cluster
            .traitSetOf(EnumerableConvention.INSTANCE)
            .replaceIfs(
                RelCollationTraitDef.INSTANCE,
                () -> RelMdCollation.enumerableBatchNestedLoopJoin(mq, left, right, joinType));
    return new BinanceLookupJoin(
        cluster, traits, left, right, condition, variablesSet, requiredColumns, joinType);
  }

  @Override
  public BinanceLookupJoin copy(
      RelTraitSet traitSet,
      RexNode condition,
      RelNode left,
      RelNode right,
      JoinRelType joinType,
      boolean semiJoinDone) {
    return new BinanceLookupJoin(
        getCluster(), traitSet, left, right, condition, variablesSet, outerKeys, joinType);
  }

  /** As Calcite's, without the hundred correlation variable names. */
  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return pw.input("left", left)
        .input("right", right)
        .item("condition", condition)
        .item("joinType", joinType.lowerName)
        .item("batchSize", variablesSet.size());
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = mq.getRowCount(this);
    double outer = mq.getRowCount(getLeft());
    return planner.getCostFactory().makeCost(rows + outer, 0, 0);
  }

  /**
   * Turns a join into a lookup join when its condition equates an outer column with a key of the
   * inner Binance scan that has no value yet: a required or optional key, a lookup column (client
   * order id) or an id column (order id). Inner, left and semi joins; the planner's join
   * commutation offers the other orientation of an inner join.
   */
  static final class Rule extends RelRule<RuleConfig> {
    static final RuleConfig CONFIG =
        RuleConfig.of(
            "BinanceLookupJoinRule", Rule::new, b0 -> b0.operand(LogicalJoin.class).anyInputs());

    Rule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalJoin join = call.rel(0);
      JoinRelType type = join.getJoinType();
      if (type != JoinRelType.INNER && type != JoinRelType.LEFT && type != JoinRelType.SEMI) {
        return;
      }
      JoinInfo info = join.analyzeCondition();
      if (info.pairs().isEmpty()) {
        return;
      }
      Target target = find(join.getRight(), 0);
      if (target == null) {
        return;
      }
      BinanceTableScan scan = target.scan();
      RelOptCluster cluster = join.getCluster();
      List<CorrelationId> ids = new ArrayList<>();
      for (int i = 0; i < BATCH; i++) {
        ids.add(cluster.createCorrel());
      }
      List<RelDataTypeField> outerFields = join.getLeft().getRowType().getFieldList();
      List<Constraint> keys = new ArrayList<>();
      ImmutableBitSet.Builder required = ImmutableBitSet.builder();
      for (IntPair pair : info.pairs()) {
        int field = target.fieldOf()[pair.target];
        if (field < 0) {
          continue;
        }
        int column = scan.spec.column(field);
        ColumnDef c = scan.table.def().column(column);
        RelDataTypeField outer = outerFields.get(pair.source);
        if (!takesOuterValues(c)
            || scan.keyed(column)
            || !sameFamily(outer, c)
            || (c.pushdown() != Pushdown.KEY && computed(join.getLeft(), pair.source))
            || (c.pushdown() == Pushdown.RANGE
                && (scan.table.def().sortColumns().contains(c.name())
                    || bounded(scan.spec, column)))) {
          continue;
        }
        List<ValueRef> values = new ArrayList<>();
        for (CorrelationId id : ids) {
          values.add(new ValueRef.Correl(id.getName(), pair.source, outer.getName()));
        }
        keys.add(Constraint.points(column, values));
        required.set(pair.source);
      }
      if (keys.isEmpty()) {
        return;
      }
      RelNode inner =
          scan.with(
              scan.getTraitSet().replace(EnumerableConvention.INSTANCE),
              scan.spec.withConstraints(keys));
      for (int i = target.above().size() - 1; i >= 0; i--) {
        RelNode above = target.above().get(i);
        inner = above.copy(above.getTraitSet(), List.of(inner));
      }
      RelNode left =
          convert(
              join.getLeft(), join.getLeft().getTraitSet().replace(EnumerableConvention.INSTANCE));
      RelNode right = convert(inner, inner.getTraitSet().replace(EnumerableConvention.INSTANCE));
      call.transformTo(
          lookup(
              left, right, join.getCondition(), required.build(), new LinkedHashSet<>(ids), type));
    }

    /**
     * Whether an outer column is computed ({@code b.asset || 'USDT'}): its values may name no
     * symbol, and a request with one fails (-1121). A key the inner table can do without is then
     * not looked up; a required key is, as there is no other way to run the query.
     */
    private static boolean computed(RelNode outer, int field) {
      return computed(outer, field, 0);
    }

    /** Follows a field down through filters and projects (any member of a set will do). */
    private static boolean computed(RelNode rel, int field, int depth) {
      if (depth > 8) {
        return false;
      }
      if (rel instanceof RelSubset s) {
        for (RelNode member : s.getRelList()) {
          if (member instanceof Project || member instanceof Filter) {
            return computed(member, field, depth + 1);
          }
        }
        return false;
      }
      if (rel instanceof Filter f) {
        return computed(f.getInput(), field, depth + 1);
      }
      if (rel instanceof Project p) {
        return !(p.getProjects().get(field) instanceof RexInputRef ref)
            || computed(p.getInput(), ref.getIndex(), depth + 1);
      }
      return false;
    }

    /*
     * An id column the API pages by (trade_id, orders' order_id) is not looked up: the scan reads
     * one stretch of ids, where lookups batch by batch would split runs of nearby ids. One that
     * is a request parameter of its own (my_trades' order_id: orderId) is.
     */

    /**
     * Whether an id column already has a bound (one inferred from the other side, say): the scan
     * then reads one stretch of ids, which costs no more than looking the ids up batch by batch,
     * where runs of nearby ids are split across batches. Unbounded, it would page from the first
     * id.
     */
    private static boolean bounded(ScanSpec spec, int column) {
      for (Constraint k : spec.constraints()) {
        if (k.column() == column) {
          return true;
        }
      }
      return false;
    }

    /** Columns whose values a request can take: keys, lookups and whole-number ids. */
    private static boolean takesOuterValues(ColumnDef c) {
      return c.pushdown().takesPoints()
          || (c.pushdown() == Pushdown.RANGE
              && (c.type() == ColumnType.BIGINT || c.type() == ColumnType.INTEGER));
    }

    private static boolean sameFamily(RelDataTypeField outer, ColumnDef inner) {
      SqlTypeFamily f = outer.getType().getSqlTypeName().getFamily();
      return switch (inner.type()) {
        case VARCHAR -> f == SqlTypeFamily.CHARACTER;
        case BIGINT, INTEGER ->
            f == SqlTypeFamily.NUMERIC
                && org.apache.calcite.sql.type.SqlTypeName.INT_TYPES.contains(
                    outer.getType().getSqlTypeName());
        default -> false;
      };
    }
  }

  /**
   * The Binance scan under a join input, the filters and projects above it (top first), and for
   * each field of the input the scan field it is ({@code -1} for an expression).
   */
  private record Target(BinanceTableScan scan, List<RelNode> above, int[] fieldOf) {}

  private static Target find(RelNode rel, int depth) {
    List<RelNode> candidates = rel instanceof RelSubset s ? s.getRelList() : List.of(rel);
    BinanceTableScan best = null;
    for (RelNode c : candidates) {
      // The most narrowed scan of the set (the planner keeps every variant), never one that
      // already reads outer values.
      if (c instanceof BinanceTableScan scan
          && scan.spec.correlations().isEmpty()
          && (best == null || scan.spec.constraints().size() > best.spec.constraints().size())) {
        best = scan;
      }
    }
    if (best != null) {
      int[] identity = new int[best.getRowType().getFieldCount()];
      for (int i = 0; i < identity.length; i++) {
        identity[i] = i;
      }
      return new Target(best, List.of(), identity);
    }
    if (depth >= 3) {
      return null;
    }
    for (RelNode c : candidates) {
      if (c instanceof LogicalFilter || c instanceof LogicalProject) {
        Target below = find(c.getInput(0), depth + 1);
        if (below == null) {
          continue;
        }
        List<RelNode> above = new ArrayList<>();
        above.add(c);
        above.addAll(below.above());
        int[] fieldOf = below.fieldOf();
        if (c instanceof LogicalProject p) {
          fieldOf = new int[p.getProjects().size()];
          for (int i = 0; i < fieldOf.length; i++) {
            fieldOf[i] =
                p.getProjects().get(i) instanceof RexInputRef ref
                    ? below.fieldOf()[ref.getIndex()]
                    : -1;
          }
        }
        return new Target(below.scan(), above, fieldOf);
      }
    }
    return null;
  }
}
