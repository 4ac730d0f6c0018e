package io.github.binancejdbc.adapter.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeWindowsTest {
  private static final long DAY = AccountRequests.DAY;

  @Test
  void aSpanIsCoveredByConsecutiveWindowsOfAtMostADay() {
    TimeWindows w = new TimeWindows(1000, 1000 + 2 * DAY + 5);
    assertArrayEquals(new long[] {1000, 1000 + DAY - 1}, w.next());
    assertArrayEquals(new long[] {1000 + DAY, 1000 + 2 * DAY - 1}, w.next());
    long[] last = w.next();
    assertArrayEquals(new long[] {1000 + 2 * DAY, 1000 + 2 * DAY + 5}, last);
    assertTrue(w.isLast(last));
    assertNull(w.next());
  }

  @Test
  void anInclusiveUpperBoundOnADayBoundaryAddsNoOneMillisecondWindow() {
    TimeWindows w = new TimeWindows(0, 3 * DAY);
    assertArrayEquals(new long[] {0, DAY - 1}, w.next());
    assertArrayEquals(new long[] {DAY, 2 * DAY - 1}, w.next());
    long[] last = w.next();
    assertArrayEquals(new long[] {2 * DAY, 3 * DAY}, last);
    assertTrue(w.isLast(last));
    assertNull(w.next());
  }

  @Test
  void anEmptySpanHasNoWindow() {
    assertNull(new TimeWindows(10, 9).next());
  }

  @Test
  void aFullWindowIsSplitIntoHalvesAskedNextEarlierFirst() {
    TimeWindows w = new TimeWindows(0, 2 * DAY - 1);
    long[] first = w.next();
    assertTrue(w.split(first));
    assertArrayEquals(new long[] {0, DAY / 2 - 1}, w.next());
    long[] second = w.next();
    assertArrayEquals(new long[] {DAY / 2, DAY - 1}, second);
    assertFalse(w.isLast(second));
    assertArrayEquals(new long[] {DAY, 2 * DAY - 1}, w.next());
    assertNull(w.next());
  }

  @Test
  void aOneMillisecondWindowCannotBeSplit() {
    TimeWindows w = new TimeWindows(5, 5);
    assertFalse(w.split(w.next()));
  }
}
