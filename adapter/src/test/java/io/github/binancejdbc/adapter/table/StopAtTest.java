package io.github.binancejdbc.adapter.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one stop rule: a page whose edge row passes the bound is the last one asked for. */
class StopAtTest {
  /** Pages of three rows {@code {key}}, 0.. upwards, counting the pages asked and the closes. */
  private static final class Counting implements RowStream {
    int asked;
    int closed;
    private long next;

    @Override
    public List<Object[]> nextPage(long wanted) {
      asked++;
      List<Object[]> page = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        page.add(new Object[] {next++});
      }
      return page;
    }

    @Override
    public void close() {
      closed++;
    }
  }

  private static long first(List<Object[]> page) {
    return (Long) page.get(0)[0];
  }

  @Test
  void thePageWhoseLastRowPassesIsTheLast() {
    Counting inner = new Counting();
    RowStream s = RowStream.stopAt(inner, row -> (Long) row[0] >= 4);
    assertEquals(0, first(s.nextPage(10)));
    assertEquals(3, first(s.nextPage(10)), "row 5 passes: this page is still returned");
    assertNull(s.nextPage(10));
    assertEquals(2, inner.asked, "no third page is asked for");
    assertEquals(1, inner.closed);
    s.close();
    assertEquals(1, inner.closed, "closed once");
  }

  @Test
  void theFirstRowIsTheEdgeOfABackwardsScanInKeyOrder() {
    Counting inner = new Counting();
    RowStream s = new StopAt(inner, true, row -> (Long) row[0] >= 3);
    assertEquals(0, first(s.nextPage(10)), "row 2 would pass, but the edge is row 0");
    assertEquals(3, first(s.nextPage(10)));
    assertNull(s.nextPage(10));
    assertEquals(2, inner.asked);
  }

  @Test
  void anEmptyPageDoesNotStopAndTheEndOfTheInnerStreamDoes() {
    List<List<Object[]>> pages =
        new ArrayList<>(List.<List<Object[]>>of(List.of(), List.<Object[]>of(new Object[] {1L})));
    int[] closed = {0};
    RowStream inner =
        new RowStream() {
          @Override
          public List<Object[]> nextPage(long wanted) {
            return pages.isEmpty() ? null : pages.remove(0);
          }

          @Override
          public void close() {
            closed[0]++;
          }
        };
    RowStream s = RowStream.stopAt(inner, row -> true);
    assertEquals(0, s.nextPage(10).size());
    assertEquals(0, closed[0]);
    assertEquals(1, s.nextPage(10).size());
    assertEquals(1, closed[0]);
    assertNull(s.nextPage(10));
  }

  @Test
  void closingBeforeTheEndClosesTheInnerStreamOnce() {
    Counting inner = new Counting();
    RowStream s = RowStream.stopAt(inner, row -> false);
    s.nextPage(10);
    s.close();
    s.close();
    assertEquals(1, inner.closed);
    assertNull(s.nextPage(10), "nothing is asked after close");
    assertEquals(1, inner.asked);
  }
}
