package io.github.binancejdbc.adapter.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.util.List;

/** The percent-encoding of query strings and signed payloads. */
final class QueryString {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private QueryString() {}

  /**
   * The query string for {@code params}, in their order: {@code name=value} joined by {@code &},
   * names and values percent-encoded as UTF-8 with only RFC 3986 unreserved characters ({@code
   * A-Za-z0-9-._~}) kept. This is also the payload a signature is computed over.
   */
  static String encode(List<Param> params) {
    requireNonNull(params, "params is null");
    StringBuilder sb = new StringBuilder();
    for (Param p : params) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      percentEncode(p.name(), sb);
      sb.append('=');
      percentEncode(p.value(), sb);
    }
    return sb.toString();
  }

  static void percentEncode(String s, StringBuilder sb) {
    for (byte b : s.getBytes(UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
  }
}
