package io.github.binancejdbc.jdbc.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;

/**
 * {@link DatabaseMetaData} as users get it: no secret in URL or user name, Calcite's gaps filled
 * from the registry (see {@link MetaDataAnswers}), result sets wrapped.
 */
final class MetaDataProxy implements InvocationHandler {
  /** The time and date functions that work (each is exercised by a test). */
  static final String TIME_DATE_FUNCTIONS =
      "CURRENT_DATE,CURRENT_TIME,CURRENT_TIMESTAMP,"
          + "LOCALTIME,LOCALTIMESTAMP,EXTRACT,FLOOR,CEIL,TIMESTAMPADD,TIMESTAMPDIFF,YEAR,QUARTER,"
          + "MONTH,WEEK,DAYOFYEAR,DAYOFMONTH,DAYOFWEEK,HOUR,MINUTE,SECOND";

  /** The numeric functions that work (each is exercised by a test). */
  static final String NUMERIC_FUNCTIONS =
      "ABS,ACOS,ASIN,ATAN,ATAN2,CEILING,COS,COT,DEGREES,EXP,"
          + "FLOOR,LN,LOG10,MOD,PI,POWER,RADIANS,RAND,ROUND,SIGN,SIN,SQRT,TAN,TRUNCATE";

  /** The string functions that work (each is exercised by a test). */
  static final String STRING_FUNCTIONS =
      "CHAR_LENGTH,CHARACTER_LENGTH,INITCAP,LOWER,"
          + "OVERLAY,POSITION,REPLACE,SUBSTRING,TRIM,UPPER";

  private static final Dispatch<MetaDataProxy> OPS =
      new Dispatch<MetaDataProxy>(DatabaseMetaData.class)
          .identity(
              h -> "BinanceDatabaseMetaData{" + h.connection.displayUrl() + "}", h -> h.delegate)
          .on("getConnection", (h, p, m, a) -> h.connection.self())
          .on("getURL", (h, p, m, a) -> h.connection.displayUrl())
          .on("getUserName", (h, p, m, a) -> "")
          .on("getCatalogs", (h, p, m, a) -> MetaDataAnswers.catalogs())
          .on(
              "getSchemas",
              (h, p, m, a) ->
                  MetaDataAnswers.schemas(a == null || a.length < 2 ? null : (String) a[1]))
          .on(
              "getTables",
              (h, p, m, a) ->
                  MetaDataAnswers.withoutHiddenSchema(
                      (ResultSet) Dispatch.call(h.delegate, m, a), "TABLE_SCHEM"))
          .on(
              "getColumns",
              (h, p, m, a) ->
                  MetaDataAnswers.withoutHiddenSchema(
                      (ResultSet) Dispatch.call(h.delegate, m, a), "TABLE_SCHEM"))
          .on("getPrimaryKeys", (h, p, m, a) -> h.answers.primaryKeys((String) a[1], (String) a[2]))
          .on("getImportedKeys", (h, p, m, a) -> h.answers.keys(null, (String) a[2]))
          .on("getExportedKeys", (h, p, m, a) -> h.answers.keys((String) a[2], null))
          .on("getCrossReference", (h, p, m, a) -> h.answers.keys((String) a[2], (String) a[5]))
          .on(
              "getProcedures",
              (h, p, m, a) -> MetaDataAnswers.procedures((String) a[1], (String) a[2]))
          .on(
              "getProcedureColumns",
              (h, p, m, a) ->
                  MetaDataAnswers.procedureColumns((String) a[1], (String) a[2], (String) a[3]))
          // Procedures are listed once, by getProcedures; Calcite would list them again here (and
          // its whole operator table under the internal schema).
          .on("getFunctions", (h, p, m, a) -> MetaDataAnswers.noFunctions())
          .on("getFunctionColumns", (h, p, m, a) -> MetaDataAnswers.noFunctions())
          .on(
              "getTypeInfo",
              (h, p, m, a) -> MetaDataAnswers.typeInfo((ResultSet) Dispatch.call(h.delegate, m, a)))
          .on("getTimeDateFunctions", (h, p, m, a) -> TIME_DATE_FUNCTIONS)
          .on("getNumericFunctions", (h, p, m, a) -> NUMERIC_FUNCTIONS)
          .on("getStringFunctions", (h, p, m, a) -> STRING_FUNCTIONS)
          .on("supportsStoredProcedures", (h, p, m, a) -> true)
          .on("isReadOnly", (h, p, m, a) -> h.connection.isReadOnly())
          .on("supportsTransactions", (h, p, m, a) -> false)
          .on("getDefaultTransactionIsolation", (h, p, m, a) -> Connection.TRANSACTION_NONE)
          // No commit ever closes a cursor; Avatica leaves this unimplemented.
          .on(
              "supportsResultSetHoldability",
              (h, p, m, a) ->
                  (Integer) a[0] == ResultSet.HOLD_CURSORS_OVER_COMMIT
                      || (Integer) a[0] == ResultSet.CLOSE_CURSORS_AT_COMMIT);

  static {
    // Result sets are read-only: no change of theirs or others' is visible or detected (Avatica
    // leaves these unimplemented).
    for (String name :
        new String[] {
          "ownUpdatesAreVisible",
          "ownDeletesAreVisible",
          "ownInsertsAreVisible",
          "othersUpdatesAreVisible",
          "othersDeletesAreVisible",
          "othersInsertsAreVisible",
          "updatesAreDetected",
          "deletesAreDetected",
          "insertsAreDetected"
        }) {
      OPS.on(name, (h, p, m, a) -> false);
    }
  }

  private final DatabaseMetaData delegate;
  private final ConnectionProxy connection;
  private final MetaDataAnswers answers;

  private MetaDataProxy(DatabaseMetaData delegate, ConnectionProxy connection) {
    this.delegate = delegate;
    this.connection = connection;
    this.answers = new MetaDataAnswers(connection.schema());
  }

  static DatabaseMetaData create(DatabaseMetaData md, ConnectionProxy connection) {
    return Dispatch.proxy(DatabaseMetaData.class, new MetaDataProxy(md, connection));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    Object result = OPS.invoke(this, delegate, proxy, method, args);
    return result instanceof ResultSet rs && OPS.find(method) == null
        ? ResultSetProxy.create(rs, null)
        : result;
  }
}
