package io.github.binancejdbc.adapter.rel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.tools.RelBuilder;

/**
 * {@code AVG} of a DECIMAL, exact to the scale of its type. Calcite reduces {@code AVG(x)} to
 * {@code SUM(x) / COUNT(x)} and divides BigDecimals with 16 significant digits, so the average of
 * 3595404351.30202470 over 7 bars came out as 513629193.04314640 instead of 513629193.04314639.
 * This rule does the reduction itself with a division rounded (half up) at the result's scale, and
 * {@link #REDUCE_OTHERS} is Calcite's rule for every other function.
 */
public final class ExactAvgRule extends RelRule<RuleConfig> {
  /** Calcite's reduction of AVG, STDDEV, VAR...: everything but an AVG of a DECIMAL. */
  public static final AggregateReduceFunctionsRule REDUCE_OTHERS =
      CoreRules.AGGREGATE_REDUCE_FUNCTIONS
          .config
          .withExtraCondition(c -> !isDecimalAvg(c))
          .withDescription("BinanceAggregateReduceFunctionsRule")
          .as(AggregateReduceFunctionsRule.Config.class)
          .toRule();

  /** {@code exact_divide(sum, count, scale)}: generated code calls {@link #divide}. */
  static final SqlUserDefinedFunction EXACT_DIVIDE =
      new SqlUserDefinedFunction(
          new SqlIdentifier("EXACT_DIVIDE", SqlParserPos.ZERO),
          SqlKind.OTHER_FUNCTION,
          ReturnTypes.ARG0,
          InferTypes.FIRST_KNOWN,
          null,
          ScalarFunctionImpl.create(ExactAvgRule.class, "divide"));

  static final RuleConfig CONFIG =
      RuleConfig.of(
          "BinanceExactAvgRule",
          ExactAvgRule::new,
          b0 -> b0.operand(LogicalAggregate.class).anyInputs());

  ExactAvgRule(RuleConfig config) {
    super(config);
  }

  static boolean isDecimalAvg(AggregateCall c) {
    return c.getAggregation().getKind() == SqlKind.AVG
        && c.getType().getSqlTypeName() == SqlTypeName.DECIMAL;
  }

  /** The exact quotient, rounded half up at {@code scale}; null when either side is null. */
  public static BigDecimal divide(BigDecimal sum, Long count, Integer scale) {
    if (sum == null || count == null || count == 0) {
      return null;
    }
    return sum.divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate agg = call.rel(0);
    if (agg.getAggCallList().stream().noneMatch(ExactAvgRule::isDecimalAvg)) {
      return;
    }
    RelBuilder b = call.builder().push(agg.getInput());
    RexBuilder rex = agg.getCluster().getRexBuilder();
    List<RelBuilder.AggCall> calls = new ArrayList<>();
    // For each original call: the index of its (first) replacement among the new calls.
    List<Integer> slots = new ArrayList<>();
    for (AggregateCall c : agg.getAggCallList()) {
      slots.add(calls.size());
      if (!isDecimalAvg(c)) {
        calls.add(b.aggregateCall(c));
        continue;
      }
      RexNode arg = b.field(c.getArgList().get(0));
      RexNode filter = c.filterArg >= 0 ? b.field(c.filterArg) : null;
      calls.add(b.sum(c.isDistinct(), null, arg).filter(filter));
      calls.add(b.count(c.isDistinct(), null, arg).filter(filter));
    }
    b.aggregate(b.groupKey(agg.getGroupSet(), agg.getGroupSets()), calls);
    int groups = agg.getGroupCount();
    List<RexNode> out = new ArrayList<>();
    for (int i = 0; i < groups; i++) {
      out.add(b.field(i));
    }
    for (int i = 0; i < agg.getAggCallList().size(); i++) {
      AggregateCall c = agg.getAggCallList().get(i);
      int slot = groups + slots.get(i);
      if (!isDecimalAvg(c)) {
        out.add(b.field(slot));
        continue;
      }
      RelDataType type = c.getType();
      RexNode quotient =
          rex.makeCall(
              rex.getTypeFactory().createTypeWithNullability(type, true),
              EXACT_DIVIDE,
              List.of(
                  b.field(slot),
                  rex.makeCast(
                      rex.getTypeFactory()
                          .createTypeWithNullability(
                              rex.getTypeFactory().createSqlType(SqlTypeName.BIGINT), true),
                      b.field(slot + 1)),
                  rex.makeExactLiteral(
                      BigDecimal.valueOf(type.getScale()),
                      rex.getTypeFactory().createSqlType(SqlTypeName.INTEGER))));
      out.add(rex.makeCast(type, quotient, true, false));
    }
    b.project(out, agg.getRowType().getFieldNames(), true);
    call.transformTo(b.build());
  }
}
