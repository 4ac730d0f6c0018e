package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.BinanceSchema;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.Bindable;

/**
 * A lookup ({@link SimpleLookup}) prepared for Calcite's connection, in the way Calcite itself
 * prepares {@code SELECT 1}: the signature Calcite would give the statement (the same columns,
 * types, parameters and cursor, made with the connection's type factory) over the lookup's scan.
 */
final class LookupSignature {
  private LookupSignature() {}

  /**
   * The signature for {@code sql} if it is a simple lookup on a table of {@code schemaName} in
   * {@code rootSchema}, else {@code null}.
   */
  static <T> CalcitePrepare.CalciteSignature<T> prepare(
      CalcitePrepare.Context context, String sql, long maxRowCount, long maxRows) {
    if (!SimpleLookup.enabled || sql == null || maxRows > 0) {
      return null;
    }
    List<String> path = context.getDefaultSchemaPath();
    CalciteSchema root = context.getRootSchema();
    SimpleLookup.Plan plan =
        SimpleLookup.plan(
            sql,
            path.size() == 1 ? path.get(0) : null,
            (schemaName, tableName) -> {
              CalciteSchema sub = root.getSubSchema(schemaName, true);
              if (sub == null || !(sub.schema instanceof BinanceSchema)) {
                return null;
              }
              CalciteSchema.TableEntry entry = sub.getTable(tableName, true);
              return entry == null ? null : entry.getTable();
            });
    if (plan == null) {
      return null;
    }
    JavaTypeFactory typeFactory = context.getTypeFactory();
    RelDataType full = plan.table().getRowType(typeFactory);
    RelDataTypeFactory.Builder rowType = typeFactory.builder();
    List<ColumnMetaData> columns = new ArrayList<>();
    for (LookupColumn c : plan.columns()) {
      RelDataType type = full.getFieldList().get(c.field()).getType();
      rowType.add(c.name(), type);
      columns.add(metaData(typeFactory, columns.size(), c, type));
    }
    List<AvaticaParameter> parameters = new ArrayList<>();
    for (int i = 0; i < plan.parameters(); i++) {
      parameters.add(
          new AvaticaParameter(
              false, 0, 0, Types.VARCHAR, "VARCHAR", Object.class.getName(), "?" + i));
    }
    @SuppressWarnings("unchecked")
    Bindable<T> bindable = root1 -> (org.apache.calcite.linq4j.Enumerable<T>) plan.rows(root1);
    return new CalcitePrepare.CalciteSignature<>(
        sql,
        parameters,
        Map.of(),
        rowType.build(),
        columns,
        Meta.CursorFactory.deduce(columns, Object[].class),
        root,
        List.of(),
        maxRowCount,
        bindable,
        Meta.StatementType.SELECT);
  }

  /** The column as Calcite describes a plain column reference of a table (its {@code metaData}). */
  static ColumnMetaData metaData(
      JavaTypeFactory typeFactory, int ordinal, LookupColumn column, RelDataType type) {
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
        column.name(),
        column.name(),
        column.schema(),
        precision(type),
        scale(type),
        column.table(),
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
