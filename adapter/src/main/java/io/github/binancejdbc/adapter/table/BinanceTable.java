package io.github.binancejdbc.adapter.table;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.rel.BinanceTableScan;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * Base of every Binance table: the row type comes from its {@link TableDef}, the plan is a {@link
 * BinanceTableScan}, and rows come from the {@link RowStream}s the subclass opens for a resolved
 * {@link ScanQuery}. Opening streams must not send a request; fetching a page does.
 */
public abstract class BinanceTable extends AbstractTable implements TranslatableTable {
  protected final TableDef def;
  protected final BinanceContext ctx;

  protected BinanceTable(TableDef def, BinanceContext ctx) {
    this.def = requireNonNull(def, "def is null");
    this.ctx = requireNonNull(ctx, "ctx is null");
  }

  public TableDef def() {
    return def;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (ColumnDef c : def.columns()) {
      b.add(c.name(), c.type().toRelDataType(typeFactory, c.nullable()));
    }
    return b.build();
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.UNKNOWN;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return BinanceTableScan.create(context.getCluster(), relOptTable, this);
  }

  /** The rows for one execution; nothing is sent until the first row is read. */
  public Enumerable<Object[]> scan(DataContext root, ScanSpec spec) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new BinanceEnumerator(
            root, () -> ScanQuery.resolve(def, spec, root), q -> streams(q), ctx.config().clock());
      }
    };
  }

  /**
   * Fails, as reading the rows would, when {@code spec} lacks a key the table requires; sends
   * nothing (opening streams never does).
   */
  public void checkKeys(DataContext root, ScanSpec spec) {
    streams(ScanQuery.resolve(def, spec, root));
  }

  /**
   * Opens the streams that together yield the rows of {@code query} (one per key value, say). Must
   * check required keys (through {@link ScanQuery#required}) and send nothing.
   */
  protected abstract List<RowStream> streams(ScanQuery query);

  /**
   * Whether the rows of a scan with these constraints already come in the order {@code column}
   * ({@code descending} or not) asks for, beyond the table's sortable columns: then an ORDER BY
   * on it costs nothing and a LIMIT above it can be pushed. {@code constraints} maps a column
   * index to its single value known at planning, for the key columns that have one.
   */
  public boolean naturallyOrdered(java.util.Map<Integer, Object> constraints, int column,
      boolean descending) {
    return false;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + def.name() + "}";
  }
}
