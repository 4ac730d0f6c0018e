package io.github.binancejdbc.simulator.trading;

/** Binance's error codes and messages as the REST API sends them (errors.md wording). */
public final class Errors {
  public static final String SYMBOL_RANGE = "^[A-Z0-9-_.]{1,20}$";
  public static final String LONG_RANGE = "^[0-9]{1,20}$";
  public static final String DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
  public static final String SYMBOLS_RANGE =
      "^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$";

  private Errors() {}

  public static ApiException badSymbol() {
    return ApiException.bad(-1121, "Invalid symbol.");
  }

  public static ApiException illegal(String param, String range) {
    return ApiException.bad(
        -1100,
        "Illegal characters found in parameter '" + param + "'; legal range is '" + range + "'.");
  }

  public static ApiException mandatory(String param) {
    return ApiException.bad(
        -1102, "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
  }

  public static ApiException eitherMandatory(String a, String b) {
    return ApiException.bad(
        -1102, "Param '" + a + "' or '" + b + "' must be sent, but both were empty/null!");
  }

  public static ApiException notRequired(String param) {
    return ApiException.bad(-1106, "Parameter '" + param + "' sent when not required.");
  }

  public static ApiException invalid(String param) {
    return ApiException.bad(-1130, "Data sent for parameter '" + param + "' is not valid.");
  }

  public static ApiException tooMuchPrecision(String param) {
    return ApiException.bad(-1111, "Parameter '" + param + "' has too much precision.");
  }

  public static ApiException badCombination() {
    return ApiException.bad(-1128, "Combination of optional parameters invalid.");
  }

  public static ApiException moreThan24Hours() {
    return ApiException.bad(-1127, "More than 24 hours between startTime and endTime.");
  }

  public static ApiException filter(String filter) {
    return ApiException.bad(-1013, "Filter failure: " + filter);
  }

  public static ApiException rejected(String reason) {
    return ApiException.bad(-2010, reason);
  }

  public static ApiException cancelRejected(String reason) {
    return ApiException.bad(-2011, reason);
  }

  public static ApiException noSuchOrder() {
    return ApiException.bad(-2013, "Order does not exist.");
  }

  public static ApiException badKeyFormat() {
    return new ApiException(401, -2014, "API-key format invalid.");
  }

  public static ApiException rejectedKey() {
    return new ApiException(401, -2015, "Invalid API-key, IP, or permissions for action.");
  }

  /** The usual HTTP status of a Binance error code. */
  public static int statusOf(int code) {
    return switch (code) {
      case -1003, -1015 -> 429;
      case -2014, -2015, -1002 -> 401;
      case -1000 -> 500;
      case -1001, -1006, -1007, -1008 -> 503;
      case -1016 -> 410;
      case -2021 -> 409;
      default -> 400;
    };
  }

  /** The standard message of a code, for injected faults that name only a code. */
  public static String messageOf(int code) {
    return switch (code) {
      case -1000 -> "An unknown error occurred while processing the request.";
      case -1001 -> "Internal error; unable to process your request. Please try again.";
      case -1002 -> "You are not authorized to execute this request.";
      case -1003 -> "Too many requests queued.";
      case -1006 ->
          "An unexpected response was received from the message bus. Execution status unknown.";
      case -1007 ->
          "Timeout waiting for response from backend server. Send status unknown; execution status unknown.";
      case -1008 ->
          "Server is currently overloaded with other requests. Please try again in a few minutes.";
      case -1013 -> "Market is closed.";
      case -1015 -> "Too many new orders.";
      case -1016 -> "This service is no longer available.";
      case -1020 -> "This operation is not supported.";
      case -1021 -> "Timestamp for this request is outside of the recvWindow.";
      case -1022 -> "Signature for this request is not valid.";
      case -1100 -> "Illegal characters found in a parameter.";
      case -1101 -> "Too many parameters sent for this endpoint.";
      case -1102 -> "A mandatory parameter was not sent, was empty/null, or malformed.";
      case -1104 -> "Not all sent parameters were read.";
      case -1120 -> "Invalid interval.";
      case -1121 -> "Invalid symbol.";
      case -1127 -> "Lookup interval is too big.";
      case -1128 -> "Combination of optional parameters invalid.";
      case -1130 -> "Invalid data sent for a parameter.";
      case -2010 -> "Account has insufficient balance for requested action.";
      case -2011 -> "Unknown order sent.";
      case -2013 -> "Order does not exist.";
      case -2014 -> "API-key format invalid.";
      case -2015 -> "Invalid API-key, IP, or permissions for action.";
      default -> "An unknown error occurred while processing the request.";
    };
  }
}
