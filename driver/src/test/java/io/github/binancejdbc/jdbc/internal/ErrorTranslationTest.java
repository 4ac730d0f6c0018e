package io.github.binancejdbc.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.adapter.error.BinanceException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorTranslationTest {
  /** An exception whose cause chain is a cycle: a walk that trusts getCause() never ends. */
  private static RuntimeException cycle() {
    RuntimeException a = new RuntimeException("a");
    IllegalStateException b = new IllegalStateException("b", a);
    a.initCause(b);
    return a;
  }

  @Test
  void aCyclicCauseChainEndsInAnInternalError() {
    SQLException e =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ErrorTranslation.translate(cycle()));
    assertEquals("XX000", e.getSQLState());
    assertTrue(e.getMessage().startsWith("Internal error: "), e.getMessage());
  }

  @Test
  void aKnownFailureBehindACycleIsStillFound() {
    RuntimeException a = new RuntimeException("wrapper");
    ArithmeticException zero = new ArithmeticException("/ by zero");
    RuntimeException b = new RuntimeException("b", zero);
    a.initCause(b);
    SQLException e = ErrorTranslation.translate(a);
    assertInstanceOf(SQLDataException.class, e);
    assertEquals("22012", e.getSQLState());
  }

  @Test
  void theAdaptersExceptionKeepsItsStateAndClass() {
    BinanceException be = BinanceException.badValue("bad");
    SQLException e = ErrorTranslation.translate(new RuntimeException(be));
    assertEquals("22023", e.getSQLState());
    assertSame(be, e.getCause());
  }

  @Test
  void deepNestingAndHugeStatementsGetAShortMessage() {
    SQLException deep = ErrorTranslation.translate(new RuntimeException(new StackOverflowError()));
    assertInstanceOf(SQLNonTransientException.class, deep);
    assertEquals("54001", deep.getSQLState());
    String huge = "x".repeat(443_000);
    SQLException big = ErrorTranslation.translate(new IllegalStateException(huge));
    assertTrue(big.getMessage().length() < 400, "length " + big.getMessage().length());
  }

  @Test
  void aGetterTheColumnTypeDoesNotSupportIsAConversionError() {
    // Avatica's words, with an accessor's identity that means nothing to a caller.
    SQLException e =
        ErrorTranslation.translate(
            new SQLDataException(
                "cannot convert to long (org.apache.calcite.avatica.util.AbstractCursor$StringAccessor@1f)"));
    assertInstanceOf(SQLDataException.class, e);
    assertEquals("22018", e.getSQLState());
    assertEquals(
        "This column's value cannot be read as long: use getString or getObject, or the getter of"
            + " the column's type (ResultSetMetaData.getColumnTypeName)",
        e.getMessage());
  }
}
