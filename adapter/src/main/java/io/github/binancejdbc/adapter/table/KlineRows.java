package io.github.binancejdbc.adapter.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.cache.Segment;
import io.github.binancejdbc.adapter.client.BodyReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rows of {@code klines} and {@code ui_klines}: reading a page of bars (only the columns a
 * query needs), the bars of a page that lie in the range asked for, and the part of a page that can
 * no longer change (what the cache keeps).
 */
final class KlineRows {
  private static final int OPEN_TIME = KlinesTable.OPEN_TIME;
  private static final int CLOSE_TIME = 9;
  static final int WIDTH = 14;

  private KlineRows() {}

  /**
   * The part of a forward page (bars from {@code start} to {@code end}, at most {@code limit}) that
   * can no longer change, as a segment; null if none. A bar is closed when another bar follows it
   * in the page or its close time is before {@code serverTime} (a time the server had reached
   * before it answered). The segment ends before the first bar that may be open, at the last bar of
   * a full page (the rest was not asked for), and, with no open bar in the page, at the last open
   * time whose bar has certainly closed (a bar opening later may not exist yet).
   */
  static Segment closedPart(
      long start, long end, int limit, List<Object[]> rows, long serverTime, String timeframe) {
    long to = closedTo(end, limit, rows, serverTime, timeframe);
    if (to < start) {
      return null;
    }
    List<Object[]> kept = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      if (openTime(r) <= to) {
        kept.add(r);
      }
    }
    return new Segment(start, to, OPEN_TIME, kept);
  }

  /**
   * As {@link #closedPart(long, long, int, List, long, String)} for a page read by {@link
   * #keepingReader}: {@code rows} are its rows in the range asked for. A page whose bytes it kept
   * becomes a segment that reads every column from them when it answers.
   */
  static Segment closedPart(
      long start,
      long end,
      int limit,
      List<Object[]> rows,
      Page page,
      String timeframe,
      String symbol,
      String zone) {
    byte[] body = page.body();
    if (body == null) {
      return closedPart(start, end, limit, rows, page.serverTime(), timeframe);
    }
    long to = closedTo(end, limit, rows, page.serverTime(), timeframe);
    if (to < start) {
      return null;
    }
    int length = page.length();
    return Segment.reading(
        start, to, OPEN_TIME, length, () -> readAll(body, length, symbol, timeframe, zone));
  }

  /** The last open time of the closed part (see {@link #closedPart}); Long.MIN_VALUE if none. */
  private static long closedTo(
      long end, int limit, List<Object[]> rows, long serverTime, String timeframe) {
    long to = end;
    if (rows.size() >= limit && !rows.isEmpty()) {
      to = Math.min(to, openTime(rows.get(rows.size() - 1)));
    }
    boolean openBar = false;
    for (int i = 0; i < rows.size(); i++) {
      Object[] r = rows.get(i);
      boolean followed = i + 1 < rows.size();
      if (!followed && (Long) r[CLOSE_TIME] >= serverTime) {
        to = Math.min(to, openTime(r) - 1);
        openBar = true;
      }
    }
    long span = maxIntervalMillis(timeframe);
    if (!openBar) {
      if (span <= 0) {
        return Long.MIN_VALUE;
      }
      to = Math.min(to, serverTime - span);
    }
    return to;
  }

  /**
   * A page of bars as a forward scan with the cache on reads it: its rows, its body's bytes when
   * {@link KlineBytes} read them building only some columns (null when Jackson read it, every
   * column built), and a time the server had reached before the page was asked for, which tells its
   * closed bars. The time travels with the page: one that a nested loop enumerates again, from the
   * statement's memo, must not have a bar open when fetched taken for closed later.
   */
  record Page(List<Object[]> rows, byte @Nullable [] body, int length, long serverTime)
      implements BodyReader.Rows {
    @Override
    public int rowCount() {
      return rows.size();
    }
  }

  /**
   * The reader of a forward page whose closed bars the cache keeps: the fields {@code needed} marks
   * (see {@link #needs}) and the close time (which tells a closed bar) built, the body's bytes
   * kept, from which a kept bar is read again with every column when a later query asks for it. A
   * body {@link KlineBytes} declines is read by Jackson with every column, as before there were
   * kept bytes.
   */
  static BodyReader.Bytes<Page> keepingReader(
      String symbol, String timeframe, String zone, boolean[] needed, long serverTime) {
    boolean[] need = needed.clone();
    need[CLOSE_TIME - OPEN_TIME] = true;
    boolean everyField = Arrays.equals(need, EVERY_FIELD);
    return new BodyReader.Bytes<>() {
      @Override
      public Page read(JsonParser p) throws IOException {
        return new Page(
            KlineRows.read(p, symbol, timeframe, zone, EVERY_FIELD), null, 0, serverTime);
      }

      @Override
      public @Nullable Page fromBytes(byte[] body, int length) {
        List<Object[]> rows = KlineBytes.read(body, length, symbol, timeframe, zone, need);
        if (rows == null) {
          return null;
        }
        // Every column built (SELECT *): the rows themselves are kept.
        return everyField
            ? new Page(rows, null, 0, serverTime)
            : new Page(rows, body, length, serverTime);
      }
    };
  }

  /** Every bar of a kept page, every column built. */
  private static List<Object[]> readAll(
      byte[] body, int length, String symbol, String timeframe, String zone) {
    List<Object[]> rows = KlineBytes.read(body, length, symbol, timeframe, zone, EVERY_FIELD);
    if (rows != null) {
      return rows;
    }
    // A value of a column the fetching query did not read that only Jackson reads (or rejects).
    try (JsonParser p = JSON.createParser(body, 0, length)) {
      return read(p, symbol, timeframe, zone, EVERY_FIELD);
    } catch (IOException | RuntimeException e) {
      throw new Segment.Unreadable(
          "A kept page of " + symbol + " " + timeframe + " klines cannot be read again", e);
    }
  }

  private static final JsonFactory JSON = new JsonFactory();

  /** Which fields of a bar {@code q} needs built (all for a null {@code q}; open time always). */
  static boolean[] needs(ScanQuery q) {
    boolean[] need = new boolean[FIELD_TYPES.length];
    for (int i = 0; i < need.length; i++) {
      need[i] = i == 0 || q == null || q.needs(i + OPEN_TIME);
    }
    return need;
  }

  /**
   * The bars of a page that lie in the range asked for: what is served next to held bars must not
   * repeat them, even from a server that answers outside startTime..endTime.
   */
  static List<Object[]> within(List<Object[]> rows, long start, long end) {
    for (Object[] r : rows) {
      if (openTime(r) < start || openTime(r) > end) {
        List<Object[]> in = new ArrayList<>(rows.size());
        for (Object[] x : rows) {
          if (openTime(x) >= start && openTime(x) <= end) {
            in.add(x);
          }
        }
        return in;
      }
    }
    return rows;
  }

  private static long openTime(Object[] row) {
    return (Long) row[OPEN_TIME];
  }

  /** The longest bar of an interval in milliseconds (a 31-day month for 1M); 0 if unknown. */
  static long maxIntervalMillis(String timeframe) {
    if (timeframe.length() < 2) {
      return 0;
    }
    long n;
    try {
      n = Long.parseLong(timeframe.substring(0, timeframe.length() - 1));
    } catch (NumberFormatException e) {
      return 0;
    }
    long unit =
        switch (timeframe.charAt(timeframe.length() - 1)) {
          case 's' -> 1_000L;
          case 'm' -> 60_000L;
          case 'h' -> 3_600_000L;
          case 'd' -> 86_400_000L;
          case 'w' -> 7 * 86_400_000L;
          case 'M' -> 31 * 86_400_000L;
          default -> 0L;
        };
    return n * unit;
  }

  /** Column types of the fields of one bar, in the order Binance sends them (slot = index + 3). */
  static final ColumnType[] FIELD_TYPES = {
    ColumnType.TIMESTAMP, ColumnType.DECIMAL, ColumnType.DECIMAL, ColumnType.DECIMAL,
    ColumnType.DECIMAL, ColumnType.DECIMAL, ColumnType.TIMESTAMP, ColumnType.DECIMAL,
    ColumnType.BIGINT, ColumnType.DECIMAL, ColumnType.DECIMAL
  };

  /** Every field of a bar built (never changed: the readers only read it). */
  private static final boolean[] EVERY_FIELD = needs(null);

  /**
   * Reads {@code [[openTime,"open","high","low","close","volume",closeTime,"quoteVolume",trades,
   * ...]]}: only the columns {@code q} needs are built (open time always: it is the paging cursor);
   * the others are skipped, never turned into strings or decimals. A null {@code q} reads every
   * column. The body's bytes go through {@link KlineBytes} first, Jackson when that declines.
   */
  static BodyReader.Bytes<List<Object[]>> reader(
      String symbol, String timeframe, String zone, ScanQuery q) {
    boolean[] need = needs(q);
    return new BodyReader.Bytes<>() {
      @Override
      public List<Object[]> read(JsonParser p) throws IOException {
        return KlineRows.read(p, symbol, timeframe, zone, need);
      }

      @Override
      public List<Object[]> fromBytes(byte[] body, int length) {
        return KlineBytes.read(body, length, symbol, timeframe, zone, need);
      }
    };
  }

  /** The bars of a page with Jackson: the fields {@code need} marks built, the others skipped. */
  static List<Object[]> read(
      JsonParser p, String symbol, String timeframe, String zone, boolean[] need)
      throws IOException {
    Json.next(p, JsonToken.START_ARRAY);
    List<Object[]> rows = new ArrayList<>();
    while (Json.nextElement(p, JsonToken.START_ARRAY)) {
      Object[] r = new Object[WIDTH];
      r[0] = symbol;
      r[1] = timeframe;
      r[2] = zone;
      for (int i = 0; i < FIELD_TYPES.length; i++) {
        if (p.nextToken() == JsonToken.END_ARRAY) {
          throw new IllegalStateException("a kline of " + i + " fields at " + p.currentLocation());
        }
        if (need[i]) {
          r[i + OPEN_TIME] = Json.value(p, FIELD_TYPES[i]);
        } else {
          p.skipChildren();
        }
      }
      // Skip the unused 12th field and anything Binance may add later.
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
      }
      rows.add(r);
    }
    Json.expect(p, JsonToken.END_ARRAY);
    return rows;
  }
}
