package io.github.binancejdbc.adapter.table;

import static java.util.Objects.requireNonNull;

/**
 * One column of a table: its SQL name (lower_snake, never a reserved word), type, nullability, how
 * a predicate on it is pushed, the description shown as {@code REMARKS} in tools, and the JSON
 * field of a response object it is read from ({@code null} when the value comes from elsewhere: the
 * request, an enclosing object, a position in an array).
 */
public record ColumnDef(
    String name,
    ColumnType type,
    boolean nullable,
    Pushdown pushdown,
    String remarks,
    String jsonField) {
  public ColumnDef {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(pushdown, "pushdown is null");
    requireNonNull(remarks, "remarks is null");
  }

  /** A column not read from a JSON field by name. */
  public ColumnDef(
      String name, ColumnType type, boolean nullable, Pushdown pushdown, String remarks) {
    this(name, type, nullable, pushdown, remarks, null);
  }

  /**
   * This column read from the JSON field {@code field} ({@code -}: not read, where the table reads
   * its fields by name), as {@code name:field} in a column block.
   */
  public ColumnDef readFrom(String field) {
    return new ColumnDef(name, type, nullable, pushdown, remarks, field);
  }

  public static ColumnDef col(String name, ColumnType type, String remarks) {
    return new ColumnDef(name, type, false, Pushdown.NONE, remarks);
  }

  public static ColumnDef nullable(String name, ColumnType type, String remarks) {
    return new ColumnDef(name, type, true, Pushdown.NONE, remarks);
  }

  public static ColumnDef key(String name, String remarks) {
    return new ColumnDef(name, ColumnType.VARCHAR, false, Pushdown.KEY, remarks);
  }

  public static ColumnDef optionalKey(String name, String remarks) {
    return new ColumnDef(name, ColumnType.VARCHAR, false, Pushdown.OPTIONAL_KEY, remarks);
  }

  public static ColumnDef range(String name, ColumnType type, String remarks) {
    return new ColumnDef(name, type, false, Pushdown.RANGE, remarks);
  }

  /** The remarks as tools show them: the description plus what a predicate does. */
  public String fullRemarks() {
    return switch (pushdown) {
      case KEY -> remarks + ". Required: WHERE " + name + " = ... (or IN (...))";
      case OPTIONAL_KEY -> remarks + ". Pushed down: " + name + " = ... or IN (...)";
      case RANGE -> remarks + ". Pushed down: =, <, <=, >, >=, BETWEEN";
      case LOOKUP -> remarks + ". Pushed down: " + name + " = ... or IN (...) looks the rows up";
      case NONE -> remarks;
    };
  }
}
