package io.github.binancejdbc.adapter.error;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.client.Param;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one catalogue of Binance Spot REST error codes: each code's name, the {@link ErrorKind} and
 * SQLState it maps to, whether the same request may succeed when sent again later, and an optional
 * hint. FIX-only (-1033..-1035, -1169..-1191) and WebSocket-only (-2035, -2036, -2042) codes are
 * left out; an unknown code falls back to the mapping of its HTTP status.
 *
 * <p>Order and cancel rejections (-1010, -1013 filter failures, -2010, -2011, -2013, -2026, -2038,
 * -2039, -2021, -2022) map to DATA 22023: from SQL they are a statement whose values Binance
 * refused, resending it unchanged will not help, and the verbatim {@code msg} plus the vendor code
 * say which rule failed. A class-23 state would fit some of them, but would need a JDBC subclass
 * that no {@link ErrorKind} carries.
 *
 * @see <a href="https://developers.binance.com/docs/binance-spot-api-docs/errors">Error codes</a>
 */
public enum BinanceErrorCode {
  // 10xx: general server or network issues.
  UNKNOWN(-1000, ErrorKind.SERVER, "58000", true, null),
  DISCONNECTED(-1001, ErrorKind.SERVER, "58000", true, null),
  UNAUTHORIZED(
      -1002, ErrorKind.AUTHORIZATION, "28000", false, "check the API key and its permissions"),
  TOO_MANY_REQUESTS(
      -1003, ErrorKind.RATE_LIMITED, "53000", true, "wait for Retry-After; poll less"),
  UNEXPECTED_RESP(-1006, ErrorKind.SERVER, "58000", true, null),
  TIMEOUT(-1007, ErrorKind.SERVER, "58000", true, null),
  SERVER_BUSY(-1008, ErrorKind.SERVER, "58000", true, null),
  ERROR_MSG_RECEIVED(-1010, ErrorKind.DATA, "22023", false, null),
  INVALID_MESSAGE(
      -1013, ErrorKind.DATA, "22023", false, "check the symbol filters in exchangeInfo"),
  UNKNOWN_ORDER_COMPOSITION(-1014, ErrorKind.FEATURE_NOT_SUPPORTED, "0A000", false, null),
  TOO_MANY_ORDERS(-1015, ErrorKind.RATE_LIMITED, "53000", true, null),
  SERVICE_SHUTTING_DOWN(-1016, ErrorKind.FEATURE_NOT_SUPPORTED, "0A000", false, null),
  UNSUPPORTED_OPERATION(-1020, ErrorKind.FEATURE_NOT_SUPPORTED, "0A000", false, null),
  INVALID_TIMESTAMP(-1021, ErrorKind.DATA, "22023", false, "check clock sync or raise recvWindow"),
  INVALID_SIGNATURE(
      -1022, ErrorKind.AUTHORIZATION, "28000", false, "check the secret key or private key"),
  // 11xx: request issues.
  ILLEGAL_CHARS(-1100, ErrorKind.DATA, "22023", false, null),
  TOO_MANY_PARAMETERS(-1101, ErrorKind.DATA, "22023", false, null),
  MANDATORY_PARAM_EMPTY_OR_MALFORMED(-1102, ErrorKind.DATA, "22023", false, null),
  UNKNOWN_PARAM(-1103, ErrorKind.DATA, "22023", false, null),
  UNREAD_PARAMETERS(-1104, ErrorKind.DATA, "22023", false, null),
  PARAM_EMPTY(-1105, ErrorKind.DATA, "22023", false, null),
  PARAM_NOT_REQUIRED(-1106, ErrorKind.DATA, "22023", false, null),
  PARAM_OVERFLOW(-1108, ErrorKind.DATA, "22023", false, null),
  BAD_PRECISION(-1111, ErrorKind.DATA, "22023", false, null),
  NO_DEPTH(-1112, ErrorKind.DATA, "22023", false, null),
  TIF_NOT_REQUIRED(-1114, ErrorKind.DATA, "22023", false, null),
  INVALID_TIF(-1115, ErrorKind.DATA, "22023", false, null),
  INVALID_ORDER_TYPE(-1116, ErrorKind.DATA, "22023", false, null),
  INVALID_SIDE(-1117, ErrorKind.DATA, "22023", false, null),
  EMPTY_NEW_CL_ORD_ID(-1118, ErrorKind.DATA, "22023", false, null),
  EMPTY_ORG_CL_ORD_ID(-1119, ErrorKind.DATA, "22023", false, null),
  BAD_INTERVAL(
      -1120,
      ErrorKind.DATA,
      "22023",
      false,
      "valid intervals: 1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M"),
  BAD_SYMBOL(-1121, ErrorKind.DATA, "22023", false, "check the symbol in the symbols table"),
  INVALID_SYMBOLSTATUS(-1122, ErrorKind.DATA, "22023", false, "valid: TRADING HALT BREAK"),
  INVALID_LISTEN_KEY(-1125, ErrorKind.DATA, "22023", false, null),
  MORE_THAN_XX_HOURS(-1127, ErrorKind.DATA, "22023", false, "narrow the time range"),
  OPTIONAL_PARAMS_BAD_COMBO(-1128, ErrorKind.DATA, "22023", false, null),
  INVALID_PARAMETER(-1130, ErrorKind.DATA, "22023", false, null),
  BAD_STRATEGY_TYPE(-1134, ErrorKind.DATA, "22023", false, null),
  INVALID_JSON(-1135, ErrorKind.DATA, "22023", false, null),
  INVALID_TICKER_TYPE(-1139, ErrorKind.DATA, "22023", false, "valid: FULL MINI"),
  INVALID_CANCEL_RESTRICTIONS(-1145, ErrorKind.DATA, "22023", false, null),
  DUPLICATE_SYMBOLS(-1151, ErrorKind.DATA, "22023", false, null),
  // We never ask for SBE, so an SBE complaint means the adapter itself sent something wrong.
  INVALID_SBE_HEADER(-1152, ErrorKind.INTERNAL, "XX000", false, null),
  UNSUPPORTED_SCHEMA_ID(-1153, ErrorKind.INTERNAL, "XX000", false, null),
  SBE_DISABLED(-1155, ErrorKind.FEATURE_NOT_SUPPORTED, "0A000", false, null),
  OCO_ORDER_TYPE_REJECTED(-1158, ErrorKind.DATA, "22023", false, null),
  OCO_ICEBERGQTY_TIMEINFORCE(-1160, ErrorKind.DATA, "22023", false, null),
  DEPRECATED_SCHEMA(-1161, ErrorKind.INTERNAL, "XX000", false, null),
  BUY_OCO_LIMIT_MUST_BE_BELOW(-1165, ErrorKind.DATA, "22023", false, null),
  SELL_OCO_LIMIT_MUST_BE_ABOVE(-1166, ErrorKind.DATA, "22023", false, null),
  BOTH_OCO_ORDERS_CANNOT_BE_LIMIT(-1168, ErrorKind.DATA, "22023", false, null),
  INVALID_TIME_UNIT(-1194, ErrorKind.DATA, "22023", false, null),
  BUY_OCO_STOP_LOSS_MUST_BE_ABOVE(-1196, ErrorKind.DATA, "22023", false, null),
  SELL_OCO_STOP_LOSS_MUST_BE_BELOW(-1197, ErrorKind.DATA, "22023", false, null),
  BUY_OCO_TAKE_PROFIT_MUST_BE_BELOW(-1198, ErrorKind.DATA, "22023", false, null),
  SELL_OCO_TAKE_PROFIT_MUST_BE_ABOVE(-1199, ErrorKind.DATA, "22023", false, null),
  INVALID_PEG_PRICE_TYPE(-1210, ErrorKind.DATA, "22023", false, null),
  INVALID_PEG_OFFSET_TYPE(-1211, ErrorKind.DATA, "22023", false, null),
  SYMBOL_DOES_NOT_MATCH_STATUS(-1220, ErrorKind.DATA, "22023", false, null),
  INVALID_SBE_MESSAGE_FIELD(-1221, ErrorKind.INTERNAL, "XX000", false, null),
  OPO_WORKING_MUST_BE_BUY(-1222, ErrorKind.DATA, "22023", false, null),
  OPO_PENDING_MUST_BE_SELL(-1223, ErrorKind.DATA, "22023", false, null),
  WORKING_PARAM_REQUIRED(-1224, ErrorKind.DATA, "22023", false, null),
  PENDING_PARAM_NOT_REQUIRED(-1225, ErrorKind.DATA, "22023", false, null),
  // 20xx: processing issues (orders, keys).
  NEW_ORDER_REJECTED(-2010, ErrorKind.DATA, "22023", false, null),
  CANCEL_REJECTED(-2011, ErrorKind.DATA, "22023", false, null),
  NO_SUCH_ORDER(-2013, ErrorKind.DATA, "22023", false, null),
  BAD_API_KEY_FMT(-2014, ErrorKind.AUTHORIZATION, "28000", false, "check the API key"),
  REJECTED_MBX_KEY(
      -2015,
      ErrorKind.AUTHORIZATION,
      "28000",
      false,
      "check the API key, its IP whitelist and its permissions"),
  NO_TRADING_WINDOW(-2016, ErrorKind.FEATURE_NOT_SUPPORTED, "0A000", false, null),
  CANCEL_REPLACE_PARTIALLY_FAILED(-2021, ErrorKind.DATA, "22023", false, null),
  CANCEL_REPLACE_FAILED(-2022, ErrorKind.DATA, "22023", false, null),
  ORDER_ARCHIVED(-2026, ErrorKind.DATA, "22023", false, null),
  ORDER_AMEND_REJECTED(-2038, ErrorKind.DATA, "22023", false, null),
  CLIENT_ORDER_ID_INVALID(-2039, ErrorKind.DATA, "22023", false, null),
  NO_REFERENCE_PRICE(-2043, ErrorKind.DATA, "22023", false, null);

  private static final Map<Integer, BinanceErrorCode> BY_CODE = new HashMap<>();

  static {
    for (BinanceErrorCode c : values()) {
      if (BY_CODE.put(c.code, c) != null) {
        throw new ExceptionInInitializerError("duplicate Binance error code " + c.code);
      }
    }
  }

  private final int code;
  private final ErrorKind kind;
  private final String sqlState;
  private final boolean retryable;
  private final String hint;

  BinanceErrorCode(int code, ErrorKind kind, String sqlState, boolean retryable, String hint) {
    this.code = code;
    this.kind = kind;
    this.sqlState = sqlState;
    this.retryable = retryable;
    this.hint = hint;
  }

  /** The Binance code, always negative, e.g. -1121. */
  public int code() {
    return code;
  }

  public ErrorKind kind() {
    return kind;
  }

  public String sqlState() {
    return sqlState;
  }

  /** Whether the very same request may succeed when sent again later, without a change. */
  public boolean retryable() {
    return retryable;
  }

  /** A short advice appended to the message, or null. */
  public String hint() {
    return hint;
  }

  /** The entry for a Binance code, or null when the catalogue does not know it. */
  public static BinanceErrorCode fromCode(int code) {
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
    ErrorKind kind;
    String sqlState;
    String hint;
    if (known != null) {
      kind = known.kind;
      sqlState = known.sqlState;
      hint = known.hint;
    } else {
      HttpStatusMapping byStatus = HttpStatusMapping.of(httpStatus);
      kind = byStatus.kind();
      sqlState = byStatus.sqlState();
      hint = null;
    }
    String message = ErrorMessages.format(httpStatus, code, msg, method, path, params, hint);
    return new BinanceException(kind, sqlState, code, message, null);
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
    return new BinanceException(byStatus.kind(), byStatus.sqlState(), httpStatus, message, null);
  }
}
