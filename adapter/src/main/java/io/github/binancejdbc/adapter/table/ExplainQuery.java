package io.github.binancejdbc.adapter.table;

import io.github.binancejdbc.adapter.rel.Constraint;
import io.github.binancejdbc.adapter.rel.ScanSpec;
import io.github.binancejdbc.adapter.rel.ValueRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link ScanSpec} read without executing it, for EXPLAIN: what {@link ScanQuery} resolves at
 * execution, with {@code ?} parameters and per-execution expressions kept as text ({@code ?0},
 * {@code {-(CURRENT_TIMESTAMP, ...)}}) instead of values. Literal values are exact, so a plan of
 * literals shows the very parameters the requests will carry.
 */
public final class ExplainQuery {
  /**
   * One value: {@code text} as a request would carry it ({@code BTCUSDT}, {@code 1704067200000},
   * {@code ?0}); {@code number} when it is a whole number known now.
   */
  public record Sym(String text, Long number) {
    static Sym of(long n) {
      return new Sym(Long.toString(n), n);
    }

    boolean known() {
      return number != null;
    }

    /** This value plus {@code delta}, symbolically when it is not known ({@code ?0+1}). */
    Sym plus(long delta) {
      if (delta == 0) {
        return this;
      }
      if (number != null) {
        return of(number + delta);
      }
      return new Sym(text + (delta > 0 ? "+" + delta : Long.toString(delta)), null);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private final TableDef def;
  private final ScanSpec spec;

  ExplainQuery(TableDef def, ScanSpec spec) {
    this.def = def;
    this.spec = spec;
  }

  TableDef def() {
    return def;
  }

  ScanSpec.Direction direction() {
    return spec.direction();
  }

  /**
   * The values of a key column, or {@code null} when it has no constraint. Several constraints on
   * one column are intersected when all are literals; otherwise the shortest list stands for them
   * (the count is then an upper bound: see {@link #exactPoints}).
   */
  List<Sym> points(String column) {
    int index = def.index(column);
    List<Sym> best = null;
    Set<String> literal = null;
    boolean allLiteral = true;
    for (Constraint c : spec.constraints()) {
      if (c.column() != index || !c.isPoints()) {
        continue;
      }
      List<Sym> values = new ArrayList<>();
      Set<String> texts = new LinkedHashSet<>();
      for (ValueRef r : c.points()) {
        Sym s = sym(r);
        values.add(s);
        texts.add(s.text());
        allLiteral &= r instanceof ValueRef.Literal;
      }
      if (literal == null) {
        literal = new TreeSet<>(texts);
      } else {
        literal.retainAll(texts);
      }
      if (best == null || values.size() < best.size()) {
        best = values;
      }
    }
    if (best == null) {
      return null;
    }
    if (allLiteral) {
      List<Sym> out = new ArrayList<>();
      for (String t : literal) {
        out.add(new Sym(t, null));
      }
      return out;
    }
    return best;
  }

  /**
   * How many outer rows a lookup join's batch binds {@code column} to (its values are the outer
   * rows' values, known per batch), or 0 when the column is not bound so.
   */
  int outerRows(String column) {
    int index = def.index(column);
    for (Constraint c : spec.constraints()) {
      if (c.column() == index
          && c.isPoints()
          && c.points().size() > 1
          && c.points().stream().allMatch(p -> p instanceof ValueRef.Correl)) {
        return c.points().size();
      }
    }
    return 0;
  }

  /** Whether {@link #points} of {@code column} is exact (only literals, or one constraint). */
  boolean exactPoints(String column) {
    int index = def.index(column);
    int lists = 0;
    boolean allLiteral = true;
    for (Constraint c : spec.constraints()) {
      if (c.column() == index && c.isPoints()) {
        lists++;
        for (ValueRef r : c.points()) {
          allLiteral &= r instanceof ValueRef.Literal;
        }
      }
    }
    return lists <= 1 || allLiteral;
  }

  /** How many values a key column has; {@code dflt} when it has no constraint. */
  int count(String column, int dflt) {
    List<Sym> p = points(column);
    return p == null ? dflt : p.size();
  }

  /** The single value of a key column, or {@code null} when it has none or several. */
  Sym single(String column) {
    List<Sym> p = points(column);
    return p != null && p.size() == 1 ? p.get(0) : null;
  }

  /** Inclusive lower bound of a range column (literals intersected), or {@code null}. */
  Sym lower(String column) {
    return bound(column, true);
  }

  /** Inclusive upper bound of a range column (literals intersected), or {@code null}. */
  Sym upper(String column) {
    return bound(column, false);
  }

  private Sym bound(String column, boolean lower) {
    int index = def.index(column);
    Sym known = null;
    Sym symbolic = null;
    for (Constraint c : spec.constraints()) {
      if (c.column() != index) {
        continue;
      }
      Sym s;
      if (c.isPoints()) {
        s = pointBound(c.points(), lower);
      } else {
        ValueRef r = lower ? c.lower() : c.upper();
        if (r == null) {
          continue;
        }
        boolean strict = lower ? c.lowerStrict() : c.upperStrict();
        s = inclusive(r, strict, lower);
      }
      if (s == null) {
        continue;
      }
      if (s.known()) {
        known =
            known == null
                ? s
                : lower
                    ? (s.number() > known.number() ? s : known)
                    : (s.number() < known.number() ? s : known);
      } else if (symbolic == null) {
        symbolic = s;
      }
    }
    return known != null ? known : symbolic;
  }

  /** The lowest (or highest) of a point list on a range column when all are numbers now. */
  private static Sym pointBound(List<ValueRef> points, boolean lower) {
    Long best = null;
    for (ValueRef r : points) {
      Sym s = sym(r);
      if (!s.known()) {
        return null;
      }
      best =
          best == null
              ? s.number()
              : lower ? Math.min(best, s.number()) : Math.max(best, s.number());
    }
    return best == null ? null : Sym.of(best);
  }

  /** The bound made inclusive, as {@link ScanQuery} does: {@code x > 2} is {@code x >= 3}. */
  private static Sym inclusive(ValueRef r, boolean strict, boolean lower) {
    if (r instanceof ValueRef.Literal l && number(l.value()) != null) {
      BigDecimal v = number(l.value());
      BigDecimal b =
          lower
              ? (strict
                  ? v.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)
                  : v.setScale(0, RoundingMode.CEILING))
              : (strict
                  ? v.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE)
                  : v.setScale(0, RoundingMode.FLOOR));
      try {
        return Sym.of(b.longValueExact());
      } catch (ArithmeticException e) {
        return new Sym(b.toPlainString(), null);
      }
    }
    Sym s = sym(r);
    return strict ? s.plus(lower ? 1 : -1) : s;
  }

  /** LIMIT plus OFFSET as the scan sees them, or {@code null} without a LIMIT. */
  Sym limit() {
    if (spec.fetch() == null) {
      return null;
    }
    Sym fetch = sym(spec.fetch());
    if (spec.offset() == null) {
      return fetch;
    }
    Sym offset = sym(spec.offset());
    if (fetch.known() && offset.known()) {
      return Sym.of(fetch.number() + offset.number());
    }
    return new Sym(fetch.text() + "+" + offset.text(), null);
  }

  /** The text a request carries for {@code r}. */
  static Sym sym(ValueRef r) {
    if (r instanceof ValueRef.Literal l) {
      BigDecimal n = number(l.value());
      if (n != null && n.stripTrailingZeros().scale() <= 0) {
        try {
          return Sym.of(n.longValueExact());
        } catch (ArithmeticException e) {
          // beyond a long: shown as written
        }
      }
      return new Sym(n != null ? n.toPlainString() : String.valueOf(l.value()), null);
    }
    if (r instanceof ValueRef.Param p) {
      return new Sym(p.toString(), null);
    }
    // An expression evaluated at each execution (CURRENT_TIMESTAMP - INTERVAL ...) and anything
    // else known only then: shown in braces, never evaluated here.
    return new Sym("{" + r + "}", null);
  }

  private static BigDecimal number(Object v) {
    if (v instanceof BigDecimal bd) {
      return bd;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    return null;
  }
}
