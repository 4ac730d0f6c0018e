package io.github.binancejdbc.adapter.table;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The SQL types a column can have, and the Java value a row holds for each: {@code String}, {@code
 * BigDecimal} (exact, as the API's decimal string), {@code Long} epoch milliseconds for {@code
 * TIMESTAMP(3)} (UTC wall-clock, Calcite's internal form), {@code Long}, {@code Integer} and {@code
 * Boolean}.
 */
public enum ColumnType {
  VARCHAR,
  /** DECIMAL(38, 8): Binance spot prices, quantities and rates have at most 8 decimals. */
  DECIMAL,
  /** TIMESTAMP(3), UTC. */
  TIMESTAMP,
  BIGINT,
  INTEGER,
  BOOLEAN;

  public static final int DECIMAL_PRECISION = 38;
  public static final int DECIMAL_SCALE = 8;

  RelDataType toRelDataType(RelDataTypeFactory f, boolean nullable) {
    RelDataType t =
        switch (this) {
          case VARCHAR -> f.createSqlType(SqlTypeName.VARCHAR);
          case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, DECIMAL_PRECISION, DECIMAL_SCALE);
          case TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, 3);
          case BIGINT -> f.createSqlType(SqlTypeName.BIGINT);
          case INTEGER -> f.createSqlType(SqlTypeName.INTEGER);
          case BOOLEAN -> f.createSqlType(SqlTypeName.BOOLEAN);
        };
    return f.createTypeWithNullability(t, nullable);
  }

  /** True for the types whose values are whole numbers we can push as range bounds. */
  public boolean isIntegral() {
    return this == TIMESTAMP || this == BIGINT || this == INTEGER;
  }
}
