package io.github.binancejdbc.adapter.rel;

import io.github.binancejdbc.adapter.error.BinanceException;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Refuses the window frames Calcite 1.42 computes wrongly, before they can return a wrong answer: a
 * {@code RANGE} frame with an offset ({@code RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT
 * ROW}) over a descending order (every frame came out empty), and one over a DECIMAL key (the
 * generated code does not compile). {@code ROWS} frames and ascending time or integer keys are
 * computed correctly and pass.
 */
final class WindowGuardRule extends RelRule<RuleConfig> {
  static final RuleConfig CONFIG =
      RuleConfig.of(
          "BinanceWindowGuardRule",
          WindowGuardRule::new,
          b0 -> b0.operand(Window.class).anyInputs());

  WindowGuardRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Window w = call.rel(0);
    for (Window.Group g : w.groups) {
      if (g.isRows || !(hasOffset(g.lowerBound) || hasOffset(g.upperBound))) {
        continue;
      }
      for (RelFieldCollation fc : g.orderKeys.getFieldCollations()) {
        if (fc.getDirection().isDescending()) {
          throw BinanceException.unsupported(
              "RANGE window frames with an offset over a descending ORDER BY are not supported:"
                  + " order ascending (and swap PRECEDING and FOLLOWING), or use ROWS");
        }
        SqlTypeName key =
            w.getInput()
                .getRowType()
                .getFieldList()
                .get(fc.getFieldIndex())
                .getType()
                .getSqlTypeName();
        if (key == SqlTypeName.DECIMAL) {
          throw BinanceException.unsupported(
              "RANGE window frames with a numeric offset over a DECIMAL column are not supported:"
                  + " use ROWS, or order by a time or integer column");
        }
      }
    }
  }

  private static boolean hasOffset(RexWindowBound b) {
    return !b.isUnbounded() && !b.isCurrentRow();
  }
}
