package io.github.binancejdbc.jdbc.internal;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * The metadata of a lookup's columns ({@link LookupColumn}), answering each method as Avatica's
 * metadata of Calcite's statement does for the same columns: plain column references of a read-only
 * table, not searchable, signed, case-sensitive, no catalog.
 */
final class LookupMetaData implements ResultSetMetaData {
  private final List<LookupColumn> columns;

  LookupMetaData(List<LookupColumn> columns) {
    this.columns = columns;
  }

  List<LookupColumn> columns() {
    return columns;
  }

  private LookupColumn column(int column) {
    return columns.get(column - 1);
  }

  /** {@code answer}, the same for every column, after checking that {@code column} exists. */
  private boolean same(int column, boolean answer) {
    column(column);
    return answer;
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public boolean isAutoIncrement(int column) {
    return same(column, false);
  }

  @Override
  public boolean isCaseSensitive(int column) {
    return same(column, true);
  }

  @Override
  public boolean isSearchable(int column) {
    return same(column, false);
  }

  @Override
  public boolean isCurrency(int column) {
    return same(column, false);
  }

  @Override
  public int isNullable(int column) {
    return column(column).nullability();
  }

  @Override
  public boolean isSigned(int column) {
    return same(column, true);
  }

  @Override
  public int getColumnDisplaySize(int column) {
    return column(column).displaySize();
  }

  @Override
  public String getColumnLabel(int column) {
    return column(column).name();
  }

  @Override
  public String getColumnName(int column) {
    return column(column).name();
  }

  @Override
  public String getSchemaName(int column) {
    return column(column).schema();
  }

  @Override
  public int getPrecision(int column) {
    return column(column).precision();
  }

  @Override
  public int getScale(int column) {
    return column(column).scale();
  }

  @Override
  public String getTableName(int column) {
    return column(column).table();
  }

  @Override
  public String getCatalogName(int column) {
    column(column);
    return null;
  }

  @Override
  public int getColumnType(int column) {
    return column(column).jdbcType();
  }

  @Override
  public String getColumnTypeName(int column) {
    return column(column).typeName();
  }

  @Override
  public boolean isReadOnly(int column) {
    return same(column, true);
  }

  @Override
  public boolean isWritable(int column) {
    return same(column, false);
  }

  @Override
  public boolean isDefinitelyWritable(int column) {
    return same(column, false);
  }

  @Override
  public String getColumnClassName(int column) {
    return column(column).className();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return unwrap(this, iface);
  }

  /** {@code self} as {@code iface}, or Avatica's failure when it is none: for lookups' objects. */
  static <T> T unwrap(Object self, Class<T> iface) throws SQLException {
    if (iface.isInstance(self)) {
      return iface.cast(self);
    }
    throw new SQLException("does not implement '" + iface + "'");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
