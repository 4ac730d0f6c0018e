package io.github.binancejdbc.jdbc.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The rows of a lookup's scan, one row ahead of the reader as Calcite's cursor is: the first row is
 * read when the cursor is made, each next row when the one before is handed over. A one-column
 * lookup hands over the values themselves, as Calcite does. Closing it closes the scan (pages in
 * flight are cancelled).
 */
final class RowCursor implements Iterator<Object>, AutoCloseable {
  private final Enumerator<Object[]> rows;
  private final boolean scalar;
  private boolean hasNext;

  RowCursor(Enumerator<Object[]> rows, boolean scalar) {
    this.rows = rows;
    this.scalar = scalar;
    try {
      this.hasNext = rows.moveNext();
    } catch (RuntimeException | Error e) {
      rows.close();
      throw e;
    }
  }

  @Override
  public boolean hasNext() {
    return hasNext;
  }

  @Override
  public Object next() {
    if (!hasNext) {
      throw new NoSuchElementException();
    }
    Object[] row = rows.current();
    hasNext = rows.moveNext();
    return scalar ? row[0] : row;
  }

  @Override
  public void close() {
    rows.close();
  }
}
