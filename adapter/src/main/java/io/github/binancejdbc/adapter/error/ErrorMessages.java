package io.github.binancejdbc.adapter.error;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.client.Param;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds the house-style error message, {@code Binance API error -1121 (HTTP 400) on GET
 * /api/v3/klines: Invalid symbol. [symbol=FOO] (hint: ...)}, and redacts secret parameters, so that
 * every error the adapter raises reads the same and never leaks a secret.
 */
public final class ErrorMessages {
  /** Parameter names whose values never appear in a message or a log line (lower case). */
  private static final Set<String> SECRET_PARAMS =
      Set.of("signature", "apikey", "secretkey", "apisecret", "listenkey");

  private static final int SNIPPET_LENGTH = 200;

  private ErrorMessages() {}

  /**
   * The full message.
   *
   * @param code the Binance code, or null when the body had none
   * @param text Binance's {@code msg} verbatim, or a description of the HTTP status
   * @param hint at most one hint, or null
   */
  public static String format(
      int httpStatus,
      @Nullable Integer code,
      String text,
      String method,
      String path,
      List<Param> params,
      @Nullable String hint) {
    requireNonNull(text, "text is null");
    requireNonNull(method, "method is null");
    requireNonNull(path, "path is null");
    requireNonNull(params, "params is null");
    StringBuilder sb = new StringBuilder("Binance API error ");
    if (code != null) {
      sb.append(code).append(' ');
    }
    sb.append("(HTTP ").append(httpStatus).append(") on ").append(method).append(' ').append(path);
    sb.append(": ").append(text).append(paramsSuffix(params));
    if (hint != null) {
      sb.append(" (hint: ").append(hint).append(')');
    }
    return sb.toString();
  }

  /** {@code " [symbol=FOO, signature=****]"}, or empty when there are no parameters. */
  public static String paramsSuffix(List<Param> params) {
    requireNonNull(params, "params is null");
    if (params.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" [");
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(p.name()).append('=').append(isSecret(p.name()) ? "****" : p.value());
    }
    return sb.append(']').toString();
  }

  /** Whether a parameter's value must be hidden. */
  public static boolean isSecret(String paramName) {
    return SECRET_PARAMS.contains(paramName.toLowerCase(Locale.ROOT));
  }

  /**
   * The start of a response body on one line, for messages about bodies that are not Binance JSON
   * (HTML error pages, proxies): whitespace collapsed, cut at 200 characters.
   */
  public static String snippet(String body) {
    requireNonNull(body, "body is null");
    String oneLine = body.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= SNIPPET_LENGTH
        ? oneLine
        : oneLine.substring(0, SNIPPET_LENGTH) + "...";
  }
}
