package io.github.binancejdbc.adapter.table;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.client.Param;
import io.github.binancejdbc.adapter.rel.BinanceTableScan;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
   * The rows of one execution of a scan without correlations, as the generated code of a plan gets
   * them; a scan that lacks a required key fails here, before any scan of the statement sends a
   * request.
   */
  public Enumerable<Object[]> execute(DataContext root, ScanSpec spec) {
    if (lacksRequiredKey(spec)) {
      checkKeys(root, spec);
    }
    return scan(root, spec);
  }

  /** Whether a required key column has no {@code =}/{@code IN} constraint in {@code spec}. */
  public boolean lacksRequiredKey(ScanSpec spec) {
    List<ColumnDef> columns = def.columns();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).pushdown() == Pushdown.KEY && !spec.keyed(i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Fails, as reading the rows would, when {@code spec} lacks a key the table requires; sends
   * nothing (opening streams never does).
   */
  public void checkKeys(DataContext root, ScanSpec spec) {
    streams(ScanQuery.resolve(def, spec, root));
  }

  /**
   * The requests a scan with {@code spec} will send, for EXPLAIN: computed from the plan alone,
   * sending nothing and reading only what is already in memory. A query that lacks a required key,
   * or whose LIMIT is 0, sends none.
   */
  public final RequestPlan requestPlan(ScanSpec spec) {
    ExplainQuery q = new ExplainQuery(def, spec);
    List<String> missing = new ArrayList<>();
    for (ColumnDef c : def.columns()) {
      if (c.pushdown() == Pushdown.KEY && q.points(c.name()) == null) {
        missing.add(c.name());
      }
    }
    if (!missing.isEmpty()) {
      return RequestPlan.none()
          .note(
              "none: "
                  + def.name()
                  + " needs "
                  + String.join(" and ", missing)
                  + ", the execution fails without sending");
    }
    ExplainQuery.Sym limit = q.limit();
    if (limit != null && limit.known() && limit.number() == 0) {
      return RequestPlan.none();
    }
    return explain(q);
  }

  /**
   * The requests for {@code q}, whose required keys all have values. The default names the table's
   * endpoint once per combination of key values; tables override it with their paging.
   */
  protected RequestPlan explain(ExplainQuery q) {
    String[] endpoint = def.endpoint().split("[ ,]+", -1);
    List<Param> params = new ArrayList<>();
    long n = 1;
    for (ColumnDef c : def.columns()) {
      List<ExplainQuery.Sym> values = q.points(c.name());
      if (c.pushdown() == Pushdown.KEY || (c.pushdown().takesPoints() && values != null)) {
        n *= values.size();
        params.add(
            Param.of(Param.apiName(c.name()), values.size() == 1 ? values.get(0) : "{each}"));
      }
    }
    String query = RequestPlan.query(params);
    return RequestPlan.none()
        .open(
            n + " or more",
            endpoint[0],
            endpoint[1],
            def.signed() ? signedQuery(query) : query,
            def.weight());
  }

  /**
   * The key parameters of a table's requests for EXPLAIN: one request per combination of the values
   * of the given columns, each column's value as its parameter ({@code symbol=BTCUSDT}, or {@code
   * symbol={each of 3}}). Columns without a constraint are left out.
   *
   * @param count how many combinations
   * @param exact false when a column's values are an upper bound (parameters intersected)
   */
  record Keys(List<Param> params, long count, boolean exact) {}

  /** See {@link Keys}; {@code columnParam} pairs a column with its parameter name. */
  static Keys keys(ExplainQuery q, String... columnParam) {
    List<Param> params = new ArrayList<>();
    long n = 1;
    boolean exact = true;
    for (int i = 0; i < columnParam.length; i += 2) {
      List<ExplainQuery.Sym> values = q.points(columnParam[i]);
      if (values == null) {
        continue;
      }
      n *= values.size();
      exact &= q.exactPoints(columnParam[i]);
      params.add(
          Param.of(
              columnParam[i + 1],
              values.size() == 1 ? values.get(0) : "{each of " + values.size() + "}"));
    }
    return new Keys(params, n, exact);
  }

  /**
   * {@code query} as a signed request carries it: the transport adds {@code recvWindow}, a fresh
   * {@code timestamp} and the signature.
   */
  protected String signedQuery(String query) {
    return (query.isEmpty() ? "" : query + "&")
        + "recvWindow="
        + ctx.config().recvWindowMillis()
        + "&timestamp={now}&signature={signature}";
  }

  /** One signed {@code GET path} per combination of {@code keys}, each weighing {@code weight}. */
  protected RequestPlan signedPer(Keys keys, String path, int weight) {
    return RequestPlan.none()
        .per(keys, "GET", path, signedQuery(RequestPlan.query(keys.params())), weight);
  }

  /**
   * Opens the streams that together yield the rows of {@code query} (one per key value, say). Must
   * check required keys (through {@link ScanQuery#required}) and send nothing.
   */
  protected abstract List<RowStream> streams(ScanQuery query);

  /** One stream per value of the required {@code symbol}, in the order the query gave them. */
  protected static List<RowStream> perSymbol(ScanQuery q, Function<String, RowStream> stream) {
    List<RowStream> streams = new ArrayList<>();
    for (String symbol : q.required("symbol", "BTCUSDT")) {
      streams.add(stream.apply(symbol));
    }
    return streams;
  }

  /**
   * Whether the rows of a scan with these constraints already come in the order {@code column}
   * ({@code descending} or not) asks for, beyond the table's sortable columns: then an ORDER BY on
   * it costs nothing and a LIMIT above it can be pushed. {@code constraints} maps a column index to
   * its single value known at planning, for the key columns that have one.
   */
  public boolean naturallyOrdered(
      Map<Integer, Object> constraints, int column, boolean descending) {
    return false;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + def.name() + "}";
  }
}
