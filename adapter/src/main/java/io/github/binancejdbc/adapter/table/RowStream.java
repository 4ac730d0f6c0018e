package io.github.binancejdbc.adapter.table;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** One lazily paged source of rows, such as the klines of one symbol and interval. */
public interface RowStream {
  /**
   * Fetches the next page.
   *
   * @param wanted how many more matching rows the query wants at most ({@code Long.MAX_VALUE} for
   *     all), so a stream can ask the API for fewer
   * @return the rows, or {@code null} when the stream is exhausted
   */
  List<Object[]> nextPage(long wanted);

  /** A stream with no rows, which sends nothing. */
  RowStream EMPTY = wanted -> null;

  /** Stops what is in flight (pages fetched ahead); the stream is not read again. */
  default void close() {}

  /** A stream of exactly one page, fetched on first use. */
  static RowStream once(Supplier<List<Object[]>> fetch) {
    return new RowStream() {
      private boolean done;

      @Override
      public List<Object[]> nextPage(long wanted) {
        if (done) {
          return null;
        }
        done = true;
        return fetch.get();
      }
    };
  }

  /**
   * {@code inner} ended after a page whose last row passes {@code stop} (what follows is past the
   * query's bound), so that no further page is asked for.
   */
  static RowStream stopAt(RowStream inner, Predicate<Object[]> stop) {
    return new StopAt(inner, false, stop);
  }

  /** The streams one after another, each read to its end. */
  static RowStream concat(List<RowStream> parts) {
    return new RowStream() {
      private int next;

      @Override
      public List<Object[]> nextPage(long wanted) {
        while (next < parts.size()) {
          List<Object[]> page = parts.get(next).nextPage(wanted);
          if (page != null) {
            return page;
          }
          next++;
        }
        return null;
      }

      @Override
      public void close() {
        for (int i = next; i < parts.size(); i++) {
          parts.get(i).close();
        }
      }
    };
  }

  /**
   * A stream whose plan (which endpoint, which cursor) is chosen on the first read, when the
   * resolved bounds are known and a request may be sent; later reads go to that plan.
   */
  static RowStream deferred(Supplier<RowStream> plan) {
    return new RowStream() {
      private RowStream chosen;

      @Override
      public List<Object[]> nextPage(long wanted) {
        if (chosen == null) {
          chosen = plan.get();
        }
        return chosen.nextPage(wanted);
      }

      @Override
      public void close() {
        if (chosen != null) {
          chosen.close();
        }
      }
    };
  }
}
