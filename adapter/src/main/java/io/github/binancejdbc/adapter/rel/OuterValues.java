package io.github.binancejdbc.adapter.rel;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The statement's {@link DataContext} plus the outer-row values of one batch of a lookup join,
 * which the inner scan's {@link ValueRef.Correl} constraints read. Everything else (parameters,
 * cancel flag, the execution's identity for remembered responses) is the statement's.
 */
public final class OuterValues implements DataContext {
  private final DataContext statement;
  private final Map<ValueRef.Correl, Object> values;

  OuterValues(DataContext statement, List<ValueRef.Correl> refs, Object[] values) {
    this.statement = requireNonNull(statement, "statement is null");
    Map<ValueRef.Correl, Object> m = new HashMap<>();
    for (int i = 0; i < refs.size(); i++) {
      m.put(refs.get(i), values[i]);
    }
    this.values = m;
  }

  /** The statement execution's own context (what remembered responses are keyed on). */
  public DataContext statement() {
    return statement;
  }

  Object value(ValueRef.Correl ref) {
    return values.get(ref);
  }

  @Override
  public SchemaPlus getRootSchema() {
    return statement.getRootSchema();
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return statement.getTypeFactory();
  }

  @Override
  public QueryProvider getQueryProvider() {
    return statement.getQueryProvider();
  }

  @Override
  public Object get(String name) {
    return statement.get(name);
  }
}
