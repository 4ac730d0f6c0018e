package io.github.binancejdbc.adapter.error;

import static java.util.Objects.requireNonNull;

/**
 * What an HTTP status means when the response carries no Binance error code (or one the catalogue
 * does not know): the kind, the SQLState, whether a resend may help, and a short description.
 *
 * @param kind the category
 * @param sqlState the SQLState
 * @param retryable whether the same request may succeed when sent again later
 * @param description a few words for the message, e.g. {@code endpoint not found (retired?)}
 */
public record HttpStatusMapping(
    ErrorKind kind, String sqlState, boolean retryable, String description) {

  public HttpStatusMapping {
    requireNonNull(kind, "kind is null");
    requireNonNull(sqlState, "sqlState is null");
    requireNonNull(description, "description is null");
  }

  /** The mapping of one HTTP status; never null. */
  public static HttpStatusMapping of(int httpStatus) {
    if (httpStatus == 401) {
      return new HttpStatusMapping(ErrorKind.AUTHORIZATION, "28000", false, "unauthorized");
    }
    if (httpStatus == 403) {
      // Binance's WAF answers 403 for security blocks (e.g. SQL keywords in a parameter) too.
      return new HttpStatusMapping(
          ErrorKind.AUTHORIZATION, "28000", false, "forbidden (WAF rule or access denied)");
    }
    if (httpStatus == 404) {
      return new HttpStatusMapping(
          ErrorKind.FEATURE_NOT_SUPPORTED, "0A000", false, "endpoint not found (retired?)");
    }
    if (httpStatus == 418) {
      return new HttpStatusMapping(ErrorKind.BANNED, "53000", false, "IP banned");
    }
    if (httpStatus == 429) {
      return new HttpStatusMapping(ErrorKind.RATE_LIMITED, "53000", true, "rate limited");
    }
    if (httpStatus >= 500 && httpStatus <= 599) {
      return new HttpStatusMapping(ErrorKind.SERVER, "58000", true, "server error");
    }
    if (httpStatus >= 400 && httpStatus <= 499) {
      // Binance documents 4XX as "malformed request, the client's fault".
      return new HttpStatusMapping(ErrorKind.DATA, "22023", false, "bad request");
    }
    return new HttpStatusMapping(ErrorKind.INTERNAL, "XX000", false, "unexpected HTTP status");
  }
}
