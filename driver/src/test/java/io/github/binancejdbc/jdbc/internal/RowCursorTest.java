package io.github.binancejdbc.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.calcite.linq4j.Enumerator;
import org.junit.jupiter.api.Test;

/** The lookup's cursor: one row ahead of the reader, values for one column, closing the scan. */
class RowCursorTest {
  /** Rows of a fake scan; records every moveNext and close. */
  private static final class FakeScan implements Enumerator<Object[]> {
    final List<Object[]> rows;
    final RuntimeException failAt;
    final int failIndex;
    final List<String> calls = new ArrayList<>();
    int at = -1;

    FakeScan(List<Object[]> rows, int failIndex, RuntimeException failAt) {
      this.rows = rows;
      this.failIndex = failIndex;
      this.failAt = failAt;
    }

    @Override
    public Object[] current() {
      return rows.get(at);
    }

    @Override
    public boolean moveNext() {
      calls.add("moveNext");
      if (at + 1 == failIndex) {
        throw failAt;
      }
      return ++at < rows.size();
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      calls.add("close");
    }
  }

  private static final Object[] A = {"BTCUSDT", 1L};
  private static final Object[] B = {"ETHUSDT", 2L};

  @Test
  void theFirstRowIsReadWhenTheCursorIsMadeAndEachNextOneWhenTheOneBeforeIsHandedOver() {
    FakeScan scan = new FakeScan(List.of(A, B), -1, null);
    RowCursor c = new RowCursor(scan, false);
    assertEquals(List.of("moveNext"), scan.calls, "the first request goes out at execution");
    assertTrue(c.hasNext());
    assertSame(A, c.next());
    assertEquals(List.of("moveNext", "moveNext"), scan.calls);
    assertArrayEquals(B, (Object[]) c.next());
    assertFalse(c.hasNext());
    assertThrows(NoSuchElementException.class, c::next);
    c.close();
    assertEquals("close", scan.calls.get(scan.calls.size() - 1));
  }

  @Test
  void aOneColumnLookupHandsOverTheValues() {
    RowCursor c = new RowCursor(new FakeScan(List.of(A, B), -1, null), true);
    assertEquals("BTCUSDT", c.next());
    assertEquals("ETHUSDT", c.next());
    assertFalse(c.hasNext());
  }

  @Test
  void aFailedFirstReadClosesTheScanAndFailsTheExecution() {
    IllegalStateException boom = new IllegalStateException("HTTP 503");
    FakeScan scan = new FakeScan(List.<Object[]>of(A), 0, boom);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new RowCursor(scan, false));
    assertSame(boom, e);
    assertEquals(List.of("moveNext", "close"), scan.calls, "pages in flight are cancelled");
  }

  @Test
  void aFailedLaterReadFailsTheNextCallAndLeavesClosingToTheResultSet() {
    IllegalStateException boom = new IllegalStateException("HTTP 503");
    FakeScan scan = new FakeScan(List.of(A, B), 1, boom);
    RowCursor c = new RowCursor(scan, false);
    assertSame(boom, assertThrows(IllegalStateException.class, c::next));
    assertFalse(scan.calls.contains("close"));
    c.close();
    assertTrue(scan.calls.contains("close"));
  }
}
