package io.github.binancejdbc.adapter;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system with DECIMAL precision and scale up to 38, so {@code DECIMAL(38, 8)} prices
 * and their sums keep every digit (the default caps precision at 19).
 */
public final class BinanceTypeSystem extends RelDataTypeSystemImpl {
  public static final BinanceTypeSystem INSTANCE = new BinanceTypeSystem();

  private BinanceTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
  }

  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? 38 : super.getDefaultPrecision(typeName);
  }
}
