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
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlExceptionsTest {
  private static final Map<ErrorKind, Class<? extends SQLException>> EXPECTED =
      Map.of(
          ErrorKind.CONNECTION, SQLNonTransientConnectionException.class,
          ErrorKind.AUTHORIZATION, SQLInvalidAuthorizationSpecException.class,
          ErrorKind.DATA, SQLDataException.class,
          ErrorKind.FEATURE_NOT_SUPPORTED, SQLFeatureNotSupportedException.class,
          ErrorKind.RATE_LIMITED, SQLTransientException.class,
          ErrorKind.BANNED, SQLNonTransientException.class,
          ErrorKind.SERVER, SQLTransientException.class,
          ErrorKind.TIMEOUT, SQLTimeoutException.class,
          ErrorKind.INTERNAL, SQLException.class);

  @Test
  void everyKindBecomesItsJdbcClassWithStateCodeAndCause() {
    assertEquals(ErrorKind.values().length, EXPECTED.size());
    for (ErrorKind kind : ErrorKind.values()) {
      BinanceException e =
          new BinanceException(kind, "S" + kind.ordinal(), -7, "msg " + kind, null);

      SQLException sql = SqlExceptions.toSqlException(e);

      assertSame(EXPECTED.get(kind), sql.getClass(), kind.name());
      assertEquals("msg " + kind, sql.getMessage());
      assertEquals("S" + kind.ordinal(), sql.getSQLState());
      assertEquals(-7, sql.getErrorCode());
      assertSame(e, sql.getCause());
    }
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
