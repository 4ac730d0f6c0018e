package io.github.binancejdbc.adapter.error;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The one runtime exception the adapter throws. It carries what the JDBC layer needs to build a
 * fitting {@link java.sql.SQLException}: the {@link SqlState} (which decides the category and so
 * the JDBC class) and the vendor code (the Binance error code when there is one, else the HTTP
 * status, else 0). Its message never holds a secret.
 */
public final class BinanceException extends RuntimeException implements WithSqlState {
  private static final long serialVersionUID = 1L;

  private final SqlState state;
  private final int vendorCode;
  private final boolean outcomeUnknown;

  public BinanceException(
      SqlState state, int vendorCode, String message, @Nullable Throwable cause) {
    this(state, vendorCode, message, cause, false);
  }

  /**
   * @param outcomeUnknown true when a request that changes state (an order) may or may not have
   *     been executed: a timeout, a dropped connection, a 5xx, {@code -1006}, {@code -1007} or an
   *     answer that is not a well-formed Binance response
   */
  public BinanceException(
      SqlState state,
      int vendorCode,
      String message,
      @Nullable Throwable cause,
      boolean outcomeUnknown) {
    super(requireNonNull(message, "message is null"), cause);
    this.state = requireNonNull(state, "state is null");
    this.vendorCode = vendorCode;
    this.outcomeUnknown = outcomeUnknown;
  }

  /** True when the request may have been executed even though it failed (never for a GET). */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  /** A query lacks something the API needs, e.g. {@code klines needs symbol: WHERE ...}. */
  public static BinanceException unsupported(String message) {
    return new BinanceException(SqlState.FEATURE_NOT_SUPPORTED, 0, message, null);
  }

  /** A value the user gave is not acceptable. */
  public static BinanceException badValue(String message) {
    return new BinanceException(SqlState.INVALID_PARAMETER_VALUE, 0, message, null);
  }

  /** The API answered with something we cannot read. */
  public static BinanceException internal(String message, @Nullable Throwable cause) {
    return new BinanceException(SqlState.INTERNAL_ERROR, 0, message, cause);
  }

  /** The statement was cancelled or ran past its timeout. */
  public static BinanceException cancelled(String message) {
    return new BinanceException(SqlState.QUERY_CANCELED, 0, message, null);
  }

  /** The message, never null: every constructor requires one. */
  @Override
  public String getMessage() {
    return requireNonNull(super.getMessage());
  }

  @Override
  public SqlState state() {
    return state;
  }

  public int vendorCode() {
    return vendorCode;
  }
}
