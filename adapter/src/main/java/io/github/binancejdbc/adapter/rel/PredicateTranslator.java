package io.github.binancejdbc.adapter.rel;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import io.github.binancejdbc.adapter.table.ColumnDef;
import io.github.binancejdbc.adapter.table.ColumnType;
import io.github.binancejdbc.adapter.table.Pushdown;
import io.github.binancejdbc.adapter.table.TableDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSimplify;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;

/**
 * Turns a WHERE condition into {@link Constraint}s the scan can push into request parameters, and
 * the residual condition Calcite must still apply.
 *
 * <p>A conjunct is <em>exact</em> when the scan enforces it completely: the request narrows the
 * rows and the scan re-checks every row against the resolved constraints, so inclusive/exclusive
 * bounds cannot change a result. Exact conjuncts are removed from the residual; an inexact one (the
 * span of several ranges, say) is pushed to narrow the requests and also kept in the residual.
 */
public final class PredicateTranslator {
  private PredicateTranslator() {}

  /**
   * The outcome: pushed constraints and the residual condition ({@code null} when none is left).
   */
  public record Result(List<Constraint> constraints, RexNode residual) {}

  private record Translation(Constraint constraint, boolean exact) {}

  public static Result translate(RexNode condition, TableDef def, RexBuilder rexBuilder) {
    // The rule can fire before Calcite folds CAST(literal): simplify first, so that
    // ts >= TIMESTAMP '2024-01-01 00:00:00' (a TIMESTAMP(0) literal cast to TIMESTAMP(3)) and
    // BETWEEN arrive as plain literals or a SEARCH.
    condition =
        new RexSimplify(rexBuilder, RelOptPredicateList.EMPTY, RexUtil.EXECUTOR)
            .simplifyUnknownAsFalse(condition);
    List<Constraint> constraints = new ArrayList<>();
    List<RexNode> residual = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      Translation t = translateConjunct(conjunct, def);
      if (t == null) {
        residual.add(conjunct);
        continue;
      }
      constraints.add(t.constraint());
      if (!t.exact()) {
        residual.add(conjunct);
      }
    }
    RexNode rest = residual.isEmpty() ? null : RexUtil.composeConjunction(rexBuilder, residual);
    return new Result(constraints, rest);
  }

  private static Translation translateConjunct(RexNode node, TableDef def) {
    switch (node.getKind()) {
      case SEARCH:
        return translateSearch((RexCall) node, def);
      case EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return translateComparison((RexCall) node, def);
      case OR:
        return translateOrOfEqualities(node, def);
      default:
        return null;
    }
  }

  /**
   * {@code SEARCH($i, Sarg[...])}: IN lists, BETWEEN, ranges and NOT IN all arrive in this form.
   */
  private static Translation translateSearch(RexCall call, TableDef def) {
    int col = columnIndex(call.getOperands().get(0));
    if (col < 0 || !(call.getOperands().get(1) instanceof RexLiteral lit)) {
      return null;
    }
    ColumnDef c = def.column(col);
    Sarg<?> sarg = lit.getValueAs(Sarg.class);
    if (sarg == null || sarg.nullAs == RexUnknownAs.TRUE) {
      return null;
    }
    if (c.pushdown().takesPoints()) {
      if (!sarg.isPoints()) {
        return null;
      }
      List<ValueRef> points = new ArrayList<>();
      for (Range<?> r : sarg.rangeSet.asRanges()) {
        Object v = literalValue(r.lowerEndpoint(), c.type());
        if (v == null) {
          return null;
        }
        points.add(new ValueRef.Literal(v));
      }
      return new Translation(Constraint.points(col, points), true);
    }
    if (c.pushdown() == Pushdown.RANGE) {
      Set<? extends Range<?>> ranges = sarg.rangeSet.asRanges();
      if (ranges.isEmpty()) {
        return null;
      }
      if (sarg.isPoints() && ranges.size() > 1 && c.type() != ColumnType.TIMESTAMP) {
        // id IN (...): the scan looks up these ids (point or small-range requests) instead of
        // paging through the whole span between the smallest and the largest.
        List<ValueRef> points = new ArrayList<>();
        for (Range<?> r : ranges) {
          ValueRef v = literal(r.lowerEndpoint(), c.type());
          if (v == null) {
            return null;
          }
          points.add(v);
        }
        return new Translation(Constraint.points(col, points), true);
      }
      Range<?> span = sarg.rangeSet.span();
      ValueRef lower = span.hasLowerBound() ? literal(span.lowerEndpoint(), c.type()) : null;
      ValueRef upper = span.hasUpperBound() ? literal(span.upperEndpoint(), c.type()) : null;
      if ((lower == null && span.hasLowerBound())
          || (upper == null && span.hasUpperBound())
          || (lower == null && upper == null)) {
        return null;
      }
      boolean lowerStrict = span.hasLowerBound() && span.lowerBoundType() == BoundType.OPEN;
      boolean upperStrict = span.hasUpperBound() && span.upperBoundType() == BoundType.OPEN;
      // One range is enforced exactly by the scan; the span of several is only a narrowing.
      return new Translation(
          Constraint.range(col, lower, lowerStrict, upper, upperStrict), ranges.size() == 1);
    }
    return null;
  }

  /** {@code $i op value} or {@code value op $i}, where value is a literal or a {@code ?}. */
  private static Translation translateComparison(RexCall call, TableDef def) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    int col = columnIndex(left);
    RexNode value = right;
    if (col < 0) {
      col = columnIndex(right);
      value = left;
      kind = kind.reverse();
    }
    if (col < 0) {
      return null;
    }
    ColumnDef c = def.column(col);
    ValueRef ref = valueRef(value, c.type());
    if (ref == null) {
      return null;
    }
    if (c.pushdown().takesPoints()) {
      return kind == SqlKind.EQUALS
          ? new Translation(Constraint.points(col, List.of(ref)), true)
          : null;
    }
    if (c.pushdown() != Pushdown.RANGE) {
      return null;
    }
    Constraint range =
        switch (kind) {
          case EQUALS -> Constraint.range(col, ref, false, ref, false);
          case LESS_THAN -> Constraint.range(col, null, false, ref, true);
          case LESS_THAN_OR_EQUAL -> Constraint.range(col, null, false, ref, false);
          case GREATER_THAN -> Constraint.range(col, ref, true, null, false);
          case GREATER_THAN_OR_EQUAL -> Constraint.range(col, ref, false, null, false);
          default -> null;
        };
    return range == null ? null : new Translation(range, true);
  }

  /** {@code symbol = ? OR symbol = ?}: literal ORs are already folded into a SEARCH. */
  private static Translation translateOrOfEqualities(RexNode node, TableDef def) {
    int col = -1;
    List<ValueRef> points = new ArrayList<>();
    for (RexNode d : RelOptUtil.disjunctions(node)) {
      if (d.getKind() != SqlKind.EQUALS) {
        return null;
      }
      Translation t = translateComparison((RexCall) d, def);
      if (t == null || !t.constraint().isPoints()) {
        return null;
      }
      if (col >= 0 && col != t.constraint().column()) {
        return null;
      }
      col = t.constraint().column();
      points.addAll(t.constraint().points());
    }
    return col < 0 ? null : new Translation(Constraint.points(col, points), true);
  }

  /**
   * The column a side of a comparison reads, or -1. A lossless cast of a whole-number column is the
   * column itself ({@code trade_id > 17089900.5} compares {@code CAST(trade_id AS DECIMAL)}): the
   * scan rounds the bound to the whole numbers it admits.
   */
  private static int columnIndex(RexNode node) {
    if (node.getKind() == SqlKind.CAST
        && ((RexCall) node).getOperands().get(0) instanceof RexInputRef ref
        && SqlTypeName.INT_TYPES.contains(ref.getType().getSqlTypeName())
        && SqlTypeUtil.isExactNumeric(node.getType())
        && RexUtil.isLosslessCast(node)) {
      return ref.getIndex();
    }
    return node instanceof RexInputRef ref ? ref.getIndex() : -1;
  }

  private static ValueRef valueRef(RexNode node, ColumnType type) {
    // A cast of a literal to the column's type keeps its value (a wider timestamp precision, a
    // string read as a timestamp).
    while (node.getKind() == SqlKind.CAST
        && ((RexCall) node).getOperands().get(0) instanceof RexLiteral) {
      node = ((RexCall) node).getOperands().get(0);
    }
    if (node instanceof RexDynamicParam p) {
      return new ValueRef.Param(p.getIndex());
    }
    if (node instanceof RexCall && isRowIndependent(node) && type.isIntegral()) {
      return new ValueRef.Expr(node, type);
    }
    if (node instanceof RexLiteral lit) {
      // The raw value (NlsString, TimestampString, BigDecimal); getValue() would give a Calendar.
      Object v = literalValue(lit.getValueAs(Comparable.class), type);
      return v == null ? null : new ValueRef.Literal(v);
    }
    return null;
  }

  /** No column, no parameter, no sub-query: the value is the same for every row. */
  private static boolean isRowIndependent(RexNode node) {
    return !RexUtil.containsInputRef(node)
        && !RexUtil.containsFieldAccess(node)
        && RexUtil.findOperatorCall(
                org.apache.calcite.sql.fun.SqlStdOperatorTable.CURRENT_VALUE, node)
            == null
        && !node.accept(
            new org.apache.calcite.rex.RexVisitorImpl<Boolean>(true) {
              @Override
              public Boolean visitDynamicParam(RexDynamicParam p) {
                return true;
              }

              @Override
              public Boolean visitSubQuery(org.apache.calcite.rex.RexSubQuery s) {
                return true;
              }

              @Override
              public Boolean visitCall(RexCall call) {
                for (RexNode o : call.getOperands()) {
                  Boolean r = o.accept(this);
                  if (Boolean.TRUE.equals(r)) {
                    return true;
                  }
                }
                return false;
              }

              @Override
              public Boolean visitLiteral(RexLiteral literal) {
                return false;
              }
            });
  }

  /** {@link #literalValue} as a literal reference, or {@code null} when it does not fit. */
  private static ValueRef literal(Object v, ColumnType type) {
    Object value = literalValue(v, type);
    return value == null ? null : new ValueRef.Literal(value);
  }

  /**
   * The Java form of a literal for a column of {@code type}: String for keys (trailing blanks that
   * CHAR padding adds are removed; no symbol ends in a blank), epoch millis for times, BigDecimal
   * for numbers; {@code null} when the literal does not fit the column.
   */
  static Object literalValue(Object v, ColumnType type) {
    if (v == null) {
      return null;
    }
    switch (type) {
      case VARCHAR:
        if (v instanceof NlsString s) {
          return stripTrailingBlanks(s.getValue());
        }
        return v instanceof String s ? stripTrailingBlanks(s) : null;
      case TIMESTAMP:
        if (v instanceof TimestampString ts) {
          return ts.getMillisSinceEpoch();
        }
        if (v instanceof DateString ds) {
          return ds.getMillisSinceEpoch();
        }
        if (v instanceof NlsString s) {
          Long millis = parseTimestamp(s.getValue().strip());
          if (millis == null) {
            // Calcite would fail on it too, or fold the comparison to "no rows": say so instead.
            throw new BinanceException(
                SqlState.INVALID_DATETIME_FORMAT,
                0,
                "'"
                    + s.getValue()
                    + "' is not a timestamp: write it as TIMESTAMP"
                    + " '2024-01-01 00:00:00' (or '2024-01-01')",
                null);
          }
          return millis;
        }
        return v instanceof Long l ? l : null;
      case BIGINT:
      case INTEGER:
        if (v instanceof BigDecimal bd) {
          return bd;
        }
        return v instanceof Number n ? new BigDecimal(n.toString()) : null;
      default:
        return null;
    }
  }

  /** {@code '2024-01-01'} or {@code '2024-01-01 12:00:00[.000]'} as UTC millis, else null. */
  private static Long parseTimestamp(String s) {
    TimestampString ts = LiteralCastConvertlets.parse(s);
    if (ts == null) {
      return null;
    }
    try {
      return s.length() == 10 ? new DateString(s).getMillisSinceEpoch() : ts.getMillisSinceEpoch();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String stripTrailingBlanks(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }
}
