package io.github.binancejdbc.clients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the exchange's answers (no Jackson here: {@link ClasspathIT} proves the
 * driver needs none). Objects become maps in field order, arrays lists, and strings and numbers
 * their text exactly as sent ({@code "61234.56000000"} stays that), so a test compares decimals
 * with their scale.
 */
final class JsonText {
  private final String s;
  private int i;

  private JsonText(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    JsonText p = new JsonText(text);
    Object v = p.value();
    p.space();
    if (p.i != text.length()) {
      throw p.error("trailing text");
    }
    return v;
  }

  /** {@code path}'s value in nested maps and lists: names for objects, numbers for arrays. */
  @SuppressWarnings("unchecked")
  static String at(Object json, Object... path) {
    Object v = json;
    for (Object step : path) {
      v =
          step instanceof Integer n
              ? ((List<Object>) v).get(n)
              : ((Map<String, Object>) v).get(step);
    }
    return (String) v;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object json) {
    return (List<Object>) json;
  }

  private Object value() {
    space();
    char c = s.charAt(i);
    if (c == '{') {
      Map<String, Object> m = new LinkedHashMap<>();
      items(
          '}',
          () -> {
            space();
            String name = string();
            space();
            expect(':');
            m.put(name, value());
          });
      return m;
    }
    if (c == '[') {
      List<Object> l = new ArrayList<>();
      items(']', () -> l.add(value()));
      return l;
    }
    if (c == '"') {
      return string();
    }
    int start = i;
    while (i < s.length() && ",]} \n\r\t".indexOf(s.charAt(i)) < 0) {
      i++;
    }
    String literal = s.substring(start, i);
    return literal.equals("null") ? null : literal;
  }

  /** The comma-separated items after an opening bracket, up to {@code close}. */
  private void items(char close, Runnable item) {
    i++;
    space();
    if (s.charAt(i) == close) {
      i++;
      return;
    }
    do {
      item.run();
      space();
    } while (s.charAt(i++) == ',');
    if (s.charAt(i - 1) != close) {
      throw error("expected " + close + " or ,");
    }
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    for (char c = s.charAt(i++); c != '"'; c = s.charAt(i++)) {
      if (c == '\\') {
        char e = s.charAt(i++);
        sb.append(
            switch (e) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              case 'b' -> '\b';
              case 'f' -> '\f';
              case 'u' -> {
                i += 4;
                yield (char) Integer.parseInt(s.substring(i - 4, i), 16);
              }
              default -> e;
            });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private void expect(char c) {
    if (s.charAt(i) != c) {
      throw error("expected " + c);
    }
    i++;
  }

  private void space() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at " + i + ": " + s);
  }
}
