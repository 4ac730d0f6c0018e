package io.github.binancejdbc.adapter.rel;

import io.github.binancejdbc.adapter.table.ColumnDef;
import io.github.binancejdbc.adapter.table.Pushdown;
import io.github.binancejdbc.adapter.table.TableDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The four pushdown rules, and the conversion of a logical scan (made by field trimming). Each is a
 * {@link RelRule} with a hand-written {@link RuleConfig} (Calcite's own rules get theirs from the
 * Immutables processor, which this project does not run).
 *
 * <p>Why these operands: Calcite splits {@code ORDER BY ... LIMIT n} into a collation-only {@link
 * Sort} and an {@link EnumerableLimit}; a rule on a {@code Sort} with a fetch never fires.
 */
public final class BinanceRules {
  private BinanceRules() {}

  public static final List<RelOptRule> RULES =
      List.of(
          FilterIntoScanRule.CONFIG.toRule(),
          SortIntoScanRule.CONFIG.toRule(),
          LimitIntoScanRule.CONFIG.toRule(),
          ProjectIntoScanRule.CONFIG.toRule(),
          LogicalScanRule.CONFIG.toRule(),
          // A bound on one side of a join (or an IN sub-query, or a long IN list that Calcite
          // turns into a join with VALUES) is inferred for the other side, where the filter rule
          // pushes it into that scan: without it, the scan pages from the start of history.
          CoreRules.JOIN_PUSH_TRANSITIVE_PREDICATES,
          // A key that only the other side's rows can give: read those rows first, in batches,
          // and push their values into this scan.
          BinanceLookupJoin.Rule.CONFIG.toRule(),
          ExactAvgRule.CONFIG.toRule(),
          ExactAvgRule.REDUCE_OTHERS,
          WindowGuardRule.CONFIG.toRule());

  /** Calcite's rules that the rules above replace (see {@link ExactAvgRule}). */
  public static final List<RelOptRule> REPLACED = List.of(CoreRules.AGGREGATE_REDUCE_FUNCTIONS);

  /** WHERE into the scan: translated conjuncts become constraints, the rest stays a filter. */
  static final class FilterIntoScanRule extends RelRule<RuleConfig> {
    static final RuleConfig CONFIG =
        RuleConfig.of(
            "BinanceFilterIntoScanRule",
            FilterIntoScanRule::new,
            b0 ->
                b0.operand(LogicalFilter.class)
                    .oneInput(b1 -> b1.operand(BinanceTableScan.class).noInputs()));

    FilterIntoScanRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalFilter filter = call.rel(0);
      BinanceTableScan scan = call.rel(1);
      if (scan.spec.fetch() != null || scan.spec.direction() != ScanSpec.Direction.NONE) {
        return;
      }
      // Constraints name table columns; a projected scan's fields are mapped there and back.
      List<Integer> fields = scan.spec.fields();
      RexNode condition =
          fields == null ? filter.getCondition() : remap(filter.getCondition(), fields::get);
      PredicateTranslator.Result r =
          PredicateTranslator.translate(
              condition, scan.table.def(), filter.getCluster().getRexBuilder());
      // A scan may already hold constraints: the planner can split one WHERE into several filters
      // (a bound it infers from a join or an IN sub-query arrives later). Every new constraint
      // narrows the scan; one it already holds changes nothing, which also ends the recursion.
      List<Constraint> fresh = new ArrayList<>(r.constraints());
      fresh.removeAll(scan.spec.constraints());
      if (fresh.isEmpty()) {
        return;
      }
      BinanceTableScan newScan = scan.with(scan.getTraitSet(), scan.spec.withConstraints(fresh));
      if (r.residual() == null) {
        call.transformTo(newScan);
      } else {
        RexNode residual = fields == null ? r.residual() : remap(r.residual(), fields::indexOf);
        call.transformTo(call.builder().push(newScan).filter(residual).build());
      }
    }
  }

  /**
   * ORDER BY a sortable column (the API's natural order, e.g. {@code open_time}), ascending or
   * descending, when every required key has one value: with several symbols the rows would come
   * grouped by symbol, not in time order.
   */
  static final class SortIntoScanRule extends RelRule<RuleConfig> {
    static final RuleConfig CONFIG =
        RuleConfig.of(
            "BinanceSortIntoScanRule",
            SortIntoScanRule::new,
            b0 ->
                b0.operand(Sort.class)
                    .oneInput(b1 -> b1.operand(BinanceTableScan.class).noInputs()));

    SortIntoScanRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      Sort sort = call.rel(0);
      BinanceTableScan scan = call.rel(1);
      if (sort.fetch != null
          || sort.offset != null
          || scan.spec.direction() != ScanSpec.Direction.NONE
          || scan.spec.fetch() != null) {
        return;
      }
      RelCollation collation = sort.getCollation();
      if (collation.getFieldCollations().size() != 1) {
        return;
      }
      RelFieldCollation fc = collation.getFieldCollations().get(0);
      TableDef def = scan.table.def();
      if (scan.table.naturallyOrdered(
          singleValues(scan.spec),
          scan.spec.column(fc.getFieldIndex()),
          fc.getDirection().isDescending())) {
        // The rows already come in this order: the sort goes, the scan keeps its direction.
        call.transformTo(scan.with(scan.getTraitSet().replace(collation), scan.spec));
        return;
      }
      if (!def.sortColumns().contains(def.column(scan.spec.column(fc.getFieldIndex())).name())
          || !singleValuedKeys(scan.spec, def)) {
        return;
      }
      ScanSpec.Direction dir =
          fc.getDirection().isDescending() ? ScanSpec.Direction.DESC : ScanSpec.Direction.ASC;
      call.transformTo(
          scan.with(scan.getTraitSet().replace(collation), scan.spec.withDirection(dir)));
    }

    /** The columns constrained to one literal value, with that value (string form). */
    private static Map<Integer, Object> singleValues(ScanSpec spec) {
      Map<Integer, Object> out = new HashMap<>();
      for (Constraint k : spec.constraints()) {
        if (k.isPoints()
            && k.points().size() == 1
            && k.points().get(0) instanceof ValueRef.Literal lit
            && lit.value() != null) {
          out.put(k.column(), lit.value().toString());
        }
      }
      return out;
    }

    private static boolean singleValuedKeys(ScanSpec spec, TableDef def) {
      for (int i = 0; i < def.columns().size(); i++) {
        ColumnDef c = def.column(i);
        if (c.pushdown() != Pushdown.KEY && c.pushdown() != Pushdown.OPTIONAL_KEY) {
          continue;
        }
        boolean constrained = false;
        for (Constraint k : spec.constraints()) {
          if (k.column() == i && k.isPoints()) {
            constrained = true;
            if (k.points().size() > 1) {
              return false;
            }
          }
        }
        // An absent optional key means "all values" (unless it has a default); an absent
        // required key fails at execution.
        if (!constrained && c.pushdown() == Pushdown.OPTIONAL_KEY && !def.hasDefault(c.name())) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * LIMIT directly above the scan (nothing filters in between): the scan learns it needs at most
   * fetch + offset rows and asks for no more. The limit itself stays, so the result is exact.
   */
  static final class LimitIntoScanRule extends RelRule<RuleConfig> {
    static final RuleConfig CONFIG =
        RuleConfig.of(
            "BinanceLimitIntoScanRule",
            LimitIntoScanRule::new,
            b0 ->
                b0.operand(EnumerableLimit.class)
                    .oneInput(b1 -> b1.operand(BinanceTableScan.class).noInputs()));

    LimitIntoScanRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      EnumerableLimit limit = call.rel(0);
      BinanceTableScan scan = call.rel(1);
      if (scan.spec.fetch() != null || limit.fetch == null || !scan.table.def().limitPushable()) {
        return;
      }
      ValueRef fetch = ref(limit.fetch);
      ValueRef offset = limit.offset == null ? null : ref(limit.offset);
      if (fetch == null || (limit.offset != null && offset == null)) {
        return;
      }
      BinanceTableScan newScan = scan.with(scan.getTraitSet(), scan.spec.withFetch(fetch, offset));
      call.transformTo(limit.copy(limit.getTraitSet(), List.of(newScan)));
    }

    private static ValueRef ref(RexNode node) {
      if (node instanceof RexDynamicParam p) {
        return new ValueRef.Param(p.getIndex());
      }
      if (node instanceof RexLiteral lit && lit.getValue() instanceof Number n) {
        return new ValueRef.Literal(n.longValue());
      }
      return null;
    }
  }

  /**
   * The columns a query uses into the scan (Calcite's {@code CsvProjectTableScanRule}): the scan
   * delivers only those, so the parser skips every other field without building a value. Columns
   * that a pushed constraint reads are still parsed (the enumerator checks every row), but not
   * returned. Expressions stay in a project above the narrowed scan.
   */
  static final class ProjectIntoScanRule extends RelRule<RuleConfig> {
    static final RuleConfig CONFIG =
        RuleConfig.of(
            "BinanceProjectIntoScanRule",
            ProjectIntoScanRule::new,
            b0 ->
                b0.operand(LogicalProject.class)
                    .oneInput(b1 -> b1.operand(BinanceTableScan.class).noInputs()));

    ProjectIntoScanRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalProject project = call.rel(0);
      BinanceTableScan scan = call.rel(1);
      // A sorted scan's collation names its current fields; keep it simple and leave it be.
      if (scan.spec.direction() != ScanSpec.Direction.NONE) {
        return;
      }
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
      int width = scan.getRowType().getFieldCount();
      if (used.cardinality() == width) {
        return;
      }
      // COUNT(*) uses no column; the first (a key the request already carries) stands in.
      List<Integer> kept = used.isEmpty() ? List.of(0) : used.asList();
      List<Integer> columns = new ArrayList<>();
      for (int i : kept) {
        columns.add(scan.spec.column(i));
      }
      if (columns.equals(scan.spec.fields())) {
        return; // already this narrow (a scan equal to one the planner has is not new)
      }
      BinanceTableScan newScan = scan.with(scan.getTraitSet(), scan.spec.withFields(columns));
      List<RexNode> projects = new ArrayList<>();
      for (RexNode e : project.getProjects()) {
        projects.add(remap(e, kept::indexOf));
      }
      call.transformTo(
          call.builder()
              .push(newScan)
              .project(projects, project.getRowType().getFieldNames())
              .build());
    }
  }

  /** {@code node} with every input reference {@code i} replaced by {@code index(i)}. */
  static RexNode remap(RexNode node, IntUnaryOperator index) {
    return node.accept(
        new RexShuttle() {
          @Override
          public RexNode visitInputRef(RexInputRef ref) {
            return new RexInputRef(index.applyAsInt(ref.getIndex()), ref.getType());
          }
        });
  }

  /**
   * A scan the field trimmer narrowed is logical ({@code NONE}); this makes it enumerable again.
   * Every other rule works on scans of either convention.
   */
  static final class LogicalScanRule extends RelRule<RuleConfig> {
    static final RuleConfig CONFIG =
        RuleConfig.of(
            "BinanceLogicalScanRule",
            LogicalScanRule::new,
            b0 -> b0.operand(BinanceTableScan.class).trait(Convention.NONE).anyInputs());

    LogicalScanRule(RuleConfig config) {
      super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      BinanceTableScan scan = call.rel(0);
      call.transformTo(
          scan.with(scan.getTraitSet().replace(EnumerableConvention.INSTANCE), scan.spec));
    }
  }
}
