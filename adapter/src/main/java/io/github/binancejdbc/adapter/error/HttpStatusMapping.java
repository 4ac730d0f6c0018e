package io.github.binancejdbc.adapter.error;

import static java.util.Objects.requireNonNull;

/**
 * What an HTTP status means when the response carries no Binance error code (or one the catalogue
 * does not know): the SQLState, whether a resend may help (the transport retries a GET exactly
 * then), and a short description.
 *
 * @param state the SQLState, which carries the kind
 * @param retryable whether the same request may succeed when sent again later
 * @param description a few words for the message, e.g. {@code endpoint not found (retired?)}
 */
public record HttpStatusMapping(SqlState state, boolean retryable, String description) {

  public HttpStatusMapping {
    requireNonNull(state, "state is null");
    requireNonNull(description, "description is null");
  }

  public ErrorKind kind() {
    return state.kind();
  }

  public String sqlState() {
    return state.code();
  }

  /** The mapping of one HTTP status; never null. */
  public static HttpStatusMapping of(int httpStatus) {
    if (httpStatus == 401) {
      return new HttpStatusMapping(SqlState.INVALID_AUTHORIZATION, false, "unauthorized");
    }
    if (httpStatus == 403) {
      // Binance's WAF answers 403 for security blocks (e.g. SQL keywords in a parameter) too.
      return new HttpStatusMapping(
          SqlState.INVALID_AUTHORIZATION, false, "forbidden (WAF rule or access denied)");
    }
    if (httpStatus == 404) {
      return new HttpStatusMapping(
          SqlState.FEATURE_NOT_SUPPORTED, false, "endpoint not found (retired?)");
    }
    if (httpStatus == 418) {
      return new HttpStatusMapping(SqlState.IP_BANNED, false, "IP banned");
    }
    if (httpStatus == 429) {
      return new HttpStatusMapping(SqlState.RATE_LIMITED, true, "rate limited");
    }
    if (httpStatus >= 500 && httpStatus <= 599) {
      return new HttpStatusMapping(SqlState.SYSTEM_ERROR, true, "server error");
    }
    if (httpStatus >= 400 && httpStatus <= 499) {
      // Binance documents 4XX as "malformed request, the client's fault".
      return new HttpStatusMapping(SqlState.INVALID_PARAMETER_VALUE, false, "bad request");
    }
    return new HttpStatusMapping(SqlState.INTERNAL_ERROR, false, "unexpected HTTP status");
  }
}
