package io.github.binancejdbc.adapter.client;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import io.github.binancejdbc.adapter.error.BinanceErrorCode;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.ErrorMessages;
import io.github.binancejdbc.adapter.error.HttpStatusMapping;
import io.github.binancejdbc.adapter.error.SqlState;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds the exceptions {@link BinanceHttp} throws for error responses and unreadable bodies. */
final class ResponseErrors {
  private ResponseErrors() {}

  static BinanceException unexpected(
      String method,
      String path,
      List<Param> params,
      @Nullable String what,
      JsonLocation where,
      JsonParser parser,
      Exception cause) {
    // Jackson hides the source in locations by default; drop the "[Source: REDACTED ...; " noise.
    String detail = String.valueOf(what).replaceAll("\\[Source: [^;\\]]*; ", "[");
    StringBuilder sb =
        new StringBuilder("Unexpected response from ").append(method).append(' ').append(path);
    sb.append(": ").append(detail);
    if (where != null) {
      sb.append(" at line ").append(where.getLineNr()).append(", column ");
      sb.append(where.getColumnNr());
    }
    String pointer = parser.getParsingContext().pathAsPointer().toString();
    sb.append(", JSON path ").append(pointer.isEmpty() ? "/" : pointer);
    sb.append(ErrorMessages.paramsSuffix(params));
    return BinanceException.internal(sb.toString(), cause);
  }

  /** What Binance said with its 418; no catalogue hint, as -1003's would understate a ban. */
  static String bannedDetail(ErrorBody body, String method, String path, List<Param> params) {
    Integer code = body.code();
    return code != null
        ? ErrorMessages.format(418, code, body.msg(), method, path, params, null)
        : BinanceErrorCode.fromHttpStatus(418, body.snippet(), method, path, params).getMessage();
  }

  static BinanceException rateLimited(
      ErrorBody body, String method, String path, List<Param> params) {
    BinanceException e = toException(429, body, method, path, params);
    // No Binance body: still report -1003, the code Binance uses for a broken weight limit.
    return body.code() != null ? e : new BinanceException(e.state(), -1003, e.getMessage(), null);
  }

  static BinanceException toException(
      int status, ErrorBody body, String method, String path, List<Param> params) {
    Integer code = body.code();
    return code != null
        ? BinanceErrorCode.toException(status, code, body.msg(), method, path, params)
        : BinanceErrorCode.fromHttpStatus(status, body.snippet(), method, path, params);
  }

  /**
   * Whether the same request may succeed when sent again: the catalogue's flag for a known Binance
   * code, else the HTTP status's.
   */
  static boolean retryable(int status, ErrorBody body) {
    BinanceErrorCode known = body.code() == null ? null : BinanceErrorCode.fromCode(body.code());
    return known != null ? known.retryable() : HttpStatusMapping.of(status).retryable();
  }

  static BinanceException gaveUp(BinanceException e, int attempts, SqlState state) {
    String message = e.getMessage() + gaveUpSuffix(attempts);
    return new BinanceException(state, e.vendorCode(), message, e.getCause());
  }

  static String gaveUpSuffix(int attempts) {
    return attempts == 1 ? " (no retry allowed)" : " (gave up after " + attempts + " attempts)";
  }
}
