package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.table.BinanceTable;
import org.apache.calcite.avatica.MetaImpl.MetaTable;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.schema.Table;

/**
 * {@code getTables} rows with REMARKS: what the table is, its endpoint and its required keys.
 * Calcite reads the columns by field name and finds a subclass's field first, so the public {@code
 * remarks} field here hides the always-null one of {@link MetaTable}.
 */
public final class BinanceMetaTableFactory implements CalciteMetaTableFactory {
  public static final BinanceMetaTableFactory INSTANCE = new BinanceMetaTableFactory();

  /** A table row with remarks. */
  public static final class BinanceMetaTable extends CalciteMetaImpl.CalciteMetaTable {
    @SuppressWarnings("HidingField") // on purpose: see the class comment
    public final String remarks;

    BinanceMetaTable(Table table, String cat, String schem, String name) {
      super(table, cat, schem, name);
      this.remarks = table instanceof BinanceTable bt ? bt.def().fullRemarks() : null;
    }
  }

  @Override
  public MetaTable createTable(Table table, String tableCat, String tableSchem, String tableName) {
    return new BinanceMetaTable(table, tableCat, tableSchem, tableName);
  }

  @Override
  public Class<? extends MetaTable> getMetaTableClass() {
    return BinanceMetaTable.class;
  }
}
