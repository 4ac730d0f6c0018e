package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.function.ProcedureDef;
import io.github.binancejdbc.adapter.function.Procedures;
import java.util.List;

/** The result columns of a procedure, for {@code getProcedureColumns}. */
final class ProcedureResultColumns {
  private ProcedureResultColumns() {}

  static List<String> names(ProcedureDef d) {
    return List.copyOf(Procedures.resultColumns(d).keySet());
  }

  static int type(ProcedureDef d, String column) {
    return Procedures.resultColumns(d).get(column);
  }
}
