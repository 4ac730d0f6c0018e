package io.github.binancejdbc.adapter.table;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Exact decimals straight from the parser's character buffer, without an intermediate {@code
 * String}: up to 18 digits (which always fit a {@code long}) become {@code BigDecimal.valueOf(
 * unscaled, scale)}; anything else (more digits, an exponent, a malformed value) goes to {@code new
 * BigDecimal(char[], int, int)}, which parses or rejects it exactly as {@code new BigDecimal(text)}
 * would. The result always equals {@code new BigDecimal(text)}, scale included.
 */
final class Decimals {
  /** 18 decimal digits never overflow a long (10^18 - 1 &lt; 2^63). */
  private static final int MAX_FAST_DIGITS = 18;

  private Decimals() {}

  static BigDecimal parse(char[] buf, int off, int len) {
    return parse(buf, null, off, len);
  }

  /** As {@link #parse(char[], int, int)}, from the bytes of ASCII text (a response body). */
  static BigDecimal parse(byte[] ascii, int off, int len) {
    return parse(null, ascii, off, len);
  }

  /** Over {@code chars} or, when that is null, {@code bytes}. */
  private static BigDecimal parse(char[] chars, byte[] bytes, int off, int len) {
    int end = off + len;
    int i = off;
    boolean negative = false;
    int first = len == 0 ? 0 : chars != null ? chars[i] : bytes[i];
    if (first == '-' || first == '+') {
      negative = first == '-';
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int scale = 0;
    boolean point = false;
    for (; i < end; i++) {
      int c = chars != null ? chars[i] : bytes[i];
      if (c >= '0' && c <= '9') {
        if (++digits > MAX_FAST_DIGITS) {
          return slow(chars, bytes, off, len);
        }
        unscaled = unscaled * 10 + (c - '0');
        if (point) {
          scale++;
        }
      } else if (c == '.' && !point) {
        point = true;
      } else {
        // An exponent, a second point, a space: the full parser decides (and rejects the bad).
        return slow(chars, bytes, off, len);
      }
    }
    if (digits == 0) {
      return slow(chars, bytes, off, len);
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
  }

  private static BigDecimal slow(char[] chars, byte[] bytes, int off, int len) {
    return chars != null
        ? new BigDecimal(chars, off, len)
        : new BigDecimal(new String(bytes, off, len, StandardCharsets.US_ASCII));
  }
}
