package io.github.binancejdbc.adapter.rel;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * A {@link RelRule.Config} written by hand: Calcite's own rules get theirs from the Immutables
 * annotation processor, which this project does not run. It holds what the rules need (operands, a
 * description, the builder factory) and makes the rule from itself.
 */
record RuleConfig(
    String description,
    RelRule.OperandTransform operandSupplier,
    RelBuilderFactory relBuilderFactory,
    Function<RuleConfig, RelOptRule> factory)
    implements RelRule.Config {

  /** A rule's configuration with Calcite's logical builder, the one the old constructor used. */
  static RuleConfig of(
      String description,
      Function<RuleConfig, RelOptRule> factory,
      RelRule.OperandTransform operands) {
    return new RuleConfig(description, operands, RelFactories.LOGICAL_BUILDER, factory);
  }

  @Override
  public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override
  public RuleConfig withRelBuilderFactory(RelBuilderFactory factory) {
    return new RuleConfig(description, operandSupplier, factory, this.factory);
  }

  @Override
  public RuleConfig withDescription(String description) {
    return new RuleConfig(description, operandSupplier, relBuilderFactory, factory);
  }

  @Override
  public RuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
    return new RuleConfig(description, transform, relBuilderFactory, factory);
  }
}
