package io.github.binancejdbc.adapter.client;

/** How the adapter waits: the real one sleeps, tests inject one that records the waits. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = Thread::sleep;

  void sleep(long millis) throws InterruptedException;
}
