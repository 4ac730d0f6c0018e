package io.github.binancejdbc.adapter.error;

/**
 * The category of a failure; it picks the JDBC exception class a caller sees. Every {@link
 * SqlState} carries its kind, so state and class agree.
 */
public enum ErrorKind {
  /** API unreachable while connecting, or the connection is closed (08xxx). */
  CONNECTION,
  /** Key, signature or permission rejected (28000). */
  AUTHORIZATION,
  /** A bad value: parameter, property, cast, overflow, division by zero (22xxx). */
  DATA,
  /** A statement that does not parse, names nothing known, or is not allowed here (42xxx). */
  SYNTAX,
  /** A statement used wrongly or too large to run: unbound parameters, limits (07001, 54001). */
  STATEMENT,
  /** A query the driver or the API cannot answer, such as a missing required key (0A000). */
  FEATURE_NOT_SUPPORTED,
  /** Rate limited (429, -1003): worth retrying later (53000). */
  RATE_LIMITED,
  /** IP banned (418): all calls halt until the ban lifts (53000). */
  BANNED,
  /** 5xx, -1000/-1001/-1006/-1007/-1008, or an I/O failure mid-query (58000 / 58030). */
  SERVER,
  /** Statement timeout or cancel (57014). */
  TIMEOUT,
  /** Unexpected JSON shape or an internal bug (XX000). */
  INTERNAL
}
