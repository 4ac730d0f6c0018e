package io.github.binancejdbc.adapter.rel;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * {@code LIMIT}, {@code OFFSET} and {@code FETCH} above {@link Integer#MAX_VALUE}. Calcite 1.42's
 * enumerable runtime takes only int bounds (CALCITE-7156) and fails with the whole plan as its
 * message; SQL and Binance's ids (trade ids pass four billion) do not stop there. A sort whose
 * literal bound does not fit an int is split before planning into the sort alone and this node,
 * which skips and takes with {@code long} counters. Bounds that fit an int keep Calcite's own
 * limit, so they are still pushed into the scans.
 */
public class LongLimit extends SingleRel {
  private static final ConverterRule TO_ENUMERABLE =
      ConverterRule.Config.INSTANCE
          .withConversion(
              LongLimit.class,
              Convention.NONE,
              EnumerableConvention.INSTANCE,
              "BinanceLongLimitRule")
          .withRuleFactory(ToEnumerable::new)
          .toRule(ConverterRule.class);

  final long offset;
  final long fetch;

  LongLimit(RelOptCluster cluster, RelTraitSet traits, RelNode input, long offset, long fetch) {
    super(cluster, traits, input);
    this.offset = offset;
    this.fetch = fetch;
  }

  /** {@code root} with every sort whose bounds do not fit an int split as described above. */
  public static RelRoot rewrite(RelRoot root) {
    RelNode rel =
        root.rel.accept(
            new RelShuttleImpl() {
              @Override
              public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                if (!(visited instanceof Sort sort) || !(huge(sort.offset) || huge(sort.fetch))) {
                  return visited;
                }
                RelNode input =
                    sort.getCollation().getFieldCollations().isEmpty()
                        ? sort.getInput()
                        : LogicalSort.create(sort.getInput(), sort.getCollation(), null, null);
                return new LongLimit(
                    sort.getCluster(),
                    input.getTraitSet(),
                    input,
                    bound(sort.offset, 0),
                    bound(sort.fetch, -1));
              }

              @Override
              public RelNode visit(LogicalSort sort) {
                return visit((RelNode) sort);
              }
            });
    return rel == root.rel ? root : root.withRel(rel);
  }

  private static boolean huge(RexNode bound) {
    BigDecimal v = bound instanceof RexLiteral lit ? lit.getValueAs(BigDecimal.class) : null;
    return v != null && v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0;
  }

  /** A literal bound as a long (a bound above Long.MAX_VALUE is as good as no bound). */
  private static long bound(RexNode bound, long none) {
    if (bound == null) {
      return none;
    }
    BigDecimal v = ((RexLiteral) bound).getValueAs(BigDecimal.class);
    return v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
        ? Long.MAX_VALUE
        : v.longValueExact();
  }

  @Override
  public void register(RelOptPlanner planner) {
    planner.addRule(TO_ENUMERABLE);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new LongLimit(getCluster(), traitSet, sole(inputs), offset, fetch);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .itemIf("offset", offset, offset > 0)
        .itemIf("fetch", fetch, fetch >= 0);
  }

  /** Skips {@code offset} rows of {@code source}, then yields at most {@code fetch} (-1: all). */
  public static <T> Enumerable<T> skipTake(Enumerable<T> source, long offset, long fetch) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<T> enumerator() {
        Enumerator<T> in = source.enumerator();
        return new Enumerator<>() {
          private long skipped;
          private long taken;

          @Override
          public T current() {
            return in.current();
          }

          @Override
          public boolean moveNext() {
            while (skipped < offset) {
              if (!in.moveNext()) {
                return false;
              }
              skipped++;
            }
            if (fetch >= 0 && taken >= fetch) {
              return false;
            }
            if (!in.moveNext()) {
              return false;
            }
            taken++;
            return true;
          }

          @Override
          public void reset() {
            in.reset();
            skipped = 0;
            taken = 0;
          }

          @Override
          public void close() {
            in.close();
          }
        };
      }
    };
  }

  /** Converts the node to the enumerable convention. */
  private static final class ToEnumerable extends ConverterRule {
    ToEnumerable(Config config) {
      super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
      LongLimit l = (LongLimit) rel;
      RelNode input =
          convert(l.getInput(), l.getInput().getTraitSet().replace(EnumerableConvention.INSTANCE));
      return new Implemented(l.getCluster(), input.getTraitSet(), input, l.offset, l.fetch);
    }
  }

  /** The node in the enumerable convention. */
  static final class Implemented extends LongLimit implements EnumerableRel {
    private Implemented(
        RelOptCluster cluster, RelTraitSet traits, RelNode input, long offset, long fetch) {
      super(cluster, traits, input, offset, fetch);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
      return new Implemented(getCluster(), traitSet, sole(inputs), offset, fetch);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
      Result child = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
      PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), child.format);
      BlockBuilder builder = new BlockBuilder();
      Expression v = builder.append("child", child.block);
      builder.add(
          Expressions.return_(
              null,
              Expressions.call(
                  Types.lookupMethod(
                      LongLimit.class, "skipTake", Enumerable.class, long.class, long.class),
                  v,
                  Expressions.constant(offset),
                  Expressions.constant(fetch))));
      return implementor.result(physType, builder.toBlock());
    }
  }
}
