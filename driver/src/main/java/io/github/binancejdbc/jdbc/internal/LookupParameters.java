package io.github.binancejdbc.jdbc.internal;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The parameters' metadata of a lookup ({@link LookupStatement}), as Avatica's prepared statement
 * reports them for Calcite's statement: each {@code ?} is the value of a VARCHAR key. A class of
 * its own rather than a dynamic proxy, whose class would be generated at a first query (binding a
 * string asks for the parameter's type).
 */
final class LookupParameters implements ParameterMetaData {
  private final int count;

  LookupParameters(int count) {
    this.count = count;
  }

  /** Fails, as Avatica does, for a parameter that does not exist. */
  private void check(int index) throws SQLException {
    if (index < 1 || index > count) {
      throw new SQLException("parameter ordinal " + index + " out of range");
    }
  }

  @Override
  public int getParameterCount() {
    return count;
  }

  @Override
  public int isNullable(int param) throws SQLException {
    check(param);
    return ParameterMetaData.parameterNullableUnknown;
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    check(param);
    return false;
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    check(param);
    return 0;
  }

  @Override
  public int getScale(int param) throws SQLException {
    check(param);
    return 0;
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    check(param);
    return Types.VARCHAR;
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    check(param);
    return "VARCHAR";
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    check(param);
    return Object.class.getName();
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    check(param);
    return ParameterMetaData.parameterModeIn;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return LookupMetaData.unwrap(this, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public String toString() {
    return "ParameterMetaData{" + count + " VARCHAR}";
  }
}
