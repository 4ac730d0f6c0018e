package io.github.binancejdbc.adapter.error;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.client.Param;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one catalogue of Binance Spot REST error codes: each code's name, the {@link SqlState} it
 * maps to (which carries the {@link ErrorKind}), whether the same request may succeed when sent
 * again later (the transport retries a GET exactly then), and an optional hint. FIX-only
 * (-1033..-1035, -1169..-1191) and WebSocket-only (-2035, -2036, -2042) codes are left out; an
 * unknown code falls back to the mapping of its HTTP status.
 *
 * <p>Order and cancel rejections (-1010, -1013 filter failures, -2010, -2011, -2013, -2026, -2038,
 * -2039, -2021, -2022) map to DATA 22023: from SQL they are a statement whose values Binance
 * refused, resending it unchanged will not help, and the verbatim {@code msg} plus the vendor code
 * say which rule failed. A class-23 state would fit some of them, but would need a JDBC subclass
 * that no {@link ErrorKind} carries.
 *
 * @see <a href="https://developers.binance.com/docs/binance-spot-api-docs/errors">Error codes</a>
 */
public enum BinanceErrorCode implements WithSqlState {
  // 10xx: general server or network issues.
  UNKNOWN(-1000, SqlState.SYSTEM_ERROR, true, null),
  DISCONNECTED(-1001, SqlState.SYSTEM_ERROR, true, null),
  UNAUTHORIZED(
      -1002, SqlState.INVALID_AUTHORIZATION, false, "check the API key and its permissions"),
  TOO_MANY_REQUESTS(-1003, SqlState.RATE_LIMITED, true, "wait for Retry-After; poll less"),
  UNEXPECTED_RESP(-1006, SqlState.SYSTEM_ERROR, true, null),
  TIMEOUT(-1007, SqlState.SYSTEM_ERROR, true, null),
  SERVER_BUSY(-1008, SqlState.SYSTEM_ERROR, true, null),
  ERROR_MSG_RECEIVED(-1010, SqlState.INVALID_PARAMETER_VALUE, false, null),
  INVALID_MESSAGE(
      -1013, SqlState.INVALID_PARAMETER_VALUE, false, "check the symbol filters in exchangeInfo"),
  UNKNOWN_ORDER_COMPOSITION(-1014, SqlState.FEATURE_NOT_SUPPORTED, false, null),
  TOO_MANY_ORDERS(-1015, SqlState.RATE_LIMITED, true, null),
  SERVICE_SHUTTING_DOWN(-1016, SqlState.FEATURE_NOT_SUPPORTED, false, null),
  UNSUPPORTED_OPERATION(-1020, SqlState.FEATURE_NOT_SUPPORTED, false, null),
  INVALID_TIMESTAMP(
      -1021, SqlState.INVALID_PARAMETER_VALUE, false, "check clock sync or raise recvWindow"),
  INVALID_SIGNATURE(
      -1022, SqlState.INVALID_AUTHORIZATION, false, "check the secret key or private key"),
  // 11xx: request issues.
  ILLEGAL_CHARS(-1100, SqlState.INVALID_PARAMETER_VALUE, false, null),
  TOO_MANY_PARAMETERS(-1101, SqlState.INVALID_PARAMETER_VALUE, false, null),
  MANDATORY_PARAM_EMPTY_OR_MALFORMED(-1102, SqlState.INVALID_PARAMETER_VALUE, false, null),
  UNKNOWN_PARAM(-1103, SqlState.INVALID_PARAMETER_VALUE, false, null),
  UNREAD_PARAMETERS(-1104, SqlState.INVALID_PARAMETER_VALUE, false, null),
  PARAM_EMPTY(-1105, SqlState.INVALID_PARAMETER_VALUE, false, null),
  PARAM_NOT_REQUIRED(-1106, SqlState.INVALID_PARAMETER_VALUE, false, null),
  PARAM_OVERFLOW(-1108, SqlState.INVALID_PARAMETER_VALUE, false, null),
  BAD_PRECISION(-1111, SqlState.INVALID_PARAMETER_VALUE, false, null),
  NO_DEPTH(-1112, SqlState.INVALID_PARAMETER_VALUE, false, null),
  TIF_NOT_REQUIRED(-1114, SqlState.INVALID_PARAMETER_VALUE, false, null),
  INVALID_TIF(-1115, SqlState.INVALID_PARAMETER_VALUE, false, null),
  INVALID_ORDER_TYPE(-1116, SqlState.INVALID_PARAMETER_VALUE, false, null),
  INVALID_SIDE(-1117, SqlState.INVALID_PARAMETER_VALUE, false, null),
  EMPTY_NEW_CL_ORD_ID(-1118, SqlState.INVALID_PARAMETER_VALUE, false, null),
  EMPTY_ORG_CL_ORD_ID(-1119, SqlState.INVALID_PARAMETER_VALUE, false, null),
  BAD_INTERVAL(
      -1120,
      SqlState.INVALID_PARAMETER_VALUE,
      false,
      "valid intervals: 1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M"),
  BAD_SYMBOL(
      -1121, SqlState.INVALID_PARAMETER_VALUE, false, "check the symbol in the symbols table"),
  INVALID_SYMBOLSTATUS(-1122, SqlState.INVALID_PARAMETER_VALUE, false, "valid: TRADING HALT BREAK"),
  INVALID_LISTEN_KEY(-1125, SqlState.INVALID_PARAMETER_VALUE, false, null),
  MORE_THAN_XX_HOURS(-1127, SqlState.INVALID_PARAMETER_VALUE, false, "narrow the time range"),
  OPTIONAL_PARAMS_BAD_COMBO(-1128, SqlState.INVALID_PARAMETER_VALUE, false, null),
  INVALID_PARAMETER(-1130, SqlState.INVALID_PARAMETER_VALUE, false, null),
  BAD_STRATEGY_TYPE(-1134, SqlState.INVALID_PARAMETER_VALUE, false, null),
  INVALID_JSON(-1135, SqlState.INVALID_PARAMETER_VALUE, false, null),
  INVALID_TICKER_TYPE(-1139, SqlState.INVALID_PARAMETER_VALUE, false, "valid: FULL MINI"),
  INVALID_CANCEL_RESTRICTIONS(-1145, SqlState.INVALID_PARAMETER_VALUE, false, null),
  DUPLICATE_SYMBOLS(-1151, SqlState.INVALID_PARAMETER_VALUE, false, null),
  // We never ask for SBE, so an SBE complaint means the adapter itself sent something wrong.
  INVALID_SBE_HEADER(-1152, SqlState.INTERNAL_ERROR, false, null),
  UNSUPPORTED_SCHEMA_ID(-1153, SqlState.INTERNAL_ERROR, false, null),
  SBE_DISABLED(-1155, SqlState.FEATURE_NOT_SUPPORTED, false, null),
  OCO_ORDER_TYPE_REJECTED(-1158, SqlState.INVALID_PARAMETER_VALUE, false, null),
  OCO_ICEBERGQTY_TIMEINFORCE(-1160, SqlState.INVALID_PARAMETER_VALUE, false, null),
  DEPRECATED_SCHEMA(-1161, SqlState.INTERNAL_ERROR, false, null),
  BUY_OCO_LIMIT_MUST_BE_BELOW(-1165, SqlState.INVALID_PARAMETER_VALUE, false, null),
  SELL_OCO_LIMIT_MUST_BE_ABOVE(-1166, SqlState.INVALID_PARAMETER_VALUE, false, null),
  BOTH_OCO_ORDERS_CANNOT_BE_LIMIT(-1168, SqlState.INVALID_PARAMETER_VALUE, false, null),
  INVALID_TIME_UNIT(-1194, SqlState.INVALID_PARAMETER_VALUE, false, null),
  BUY_OCO_STOP_LOSS_MUST_BE_ABOVE(-1196, SqlState.INVALID_PARAMETER_VALUE, false, null),
  SELL_OCO_STOP_LOSS_MUST_BE_BELOW(-1197, SqlState.INVALID_PARAMETER_VALUE, false, null),
  BUY_OCO_TAKE_PROFIT_MUST_BE_BELOW(-1198, SqlState.INVALID_PARAMETER_VALUE, false, null),
  SELL_OCO_TAKE_PROFIT_MUST_BE_ABOVE(-1199, SqlState.INVALID_PARAMETER_VALUE, false, null),
  INVALID_PEG_PRICE_TYPE(-1210, SqlState.INVALID_PARAMETER_VALUE, false, null),
  INVALID_PEG_OFFSET_TYPE(-1211, SqlState.INVALID_PARAMETER_VALUE, false, null),
  SYMBOL_DOES_NOT_MATCH_STATUS(-1220, SqlState.INVALID_PARAMETER_VALUE, false, null),
  INVALID_SBE_MESSAGE_FIELD(-1221, SqlState.INTERNAL_ERROR, false, null),
  OPO_WORKING_MUST_BE_BUY(-1222, SqlState.INVALID_PARAMETER_VALUE, false, null),
  OPO_PENDING_MUST_BE_SELL(-1223, SqlState.INVALID_PARAMETER_VALUE, false, null),
  WORKING_PARAM_REQUIRED(-1224, SqlState.INVALID_PARAMETER_VALUE, false, null),
  PENDING_PARAM_NOT_REQUIRED(-1225, SqlState.INVALID_PARAMETER_VALUE, false, null),
  // 20xx: processing issues (orders, keys).
  NEW_ORDER_REJECTED(-2010, SqlState.INVALID_PARAMETER_VALUE, false, null),
  CANCEL_REJECTED(-2011, SqlState.INVALID_PARAMETER_VALUE, false, null),
  NO_SUCH_ORDER(-2013, SqlState.INVALID_PARAMETER_VALUE, false, null),
  BAD_API_KEY_FMT(-2014, SqlState.INVALID_AUTHORIZATION, false, "check the API key"),
  REJECTED_MBX_KEY(
      -2015,
      SqlState.INVALID_AUTHORIZATION,
      false,
      "check the API key, its IP whitelist and its permissions"),
  NO_TRADING_WINDOW(-2016, SqlState.FEATURE_NOT_SUPPORTED, false, null),
  CANCEL_REPLACE_PARTIALLY_FAILED(-2021, SqlState.INVALID_PARAMETER_VALUE, false, null),
  CANCEL_REPLACE_FAILED(-2022, SqlState.INVALID_PARAMETER_VALUE, false, null),
  ORDER_ARCHIVED(-2026, SqlState.INVALID_PARAMETER_VALUE, false, null),
  ORDER_AMEND_REJECTED(-2038, SqlState.INVALID_PARAMETER_VALUE, false, null),
  CLIENT_ORDER_ID_INVALID(-2039, SqlState.INVALID_PARAMETER_VALUE, false, null),
  NO_REFERENCE_PRICE(-2043, SqlState.INVALID_PARAMETER_VALUE, false, null);

  private static final Map<Integer, BinanceErrorCode> BY_CODE = new HashMap<>();

  static {
    for (BinanceErrorCode c : values()) {
      if (BY_CODE.put(c.code, c) != null) {
        throw new ExceptionInInitializerError("duplicate Binance error code " + c.code);
      }
    }
  }

  private final int code;
  private final SqlState state;
  private final boolean retryable;
  private final @Nullable String hint;

  BinanceErrorCode(int code, SqlState state, boolean retryable, @Nullable String hint) {
    this.code = code;
    this.state = state;
    this.retryable = retryable;
    this.hint = hint;
  }

  /** The Binance code, always negative, e.g. -1121. */
  public int code() {
    return code;
  }

  @Override
  public SqlState state() {
    return state;
  }

  /** Whether the very same request may succeed when sent again later, without a change. */
  public boolean retryable() {
    return retryable;
  }

  /** A short advice appended to the message, or null. */
  public @Nullable String hint() {
    return hint;
  }

  /** The entry for a Binance code, or null when the catalogue does not know it. */
  public static @Nullable BinanceErrorCode fromCode(int code) {
    return BY_CODE.get(code);
  }

  /**
   * The exception for an error response that carried a Binance body {@code {"code":..,"msg":..}}. A
   * known code decides kind and SQLState; an unknown one falls back to {@link
   * HttpStatusMapping#of(int)}. The vendor code is the Binance code.
   */
  public static BinanceException toException(
      int httpStatus, int code, String msg, String method, String path, List<Param> params) {
    requireNonNull(msg, "msg is null");
    BinanceErrorCode known = fromCode(code);
    SqlState state = known != null ? known.state : HttpStatusMapping.of(httpStatus).state();
    String hint = known != null ? known.hint : null;
    String message = ErrorMessages.format(httpStatus, code, msg, method, path, params, hint);
    return new BinanceException(state, code, message, null);
  }

  /**
   * The exception for an error response without a Binance body (an HTML page, an empty body). The
   * vendor code is the HTTP status.
   *
   * @param bodySnippet a short, single-line start of the body, or empty
   */
  public static BinanceException fromHttpStatus(
      int httpStatus, String bodySnippet, String method, String path, List<Param> params) {
    requireNonNull(bodySnippet, "bodySnippet is null");
    HttpStatusMapping byStatus = HttpStatusMapping.of(httpStatus);
    String text =
        bodySnippet.isEmpty()
            ? byStatus.description()
            : byStatus.description() + ", body: " + bodySnippet;
    String message = ErrorMessages.format(httpStatus, null, text, method, path, params, null);
    return new BinanceException(byStatus.state(), httpStatus, message, null);
  }
}
