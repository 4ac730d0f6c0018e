package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.table.BinanceTable;
import io.github.binancejdbc.adapter.table.ColumnDef;
import org.apache.calcite.avatica.MetaImpl.MetaColumn;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.jdbc.CalciteMetaColumnFactoryImpl;
import org.apache.calcite.schema.Table;

/**
 * {@code getColumns} rows with REMARKS and a clean TYPE_NAME ({@code VARCHAR}, not {@code VARCHAR
 * NOT NULL}; tools map types from it).
 */
public final class BinanceMetaColumnFactory implements CalciteMetaColumnFactory {
  public static final BinanceMetaColumnFactory INSTANCE = new BinanceMetaColumnFactory();

  /** A column row with remarks. */
  public static final class BinanceMetaColumn extends MetaColumn {
    @SuppressWarnings("HidingField") // on purpose: Calcite reads the subclass's field by name
    public final String remarks;

    /** {@code column} with {@code remarks}, not auto-incremented, not generated. */
    BinanceMetaColumn(String remarks, MetaColumn column) {
      super(
          column.tableCat,
          column.tableSchem,
          column.tableName,
          column.columnName,
          column.dataType,
          column.typeName,
          column.columnSize,
          column.decimalDigits,
          column.numPrecRadix,
          column.nullable,
          column.charOctetLength,
          column.ordinalPosition,
          column.isNullable,
          "NO",
          "NO");
      this.remarks = remarks;
    }
  }

  @Override
  public MetaColumn createColumn(
      Table table,
      String tableCat,
      String tableSchem,
      String tableName,
      String columnName,
      int dataType,
      String typeName,
      Integer columnSize,
      Integer decimalDigits,
      int numPrecRadix,
      int nullable,
      Integer charOctetLength,
      int ordinalPosition,
      String isNullable) {
    String remarks = null;
    if (table instanceof BinanceTable bt) {
      for (ColumnDef c : bt.def().columns()) {
        if (c.name().equals(columnName)) {
          remarks = c.fullRemarks();
        }
      }
    }
    if (dataType == java.sql.Types.TIMESTAMP) {
      // TIMESTAMP(3): the length of '2024-01-01 00:00:00.000', and 3 fractional digits, as JDBC
      // defines COLUMN_SIZE and DECIMAL_DIGITS for datetime types. The value is the UTC wall clock.
      columnSize = 23;
      decimalDigits = 3;
      if (remarks != null && !remarks.contains("(UTC)")) {
        remarks = remarks + " (UTC)";
      }
    }
    return new BinanceMetaColumn(
        remarks,
        CalciteMetaColumnFactoryImpl.INSTANCE.createColumn(
            table,
            tableCat,
            tableSchem,
            tableName,
            columnName,
            dataType,
            cleanTypeName(typeName),
            columnSize,
            decimalDigits,
            numPrecRadix,
            nullable,
            charOctetLength,
            ordinalPosition,
            isNullable));
  }

  /** {@code DECIMAL(38, 8) NOT NULL} becomes {@code DECIMAL}. */
  static String cleanTypeName(String typeName) {
    String t = typeName.replace(" NOT NULL", "");
    int paren = t.indexOf('(');
    return paren < 0 ? t : t.substring(0, paren);
  }

  @Override
  public Class<? extends MetaColumn> getMetaColumnClass() {
    return BinanceMetaColumn.class;
  }
}
