package io.github.binancejdbc.adapter.error;

import static java.util.Objects.requireNonNull;

/**
 * The one catalogue of the SQLStates the driver reports (pgjdbc's {@code PSQLState}): each state
 * carries its {@link ErrorKind}, and the kind picks the JDBC exception class, so a state and the
 * class a caller catches can never disagree. Codes are the SQL standard's where it has one and
 * PostgreSQL's otherwise (classes 53, 54, 57, 58, XX), which tools widely recognise. No SQLState
 * appears as a string literal anywhere else.
 */
public enum SqlState {
  /** The API could not be reached while connecting. */
  CONNECTION_FAILURE("08001", ErrorKind.CONNECTION),
  /** The connection is closed. */
  CONNECTION_DOES_NOT_EXIST("08003", ErrorKind.CONNECTION),
  /** A statement was executed with a {@code ?} that has no value. */
  PARAMETER_NOT_BOUND("07001", ErrorKind.STATEMENT),
  /** A column or parameter index outside 1 to the number of columns or parameters. */
  INVALID_DESCRIPTOR_INDEX("07009", ErrorKind.STATEMENT),
  /** A query the driver or the API cannot answer (a required key missing, unsupported SQL). */
  FEATURE_NOT_SUPPORTED("0A000", ErrorKind.FEATURE_NOT_SUPPORTED),
  /** A number does not fit its type (overflow, a fraction where a whole number belongs). */
  NUMERIC_VALUE_OUT_OF_RANGE("22003", ErrorKind.DATA),
  /** A text that is not a date or timestamp where one belongs. */
  INVALID_DATETIME_FORMAT("22007", ErrorKind.DATA),
  /** Division by zero. */
  DIVISION_BY_ZERO("22012", ErrorKind.DATA),
  /** A text that is not a value of the type it is cast or compared to. */
  INVALID_CHARACTER_VALUE_FOR_CAST("22018", ErrorKind.DATA),
  /** A character the SQL engine cannot hold in a literal. */
  CHARACTER_NOT_IN_REPERTOIRE("22021", ErrorKind.DATA),
  /** A bad argument, property or parameter value, or one Binance refused. */
  INVALID_PARAMETER_VALUE("22023", ErrorKind.DATA),
  /** A result set used when it has no current row, or after it was closed. */
  INVALID_CURSOR_STATE("24000", ErrorKind.STATEMENT),
  /** A procedure that moves money on a connection set read-only, or DML. */
  READ_ONLY_SQL_TRANSACTION("25006", ErrorKind.STATEMENT),
  /** Key, signature or permission rejected. */
  INVALID_AUTHORIZATION("28000", ErrorKind.AUTHORIZATION),
  /** A statement that does not parse. */
  SYNTAX_ERROR("42601", ErrorKind.SYNTAX),
  /** A statement that parses but is not valid SQL here (types, names). */
  SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION("42000", ErrorKind.SYNTAX),
  /** The connection may not do this (a trading procedure on a read-only connection). */
  INSUFFICIENT_PRIVILEGE("42501", ErrorKind.SYNTAX),
  /** An unknown column. */
  UNDEFINED_COLUMN("42703", ErrorKind.SYNTAX),
  /** An unknown function or procedure, or one called with arguments it does not take. */
  UNDEFINED_FUNCTION("42883", ErrorKind.SYNTAX),
  /** An unknown table. */
  UNDEFINED_TABLE("42P01", ErrorKind.SYNTAX),
  /** Rate limited (HTTP 429, -1003, -1015): worth retrying later. */
  RATE_LIMITED("53000", ErrorKind.RATE_LIMITED),
  /** The IP is banned (HTTP 418): all calls halt until the ban lifts. */
  IP_BANNED("53000", ErrorKind.BANNED),
  /** A statement too large or too deeply nested to plan or compile. */
  STATEMENT_TOO_COMPLEX("54001", ErrorKind.STATEMENT),
  /** A statement used after it was closed (itself or with its connection). */
  OBJECT_NOT_IN_PREREQUISITE_STATE("55000", ErrorKind.STATEMENT),
  /** Statement timeout or cancel. */
  QUERY_CANCELED("57014", ErrorKind.TIMEOUT),
  /** HTTP 5xx, -1000/-1001/-1006/-1007/-1008, an unknown order outcome. */
  SYSTEM_ERROR("58000", ErrorKind.SERVER),
  /** An I/O failure mid-query. */
  IO_ERROR("58030", ErrorKind.SERVER),
  /** An answer of a shape the driver cannot read, or an internal bug. */
  INTERNAL_ERROR("XX000", ErrorKind.INTERNAL);

  private final String code;
  private final ErrorKind kind;

  SqlState(String code, ErrorKind kind) {
    this.code = code;
    this.kind = kind;
  }

  /** The five-character SQLState, e.g. {@code 22023}. */
  public String code() {
    return code;
  }

  /** The category, which picks the JDBC exception class. */
  public ErrorKind kind() {
    return kind;
  }

  /**
   * The entry for a code, preferring the one of {@code kind} when several share the code (53000).
   *
   * @throws IllegalArgumentException when the catalogue has no such code
   */
  public static SqlState of(String code, ErrorKind kind) {
    requireNonNull(code, "code is null");
    SqlState any = null;
    for (SqlState s : values()) {
      if (s.code.equals(code)) {
        if (s.kind == kind) {
          return s;
        }
        any = any == null ? s : any;
      }
    }
    if (any == null) {
      throw new IllegalArgumentException("no SQLState " + code + " in the catalogue");
    }
    return any;
  }
}
