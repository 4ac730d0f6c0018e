package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.BinanceSchema;
import io.github.binancejdbc.adapter.function.ProcParam;
import io.github.binancejdbc.adapter.function.ProcedureDef;
import io.github.binancejdbc.adapter.function.Procedures;
import io.github.binancejdbc.adapter.table.BinanceTable;
import io.github.binancejdbc.adapter.table.ColumnDef;
import io.github.binancejdbc.adapter.table.TableDef;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@link DatabaseMetaData} answers Calcite gets wrong or leaves empty, built from the column
 * registry and the procedure catalogue without any request: no null-named catalog, no internal
 * {@code metadata} schema, primary keys, foreign keys to {@code symbols}, procedures listed once
 * with their parameters and result columns, and a type list of the types the driver uses.
 */
final class MetaDataAnswers {
  static final String SCHEMA = BinanceSchema.NAME;

  /** Calcite's own system schema; not user data. */
  static final String HIDDEN_SCHEMA = "metadata";

  static final Set<String> TYPES =
      Set.of(
          "BOOLEAN",
          "TINYINT",
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "DECIMAL",
          "FLOAT",
          "REAL",
          "DOUBLE",
          "CHAR",
          "VARCHAR",
          "DATE",
          "TIME",
          "TIMESTAMP",
          "BINARY",
          "VARBINARY");

  private final BinanceSchema schema;

  MetaDataAnswers(BinanceSchema schema) {
    this.schema = schema;
  }

  static ResultSet catalogs() {
    return RowsResultSet.of(RowsResultSet.columns("TABLE_CAT"), List.of());
  }

  static ResultSet schemas(String pattern) {
    List<Object[]> rows = new ArrayList<>();
    if (matches(pattern, SCHEMA)) {
      rows.add(new Object[] {SCHEMA, null});
    }
    return RowsResultSet.of(RowsResultSet.columns("TABLE_SCHEM", "TABLE_CATALOG"), rows);
  }

  /** Drops the rows of Calcite's internal schema from a result of the delegate. */
  static ResultSet withoutHiddenSchema(ResultSet rs, String schemaColumn) throws SQLException {
    List<RowsResultSet.Column> cols = RowsResultSet.columnsOf(rs);
    int idx = -1;
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).name().equalsIgnoreCase(schemaColumn)) {
        idx = i;
      }
    }
    List<Object[]> rows = new ArrayList<>();
    for (Object[] r : RowsResultSet.readAll(rs)) {
      if (idx < 0 || !HIDDEN_SCHEMA.equals(r[idx])) {
        rows.add(r);
      }
    }
    return RowsResultSet.of(cols, rows);
  }

  /** Only the standard types, from the delegate's 49 (which include GEOMETRY, UUID, CURSOR...). */
  static ResultSet typeInfo(ResultSet rs) throws SQLException {
    List<RowsResultSet.Column> cols = RowsResultSet.columnsOf(rs);
    List<Object[]> rows = new ArrayList<>();
    for (Object[] r : RowsResultSet.readAll(rs)) {
      if (TYPES.contains(String.valueOf(r[0]))) {
        rows.add(r);
      }
    }
    return RowsResultSet.of(cols, rows);
  }

  private List<TableDef> tables(String schemaPattern, String tablePattern) {
    List<TableDef> out = new ArrayList<>();
    if (!matches(schemaPattern, SCHEMA)) {
      return out;
    }
    // Only the tables asked for are built (a connection builds a table when first named).
    for (String name : BinanceSchema.tableNames()) {
      BinanceTable bt = matches(tablePattern, name) ? schema.table(name) : null;
      if (bt != null) {
        out.add(bt.def());
      }
    }
    return out;
  }

  ResultSet primaryKeys(String schemaName, String table) {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef d : tables(schemaName, table == null ? null : escape(table))) {
      List<String> pk = d.primaryKey();
      for (int i = 0; i < pk.size(); i++) {
        rows.add(
            new Object[] {null, SCHEMA, d.name(), pk.get(i), (short) (i + 1), "pk_" + d.name()});
      }
    }
    return RowsResultSet.of(
        RowsResultSet.columns(
            "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ:SMALLINT", "PK_NAME"),
        rows);
  }

  /**
   * Every {@code symbol} column outside {@code symbols} refers to {@code symbols.symbol}. (Not
   * enforced, as in any API: a delisted symbol's history stays.)
   */
  ResultSet keys(String pkTable, String fkTable) {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef d : tables(null, null)) {
      if (d.name().equals("symbols") || !hasColumn(d, "symbol")) {
        continue;
      }
      if ((pkTable == null || pkTable.equals("symbols"))
          && (fkTable == null || fkTable.equals(d.name()))) {
        rows.add(
            new Object[] {
              null,
              SCHEMA,
              "symbols",
              "symbol",
              null,
              SCHEMA,
              d.name(),
              "symbol",
              (short) 1,
              (short) DatabaseMetaData.importedKeyNoAction,
              (short) DatabaseMetaData.importedKeyNoAction,
              "fk_" + d.name() + "_symbol",
              "pk_symbols",
              (short) DatabaseMetaData.importedKeyNotDeferrable
            });
      }
    }
    return RowsResultSet.of(
        RowsResultSet.columns(
            "PKTABLE_CAT",
            "PKTABLE_SCHEM",
            "PKTABLE_NAME",
            "PKCOLUMN_NAME",
            "FKTABLE_CAT",
            "FKTABLE_SCHEM",
            "FKTABLE_NAME",
            "FKCOLUMN_NAME",
            "KEY_SEQ:SMALLINT",
            "UPDATE_RULE:SMALLINT",
            "DELETE_RULE:SMALLINT",
            "FK_NAME",
            "PK_NAME",
            "DEFERRABILITY:SMALLINT"),
        rows);
  }

  private static boolean hasColumn(TableDef d, String col) {
    for (ColumnDef c : d.columns()) {
      if (c.name().equals(col)) {
        return true;
      }
    }
    return false;
  }

  static ResultSet procedures(String schemaPattern, String namePattern) {
    List<Object[]> rows = new ArrayList<>();
    if (matches(schemaPattern, SCHEMA)) {
      for (ProcedureDef d : Procedures.all()) {
        if (matches(namePattern, d.name())) {
          rows.add(
              new Object[] {
                null,
                SCHEMA,
                d.name(),
                null,
                null,
                null,
                d.remarks()
                    + " ("
                    + d.endpoint()
                    + (d.trading() ? "; needs trading=true" : "")
                    + ")",
                (short) DatabaseMetaData.procedureReturnsResult,
                d.name()
              });
        }
      }
    }
    return RowsResultSet.of(
        RowsResultSet.columns(
            "PROCEDURE_CAT",
            "PROCEDURE_SCHEM",
            "PROCEDURE_NAME",
            "RESERVED1",
            "RESERVED2",
            "RESERVED3",
            "REMARKS",
            "PROCEDURE_TYPE:SMALLINT",
            "SPECIFIC_NAME"),
        rows);
  }

  static ResultSet procedureColumns(String schemaPattern, String namePattern, String colPattern) {
    List<Object[]> rows = new ArrayList<>();
    if (matches(schemaPattern, SCHEMA)) {
      for (ProcedureDef d : Procedures.all()) {
        if (!matches(namePattern, d.name())) {
          continue;
        }
        int ordinal = 0;
        for (ProcParam p : d.params()) {
          ordinal++;
          if (!matches(colPattern, p.name())) {
            continue;
          }
          int type =
              switch (p.kind()) {
                case STRING, ENUM -> Types.VARCHAR;
                case DECIMAL -> Types.DECIMAL;
                case LONG -> Types.BIGINT;
                case BOOLEAN -> Types.BOOLEAN;
              };
          rows.add(
              procedureColumn(
                  d,
                  p.name(),
                  DatabaseMetaData.procedureColumnIn,
                  type,
                  p.remarks() + (p.required() ? " (required)" : ""),
                  p.required(),
                  ordinal));
        }
        int position = 0;
        for (String col : ProcedureResultColumns.names(d)) {
          position++;
          if (matches(colPattern, col)) {
            rows.add(
                procedureColumn(
                    d,
                    col,
                    DatabaseMetaData.procedureColumnResult,
                    ProcedureResultColumns.type(d, col),
                    "Result column",
                    false,
                    position));
          }
        }
      }
    }
    return RowsResultSet.of(
        RowsResultSet.columns(
            "PROCEDURE_CAT",
            "PROCEDURE_SCHEM",
            "PROCEDURE_NAME",
            "COLUMN_NAME",
            "COLUMN_TYPE:SMALLINT",
            "DATA_TYPE:INT",
            "TYPE_NAME",
            "PRECISION:INT",
            "LENGTH:INT",
            "SCALE:SMALLINT",
            "RADIX:SMALLINT",
            "NULLABLE:SMALLINT",
            "REMARKS",
            "COLUMN_DEF",
            "SQL_DATA_TYPE:INT",
            "SQL_DATETIME_SUB:INT",
            "CHAR_OCTET_LENGTH:INT",
            "ORDINAL_POSITION:INT",
            "IS_NULLABLE",
            "SPECIFIC_NAME"),
        rows);
  }

  private static Object[] procedureColumn(
      ProcedureDef d,
      String name,
      int kind,
      int type,
      String remarks,
      boolean required,
      int ordinal) {
    String typeName =
        switch (type) {
          case Types.DECIMAL -> "DECIMAL";
          case Types.BIGINT -> "BIGINT";
          case Types.BOOLEAN -> "BOOLEAN";
          case Types.TIMESTAMP -> "TIMESTAMP";
          default -> "VARCHAR";
        };
    Integer precision =
        type == Types.DECIMAL
            ? Integer.valueOf(38)
            : type == Types.BIGINT ? Integer.valueOf(19) : null;
    Short scale = type == Types.DECIMAL ? (short) 8 : null;
    return new Object[] {
      null,
      SCHEMA,
      d.name(),
      name,
      (short) kind,
      type,
      typeName,
      precision,
      null,
      scale,
      (short) 10,
      (short) (required ? DatabaseMetaData.procedureNoNulls : DatabaseMetaData.procedureNullable),
      remarks,
      null,
      null,
      null,
      null,
      ordinal,
      required ? "NO" : "YES",
      d.name()
    };
  }

  static ResultSet noFunctions() {
    return RowsResultSet.of(
        RowsResultSet.columns(
            "FUNCTION_CAT",
            "FUNCTION_SCHEM",
            "FUNCTION_NAME",
            "REMARKS",
            "FUNCTION_TYPE:SMALLINT",
            "SPECIFIC_NAME"),
        List.of());
  }

  /** JDBC LIKE pattern ({@code %}, {@code _}, backslash escape); null matches everything. */
  static boolean matches(String pattern, String value) {
    if (pattern == null) {
      return true;
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(value).matches();
  }

  private static String escape(String name) {
    return name.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
  }

  static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
