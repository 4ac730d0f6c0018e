package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.error.BinanceException;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Pulls pages from the table's streams only while rows are read: closing the result set, a LIMIT,
 * {@code setMaxRows} or {@code Statement.cancel()} stop the fetching. Every row is checked against
 * the resolved constraints, so a pushed predicate never changes a result.
 */
final class BinanceEnumerator implements Enumerator<Object[]> {
  private final Supplier<ScanQuery> querySupplier;
  private final Function<ScanQuery, List<RowStream>> streamFactory;
  private final AtomicBoolean cancelFlag;
  private final long timeoutMillis;
  private final java.time.Clock clock;

  private ScanQuery query;
  private Iterator<RowStream> streams;
  private RowStream stream;
  private Iterator<Object[]> page = Collections.emptyIterator();
  private Object[] current;
  private long emitted;

  /** Whether a fetched row failed the constraints: pages then stay full-size (see moveNext). */
  private boolean discarded;

  private long startMillis;

  BinanceEnumerator(
      DataContext root,
      Supplier<ScanQuery> querySupplier,
      Function<ScanQuery, List<RowStream>> streamFactory,
      java.time.Clock clock) {
    this.querySupplier = querySupplier;
    this.streamFactory = streamFactory;
    this.cancelFlag = DataContext.Variable.CANCEL_FLAG.get(root);
    Long timeout = DataContext.Variable.TIMEOUT.get(root);
    this.timeoutMillis = timeout == null ? 0 : timeout;
    this.clock = clock;
  }

  @Override
  public Object[] current() {
    if (current == null) {
      throw new NoSuchElementException();
    }
    return current;
  }

  @Override
  public boolean moveNext() {
    if (query == null) {
      startMillis = clock.millis();
      query = querySupplier.get();
      // No request at all for a query that cannot match (WHERE 1 <> 1 is folded earlier; this
      // catches symbol = 'A' AND symbol = 'B' with parameters, LIMIT 0, empty ranges).
      streams =
          query.isEmpty() ? Collections.emptyIterator() : streamFactory.apply(query).iterator();
    }
    if (emitted >= query.limit()) {
      close(); // a pushed LIMIT is reached: nothing more is fetched, ahead or not
    }
    while (emitted < query.limit()) {
      while (page.hasNext()) {
        Object[] row = page.next();
        if (query.matches(row)) {
          current = query.project(row);
          emitted++;
          return true;
        }
        discarded = true;
      }
      checkCancel();
      if (stream == null) {
        if (!streams.hasNext()) {
          break;
        }
        stream = streams.next();
      }
      // A page sized to the rows still wanted is right only while every fetched row matches:
      // once rows are discarded (paging by id towards a time bound), ask for full pages.
      List<Object[]> next = stream.nextPage(discarded ? Long.MAX_VALUE : query.limit() - emitted);
      if (next == null) {
        stream.close();
        stream = null;
      } else {
        page = next.iterator();
      }
    }
    current = null;
    return false;
  }

  private void checkCancel() {
    if (cancelFlag != null && cancelFlag.get()) {
      throw BinanceException.cancelled("Statement was cancelled");
    }
    if (timeoutMillis > 0 && clock.millis() - startMillis > timeoutMillis) {
      throw BinanceException.cancelled(
          "Query timeout of "
              + timeoutMillis
              + " ms exceeded; raise setQueryTimeout or narrow"
              + " the query (a time range, a LIMIT)");
    }
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("reset");
  }

  @Override
  public void close() {
    if (stream != null) {
      stream.close();
    }
    page = Collections.emptyIterator();
    streams = Collections.emptyIterator();
    stream = null;
  }
}
