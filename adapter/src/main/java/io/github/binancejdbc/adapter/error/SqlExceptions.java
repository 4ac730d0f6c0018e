package io.github.binancejdbc.adapter.error;

import static java.util.Objects.requireNonNull;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Translates the adapter's {@link BinanceException} into the JDBC exception class its {@link
 * ErrorKind} calls for, once, at the driver boundary.
 */
public final class SqlExceptions {
  private SqlExceptions() {}

  /**
   * The JDBC exception for {@code e}: same message, SQLState and vendor code, {@code e} as cause.
   */
  public static SQLException toSqlException(BinanceException e) {
    requireNonNull(e, "e is null");
    String msg = e.getMessage();
    String state = e.sqlState();
    int code = e.vendorCode();
    return switch (e.kind()) {
      case CONNECTION -> new SQLNonTransientConnectionException(msg, state, code, e);
      case AUTHORIZATION -> new SQLInvalidAuthorizationSpecException(msg, state, code, e);
      case DATA -> new SQLDataException(msg, state, code, e);
      case SYNTAX -> new SQLSyntaxErrorException(msg, state, code, e);
      case STATEMENT -> new SQLNonTransientException(msg, state, code, e);
      case FEATURE_NOT_SUPPORTED -> new SQLFeatureNotSupportedException(msg, state, code, e);
      // An order whose outcome could not be settled must not look safely retryable.
      case RATE_LIMITED, SERVER ->
          e.outcomeUnknown()
              ? new SQLNonTransientException(msg, state, code, e)
              : new SQLTransientException(msg, state, code, e);
      // A ban lasts minutes to days: retrying soon cannot succeed, so it is not transient.
      case BANNED -> new SQLNonTransientException(msg, state, code, e);
      case TIMEOUT -> new SQLTimeoutException(msg, state, code, e);
      case INTERNAL -> new SQLException(msg, state, code, e);
    };
  }

  /**
   * The first {@link BinanceException} in the cause chain of {@code t} ({@code t} included), or
   * null. Avatica wraps runtime errors in a plain SQLException, hence the walk. Suppressed
   * exceptions are not searched: they describe cleanup failures, not the cause.
   */
  public static @Nullable BinanceException find(@Nullable Throwable t) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
      if (c instanceof BinanceException be) {
        return be;
      }
    }
    return null;
  }
}
