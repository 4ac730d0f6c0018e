package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

/** One query parameter, value in its plain (not yet percent-encoded) form. */
public record Param(String name, String value) {
  public Param {
    requireNonNull(name, "name is null");
    requireNonNull(value, "value is null");
  }

  public static Param of(String name, Object value) {
    return new Param(name, String.valueOf(value));
  }

  /** The API's name for a SQL name: {@code new_client_order_id} is {@code newClientOrderId}. */
  public static String apiName(String sqlName) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : sqlName.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }
}
