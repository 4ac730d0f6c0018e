package io.github.binancejdbc.adapter.rel;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.table.BinanceTable;
import io.github.binancejdbc.adapter.table.RequestPlan;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The scan of every Binance table: a {@link TableScan} that is also an {@link EnumerableRel}, so
 * the planner rules in {@link BinanceRules} can push WHERE, ORDER BY and LIMIT into it, and the
 * generated code calls {@link #execute} with what was pushed.
 */
public final class BinanceTableScan extends TableScan implements EnumerableRel {
  private static final Method EXECUTE =
      requireNonNull(
          Types.lookupMethod(
              BinanceTableScan.class,
              "execute",
              DataContext.class,
              BinanceTable.class,
              ScanSpec.class,
              boolean.class,
              Object[].class),
          "execute");

  @SuppressWarnings("HidingField") // TableScan.table is the RelOptTable, also getTable()
  final BinanceTable table;

  final ScanSpec spec;

  public BinanceTableScan(
      RelOptCluster cluster,
      RelTraitSet traitSet,
      RelOptTable relOptTable,
      BinanceTable table,
      ScanSpec spec) {
    super(cluster, traitSet, List.of(), relOptTable);
    this.table = requireNonNull(table, "table is null");
    this.spec = requireNonNull(spec, "spec is null");
  }

  /** A fresh, unconstrained scan of {@code table} in the enumerable convention. */
  public static BinanceTableScan create(
      RelOptCluster cluster, RelOptTable relOptTable, BinanceTable table) {
    RelTraitSet traits =
        cluster
            .traitSetOf(EnumerableConvention.INSTANCE)
            .replaceIf(RelCollationTraitDef.INSTANCE, () -> RelCollations.EMPTY);
    return new BinanceTableScan(cluster, traits, relOptTable, table, ScanSpec.EMPTY);
  }

  public BinanceTable table() {
    return table;
  }

  public ScanSpec spec() {
    return spec;
  }

  BinanceTableScan with(RelTraitSet traits, ScanSpec newSpec) {
    return new BinanceTableScan(getCluster(), traits, getTable(), table, newSpec);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new BinanceTableScan(getCluster(), traitSet, getTable(), table, spec);
  }

  @Override
  public RelDataType deriveRowType() {
    RelDataType full = super.deriveRowType();
    if (spec.fields() == null) {
      return full;
    }
    RelDataTypeFactory.Builder b = getCluster().getTypeFactory().builder();
    for (int column : spec.fields()) {
      b.add(full.getFieldList().get(column));
    }
    return b.build();
  }

  /**
   * Called by Calcite's field trimmer, before the rules run, with the fields the query uses: the
   * answer is a narrower scan, so that the parser skips the rest. {@link
   * BinanceRules.ProjectIntoScanRule} does the same for projects the trimmer leaves.
   */
  @Override
  public RelNode project(
      ImmutableBitSet fieldsUsed, Set<RelDataTypeField> extraFields, RelBuilder relBuilder) {
    int width = getRowType().getFieldCount();
    if (!extraFields.isEmpty()
        || fieldsUsed.isEmpty()
        || fieldsUsed.cardinality() == width
        || spec.direction() != ScanSpec.Direction.NONE) {
      return super.project(fieldsUsed, extraFields, relBuilder);
    }
    List<Integer> columns = new ArrayList<>();
    for (int i : fieldsUsed) {
      columns.add(spec.column(i));
    }
    // A logical (NONE) scan that BinanceRules converts back: a bare enumerable scan as the root
    // of the trimmed tree (SELECT one_column FROM t) would trip Volcano's "already been
    // registered" assertion, as Programs.standard then calls setRoot twice with the same rel.
    return with(getTraitSet().replace(Convention.NONE), spec.withFields(columns));
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    super.explainTerms(pw)
        .itemIf("filter", spec.describeFilter(table.def()), !spec.constraints().isEmpty())
        .itemIf("order", spec.direction(), spec.direction() != ScanSpec.Direction.NONE)
        .itemIf("fetch", spec.fetch(), spec.fetch() != null)
        .itemIf("offset", spec.offset(), spec.offset() != null)
        .itemIf("fields", spec.fields(), spec.fields() != null);
    // Only in EXPLAIN output: the digest (DIGEST_ATTRIBUTES) identifies the scan by what was
    // pushed, and need not pay for the description on every planner step.
    SqlExplainLevel level = pw.getDetailLevel();
    if (level != SqlExplainLevel.DIGEST_ATTRIBUTES && level != SqlExplainLevel.NO_ATTRIBUTES) {
      String requests;
      String weight;
      try {
        RequestPlan plan = table.requestPlan(spec);
        requests = plan.requests();
        weight = plan.weight();
      } catch (RuntimeException e) {
        // EXPLAIN must work whatever the estimate does; the execution reports real errors.
        requests = "[not estimated: " + e.getMessage() + "]";
        weight = "unknown";
      }
      pw.item("requests", requests).item("weight", weight);
    }
    return pw;
  }

  @Override
  public void register(RelOptPlanner planner) {
    for (RelOptRule rule : BinanceRules.RULES) {
      planner.addRule(rule);
    }
    for (RelOptRule rule : BinanceRules.REPLACED) {
      planner.removeRule(rule);
    }
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = 100_000d;
    for (int i = 0; i < spec.constraints().size(); i++) {
      rows /= 10;
    }
    if (spec.fetch() != null) {
      rows = Math.min(rows, 10);
    }
    return Math.max(rows, 1);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    // A pushed sort costs the scan nothing extra: the API delivers that order. Fewer columns cost
    // less to parse (Calcite's CsvTableScan weighs its projection the same way).
    double share = (getRowType().getFieldCount() + 2d) / (table.def().columns().size() + 2d);
    // A scan without a value for a required key cannot run: any plan that gives it one (a lookup
    // join that reads the key from the other side) must win, and it stays only when none can.
    double penalty = table.lacksRequiredKey(spec) ? 1e6 : 1;
    return planner
        .getCostFactory()
        .makeCost(rows * penalty, rows * share * penalty, rows * 10 * share * penalty);
  }

  /** Whether table column {@code column} has a point constraint ({@code =}, {@code IN}). */
  boolean keyed(int column) {
    return spec.keyed(column);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), pref.preferArray());
    boolean scalar = physType.getFormat() == JavaRowFormat.SCALAR;
    BlockBuilder bb = new BlockBuilder();
    // The inner scan of a lookup join reads the outer rows of the current batch: the join binds
    // them to its correlation variables, which the generated code passes in here.
    List<Expression> outer = new ArrayList<>();
    for (ValueRef.Correl ref : spec.correlations()) {
      Expression value =
          implementor.getCorrelVariableGetter(ref.corr()).field(bb, ref.field(), null);
      outer.add(Expressions.convert_(Expressions.box(value), Object.class));
    }
    Expression call =
        Expressions.call(
            EXECUTE,
            implementor.getRootExpression(),
            implementor.stash(table, BinanceTable.class),
            implementor.stash(spec, ScanSpec.class),
            Expressions.constant(scalar),
            Expressions.newArrayInit(Object.class, outer));
    bb.add(Expressions.return_(null, call));
    return implementor.result(physType, bb.toBlock());
  }

  /** As {@link #execute(DataContext, BinanceTable, ScanSpec, boolean, Object[])}, no outer rows. */
  public static Enumerable<?> execute(
      DataContext root, BinanceTable table, ScanSpec spec, boolean scalar) {
    return execute(root, table, spec, scalar, new Object[0]);
  }

  /**
   * Called by the generated code once per execution (once per batch of outer rows for a lookup
   * join's inner scan); no request is sent until rows are read.
   */
  public static Enumerable<?> execute(
      DataContext root, BinanceTable table, ScanSpec spec, boolean scalar, Object[] outer) {
    List<ValueRef.Correl> refs = spec.correlations();
    // Without correlations a scan that cannot run is refused before any scan of the statement
    // sends a request: the other side of a join is read first, and its requests would be spent on
    // a query that cannot run.
    Enumerable<Object[]> rows =
        refs.isEmpty()
            ? table.execute(root, spec)
            : table.scan(new OuterValues(root, refs, outer), spec);
    return scalar ? rows.select(r -> r[0]) : rows;
  }
}
