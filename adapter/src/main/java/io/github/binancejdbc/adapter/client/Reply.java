package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.error.BinanceException;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.Headers;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * What came back for one attempt: the status and headers, and then either the body still unread
 * (below {@link ReadStep}) or what was read from it: the answer, the reason a 2xx body could not be
 * read, or an error body.
 */
final class Reply implements AutoCloseable {
  private final int status;
  private final Headers headers;
  private final @Nullable Response response;
  private final @Nullable Object answer;
  private final @Nullable BinanceException unreadable;
  private final @Nullable ErrorBody error;

  private Reply(
      int status,
      Headers headers,
      @Nullable Response response,
      @Nullable Object answer,
      @Nullable BinanceException unreadable,
      @Nullable ErrorBody error) {
    this.status = status;
    this.headers = requireNonNull(headers, "headers is null");
    this.response = response;
    this.answer = answer;
    this.unreadable = unreadable;
    this.error = error;
  }

  /** A response whose body is still to be read; closing the reply closes it. */
  static Reply open(Response response) {
    return new Reply(response.code(), response.headers(), response, null, null, null);
  }

  /** A 2xx answer, read. */
  static Reply answered(int status, Headers headers, @Nullable Object answer) {
    return new Reply(status, headers, null, answer, null, null);
  }

  /** A 2xx whose body is not the answer (cut short, empty, the wrong shape). */
  static Reply unreadable(int status, Headers headers, BinanceException why) {
    return new Reply(status, headers, null, null, requireNonNull(why, "why is null"), null);
  }

  /** A response outside 2xx, with its body. */
  static Reply failed(int status, Headers headers, ErrorBody error) {
    return new Reply(status, headers, null, null, null, requireNonNull(error, "error is null"));
  }

  int status() {
    return status;
  }

  /** The header's value, or null when the response has none. */
  @Nullable String header(String name) {
    return headers.get(name);
  }

  String header(String name, String defaultValue) {
    String value = headers.get(name);
    return value == null ? defaultValue : value;
  }

  Headers headers() {
    return headers;
  }

  /** Whether the status is 2xx. */
  boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** The answer read, or null (an answer may also be null). */
  @Nullable Object answer() {
    return answer;
  }

  /** Why a 2xx body could not be read, or null. */
  @Nullable BinanceException unreadable() {
    return unreadable;
  }

  /** The body of a response outside 2xx, or null for a 2xx or a body not read yet. */
  @Nullable ErrorBody error() {
    return error;
  }

  /** Whether this is an error response with Binance's {@code code}. */
  boolean hasCode(int code) {
    Integer own = error == null ? null : error.code();
    return own != null && own == code;
  }

  /**
   * How long the server took to answer, by OkHttp's record: from writing the request to reading the
   * status line and headers, in milliseconds (a connection's set-up and the client's own work
   * before sending are not in it); -1 for a reply already read.
   */
  long waitMillis() {
    return response == null
        ? -1
        : Math.max(0, response.receivedResponseAtMillis() - response.sentRequestAtMillis());
  }

  InputStream bodyStream() {
    return requireNonNull(response, "the body is read").body().byteStream();
  }

  /** The whole body (sized by its length when the server sends one). */
  byte[] bodyBytes() throws IOException {
    return requireNonNull(response, "the body is read").body().bytes();
  }

  /** Up to {@code max} bytes of the body as text, leaving the body unread. */
  String peekBody(long max) throws IOException {
    return requireNonNull(response, "the body is read").peekBody(max).string();
  }

  @Override
  public void close() {
    if (response != null) {
      response.close();
    }
  }
}
