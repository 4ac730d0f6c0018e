package io.github.binancejdbc.adapter.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of bars read straight from the bytes of the response, for the common case: {@code
 * [[1499040000000,"0.01634790",...,"0"],...]} with plain numbers (no exponent), strings of
 * printable ASCII without escapes, and JSON whitespace anywhere. It gives the rows {@link
 * KlineRows#read} would give, or {@code null} when the body is anything else (a {@code null}, an
 * escape, an exponent, a number of more than 18 digits where a whole number belongs, too few
 * fields, a nested value, a malformed token, trailing text): then the caller reads the same bytes
 * with Jackson, which either gives the same rows or reports the error with its location. A scan of
 * a million bars spends most of its time in this loop, which the JIT compiles far sooner than a
 * general JSON parser.
 */
final class KlineBytes {
  private static final int FIELDS = 11;

  private final byte[] b;
  private final int end;
  private int i;

  private KlineBytes(byte[] body, int length) {
    this.b = body;
    this.end = length;
  }

  /**
   * The bars of {@code body[0, length)} with the values of the fields {@code need} marks (field k
   * of a bar is row slot k + 3; open time is always read), or null (see the class comment).
   */
  static @Nullable List<Object[]> read(
      byte[] body, int length, String symbol, String timeframe, String zone, boolean[] need) {
    return new KlineBytes(body, length).page(symbol, timeframe, zone, need);
  }

  private @Nullable List<Object[]> page(
      String symbol, String timeframe, String zone, boolean[] need) {
    List<Object[]> rows = new ArrayList<>(1000);
    if (!skipTo('[')) {
      return null;
    }
    i++;
    if (!ws()) {
      return null;
    }
    if (b[i] == ']') {
      i++;
      return atEnd() ? rows : null;
    }
    while (true) {
      if (b[i] != '[') {
        return null;
      }
      i++;
      Object[] r = new Object[KlineRows.WIDTH];
      r[0] = symbol;
      r[1] = timeframe;
      r[2] = zone;
      for (int f = 0; f < FIELDS; f++) {
        if (!ws()) {
          return null;
        }
        Object v = value(KlineRows.FIELD_TYPES[f], need[f]);
        if (v == FAIL || !ws()) {
          return null;
        }
        r[f + KlinesTable.OPEN_TIME] = v;
        byte c = b[i++];
        boolean last = f == FIELDS - 1;
        // Fewer fields or a stray character: Jackson reports it. After the last field read, the
        // unused 12th and anything Binance may add later are skipped.
        if (last ? c != ']' && (c != ',' || !skipScalars()) : c != ',') {
          return null;
        }
      }
      rows.add(r);
      if (!ws()) {
        return null;
      }
      byte c = b[i++];
      if (c == ']') {
        return atEnd() ? rows : null;
      }
      if (c != ',' || !ws()) {
        return null;
      }
    }
  }

  /** The bytes of a string that need no care: printable ASCII but the quote and the backslash. */
  private static final boolean[] PLAIN = new boolean[256];

  static {
    for (int c = 0x20; c < 0x7f; c++) {
      PLAIN[c] = c != '"' && c != '\\';
    }
  }

  private static final VarHandle WORDS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * The index of the first byte at or after {@code from} that is not {@link #PLAIN} (or {@code
   * end}). Eight bytes at a time while none of them can be a quote, a backslash, a control or a
   * byte from 0x7f up; the word that may hold one is then read byte by byte, which decides.
   */
  private int plainFrom(int from) {
    int k = from;
    while (k + Long.BYTES <= end) {
      long w = (long) WORDS.get(b, k);
      long quote = w ^ (ONES * '"');
      long backslash = w ^ (ONES * '\\');
      // A byte below 0x20 or from 0x7f up (w + 1 per byte sets the high bit of 0x7f..0xff).
      long special =
          ((quote - ONES) & ~quote)
              | ((backslash - ONES) & ~backslash)
              | ((w - ONES * 0x20) & ~w)
              | (w + ONES)
              | w;
      if ((special & HIGHS) != 0) {
        break;
      }
      k += Long.BYTES;
    }
    while (k < end && PLAIN[b[k] & 0xff]) {
      k++;
    }
    return k;
  }

  /** Marks a value the fast path does not take. */
  private static final Object FAIL = new Object();

  /** Skips whitespace; false at the end of the body. */
  private boolean ws() {
    if (i < end && b[i] > ' ') {
      return true; // the common case: no whitespace at all
    }
    while (i < end) {
      byte c = b[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return true;
      }
      i++;
    }
    return false;
  }

  private boolean skipTo(char c) {
    return ws() && b[i] == c;
  }

  private boolean atEnd() {
    return !ws();
  }

  /** After the 11th field and its comma: scalars up to and including the bar's bracket. */
  private boolean skipScalars() {
    while (true) {
      if (!ws() || value(ColumnType.VARCHAR, false) == FAIL || !ws()) {
        return false;
      }
      byte c = b[i++];
      if (c == ']') {
        return true;
      }
      if (c != ',') {
        return false;
      }
    }
  }

  /**
   * The value at {@code i} (a number or a string) as {@code type}, or null when not {@code wanted};
   * {@link #FAIL} for anything the fast path does not take.
   */
  private @Nullable Object value(ColumnType type, boolean wanted) {
    byte c = b[i];
    if (c == '"') {
      int start = ++i;
      i = plainFrom(i);
      if (i >= end || b[i] != '"') {
        return FAIL; // an escape, a control or non-ASCII byte, or no closing quote
      }
      int stop = i++;
      if (!wanted) {
        return null;
      }
      if (type == ColumnType.DECIMAL) {
        return stop == start ? null : decimal(start, stop);
      }
      return FAIL; // a whole number sent as a string: Jackson's path reads it
    }
    int start = i;
    if (c == '-') {
      i++;
    }
    int digitsStart = i;
    long v = 0; // overflows past 18 digits, when it is not used
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      v = v * 10 + (b[i++] - '0');
    }
    int intDigits = i - digitsStart;
    if (intDigits == 0 || (intDigits > 1 && b[digitsStart] == '0')) {
      return FAIL; // not a number, or a leading zero (true, false, null, 01: Jackson decides)
    }
    boolean fraction = false;
    if (i < end && b[i] == '.') {
      fraction = true;
      int f = ++i;
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == f) {
        return FAIL;
      }
    }
    if (i < end && (b[i] == 'e' || b[i] == 'E')) {
      return FAIL;
    }
    if (!wanted) {
      return null;
    }
    if (type == ColumnType.DECIMAL) {
      return decimal(start, i);
    }
    if (fraction || intDigits > 18 || type == ColumnType.VARCHAR) {
      return FAIL;
    }
    return c == '-' ? -v : v;
  }

  /**
   * The decimal of the ASCII text {@code b[start, stop)}, exactly as {@code new BigDecimal}; {@link
   * #FAIL} when that would reject it.
   */
  private Object decimal(int start, int stop) {
    try {
      return Decimals.parse(b, start, stop - start);
    } catch (NumberFormatException e) {
      return FAIL; // Jackson's path reports it
    }
  }
}
