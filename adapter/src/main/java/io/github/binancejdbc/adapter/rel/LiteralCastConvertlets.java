package io.github.binancejdbc.adapter.rel;

import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.SqlState;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.util.TimestampString;

/**
 * Calcite's convertlets, except that a string literal cast to TIMESTAMP (written, or added by
 * implicit coercion in {@code open_time >= '2024-02-20T05:00:00'}) becomes a TIMESTAMP literal when
 * the statement is converted. So the ISO form with {@code T} works wherever it is written, as it
 * does in a pushed bound (Calcite's runtime cast knows only the blank separator and failed with an
 * ExceptionInInitializerError), and a string that is no timestamp at all ({@code CAST('x' AS
 * TIMESTAMP)}) is an error (22007) rather than a comparison that matches nothing.
 *
 * <p>Likewise a string literal cast to a number ({@code open_price > 'cheap'}, {@code CAST('x' AS
 * BIGINT)}) is checked when the statement is converted, with the parse the runtime would use: text
 * that is no number of that type fails at once (22018), before any request, instead of when the
 * first row is compared.
 */
public final class LiteralCastConvertlets implements SqlRexConvertletTable {
  public static final LiteralCastConvertlets INSTANCE = new LiteralCastConvertlets();

  private LiteralCastConvertlets() {}

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    if (call.getKind() == SqlKind.CAST
        && call.operandCount() == 2
        && call.operand(0) instanceof SqlCharStringLiteral lit) {
      return (cx, c) -> {
        RelDataType type = cx.getValidator().getValidatedNodeType(c);
        if (type.getSqlTypeName() != SqlTypeName.TIMESTAMP) {
          checkNumber(lit.getValueAs(String.class), type.getSqlTypeName());
          return StandardConvertletTable.INSTANCE.convertCall(cx, c);
        }
        String text = lit.getValueAs(String.class).strip();
        TimestampString ts = parse(text);
        if (ts == null) {
          throw new BinanceException(
              SqlState.INVALID_DATETIME_FORMAT,
              0,
              "'"
                  + text
                  + "' is not a timestamp: write '2024-01-01 00:00:00' (or"
                  + " '2024-01-01T00:00:00', '2024-01-01')",
              null);
        }
        int precision = type.getPrecision() < 0 ? 3 : type.getPrecision();
        return cx.getRexBuilder()
            .makeCast(
                type, cx.getRexBuilder().makeTimestampLiteral(ts.round(precision), precision));
      };
    }
    return StandardConvertletTable.INSTANCE.get(call);
  }

  /** Fails (22018) when {@code text} is no value of the numeric type {@code target}. */
  static void checkNumber(String text, SqlTypeName target) {
    try {
      switch (target) {
        case TINYINT -> Byte.parseByte(text.trim());
        case SMALLINT -> SqlFunctions.toShort(text);
        case INTEGER -> SqlFunctions.toInt(text);
        case BIGINT -> SqlFunctions.toLong(text);
        case DECIMAL -> SqlFunctions.toBigDecimal(text);
        case FLOAT, REAL -> SqlFunctions.toFloat(text);
        case DOUBLE -> SqlFunctions.toDouble(text);
        default -> {
          return;
        }
      }
    } catch (IllegalArgumentException e) {
      String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
      throw new BinanceException(
          SqlState.INVALID_CHARACTER_VALUE_FOR_CAST,
          0,
          "'"
              + shown
              + "' is not a number of type "
              + target
              + ": write a number, e.g. open_price > 100",
          null);
    }
  }

  /**
   * {@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm:ss[.fff]} or the same with {@code T}; else null.
   */
  static TimestampString parse(String s) {
    try {
      if (s.length() == 10) {
        // Strict: 2024-13-45 is no date (Calcite's own parsing would roll it over).
        java.time.LocalDate.parse(s);
        return new TimestampString(s + " 00:00:00");
      }
      java.time.LocalDateTime.parse(s.replace(' ', 'T'));
      TimestampString ts = new TimestampString(s.replace('T', ' '));
      ts.getMillisSinceEpoch();
      return ts;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
