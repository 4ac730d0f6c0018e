package io.github.binancejdbc.adapter.error;

/**
 * Something that stands for one {@link SqlState} (a catalogue entry, a thrown failure): the state,
 * and what follows from it, its category and its five-character code.
 */
public interface WithSqlState {
  SqlState state();

  /** The category, which picks the JDBC exception class. */
  default ErrorKind kind() {
    return state().kind();
  }

  /** The five-character SQLState, e.g. {@code 22023}. */
  default String sqlState() {
    return state().code();
  }
}
