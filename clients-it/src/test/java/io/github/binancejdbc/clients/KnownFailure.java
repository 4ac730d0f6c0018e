package io.github.binancejdbc.clients;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * An assertion a client expects and the driver does not meet yet. The test stays green while the
 * assertion fails, and turns red once the driver is fixed, so the marker gets removed.
 */
final class KnownFailure {
  private KnownFailure() {}

  static void expect(String bug, Executable assertion) {
    try {
      assertion.execute();
    } catch (AssertionFailedError expected) {
      return;
    } catch (Throwable t) {
      throw new AssertionError("known failure (" + bug + ") failed differently", t);
    }
    fail("known failure fixed, remove the KnownFailure marker: " + bug);
  }
}
