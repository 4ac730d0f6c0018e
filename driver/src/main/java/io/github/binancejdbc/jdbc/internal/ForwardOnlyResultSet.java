package io.github.binancejdbc.jdbc.internal;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The methods of a forward-only, read-only {@link ResultSet} that it cannot answer: moving back or
 * to a row, the updaters, row edits, the cursor name and row ids. Each fails as Calcite's result
 * set does under {@link ResultSetProxy} (SQLState 0A000, naming the method).
 */
abstract class ForwardOnlyResultSet implements ResultSet {
  /** The failure of {@code method}, which a forward-only, read-only result set lacks. */
  static SQLException unsupported(String method) {
    return ErrorTranslation.unsupported(
        ResultSet.class, method, new SQLFeatureNotSupportedException());
  }

  @Override
  public final String getCursorName() throws SQLException {
    throw unsupported("getCursorName");
  }

  @Override
  public final boolean isLast() throws SQLException {
    throw unsupported("isLast");
  }

  @Override
  public final void beforeFirst() throws SQLException {
    throw unsupported("beforeFirst");
  }

  @Override
  public final void afterLast() throws SQLException {
    throw unsupported("afterLast");
  }

  @Override
  public final boolean first() throws SQLException {
    throw unsupported("first");
  }

  @Override
  public final boolean last() throws SQLException {
    throw unsupported("last");
  }

  @Override
  public final boolean absolute(int rows) throws SQLException {
    throw unsupported("absolute");
  }

  @Override
  public final boolean relative(int rows) throws SQLException {
    throw unsupported("relative");
  }

  @Override
  public final boolean previous() throws SQLException {
    throw unsupported("previous");
  }

  @Override
  public final void updateNull(int column) throws SQLException {
    throw unsupported("updateNull");
  }

  @Override
  public final void updateBoolean(int column, boolean x) throws SQLException {
    throw unsupported("updateBoolean");
  }

  @Override
  public final void updateByte(int column, byte x) throws SQLException {
    throw unsupported("updateByte");
  }

  @Override
  public final void updateShort(int column, short x) throws SQLException {
    throw unsupported("updateShort");
  }

  @Override
  public final void updateInt(int column, int n) throws SQLException {
    throw unsupported("updateInt");
  }

  @Override
  public final void updateLong(int column, long length) throws SQLException {
    throw unsupported("updateLong");
  }

  @Override
  public final void updateFloat(int column, float x) throws SQLException {
    throw unsupported("updateFloat");
  }

  @Override
  public final void updateDouble(int column, double x) throws SQLException {
    throw unsupported("updateDouble");
  }

  @Override
  public final void updateBigDecimal(int column, BigDecimal bigDecimal) throws SQLException {
    throw unsupported("updateBigDecimal");
  }

  @Override
  public final void updateString(int column, String text) throws SQLException {
    throw unsupported("updateString");
  }

  @Override
  public final void updateBytes(int column, byte[] bytes) throws SQLException {
    throw unsupported("updateBytes");
  }

  @Override
  public final void updateDate(int column, Date date) throws SQLException {
    throw unsupported("updateDate");
  }

  @Override
  public final void updateTime(int column, Time time) throws SQLException {
    throw unsupported("updateTime");
  }

  @Override
  public final void updateTimestamp(int column, Timestamp timestamp) throws SQLException {
    throw unsupported("updateTimestamp");
  }

  @Override
  public final void updateAsciiStream(int column, InputStream inputStream, int n)
      throws SQLException {
    throw unsupported("updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(int column, InputStream inputStream, int n)
      throws SQLException {
    throw unsupported("updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(int column, Reader reader, int n) throws SQLException {
    throw unsupported("updateCharacterStream");
  }

  @Override
  public final void updateObject(int column, Object object, int n) throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public final void updateObject(int column, Object object) throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public final void updateNull(String label) throws SQLException {
    throw unsupported("updateNull");
  }

  @Override
  public final void updateBoolean(String label, boolean x) throws SQLException {
    throw unsupported("updateBoolean");
  }

  @Override
  public final void updateByte(String label, byte x) throws SQLException {
    throw unsupported("updateByte");
  }

  @Override
  public final void updateShort(String label, short x) throws SQLException {
    throw unsupported("updateShort");
  }

  @Override
  public final void updateInt(String label, int n) throws SQLException {
    throw unsupported("updateInt");
  }

  @Override
  public final void updateLong(String label, long length) throws SQLException {
    throw unsupported("updateLong");
  }

  @Override
  public final void updateFloat(String label, float x) throws SQLException {
    throw unsupported("updateFloat");
  }

  @Override
  public final void updateDouble(String label, double x) throws SQLException {
    throw unsupported("updateDouble");
  }

  @Override
  public final void updateBigDecimal(String label, BigDecimal bigDecimal) throws SQLException {
    throw unsupported("updateBigDecimal");
  }

  @Override
  public final void updateString(String label, String text) throws SQLException {
    throw unsupported("updateString");
  }

  @Override
  public final void updateBytes(String label, byte[] bytes) throws SQLException {
    throw unsupported("updateBytes");
  }

  @Override
  public final void updateDate(String label, Date date) throws SQLException {
    throw unsupported("updateDate");
  }

  @Override
  public final void updateTime(String label, Time time) throws SQLException {
    throw unsupported("updateTime");
  }

  @Override
  public final void updateTimestamp(String label, Timestamp timestamp) throws SQLException {
    throw unsupported("updateTimestamp");
  }

  @Override
  public final void updateAsciiStream(String label, InputStream inputStream, int n)
      throws SQLException {
    throw unsupported("updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(String label, InputStream inputStream, int n)
      throws SQLException {
    throw unsupported("updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(String label, Reader reader, int n) throws SQLException {
    throw unsupported("updateCharacterStream");
  }

  @Override
  public final void updateObject(String label, Object object, int n) throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public final void updateObject(String label, Object object) throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public final void insertRow() throws SQLException {
    throw unsupported("insertRow");
  }

  @Override
  public final void updateRow() throws SQLException {
    throw unsupported("updateRow");
  }

  @Override
  public final void deleteRow() throws SQLException {
    throw unsupported("deleteRow");
  }

  @Override
  public final void refreshRow() throws SQLException {
    throw unsupported("refreshRow");
  }

  @Override
  public final void cancelRowUpdates() throws SQLException {
    throw unsupported("cancelRowUpdates");
  }

  @Override
  public final void moveToInsertRow() throws SQLException {
    throw unsupported("moveToInsertRow");
  }

  @Override
  public final void moveToCurrentRow() throws SQLException {
    throw unsupported("moveToCurrentRow");
  }

  @Override
  public final void updateRef(int column, Ref ref) throws SQLException {
    throw unsupported("updateRef");
  }

  @Override
  public final void updateRef(String label, Ref ref) throws SQLException {
    throw unsupported("updateRef");
  }

  @Override
  public final void updateBlob(int column, Blob blob) throws SQLException {
    throw unsupported("updateBlob");
  }

  @Override
  public final void updateBlob(String label, Blob blob) throws SQLException {
    throw unsupported("updateBlob");
  }

  @Override
  public final void updateClob(int column, Clob clob) throws SQLException {
    throw unsupported("updateClob");
  }

  @Override
  public final void updateClob(String label, Clob clob) throws SQLException {
    throw unsupported("updateClob");
  }

  @Override
  public final void updateArray(int column, Array array) throws SQLException {
    throw unsupported("updateArray");
  }

  @Override
  public final void updateArray(String label, Array array) throws SQLException {
    throw unsupported("updateArray");
  }

  @Override
  public final RowId getRowId(int column) throws SQLException {
    throw unsupported("getRowId");
  }

  @Override
  public final RowId getRowId(String label) throws SQLException {
    throw unsupported("getRowId");
  }

  @Override
  public final void updateRowId(int column, RowId rowId) throws SQLException {
    throw unsupported("updateRowId");
  }

  @Override
  public final void updateRowId(String label, RowId rowId) throws SQLException {
    throw unsupported("updateRowId");
  }

  @Override
  public final void updateNString(int column, String text) throws SQLException {
    throw unsupported("updateNString");
  }

  @Override
  public final void updateNString(String label, String text) throws SQLException {
    throw unsupported("updateNString");
  }

  @Override
  public final void updateNClob(int column, NClob nClob) throws SQLException {
    throw unsupported("updateNClob");
  }

  @Override
  public final void updateNClob(String label, NClob nClob) throws SQLException {
    throw unsupported("updateNClob");
  }

  @Override
  public final void updateSQLXML(int column, SQLXML sQLXML) throws SQLException {
    throw unsupported("updateSQLXML");
  }

  @Override
  public final void updateSQLXML(String label, SQLXML sQLXML) throws SQLException {
    throw unsupported("updateSQLXML");
  }

  @Override
  public final void updateNCharacterStream(int column, Reader reader, long length)
      throws SQLException {
    throw unsupported("updateNCharacterStream");
  }

  @Override
  public final void updateNCharacterStream(String label, Reader reader, long length)
      throws SQLException {
    throw unsupported("updateNCharacterStream");
  }

  @Override
  public final void updateAsciiStream(int column, InputStream inputStream, long length)
      throws SQLException {
    throw unsupported("updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(int column, InputStream inputStream, long length)
      throws SQLException {
    throw unsupported("updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(int column, Reader reader, long length)
      throws SQLException {
    throw unsupported("updateCharacterStream");
  }

  @Override
  public final void updateAsciiStream(String label, InputStream inputStream, long length)
      throws SQLException {
    throw unsupported("updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(String label, InputStream inputStream, long length)
      throws SQLException {
    throw unsupported("updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(String label, Reader reader, long length)
      throws SQLException {
    throw unsupported("updateCharacterStream");
  }

  @Override
  public final void updateBlob(int column, InputStream inputStream, long length)
      throws SQLException {
    throw unsupported("updateBlob");
  }

  @Override
  public final void updateBlob(String label, InputStream inputStream, long length)
      throws SQLException {
    throw unsupported("updateBlob");
  }

  @Override
  public final void updateClob(int column, Reader reader, long length) throws SQLException {
    throw unsupported("updateClob");
  }

  @Override
  public final void updateClob(String label, Reader reader, long length) throws SQLException {
    throw unsupported("updateClob");
  }

  @Override
  public final void updateNClob(int column, Reader reader, long length) throws SQLException {
    throw unsupported("updateNClob");
  }

  @Override
  public final void updateNClob(String label, Reader reader, long length) throws SQLException {
    throw unsupported("updateNClob");
  }

  @Override
  public final void updateNCharacterStream(int column, Reader reader) throws SQLException {
    throw unsupported("updateNCharacterStream");
  }

  @Override
  public final void updateNCharacterStream(String label, Reader reader) throws SQLException {
    throw unsupported("updateNCharacterStream");
  }

  @Override
  public final void updateAsciiStream(int column, InputStream inputStream) throws SQLException {
    throw unsupported("updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(int column, InputStream inputStream) throws SQLException {
    throw unsupported("updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(int column, Reader reader) throws SQLException {
    throw unsupported("updateCharacterStream");
  }

  @Override
  public final void updateAsciiStream(String label, InputStream inputStream) throws SQLException {
    throw unsupported("updateAsciiStream");
  }

  @Override
  public final void updateBinaryStream(String label, InputStream inputStream) throws SQLException {
    throw unsupported("updateBinaryStream");
  }

  @Override
  public final void updateCharacterStream(String label, Reader reader) throws SQLException {
    throw unsupported("updateCharacterStream");
  }

  @Override
  public final void updateBlob(int column, InputStream inputStream) throws SQLException {
    throw unsupported("updateBlob");
  }

  @Override
  public final void updateBlob(String label, InputStream inputStream) throws SQLException {
    throw unsupported("updateBlob");
  }

  @Override
  public final void updateClob(int column, Reader reader) throws SQLException {
    throw unsupported("updateClob");
  }

  @Override
  public final void updateClob(String label, Reader reader) throws SQLException {
    throw unsupported("updateClob");
  }

  @Override
  public final void updateNClob(int column, Reader reader) throws SQLException {
    throw unsupported("updateNClob");
  }

  @Override
  public final void updateNClob(String label, Reader reader) throws SQLException {
    throw unsupported("updateNClob");
  }

  @Override
  public final void updateObject(int column, Object object, SQLType sQLType, int n)
      throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public final void updateObject(String label, Object object, SQLType sQLType, int n)
      throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public final void updateObject(int column, Object object, SQLType sQLType) throws SQLException {
    throw unsupported("updateObject");
  }

  @Override
  public final void updateObject(String label, Object object, SQLType sQLType) throws SQLException {
    throw unsupported("updateObject");
  }
}
