package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.rel.Constraint;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import io.github.binancejdbc.adapter.rel.ValueRef;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.DataContext;

/**
 * A {@link ScanSpec} resolved for one execution: dynamic parameters read, constraints on one column
 * intersected, range bounds made inclusive whole numbers. Tables read their request parameters from
 * it, and the enumerator checks every row against it, which is what makes pushed predicates exact.
 */
public final class ScanQuery {
  private final TableDef def;
  private final Map<Integer, Set<String>> points = new HashMap<>();
  private final Map<Integer, long[]> ranges = new HashMap<>();

  /** Point sets on range columns ({@code trade_id IN (...)}): the scan visits only these ids. */
  private final Map<Integer, NavigableSet<Long>> rangePoints = new HashMap<>();

  private final ScanSpec.Direction direction;
  private final long limit;
  private final Object root;
  private final int[] fields;
  private final BitSet needed;
  private boolean empty;

  /** Key columns whose values come from a lookup join's outer rows. */
  private final Set<Integer> outerColumns = new HashSet<>();

  private ScanQuery(
      TableDef def,
      ScanSpec.Direction direction,
      long limit,
      Object root,
      List<Integer> fields,
      List<Constraint> constraints) {
    // A lookup join's batches belong to one execution: they share its remembered responses.
    this.root =
        root instanceof io.github.binancejdbc.adapter.rel.OuterValues o ? o.statement() : root;
    if (fields == null) {
      this.fields = null;
      this.needed = null;
    } else {
      this.fields = fields.stream().mapToInt(Integer::intValue).toArray();
      this.needed = new BitSet();
      for (int f : this.fields) {
        needed.set(f);
      }
      for (Constraint c : constraints) {
        needed.set(c.column());
      }
    }
    this.def = def;
    this.direction = direction;
    this.limit = limit;
  }

  /** Resolves {@code spec} against the parameter values of this execution. */
  public static ScanQuery resolve(TableDef def, ScanSpec spec, DataContext root) {
    long limit = Long.MAX_VALUE;
    if (spec.fetch() != null) {
      long fetch = RangeBounds.toLong(spec.fetch().resolve(root), "LIMIT");
      long offset =
          spec.offset() == null ? 0 : RangeBounds.toLong(spec.offset().resolve(root), "OFFSET");
      limit = fetch + offset < 0 ? Long.MAX_VALUE : fetch + offset;
    }
    ScanQuery q =
        new ScanQuery(def, spec.direction(), limit, root, spec.fields(), spec.constraints());
    for (Constraint c : spec.constraints()) {
      if (c.isPoints() && def.column(c.column()).pushdown() == Pushdown.RANGE) {
        q.addRangePoints(c.column(), c.points(), root);
      } else if (c.isPoints()) {
        q.addPoints(c.column(), c.points(), root);
      } else {
        q.addRange(c, root);
      }
    }
    if (limit == 0) {
      q.empty = true;
    }
    return q;
  }

  private void addPoints(int column, List<ValueRef> refs, DataContext root) {
    if (refs.stream().anyMatch(r -> r instanceof ValueRef.Correl)) {
      outerColumns.add(column);
    }
    Set<String> values = new TreeSet<>();
    for (ValueRef r : refs) {
      Object v = r.resolve(root);
      if (v != null) {
        values.add(v.toString().strip());
      }
    }
    narrow(points, column, values);
  }

  /**
   * Records {@code values} as the points of {@code column} in {@code sets}, intersected with those
   * an earlier constraint gave; no value left means no row.
   */
  private <S extends Set<?>> void narrow(Map<Integer, S> sets, int column, S values) {
    S prior = sets.get(column);
    if (prior != null) {
      values.retainAll(prior);
    }
    sets.put(column, values);
    matcher = null;
    if (values.isEmpty()) {
      empty = true;
    }
  }

  /**
   * {@code id IN (...)} on a range column: the whole numbers among the values (an id is never 1.5),
   * intersected with earlier point sets, and their span as the range.
   */
  private void addRangePoints(int column, List<ValueRef> refs, DataContext root) {
    NavigableSet<Long> values = new TreeSet<>();
    for (ValueRef r : refs) {
      Long v = RangeBounds.point(r.resolve(root));
      if (v != null) {
        values.add(v);
      }
    }
    narrow(rangePoints, column, values);
    if (values.isEmpty()) {
      return;
    }
    intersect(column, values.first(), values.last());
  }

  private void addRange(Constraint c, DataContext root) {
    // A bound no BIGINT meets (null) empties the query.
    Long lo =
        c.lower() == null
            ? Long.valueOf(Long.MIN_VALUE)
            : RangeBounds.lower(c.lower().resolve(root), c.lowerStrict());
    Long hi =
        c.upper() == null
            ? Long.valueOf(Long.MAX_VALUE)
            : RangeBounds.upper(c.upper().resolve(root), c.upperStrict());
    if (lo == null || hi == null) {
      empty = true;
      return;
    }
    intersect(c.column(), lo, hi);
  }

  /** Narrows the range of {@code column} to {@code [lo, hi]}; an empty range empties the query. */
  private void intersect(int column, long lo, long hi) {
    long[] prior = ranges.get(column);
    if (prior != null) {
      lo = Math.max(lo, prior[0]);
      hi = Math.min(hi, prior[1]);
    }
    ranges.put(column, new long[] {lo, hi});
    matcher = null;
    if (lo > hi) {
      empty = true;
    }
  }

  /** The statement execution this query belongs to (its DataContext). */
  public Object root() {
    return root;
  }

  /** True when the predicates cannot match any row: the scan sends no request. */
  public boolean isEmpty() {
    return empty;
  }

  public ScanSpec.Direction direction() {
    return direction;
  }

  /** At most this many rows are wanted ({@code Long.MAX_VALUE} when there is no LIMIT). */
  public long limit() {
    return limit;
  }

  public boolean hasLimit() {
    return limit != Long.MAX_VALUE;
  }

  /**
   * The values of a required key column, sorted.
   *
   * @throws BinanceException (0A000) naming the column and an example when it has no value
   */
  public List<String> required(String column, String example) {
    Set<String> v = points.get(def.index(column));
    if (v == null) {
      throw missingKeys(column, example);
    }
    return symbols(column, v);
  }

  /**
   * Names every required key the query lacks at once, with one example WHERE clause: {@code klines
   * needs symbol and timeframe: WHERE symbol = 'BTCUSDT' AND timeframe = '1h'}.
   */
  private BinanceException missingKeys(String column, String example) {
    List<String> names = new ArrayList<>();
    List<String> clauses = new ArrayList<>();
    for (ColumnDef c : def.columns()) {
      if (c.pushdown() == Pushdown.KEY && points.get(def.index(c.name())) == null) {
        names.add(c.name());
        String value = c.name().equals(column) ? example : exampleOf(c);
        clauses.add(
            c.name() + " = " + (c.type() == ColumnType.VARCHAR ? "'" + value + "'" : value));
      }
    }
    if (names.isEmpty()) {
      names.add(column);
      clauses.add(column + " = '" + example + "'");
    }
    return BinanceException.unsupported(
        def.name()
            + " needs "
            + String.join(" and ", names)
            + ": WHERE "
            + String.join(" AND ", clauses));
  }

  private static String exampleOf(ColumnDef c) {
    return switch (c.name()) {
      case "symbol" -> "BTCUSDT";
      case "timeframe" -> "1h";
      default -> c.type() == ColumnType.VARCHAR ? "..." : "1";
    };
  }

  /**
   * Whether the values of key {@code column} come from the other side of a join rather than from
   * the query's text: one that names nothing the endpoint knows is then no row, not an error.
   */
  public boolean fromOuterRows(String column) {
    return outerColumns.contains(def.index(column));
  }

  /** The values of an optional key column, sorted, or {@code null} when it is not constrained. */
  public List<String> optional(String column) {
    Set<String> v = points.get(def.index(column));
    return v == null ? null : symbols(column, v);
  }

  /**
   * The values, checked when they are symbols: Binance's symbols are upper case, and a lower-case
   * one would be sent only to fail with -1100 (illegal characters).
   */
  private static List<String> symbols(String column, Set<String> values) {
    if (column.equals("symbol")) {
      for (String s : values) {
        String upper = s.toUpperCase(Locale.ROOT);
        if (!upper.equals(s)) {
          throw BinanceException.badValue(
              "Symbols are upper case: '" + s + "' matches no symbol; write '" + upper + "'");
        }
      }
    }
    return new ArrayList<>(values);
  }

  /** Inclusive lower bound of a range column, {@code Long.MIN_VALUE} when unbounded. */
  public long lower(String column) {
    long[] r = ranges.get(def.index(column));
    return r == null ? Long.MIN_VALUE : r[0];
  }

  /** Inclusive upper bound of a range column, {@code Long.MAX_VALUE} when unbounded. */
  public long upper(String column) {
    long[] r = ranges.get(def.index(column));
    return r == null ? Long.MAX_VALUE : r[1];
  }

  public boolean hasLower(String column) {
    return lower(column) != Long.MIN_VALUE;
  }

  public boolean hasUpper(String column) {
    return upper(column) != Long.MAX_VALUE;
  }

  /**
   * The smallest wanted value of a range column at or after {@code from}: {@code from} itself when
   * the column has no point set, else the next point; {@code null} when none is left or {@code
   * from} is past the upper bound.
   */
  public Long nextWanted(String column, long from) {
    long lo = Math.max(from, lower(column));
    if (lo > upper(column)) {
      return null;
    }
    NavigableSet<Long> p = rangePoints.get(def.index(column));
    return p == null ? Long.valueOf(lo) : p.ceiling(lo);
  }

  /** The largest wanted value at or before {@code from}, as {@link #nextWanted} backwards. */
  public Long previousWanted(String column, long from) {
    long hi = Math.min(from, upper(column));
    if (hi < lower(column)) {
      return null;
    }
    NavigableSet<Long> p = rangePoints.get(def.index(column));
    return p == null ? Long.valueOf(hi) : p.floor(hi);
  }

  /**
   * The largest wanted value of a range column in {@code [from, from + span)}: with a point set,
   * the last point a page of {@code span} rows from {@code from} reaches, so a page asks for no
   * more rows than that (a point lookup is one row); without one, {@code from + span - 1}.
   */
  public long lastWantedWithin(String column, long from, int span) {
    long end = from + span - 1 < from ? Long.MAX_VALUE : from + span - 1;
    end = Math.min(end, upper(column));
    NavigableSet<Long> p = rangePoints.get(def.index(column));
    if (p == null) {
      return end;
    }
    Long last = p.floor(end);
    return last == null || last < from ? from : last;
  }

  /** Whether a range column is limited to a set of values ({@code IN}). */
  public boolean hasPoints(String column) {
    return rangePoints.containsKey(def.index(column));
  }

  /**
   * Whether a table reader must fill column {@code column}: the query returns it or a pushed
   * constraint checks it. Readers skip the other fields without building values.
   */
  public boolean needs(int column) {
    return needed == null || needed.get(column);
  }

  /** Identifies which columns are read, for caching parsed pages per projection. */
  String neededKey() {
    return needed == null ? "*" : needed.toString();
  }

  /** The row as the scan returns it: the projected columns only, in their order. */
  Object[] project(Object[] row) {
    if (fields == null) {
      return row;
    }
    Object[] out = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      out[i] = row[fields[i]];
    }
    return out;
  }

  /** The per-row test of the constraints; rebuilt after a constraint changes. */
  private RowMatcher matcher;

  /** Whether a row satisfies every pushed constraint. */
  public boolean matches(Object[] row) {
    RowMatcher m = matcher;
    if (m == null) {
      matcher = m = new RowMatcher(points, ranges, rangePoints);
    }
    return m.matches(row);
  }
}
