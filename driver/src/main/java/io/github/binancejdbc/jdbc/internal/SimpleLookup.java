package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.BinanceSchema;
import io.github.binancejdbc.adapter.rel.BinanceTableScan;
import io.github.binancejdbc.adapter.rel.Constraint;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import io.github.binancejdbc.adapter.rel.ValueRef;
import io.github.binancejdbc.adapter.table.BinanceTable;
import io.github.binancejdbc.adapter.table.ColumnDef;
import io.github.binancejdbc.adapter.table.ColumnType;
import io.github.binancejdbc.adapter.table.Pushdown;
import io.github.binancejdbc.adapter.table.TableDef;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Prepares the simplest and most common statement, a lookup by key values such as {@code SELECT
 * price FROM ticker_price WHERE symbol = 'BTCUSDT'} or {@code ... WHERE symbol = ?}, without
 * Calcite's parser, validator, planner and code generator, in the way Calcite itself prepares
 * {@code SELECT 1}. The statement gets the signature Calcite would give it (the same columns,
 * types, parameters and cursor) and runs the same scan with the same pushed constraints and fields;
 * only the minutes of class loading and the milliseconds of planning are saved. A first query in a
 * fresh JVM no longer loads the planner, and a fresh {@code Statement} plans in microseconds.
 *
 * <p>The shape accepted is exactly {@code SELECT c [, c]* FROM [binance.]t WHERE cond [AND cond]*}:
 * unquoted, unreserved identifiers; distinct output columns; each condition either {@code k = v} on
 * a distinct VARCHAR key column of {@code t}, with {@code v} a {@code ?} or a plain string literal
 * (printable ASCII, no quotes or spaces), or {@code r op TIMESTAMP '...'} ({@code op} one of {@code
 * = < <= > >=}, at most one lower and one upper bound) on a TIMESTAMP range column, such as {@code
 * open_time} of {@code klines}: the history scan. The scan enforces each of these exactly, so no
 * condition is left for Calcite. Anything else, and any statement with max rows, goes through
 * Calcite unchanged. {@link LookupSql} reads the text.
 */
public final class SimpleLookup {
  /** Off in tests that compare this path with Calcite's. */
  static volatile boolean enabled = true;

  private SimpleLookup() {}

  /**
   * The signature for {@code sql} if it is a simple lookup on a table of {@code schemaName} in
   * {@code rootSchema}, else {@code null}.
   */
  public static <T> CalcitePrepare.CalciteSignature<T> prepare(
      CalcitePrepare.Context context, String sql, long maxRowCount, long maxRows) {
    if (!enabled || sql == null || maxRows > 0) {
      return null;
    }
    List<String> path = context.getDefaultSchemaPath();
    CalciteSchema root = context.getRootSchema();
    Plan plan =
        plan(
            sql,
            path.size() == 1 ? path.get(0) : null,
            (schemaName, tableName) -> {
              CalciteSchema sub = root.getSubSchema(schemaName, true);
              if (sub == null || !(sub.schema instanceof BinanceSchema)) {
                return null;
              }
              CalciteSchema.TableEntry entry = sub.getTable(tableName, true);
              return entry == null ? null : entry.getTable();
            },
            context.getTypeFactory());
    if (plan == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Bindable<T> bindable = root1 -> (org.apache.calcite.linq4j.Enumerable<T>) plan.rows(root1);
    return new CalcitePrepare.CalciteSignature<>(
        sql,
        plan.parameters(),
        Map.of(),
        plan.rowType(),
        plan.columns(),
        plan.cursorFactory(),
        root,
        List.of(),
        maxRowCount,
        bindable,
        Meta.StatementType.SELECT);
  }

  /** A lookup ready to run: its table and pushed scan, and the columns and parameters it has. */
  public record Plan(
      BinanceTable table,
      ScanSpec spec,
      boolean scalar,
      RelDataType rowType,
      List<ColumnMetaData> columns,
      List<AvaticaParameter> parameters) {
    /** The cursor Calcite gives such a statement: a scalar for one column, else arrays. */
    public Meta.CursorFactory cursorFactory() {
      return Meta.CursorFactory.deduce(columns, Object[].class);
    }

    /** The rows, as Calcite's prepared statement would enumerate them ({@code ?n} in root). */
    public org.apache.calcite.linq4j.Enumerable<?> rows(DataContext root) {
      return BinanceTableScan.execute(root, table, spec, scalar);
    }
  }

  /**
   * The plan of {@code sql} if it is a simple lookup on a Binance table, else {@code null}; {@code
   * tables} resolves a (schema, table) name pair to the table, or null.
   */
  public static Plan plan(
      String sql,
      String defaultSchema,
      BiFunction<String, String, Table> tables,
      JavaTypeFactory typeFactory) {
    if (!enabled || sql == null) {
      return null;
    }
    LookupSql.Parsed q = LookupSql.parse(sql, defaultSchema);
    if (q == null || !(tables.apply(q.schema(), q.table()) instanceof BinanceTable table)) {
      return null;
    }
    TableDef def = table.def();
    List<Integer> fields = new ArrayList<>();
    for (String c : q.columns()) {
      int i = indexOf(def, c);
      if (i < 0 || fields.contains(i)) {
        return null;
      }
      fields.add(i);
    }
    RelDataType full = table.getRowType(typeFactory);
    List<Constraint> constraints = new ArrayList<>();
    List<Integer> keyed = new ArrayList<>();
    List<AvaticaParameter> parameters = new ArrayList<>();
    Map<Integer, Constraint> ranges = new LinkedHashMap<>();
    for (LookupSql.Condition cond : q.conditions()) {
      int i = indexOf(def, cond.column());
      if (i < 0 || keyed.contains(i)) {
        return null;
      }
      ColumnDef c = def.column(i);
      if (c.pushdown().takesPoints()
          && c.type() == ColumnType.VARCHAR
          && cond.op().equals("=")
          && !(cond.value() instanceof Long)) {
        keyed.add(i);
        ValueRef ref;
        if (cond.value() == null) {
          RelDataType type = full.getFieldList().get(i).getType();
          ref = new ValueRef.Param(parameters.size());
          parameters.add(
              new AvaticaParameter(
                  false,
                  precision(type),
                  scale(type),
                  type.getSqlTypeName().getJdbcOrdinal(),
                  type.getSqlTypeName().getName(),
                  Object.class.getName(),
                  "?" + parameters.size()));
        } else {
          ref = new ValueRef.Literal(cond.value());
        }
        constraints.add(Constraint.points(i, List.of(ref)));
      } else if (c.pushdown() == Pushdown.RANGE
          && c.type() == ColumnType.TIMESTAMP
          && cond.value() instanceof Long) {
        Constraint merged = merge(ranges.get(i), i, cond.op(), new ValueRef.Literal(cond.value()));
        if (merged == null) {
          return null;
        }
        ranges.put(i, merged);
      } else {
        return null;
      }
    }
    constraints.addAll(ranges.values());
    RelDataTypeFactory.Builder b = typeFactory.builder();
    List<ColumnMetaData> columns = new ArrayList<>();
    for (int i : fields) {
      RelDataType type = full.getFieldList().get(i).getType();
      if (!SIMPLE_TYPES.contains(type.getSqlTypeName())) {
        return null;
      }
      String name = def.column(i).name();
      b.add(name, type);
      columns.add(metaData(typeFactory, columns.size(), name, type, def.name(), q.schema()));
    }
    boolean identity = fields.size() == def.columns().size();
    for (int i = 0; identity && i < fields.size(); i++) {
      identity = fields.get(i) == i;
    }
    ScanSpec spec = ScanSpec.EMPTY.withConstraints(constraints);
    if (!identity) {
      spec = spec.withFields(fields);
    }
    return new Plan(table, spec, fields.size() == 1, b.build(), columns, parameters);
  }

  private static final Set<SqlTypeName> SIMPLE_TYPES =
      Set.of(
          SqlTypeName.VARCHAR,
          SqlTypeName.DECIMAL,
          SqlTypeName.TIMESTAMP,
          SqlTypeName.BIGINT,
          SqlTypeName.INTEGER,
          SqlTypeName.BOOLEAN);

  /**
   * {@code existing} (a range on {@code column}, or null) narrowed by {@code column op value}; null
   * when the result is not one range with at most one bound on each side.
   */
  private static Constraint merge(Constraint existing, int column, String op, ValueRef value) {
    ValueRef lower = existing == null ? null : existing.lower();
    ValueRef upper = existing == null ? null : existing.upper();
    boolean lowerStrict = existing != null && existing.lowerStrict();
    boolean upperStrict = existing != null && existing.upperStrict();
    boolean setsLower = !op.startsWith("<");
    boolean setsUpper = !op.startsWith(">");
    if ((setsLower && lower != null) || (setsUpper && upper != null)) {
      return null;
    }
    if (setsLower) {
      lower = value;
      lowerStrict = op.equals(">");
    }
    if (setsUpper) {
      upper = value;
      upperStrict = op.equals("<");
    }
    return Constraint.range(column, lower, lowerStrict, upper, upperStrict);
  }

  private static int indexOf(TableDef def, String column) {
    for (int i = 0; i < def.columns().size(); i++) {
      if (def.column(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  /** The column as Calcite describes a plain column reference of a table (its {@code metaData}). */
  private static ColumnMetaData metaData(
      JavaTypeFactory typeFactory,
      int ordinal,
      String name,
      RelDataType type,
      String table,
      String schema) {
    ColumnMetaData.Rep rep = ColumnMetaData.Rep.of(typeFactory.getJavaClass(type));
    ColumnMetaData.AvaticaType avaticaType =
        ColumnMetaData.scalar(
            type.getSqlTypeName().getJdbcOrdinal(), type.getSqlTypeName().getName(), rep);
    return new ColumnMetaData(
        ordinal,
        false,
        true,
        false,
        false,
        type.isNullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        true,
        type.getPrecision(),
        name,
        name,
        schema,
        precision(type),
        scale(type),
        table,
        null,
        avaticaType,
        true,
        false,
        false,
        avaticaType.columnClassName());
  }

  private static int precision(RelDataType type) {
    return type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? 0 : type.getPrecision();
  }

  private static int scale(RelDataType type) {
    return type.getScale() == RelDataType.SCALE_NOT_SPECIFIED ? 0 : type.getScale();
  }
}
