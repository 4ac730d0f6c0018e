package io.github.binancejdbc.adapter.function;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.TableFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.BuiltInMethod;

/**
 * A procedure as Calcite sees it: a table function with named, optional parameters and a fixed row
 * type. Preparing or explaining a statement asks only for the row type, which this class answers
 * without calling anything; the generated code calls {@link ProcedureCall#create} once per
 * execution, and the request is sent when the first row is read.
 *
 * <p>Why not {@code TableFunctionImpl}: it invokes the user's method while the statement is
 * prepared (to learn the row type), two or three times, with non-literal arguments as null.
 */
public final class BinanceProcedure implements TableFunction, ImplementableFunction {
  private static final Method CREATE =
      requireNonNull(
          Types.lookupMethod(ProcedureCall.class, "create", String.class, Object[].class),
          "ProcedureCall.create");

  private final ProcedureDef def;

  public BinanceProcedure(ProcedureDef def) {
    this.def = requireNonNull(def, "def is null");
  }

  public ProcedureDef def() {
    return def;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    List<FunctionParameter> out = new ArrayList<>();
    for (int i = 0; i < def.params().size(); i++) {
      ProcParam p = def.params().get(i);
      int ordinal = i;
      out.add(
          new FunctionParameter() {
            @Override
            public int getOrdinal() {
              return ordinal;
            }

            @Override
            public String getName() {
              return p.name();
            }

            @Override
            public RelDataType getType(RelDataTypeFactory f) {
              return sqlType(f, p.kind());
            }

            /**
             * Every parameter is optional to Calcite, whose own check says only "DEFAULT is only
             * allowed for optional parameters"; a missing required one fails at execution, before
             * anything is sent, with a message that names it.
             */
            @Override
            public boolean isOptional() {
              return true;
            }
          });
    }
    return out;
  }

  /**
   * Numbers and flags are typed ANY: a BIGINT or DECIMAL(p, s) parameter would let Calcite cast the
   * argument on its way in, {@code order_id => 1.5} to 1 and a 20-decimal quantity to 18 decimals,
   * silently. As ANY the value arrives as written and {@link Arguments} converts it exactly or
   * refuses it.
   */
  static RelDataType sqlType(RelDataTypeFactory f, ProcParam.Kind kind) {
    RelDataType t =
        switch (kind) {
          case STRING, ENUM -> f.createSqlType(SqlTypeName.VARCHAR);
          case DECIMAL, LONG, BOOLEAN -> f.createSqlType(SqlTypeName.ANY);
        };
    return f.createTypeWithNullability(t, true);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory, List<?> arguments) {
    return ProcedureRows.rowType(typeFactory, def.result());
  }

  @Override
  public Type getElementType(List<?> arguments) {
    return Object[].class;
  }

  @Override
  public CallImplementor getImplementor() {
    return RexImpTable.createImplementor(
        (translator, call, operands) -> {
          List<Expression> boxed = new ArrayList<>();
          for (Expression e : operands) {
            boxed.add(Expressions.box(e));
          }
          Expression table =
              Expressions.call(
                  CREATE,
                  Expressions.constant(def.name()),
                  Expressions.newArrayInit(Object.class, boxed));
          return Expressions.call(
              Expressions.convert_(table, ScannableTable.class),
              BuiltInMethod.SCANNABLE_TABLE_SCAN.method,
              translator.getRoot());
        },
        NullPolicy.NONE,
        false);
  }
}
