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
}
