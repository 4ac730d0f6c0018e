package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.rel.LiteralCastConvertlets;
import io.github.binancejdbc.adapter.rel.LongLimit;
import java.lang.reflect.Type;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Queryable;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare.Materialization;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;

/**
 * How the driver prepares a statement (Calcite asks for one of these per statement). A key lookup
 * or a time-range scan of one table ({@link SimpleLookup}) is prepared without Calcite's planner;
 * only another statement creates the planning preparer, so that a first statement that is a lookup
 * never pays for the planner's set-up (its rule sets are built when its class is first used: the
 * largest single cost of a first lookup before this class existed).
 *
 * <p>The planning preparer lets {@code CALL p(...)} and {@code {call p(...)}} run (see {@link
 * CallRewriter}), plans a statement's max rows as a LIMIT (see {@link MaxRows}) and long LIMIT and
 * OFFSET literals with long counters (see {@link LongLimit}), and reads timestamp strings once,
 * when the statement is converted ({@link LiteralCastConvertlets}).
 */
public final class DriverPrepare implements CalcitePrepare {
  private static final Pattern EXPLAIN =
      Pattern.compile("\\s*explain\\b", Pattern.CASE_INSENSITIVE);

  private Planning planning;

  /** The planning preparer, made on first need. */
  private Planning planning() {
    if (planning == null) {
      planning = new Planning();
    }
    return planning;
  }

  @Override
  public <T> CalciteSignature<T> prepareSql(
      Context context, Query<T> query, Type elementType, long maxRowCount) {
    String rewritten;
    try {
      rewritten = CallRewriter.rewrite(query.sql);
    } catch (SQLFeatureNotSupportedException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    long maxRows =
        query.sql == null || EXPLAIN.matcher(query.sql).lookingAt()
            ? 0
            : MaxRows.forStatement(maxRowCount);
    if (rewritten == null) {
      CalciteSignature<T> lookup =
          LookupSignature.prepare(context, query.sql, maxRowCount, maxRows);
      if (lookup != null) {
        return lookup;
      }
    }
    Planning p = planning();
    p.maxRows = maxRows;
    return p.prepareSql(
        context, rewritten == null ? query : Query.of(rewritten), elementType, maxRowCount);
  }

  @Override
  public ParseResult parse(Context context, String sql) {
    return planning().parse(context, sql);
  }

  @Override
  public ConvertResult convert(Context context, String sql) {
    return planning().convert(context, sql);
  }

  @Override
  public void executeDdl(Context context, SqlNode node) {
    planning().executeDdl(context, node);
  }

  @Override
  public AnalyzeViewResult analyzeView(Context context, String sql, boolean fail) {
    return planning().analyzeView(context, sql, fail);
  }

  @Override
  public <T> CalciteSignature<T> prepareQueryable(Context context, Queryable<T> queryable) {
    return planning().prepareQueryable(context, queryable);
  }

  /** Built on first planning: a lookup never needs it. */
  private static final class Metadata {
    static final MetadataHandlerProvider PROVIDER =
        new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE);
  }

  /** Calcite's preparer with the driver's convertlets, metadata and limits. */
  private static final class Planning extends CalcitePrepareImpl {
    private long maxRows;

    @Override
    protected SqlRexConvertletTable createConvertletTable() {
      return LiteralCastConvertlets.INSTANCE;
    }

    /**
     * Metadata through reflective proxies instead of handler classes that Janino compiles on first
     * use: that compilation was the largest single cost of the first planned statement.
     */
    @Override
    protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
      RelOptCluster cluster = super.createCluster(planner, rexBuilder);
      cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(Metadata.PROVIDER));
      return cluster;
    }

    @Override
    protected CalcitePreparingStmt getPreparingStmt(
        Context context,
        Type elementType,
        CalciteCatalogReader catalogReader,
        RelOptPlanner planner) {
      JavaTypeFactory typeFactory = context.getTypeFactory();
      EnumerableRel.Prefer prefer =
          elementType == Object[].class ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
      Convention convention =
          enableBindable ? BindableConvention.INSTANCE : EnumerableConvention.INSTANCE;
      long limit = maxRows;
      return new CalcitePreparingStmt(
          this,
          context,
          catalogReader,
          typeFactory,
          context.getRootSchema(),
          prefer,
          createCluster(planner, new RexBuilder(typeFactory)),
          convention,
          createConvertletTable()) {
        @Override
        protected RelRoot optimize(
            RelRoot root,
            List<Materialization> materializations,
            List<CalciteSchema.LatticeEntry> lattices) {
          return super.optimize(
              MaxRows.limit(LongLimit.rewrite(root), limit), materializations, lattices);
        }
      };
    }
  }
}
