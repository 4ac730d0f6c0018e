package io.github.binancejdbc.jdbc;

import io.github.binancejdbc.fixture.FixtureData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.StringJoiner;

/**
 * A seeded generator of random queries over {@code klines}, {@code trades} and {@code agg_trades}
 * that H2 and the driver both accept (in the spirit of Trino's query generators and SQLancer's
 * differential oracle): range bounds on page boundaries (the 1000th bar, the 1000th id) and on bar
 * and trade boundaries (exactly on, one millisecond before or after), id bounds with a fraction, IN
 * lists, ORDER BY with LIMIT and OFFSET, aggregates, window frames, joins, sub-queries and set
 * operations. The same seed gives the same queries on any JVM.
 *
 * <p>Each query also lists the scans it makes ({@link Scan}): the request budget of the query is
 * computed from the rows those scans match (see {@link RandomDifferentialTest}), so a scan that
 * pages from the beginning of history fails even when its answer is right.
 */
final class RandomQueries {
  /** One table read: the table and the WHERE the driver can push into its requests. */
  /**
   * @param points the values of an IN list on the id (each may cost a request)
   * @param lowestId the lowest id written in the query (a bound or an IN value), or null
   * @param bounded whether the scan has a lower bound (id, IN list or time): then it must not start
   *     from the beginning of history
   */
  record Scan(String table, String where, int points, Long lowestId, boolean bounded) {
    Scan(String table, String where) {
      this(table, where, 0, null, false);
    }

    /** The id column of a trades table, or null. */
    String idColumn() {
      return switch (table) {
        case "trades" -> "trade_id";
        case "agg_trades" -> "agg_trade_id";
        default -> null;
      };
    }
  }

  /**
   * A generated query.
   *
   * @param ordered whether the ORDER BY is total (compare in order), else compare as multisets
   * @param tolerance allowed numeric difference (AVG: H2 keeps more digits), or null
   * @param refusal the SQLState the driver may answer instead (a documented refusal), or null
   */
  record Query(
      String name,
      String sql,
      boolean ordered,
      BigDecimal tolerance,
      List<Scan> scans,
      String refusal) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);
  private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "ETHBTC");
  private static final List<String> TIMEFRAMES = List.of("1m", "1h", "1d");
  private static final List<String> KLINE_NUMBERS =
      List.of("open_price", "high_price", "low_price", "close_price", "volume", "quote_volume");
  private static final BigDecimal AVG_TOLERANCE = new BigDecimal("0.00000001");

  private final FixtureData data;
  private final Random r;
  private final long seed;
  private int index;
  private List<Scan> scans;

  private RandomQueries(FixtureData data, long seed) {
    this.data = data;
    this.seed = seed;
    this.r = new Random(seed);
  }

  /** {@code count} queries from {@code seed}. */
  static List<Query> generate(FixtureData data, long seed, int count) {
    RandomQueries g = new RandomQueries(data, seed);
    List<Query> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(g.next());
    }
    return out;
  }

  private Query next() {
    index++;
    scans = new ArrayList<>();
    int shape = r.nextInt(100);
    if (shape < 22) {
      return klineScan();
    } else if (shape < 38) {
      return tradeScan(r.nextBoolean());
    } else if (shape < 50) {
      return aggregate();
    } else if (shape < 64) {
      return window();
    } else if (shape < 76) {
      return join();
    } else if (shape < 88) {
      return subQuery();
    }
    return setOperation();
  }

  private Query query(
      String kind, String sql, boolean ordered, BigDecimal tolerance, String refusal) {
    String name = String.format(Locale.ROOT, "#%d (seed %d) %s", index, seed, kind);
    return new Query(name, sql, ordered, tolerance, List.copyOf(scans), refusal);
  }

  // ------------------------------------------------------------------------------ klines

  /** A klines filter: keys and one or two bounds on open_time or close_time. */
  private record KlineFilter(String symbol, String timeframe, String where) {}

  private KlineFilter klineFilter(String alias, String symbol, String timeframe) {
    List<FixtureData.Kline> bars = data.klines(symbol, timeframe);
    String p = alias.isEmpty() ? "" : alias + ".";
    StringBuilder w =
        new StringBuilder(
            p + "symbol = '" + symbol + "' AND " + p + "timeframe = '" + timeframe + "'");
    int bounds = r.nextInt(4) == 0 ? 1 : 2;
    // Keep result sizes moderate: a window of at most ~2500 bars.
    int a = barIndex(bars.size());
    int b = Math.min(bars.size() + 1, a + 1 + r.nextInt(Math.min(2500, bars.size())));
    if (bounds == 1 && bars.size() > 1500) {
      a = Math.max(a, bars.size() - 1500);
    }
    String col = r.nextInt(4) == 0 ? "close_time" : "open_time";
    long step = bars.size() > 1 ? bars.get(1).openTime() - bars.get(0).openTime() : 1;
    long lo = barTime(bars, a, step, col) + delta();
    long hi = barTime(bars, b, step, col) + delta();
    if (bounds == 1) {
      w.append(" AND ").append(p).append(col).append(pick(" >= ", " > ")).append(ts(lo));
    } else if (r.nextInt(5) == 0) {
      w.append(" AND ")
          .append(p)
          .append(col)
          .append(" BETWEEN ")
          .append(ts(lo))
          .append(" AND ")
          .append(ts(hi));
    } else {
      w.append(" AND ").append(p).append(col).append(pick(" >= ", " > ")).append(ts(lo));
      String other =
          r.nextInt(5) == 0 ? (col.equals("open_time") ? "close_time" : "open_time") : col;
      w.append(" AND ").append(p).append(other).append(pick(" < ", " <= ")).append(ts(hi));
    }
    scans.add(new Scan("klines", w.toString().replace(p, "")));
    return new KlineFilter(symbol, timeframe, w.toString());
  }

  /**
   * A bar or trade index near the interesting places: the first, on and next to the page boundaries
   * (the 1000th and 2000th), the last, or anywhere.
   */
  private int barIndex(int size) {
    return switch (r.nextInt(6)) {
      case 0 -> 0;
      case 1 -> Math.min(size - 1, 999 + r.nextInt(3) - 1);
      case 2 -> Math.min(size - 1, 1999 + r.nextInt(3) - 1);
      case 3 -> Math.max(0, size - 1 - r.nextInt(3));
      default -> r.nextInt(size);
    };
  }

  private static long barTime(List<FixtureData.Kline> bars, int i, long step, String col) {
    long open =
        i < bars.size()
            ? bars.get(i).openTime()
            : bars.get(bars.size() - 1).openTime() + step * (i - bars.size() + 1);
    return col.equals("close_time") ? open + step - 1 : open;
  }

  /** Exactly on a bar boundary, a millisecond either side, or 30 seconds into the bar. */
  private long delta() {
    return switch (r.nextInt(5)) {
      case 0 -> 1;
      case 1 -> -1;
      case 2 -> 30_000;
      default -> 0;
    };
  }

  private Query klineScan() {
    String symbol = pick(SYMBOLS);
    String tf = pick(TIMEFRAMES);
    KlineFilter f = klineFilter("", symbol, tf);
    String cols = "open_time, " + pick(KLINE_NUMBERS) + ", close_time, trade_count";
    int order = r.nextInt(3);
    String sql = "SELECT " + cols + " FROM klines WHERE " + f.where();
    if (order == 0) {
      return query("klines scan", sql, false, null, null);
    }
    sql += " ORDER BY open_time" + (order == 2 ? " DESC" : "");
    if (r.nextBoolean()) {
      sql +=
          " LIMIT "
              + pick(1, 5, 999, 1000, 1001)
              + (r.nextInt(3) == 0 ? " OFFSET " + pick(1, 10, 999) : "");
    }
    return query("klines ordered scan", sql, true, null, null);
  }

  // ------------------------------------------------------------------------------ trades

  /** A trades or agg_trades filter: the symbol, then id and/or time bounds, or an IN list. */
  private String tradeFilter(boolean agg, String alias, String symbol) {
    String p = alias.isEmpty() ? "" : alias + ".";
    String idCol = agg ? "agg_trade_id" : "trade_id";
    List<long[]> rows = new ArrayList<>();
    if (agg) {
      for (FixtureData.AggTrade a : data.aggTrades(symbol)) {
        rows.add(new long[] {a.id(), a.time()});
      }
    } else {
      for (FixtureData.Trade t : data.trades(symbol)) {
        rows.add(new long[] {t.id(), t.time()});
      }
    }
    StringBuilder w = new StringBuilder(p + "symbol = '" + symbol + "'");
    int kind = r.nextInt(10);
    int points = 0;
    Long lowest = null;
    boolean bounded = false;
    if (kind == 0) {
      // An IN list, some of it long gone or not yet traded.
      StringJoiner in = new StringJoiner(", ", "(", ")");
      int n = 1 + r.nextInt(r.nextBoolean() ? 5 : 300);
      for (int i = 0; i < n; i++) {
        int k = r.nextInt(rows.size() + 20) - 10;
        long id =
            k < 0
                ? rows.get(0)[0] + k
                : k >= rows.size()
                    ? rows.get(rows.size() - 1)[0] + k - rows.size() + 1
                    : rows.get(k)[0];
        in.add(String.valueOf(id));
        lowest = lowest == null ? id : Math.min(lowest, id);
      }
      points = n;
      bounded = true;
      w.append(" AND ").append(p).append(idCol).append(" IN ").append(in);
    } else {
      int a = barIndex(rows.size());
      int b = Math.min(rows.size() + 2, a + 1 + r.nextInt(rows.size()));
      boolean ids = kind < 5 || kind == 9;
      boolean times = kind >= 5;
      if (ids) {
        String low = idValue(rows, a);
        lowest = new BigDecimal(low).min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
        bounded = true;
        w.append(" AND ").append(p).append(idCol).append(pick(" >= ", " > ")).append(low);
        if (r.nextInt(3) > 0) {
          w.append(" AND ")
              .append(p)
              .append(idCol)
              .append(pick(" < ", " <= "))
              .append(idValue(rows, b));
        }
      }
      if (times) {
        int c = ids ? barIndex(rows.size()) : a;
        int d = Math.min(rows.size() - 1, c + r.nextInt(rows.size()));
        long lo = rows.get(Math.min(c, rows.size() - 1))[1] + r.nextInt(3) - 1;
        long hi = rows.get(d)[1] + r.nextInt(3) - 1;
        if (r.nextInt(4) > 0) {
          w.append(" AND ")
              .append(p)
              .append("trade_time")
              .append(pick(" >= ", " > "))
              .append(ts(lo));
          bounded = true;
        }
        w.append(" AND ").append(p).append("trade_time").append(pick(" <= ", " < ")).append(ts(hi));
      }
    }
    scans.add(
        new Scan(
            agg ? "agg_trades" : "trades", w.toString().replace(p, ""), points, lowest, bounded));
    return w.toString();
  }

  /**
   * An id at index i (past the end: ids not traded yet), sometimes with a fraction, rarely one no
   * BIGINT can hold.
   */
  private String idValue(List<long[]> rows, int i) {
    if (r.nextInt(60) == 0) {
      return "9223372036854775808";
    }
    long id = i < rows.size() ? rows.get(i)[0] : rows.get(rows.size() - 1)[0] + i - rows.size() + 1;
    return r.nextInt(6) == 0 ? id + ".5" : String.valueOf(id);
  }

  private Query tradeScan(boolean agg) {
    String symbol = pick(SYMBOLS);
    String table = agg ? "agg_trades" : "trades";
    String idCol = agg ? "agg_trade_id" : "trade_id";
    String where = tradeFilter(agg, "", symbol);
    String cols = idCol + ", price, qty, trade_time" + (agg ? ", first_trade_id" : ", quote_qty");
    String sql = "SELECT " + cols + " FROM " + table + " WHERE " + where;
    int order = r.nextInt(3);
    if (order == 0) {
      return query(table + " scan", sql, false, null, null);
    }
    sql += " ORDER BY " + idCol + (order == 2 ? " DESC" : "");
    if (r.nextBoolean()) {
      sql +=
          " LIMIT "
              + pick(1, 3, 500, 1000, 1001)
              + (r.nextInt(4) == 0 ? " OFFSET " + pick(1, 999) : "");
    }
    return query(table + " ordered scan", sql, true, null, null);
  }

  // ------------------------------------------------------------------------------ composites

  private Query aggregate() {
    if (r.nextBoolean()) {
      // Large sums (a day's quote volume) need more than 16 digits for an exact average.
      String col = r.nextBoolean() ? "quote_volume" : pick(KLINE_NUMBERS);
      String tf = pick(TIMEFRAMES);
      boolean grouped = r.nextBoolean();
      String s1 = pick(SYMBOLS);
      KlineFilter f = klineFilter("", s1, tf);
      String where = f.where();
      if (grouped) {
        String s2 = pick(SYMBOLS);
        where = where.replace("symbol = '" + s1 + "'", "symbol IN ('" + s1 + "', '" + s2 + "')");
        scans.add(new Scan("klines", where));
        scans.remove(0);
      }
      String sql =
          "SELECT "
              + (grouped ? "symbol, " : "")
              + "COUNT(*), SUM("
              + col
              + "), MIN("
              + col
              + "), MAX("
              + col
              + "), AVG("
              + col
              + "), MAX(open_time) FROM klines WHERE "
              + where
              + (grouped ? " GROUP BY symbol" : "");
      return query("klines aggregate", sql, false, AVG_TOLERANCE, null);
    }
    boolean agg = r.nextBoolean();
    String where = tradeFilter(agg, "", pick(SYMBOLS));
    String sql =
        "SELECT COUNT(*), SUM(qty), MIN(price), MAX(price), AVG(price), MIN(trade_time)"
            + " FROM "
            + (agg ? "agg_trades" : "trades")
            + " WHERE "
            + where;
    return query("trades aggregate", sql, false, AVG_TOLERANCE, null);
  }

  private Query window() {
    String tf = pick(List.of("1m", "1h"));
    KlineFilter f = klineFilter("", pick(SYMBOLS), tf);
    String col = pick(KLINE_NUMBERS);
    boolean desc = r.nextInt(3) == 0;
    String dir = desc ? " DESC" : "";
    String unit = tf.equals("1m") ? "MINUTE" : "HOUR";
    String refusal = null;
    String w;
    switch (r.nextInt(8)) {
      case 0 -> w = "ROW_NUMBER() OVER (ORDER BY open_time" + dir + ")";
      case 6, 7 -> {
        w =
            pick("SUM(" + col + ")", "COUNT(*)")
                + " OVER (ORDER BY open_time"
                + dir
                + " RANGE BETWEEN INTERVAL '"
                + (1 + r.nextInt(3))
                + "' "
                + unit
                + " PRECEDING AND"
                + " INTERVAL '1' "
                + unit
                + " FOLLOWING)";
        refusal = desc ? "0A000" : null;
      }
      case 1 ->
          w =
              "SUM("
                  + col
                  + ") OVER (ORDER BY open_time"
                  + dir
                  + " ROWS BETWEEN "
                  + r.nextInt(5)
                  + " PRECEDING AND CURRENT ROW)";
      case 2 -> {
        w =
            "COUNT(*) OVER (ORDER BY open_time"
                + dir
                + " RANGE BETWEEN INTERVAL '"
                + (1 + r.nextInt(3))
                + "' "
                + unit
                + " PRECEDING AND CURRENT ROW)";
        refusal = desc ? "0A000" : null;
      }
      case 3 ->
          w = "LAG(" + col + ", " + (1 + r.nextInt(3)) + ") OVER (ORDER BY open_time" + dir + ")";
      case 4 ->
          w =
              "MAX("
                  + col
                  + ") OVER (ORDER BY open_time"
                  + dir
                  + " ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING)";
      default ->
          w =
              "SUM("
                  + col
                  + ") OVER (ORDER BY open_time"
                  + dir
                  + " RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
    }
    String sql =
        "SELECT open_time, "
            + col
            + ", "
            + w
            + " FROM klines WHERE "
            + f.where()
            + " ORDER BY open_time";
    return query("window", sql, true, null, refusal);
  }

  private Query join() {
    if (r.nextInt(3) > 0) {
      String tf = pick(TIMEFRAMES);
      String s1 = pick(SYMBOLS);
      String s2 = pick(SYMBOLS);
      KlineFilter a = klineFilter("a", s1, tf);
      // The other side has keys only: the join carries a's time bounds to it.
      String bWhere = "b.symbol = '" + s2 + "' AND b.timeframe = '" + tf + "'";
      scans.add(
          new Scan(
              "klines",
              a.where()
                  .replace("a.", "")
                  .replace("symbol = '" + s1 + "'", "symbol = '" + s2 + "'")));
      String col = pick(KLINE_NUMBERS);
      String sql =
          "SELECT a.open_time, a."
              + col
              + ", b."
              + col
              + " FROM klines a JOIN klines b"
              + " ON a.open_time = b.open_time WHERE "
              + a.where()
              + " AND "
              + bWhere;
      return query("klines self-join", sql, false, null, null);
    }
    String symbol = pick(SYMBOLS);
    String where = tradeFilter(false, "t", symbol);
    // Trades of an aggregate: agg_trades is read over the time the trades span.
    scans.add(new Scan("agg_trades", "symbol = '" + symbol + "'"));
    String sql =
        "SELECT t.trade_id, t.price, a.agg_trade_id FROM trades t JOIN agg_trades a"
            + " ON t.trade_id BETWEEN a.first_trade_id AND a.last_trade_id AND t.symbol = a.symbol"
            + " WHERE "
            + where
            + " AND a.symbol = '"
            + symbol
            + "'";
    return query("trades-agg_trades join", sql, false, null, null);
  }

  private Query subQuery() {
    switch (r.nextInt(3)) {
      case 0 -> {
        String tf = pick(TIMEFRAMES);
        KlineFilter outer = klineFilter("", pick(SYMBOLS), tf);
        KlineFilter inner = klineFilter("", pick(SYMBOLS), tf);
        String sql =
            "SELECT open_time, close_price FROM klines WHERE "
                + outer.where()
                + " AND open_time "
                + (r.nextInt(4) == 0 ? "NOT IN" : "IN")
                + " (SELECT open_time FROM klines WHERE "
                + inner.where()
                + ")";
        return query("IN sub-query", sql, false, null, null);
      }
      case 1 -> {
        String symbol = pick(SYMBOLS);
        String outer = tradeFilter(false, "", symbol);
        String inner = tradeFilter(false, "", symbol);
        String sql =
            "SELECT COUNT(*) FROM trades WHERE "
                + outer
                + " AND trade_id IN (SELECT"
                + " trade_id FROM trades WHERE "
                + inner
                + ")";
        return query("trade_id IN sub-query", sql, false, null, null);
      }
      default -> {
        String tf = pick(TIMEFRAMES);
        KlineFilter outer = klineFilter("", pick(SYMBOLS), tf);
        KlineFilter inner = klineFilter("", outer.symbol(), tf);
        String sql =
            "SELECT open_time, close_price FROM klines WHERE "
                + outer.where()
                + " AND close_price > (SELECT MIN(close_price) FROM klines WHERE "
                + inner.where()
                + ")";
        return query("scalar sub-query", sql, false, null, null);
      }
    }
  }

  private Query setOperation() {
    String op = pick(List.of("UNION", "UNION ALL", "INTERSECT", "EXCEPT"));
    if (r.nextBoolean()) {
      String tf = pick(TIMEFRAMES);
      String symbol = pick(SYMBOLS);
      KlineFilter a = klineFilter("", symbol, tf);
      KlineFilter b = klineFilter("", r.nextInt(3) == 0 ? pick(SYMBOLS) : symbol, tf);
      String sql =
          "SELECT open_time, close_price FROM klines WHERE "
              + a.where()
              + " "
              + op
              + " SELECT open_time, close_price FROM klines WHERE "
              + b.where();
      return query("klines " + op, sql, false, null, null);
    }
    boolean agg = r.nextBoolean();
    String table = agg ? "agg_trades" : "trades";
    String idCol = agg ? "agg_trade_id" : "trade_id";
    String symbol = pick(SYMBOLS);
    String a = tradeFilter(agg, "", symbol);
    String b = tradeFilter(agg, "", symbol);
    String sql =
        "SELECT "
            + idCol
            + ", price FROM "
            + table
            + " WHERE "
            + a
            + " "
            + op
            + " SELECT "
            + idCol
            + ", price FROM "
            + table
            + " WHERE "
            + b;
    return query(table + " " + op, sql, false, null, null);
  }

  // ------------------------------------------------------------------------------ helpers

  /** A timestamp literal, or now and then the ISO string form ('2024-01-01T00:00:00.000'). */
  private String ts(long millis) {
    String text = TS.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    return r.nextInt(8) == 0 ? "'" + text.replace(' ', 'T') + "'" : "TIMESTAMP '" + text + "'";
  }

  private String pick(String a, String b) {
    return r.nextBoolean() ? a : b;
  }

  private int pick(int... values) {
    return values[r.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(r.nextInt(values.size()));
  }
}
