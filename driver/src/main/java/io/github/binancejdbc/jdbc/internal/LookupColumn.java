package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.table.ColumnType;
import java.sql.DatabaseMetaData;
import java.sql.Types;

/**
 * One output column of a lookup ({@link SimpleLookup}), described as Calcite describes a plain
 * column reference of a Binance table, without Calcite's type factory or Avatica's column metadata
 * (whose classes build protobuf descriptors when first used): the JDBC type, its name, precision,
 * scale and display size as {@code BinanceTypeSystem} gives them, and the value class.
 *
 * @param name the column's name, also its label
 * @param field the column's position in its table
 */
record LookupColumn(
    String name, String table, String schema, ColumnType type, boolean nullable, int field) {

  /** {@link Types} code. */
  int jdbcType() {
    return switch (type) {
      case VARCHAR -> Types.VARCHAR;
      case DECIMAL -> Types.DECIMAL;
      case TIMESTAMP -> Types.TIMESTAMP;
      case BIGINT -> Types.BIGINT;
      case INTEGER -> Types.INTEGER;
      case BOOLEAN -> Types.BOOLEAN;
    };
  }

  /** The SQL type's name (the enum's names are SQL's). */
  String typeName() {
    return type.name();
  }

  /** The type's precision; 0 where it has none (VARCHAR). */
  int precision() {
    return type == ColumnType.VARCHAR ? 0 : displaySize();
  }

  /** Calcite's precision of the type: -1 (not specified) for VARCHAR. */
  int displaySize() {
    return switch (type) {
      case VARCHAR -> -1;
      case DECIMAL -> ColumnType.DECIMAL_PRECISION;
      case TIMESTAMP -> 3;
      case BIGINT -> 19;
      case INTEGER -> 10;
      case BOOLEAN -> 1;
    };
  }

  int scale() {
    return type == ColumnType.DECIMAL ? ColumnType.DECIMAL_SCALE : 0;
  }

  /** {@link java.sql.ResultSetMetaData#isNullable} of the column. */
  int nullability() {
    return nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls;
  }

  /** The class of {@code getObject}'s values, as JDBC names it for the type. */
  String className() {
    return switch (type) {
      case VARCHAR -> String.class.getName();
      case DECIMAL -> java.math.BigDecimal.class.getName();
      case TIMESTAMP -> java.sql.Timestamp.class.getName();
      case BIGINT -> Long.class.getName();
      case INTEGER -> Integer.class.getName();
      case BOOLEAN -> Boolean.class.getName();
    };
  }
}
