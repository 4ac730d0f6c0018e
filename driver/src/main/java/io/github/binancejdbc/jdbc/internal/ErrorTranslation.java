package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlExceptions;
import io.github.binancejdbc.adapter.error.SqlState;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever a statement threw into the {@link SQLException} a caller should see: a {@link
 * SqlState} from the catalogue (so the JDBC class and the state agree), and a message of at most a
 * few lines saying what was wrong and how to fix it, never a plan dump, generated code or secret.
 *
 * <p>The adapter's own {@link BinanceException} is translated as it stands. Everything else comes
 * from Calcite, Avatica or Janino; their failures are recognised by class and message, walking the
 * cause chain once (each cause visited at most once, so a cyclic chain ends).
 */
public final class ErrorTranslation {
  /** Longest message we pass on from a third party; longer ones are cut at a line or here. */
  static final int MAX_MESSAGE = 300;

  private static final Pattern NOT_FOUND =
      Pattern.compile("(Object|Column|Table) '([^']*)' not found(.*)");
  private static final Pattern CANNOT_CONVERT =
      Pattern.compile("cannot convert to ([^(]+?) \\(.*", Pattern.DOTALL);
  private static final Pattern NO_FUNCTION =
      Pattern.compile("No match found for function signature ([^(]*)\\(");

  private static final Pattern COLUMN_ORDINAL = Pattern.compile("invalid column ordinal: (-?\\d+)");
  private static final Pattern PARAMETER_ORDINAL =
      Pattern.compile("parameter ordinal (-?\\d+) out of range");
  private static final Pattern COLUMN_LABEL = Pattern.compile("column '(.*)' not found");

  /** Janino's failures to compile the generated code (a statement too large for a method). */
  private static final Set<String> JANINO_FAILURES =
      Set.of(
          "org.codehaus.commons.compiler.CompileException",
          "org.codehaus.commons.compiler.InternalCompilerException");

  private ErrorTranslation() {}

  /** The exception a caller should see for {@code t}. */
  public static SQLException translate(Throwable t) {
    BinanceException be = SqlExceptions.find(t);
    if (be != null) {
      return SqlExceptions.toSqlException(be);
    }
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      SQLException known = recognise(c, t);
      if (known == null
          && c instanceof SQLException cse
          && cse.getSQLState() == null
          && !(t instanceof SQLException top && top.getSQLState() != null)) {
        known = avatica(cse);
      }
      if (known != null) {
        return known;
      }
    }
    if (t instanceof SQLException se) {
      if (se.getSQLState() != null) {
        return se;
      }
      // A getter the column's type does not support: "cannot convert to long (...Accessor@1f)".
      Matcher m = CANNOT_CONVERT.matcher(String.valueOf(se.getMessage()));
      if (m.matches()) {
        return of(
            SqlState.INVALID_CHARACTER_VALUE_FOR_CAST,
            "This column's value cannot be read as "
                + m.group(1)
                + ": use getString or getObject, or the getter of the column's type"
                + " (ResultSetMetaData.getColumnTypeName)",
            se);
      }
    }
    return of(
        SqlState.INTERNAL_ERROR,
        "Internal error: "
            + shorten(describe(rootOf(t)))
            + ". Please report it with the statement that caused it.",
        t);
  }

  /**
   * Avatica's own failures of JDBC use, which carry no SQLState: a closed object, a cursor without
   * a current row, an index out of range, an unknown column label, a bad argument; else null.
   */
  private static SQLException avatica(SQLException se) {
    String msg = String.valueOf(se.getMessage());
    switch (msg) {
      case "Statement canceled":
        return of(SqlState.QUERY_CANCELED, "Statement was cancelled", se);
      case "Connection closed":
        return of(SqlState.CONNECTION_DOES_NOT_EXIST, "Connection is closed", se);
      case "Statement closed":
        return of(
            SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
            "Statement is closed: create another one from an open connection",
            se);
      case "ResultSet closed":
        return of(
            SqlState.INVALID_CURSOR_STATE,
            "ResultSet is closed (closing its statement or connection, or executing the"
                + " statement again, closes it): read the rows first",
            se);
      default:
        break;
    }
    Matcher column = COLUMN_ORDINAL.matcher(msg);
    Matcher parameter = PARAMETER_ORDINAL.matcher(msg);
    Matcher label = COLUMN_LABEL.matcher(msg);
    if (column.matches() || parameter.matches()) {
      return indexOutOfRange(
          column.matches(), column.matches() ? column.group(1) : parameter.group(1), se);
    } else if (label.matches()) {
      return of(
          SqlState.UNDEFINED_COLUMN,
          "Column '"
              + label.group(1)
              + "' is not in this result set: use a label of"
              + " ResultSetMetaData.getColumnLabel",
          se);
    } else if (msg.startsWith("illegal timeout value ")) {
      return of(
          SqlState.INVALID_PARAMETER_VALUE,
          "Query timeout must not be negative, but was " + msg.substring(22),
          se);
    } else if (msg.contains("is not one of CLOSE_CURRENT_RESULT")) {
      return of(SqlState.INVALID_PARAMETER_VALUE, shorten(msg), se);
    } else if (msg.startsWith("Cannot call ") && msg.contains(" on prepared or callable")) {
      return of(
          SqlState.FEATURE_NOT_SUPPORTED,
          "A prepared statement runs its own text: call executeQuery() or execute() without one,"
              + " or run other text on a Statement",
          se);
    }
    return null;
  }

  /** A column (else parameter) index {@code index} outside the ones there are. */
  static SQLException indexOutOfRange(boolean column, String index, Throwable cause) {
    return of(
        SqlState.INVALID_DESCRIPTOR_INDEX,
        column
            ? "Column index "
                + index
                + " is out of range: columns are numbered from 1 to"
                + " ResultSetMetaData.getColumnCount()"
            : "Parameter index "
                + index
                + " is out of range: parameters are numbered from 1 to the number of ? in the"
                + " statement (ParameterMetaData.getParameterCount())",
        cause);
  }

  /** The exception for JDBC method {@code m}, which the driver does not implement. */
  static SQLException unsupported(Method m, Throwable cause) {
    return unsupported(m.getDeclaringClass(), m.getName(), cause);
  }

  /** The exception for method {@code name} of JDBC interface {@code iface}, not implemented. */
  static SQLException unsupported(Class<?> iface, String name, Throwable cause) {
    return of(
        SqlState.FEATURE_NOT_SUPPORTED,
        iface.getSimpleName()
            + "."
            + name
            + " is not supported"
            + (ResultSet.class.isAssignableFrom(iface)
                ? ": result sets are forward-only and read-only (read them with next())"
                : ""),
        cause);
  }

  /** A known failure {@code c} (somewhere in the chain of {@code top}), or null. */
  private static SQLException recognise(Throwable c, Throwable top) {
    String name = c.getClass().getName();
    String msg = c.getMessage() == null ? "" : c.getMessage();
    if (msg.contains("unbound parameter")) {
      return of(
          SqlState.PARAMETER_NOT_BOUND,
          "A ? parameter has no value: call setXxx(index," + " value) for every ? before executing",
          top);
    }
    if (c instanceof ClassCastException
        && msg.contains("java.lang.Long cannot be cast to class" + " java.lang.Integer")) {
      return of(
          SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
          "A ? parameter in an INTEGER place (such as"
              + " LIMIT ? or OFFSET ?) takes at most 2147483647: bind a smaller number, or write a"
              + " larger LIMIT as a literal",
          top);
    }
    if (c instanceof NoSuchElementException && msg.startsWith("Expecting cursor position")) {
      return of(
          SqlState.INVALID_CURSOR_STATE,
          msg.endsWith("BEFORE_START")
              ? "No current row: call next() before reading a value"
              : "No current row: next() returned false, every row has been read",
          top);
    }
    if (c instanceof StackOverflowError) {
      return of(
          SqlState.STATEMENT_TOO_COMPLEX,
          "The statement is nested too deeply to plan:"
              + " simplify it (fewer nested expressions or subqueries)",
          top);
    }
    if (JANINO_FAILURES.contains(name) || containsAny(msg, "Code too large", "code too large")) {
      return of(
          SqlState.STATEMENT_TOO_COMPLEX,
          "The statement is too large to compile (a very"
              + " long IN list or expression): split it into several statements or join a smaller"
              + " list",
          top);
    }
    if (msg.startsWith("Unable to implement")) {
      // The message would be the whole plan.
      return of(
          SqlState.FEATURE_NOT_SUPPORTED,
          "The SQL engine cannot run this statement: write"
              + " it more simply (fewer nested subqueries, no exotic operators)",
          top);
    }
    if (c instanceof ArithmeticException) {
      boolean zero = msg.toLowerCase(Locale.ROOT).contains("division") || msg.contains("/ by zero");
      return zero
          ? of(SqlState.DIVISION_BY_ZERO, "Division by zero", top)
          : of(
              SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
              "Numeric value out of range: " + shorten(msg),
              top);
    }
    if (c instanceof NumberFormatException) {
      return of(
          SqlState.INVALID_CHARACTER_VALUE_FOR_CAST,
          "A text is not a number where one is"
              + " needed ("
              + shorten(msg)
              + "): compare or cast only numeric text, e.g."
              + " open_price > 100",
          top);
    }
    if (msg.startsWith("Failed to encode") || msg.contains("in character set")) {
      return of(
          SqlState.CHARACTER_NOT_IN_REPERTOIRE,
          "A literal holds a character outside"
              + " ISO-8859-1, which the SQL engine cannot hold in a plain literal: write it as a"
              + " Unicode literal, e.g. U&'\\4F60'",
          top);
    }
    if (containsAny(
        msg, "Invalid DATE", "Invalid TIMESTAMP", "not a valid timestamp", "Unparseable date")) {
      return of(
          SqlState.INVALID_DATETIME_FORMAT,
          "A text is not a timestamp where one is needed ("
              + shorten(msg)
              + "): write TIMESTAMP '2024-01-31 00:00:00'",
          top);
    }
    if (name.equals("org.apache.calcite.sql.parser.SqlParseException")
        || name.endsWith(".ParseException")) {
      return of(SqlState.SYNTAX_ERROR, "Syntax error: " + firstLine(msg), top);
    }
    if (name.equals("org.apache.calcite.runtime.CalciteContextException")
        || name.equals("org.apache.calcite.sql.validate.SqlValidatorException")) {
      return validation(msg, top);
    }
    return null;
  }

  private static SQLException validation(String msg, Throwable top) {
    // Prefer the validator's own words (no "From line 1, column 8 ..." position prefix twice).
    String text = firstLine(msg);
    Matcher nf = NOT_FOUND.matcher(text);
    if (nf.find()) {
      SqlState state =
          nf.group(1).equals("Column") ? SqlState.UNDEFINED_COLUMN : SqlState.UNDEFINED_TABLE;
      return of(state, text, top);
    }
    if (NO_FUNCTION.matcher(text).find() || text.contains("No match found for function")) {
      return of(
          SqlState.UNDEFINED_FUNCTION,
          text
              + " (see DatabaseMetaData.getProcedures and"
              + " getFunctions for the names and arguments)",
          top);
    }
    if (text.contains("Invalid number of arguments")) {
      return of(SqlState.UNDEFINED_FUNCTION, text, top);
    }
    return of(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, text, top);
  }

  private static boolean containsAny(String msg, String... parts) {
    for (String part : parts) {
      if (msg.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static SQLException of(SqlState state, String message, Throwable cause) {
    return SqlExceptions.toSqlException(new BinanceException(state, 0, message, cause));
  }

  private static Throwable rootOf(Throwable t) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable root = t;
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      root = c;
    }
    return root;
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null
        ? t.getClass().getSimpleName()
        : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  /** The first line of {@code s}. */
  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return shorten(nl < 0 ? s.strip() : s.substring(0, nl).strip());
  }

  /** {@code s} on one line and at most {@link #MAX_MESSAGE} characters. */
  static String shorten(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= MAX_MESSAGE ? one : one.substring(0, MAX_MESSAGE) + "...";
  }
}
