package io.github.binancejdbc.adapter.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlExceptionsTest {
  private static final Map<ErrorKind, Class<? extends SQLException>> EXPECTED =
      Map.ofEntries(
          Map.entry(ErrorKind.CONNECTION, SQLNonTransientConnectionException.class),
          Map.entry(ErrorKind.AUTHORIZATION, SQLInvalidAuthorizationSpecException.class),
          Map.entry(ErrorKind.DATA, SQLDataException.class),
          Map.entry(ErrorKind.SYNTAX, SQLSyntaxErrorException.class),
          Map.entry(ErrorKind.STATEMENT, SQLNonTransientException.class),
          Map.entry(ErrorKind.FEATURE_NOT_SUPPORTED, SQLFeatureNotSupportedException.class),
          Map.entry(ErrorKind.RATE_LIMITED, SQLTransientException.class),
          Map.entry(ErrorKind.BANNED, SQLNonTransientException.class),
          Map.entry(ErrorKind.SERVER, SQLTransientException.class),
          Map.entry(ErrorKind.TIMEOUT, SQLTimeoutException.class),
          Map.entry(ErrorKind.INTERNAL, SQLException.class));

  /** The JDBC 4 table of SQLState classes and the subclass each calls for. */
  private static final Map<String, Class<? extends SQLException>> BY_CLASS =
      Map.of(
          "08", SQLNonTransientConnectionException.class,
          "22", SQLDataException.class,
          "28", SQLInvalidAuthorizationSpecException.class,
          "42", SQLSyntaxErrorException.class,
          "0A", SQLFeatureNotSupportedException.class);

  @Test
  void everyStateBecomesItsKindsJdbcClassWithStateCodeAndCause() {
    Set<ErrorKind> reached = EnumSet.noneOf(ErrorKind.class);
    for (SqlState state : SqlState.values()) {
      assertEquals(5, state.code().length(), state.name());
      BinanceException e = new BinanceException(state, -7, "msg " + state, null);

      SQLException sql = SqlExceptions.toSqlException(e);

      reached.add(state.kind());
      assertSame(EXPECTED.get(state.kind()), sql.getClass(), state.name());
      Class<? extends SQLException> jdbc = BY_CLASS.get(state.code().substring(0, 2));
      if (jdbc != null) {
        assertSame(jdbc, sql.getClass(), state + " is class " + state.code().substring(0, 2));
      }
      assertEquals("msg " + state, sql.getMessage());
      assertEquals(state.code(), sql.getSQLState());
      assertEquals(-7, sql.getErrorCode());
      assertSame(e, sql.getCause());
    }
    assertEquals(EnumSet.allOf(ErrorKind.class), reached);
  }

  @Test
  void theStateDecidesTheKindEvenWhenTheLookupNamesAnother() {
    BinanceException e =
        new BinanceException(SqlState.of("42501", ErrorKind.AUTHORIZATION), 0, "m", null);
    assertSame(SqlState.INSUFFICIENT_PRIVILEGE, e.state());
    assertSame(SQLSyntaxErrorException.class, SqlExceptions.toSqlException(e).getClass());
    assertSame(SqlState.IP_BANNED, SqlState.of("53000", ErrorKind.BANNED));
    assertSame(SqlState.RATE_LIMITED, SqlState.of("53000", ErrorKind.RATE_LIMITED));
  }

  @Test
  void findWalksTheCauseChain() {
    BinanceException be = BinanceException.badValue("bad");
    SQLException wrapped = new SQLException("Error while executing SQL", new RuntimeException(be));

    assertSame(be, SqlExceptions.find(wrapped));
    assertSame(be, SqlExceptions.find(be));
    assertNull(SqlExceptions.find(new IOException("x")));
    assertNull(SqlExceptions.find(null));
  }

  @Test
  void findIgnoresSuppressedExceptions() {
    IOException io = new IOException("x");
    io.addSuppressed(BinanceException.badValue("cleanup"));

    assertNull(SqlExceptions.find(io));
  }
}
