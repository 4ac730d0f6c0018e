package io.github.binancejdbc.adapter.table;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Predicate;

/**
 * Ends a stream after a page whose edge row passes {@code stop}: the row the scan reached last,
 * which is a page's last row when rows come in the order of travel and its first row when a
 * backwards scan gives each page in key order. What follows that row is past the query's bound (a
 * time the paging key cannot express), so no further page is asked for and {@code inner} is closed.
 * The one home of this rule for the cached streams ({@link RowStream#stopAt}) and the {@link
 * KeyedPager}.
 */
final class StopAt implements RowStream {
  private final RowStream inner;
  private final boolean edgeIsFirst;
  private final Predicate<Object[]> stop;
  private boolean done;

  /**
   * @param edgeIsFirst whether the row the scan reached last is a page's first row (a backwards
   *     scan whose pages are in key order) rather than its last
   */
  StopAt(RowStream inner, boolean edgeIsFirst, Predicate<Object[]> stop) {
    this.inner = requireNonNull(inner, "inner is null");
    this.edgeIsFirst = edgeIsFirst;
    this.stop = requireNonNull(stop, "stop is null");
  }

  @Override
  public List<Object[]> nextPage(long wanted) {
    if (done) {
      return null;
    }
    List<Object[]> page = inner.nextPage(wanted);
    if (page == null
        || (!page.isEmpty() && stop.test(page.get(edgeIsFirst ? 0 : page.size() - 1)))) {
      done = true;
      inner.close();
    }
    return page;
  }

  @Override
  public void close() {
    if (!done) {
      done = true;
      inner.close();
    }
  }
}
