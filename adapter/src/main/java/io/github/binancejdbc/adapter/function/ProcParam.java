package io.github.binancejdbc.adapter.function;

import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.client.Param;

/**
 * One argument of a procedure: its SQL name (lower_snake), the API parameter it becomes, its kind,
 * and whether it is required.
 */
public record ProcParam(String name, String apiName, Kind kind, boolean required, String remarks) {
  /** How a SQL value becomes the API's text. */
  public enum Kind {
    /** Text as given. */
    STRING,
    /** Text, upper-cased (symbols and enums: {@code buy} becomes {@code BUY}). */
    ENUM,
    /** An exact decimal, sent as its plain digits ({@code 0.1} is {@code 0.1}, never a double). */
    DECIMAL,
    /** A whole number. */
    LONG,
    /** {@code true} or {@code false}. */
    BOOLEAN
  }

  public ProcParam {
    requireNonNull(name, "name is null");
    requireNonNull(apiName, "apiName is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(remarks, "remarks is null");
  }

  static ProcParam req(String name, String apiName, Kind kind, String remarks) {
    return new ProcParam(name, apiName, kind, true, remarks);
  }

  static ProcParam opt(String name, String apiName, Kind kind, String remarks) {
    return new ProcParam(name, apiName, kind, false, remarks);
  }

  /** A required argument sent under its SQL name in camel case ({@link Param#apiName(String)}). */
  static ProcParam req(String name, Kind kind, String remarks) {
    return req(name, Param.apiName(name), kind, remarks);
  }

  /** An optional argument sent under its SQL name in camel case ({@link Param#apiName(String)}). */
  static ProcParam opt(String name, Kind kind, String remarks) {
    return opt(name, Param.apiName(name), kind, remarks);
  }
}
