package io.github.binancejdbc.simulator.trading;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Binance error answer: HTTP status plus the {@code {"code":...,"msg":...}} body (and, for
 * cancel-replace, a {@code data} object).
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final int code;
  private final transient JsonNode data;

  public ApiException(int status, int code, String msg) {
    this(status, code, msg, null);
  }

  public ApiException(int status, int code, String msg, JsonNode data) {
    super(msg, null, false, false);
    this.status = status;
    this.code = code;
    this.data = data;
  }

  public int status() {
    return status;
  }

  public int code() {
    return code;
  }

  public JsonNode data() {
    return data;
  }

  /** HTTP 400 with the given code and message, the usual shape of a rejected request. */
  public static ApiException bad(int code, String msg) {
    return new ApiException(400, code, msg);
  }
}
