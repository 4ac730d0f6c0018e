package io.github.binancejdbc.examples;

import io.github.binancejdbc.simulator.BinanceSimulator;

/**
 * Prints the simulator's demo API key and secret, one per line, for {@code ./sql-shell}. They are
 * public test material that only the simulator accepts, never real credentials.
 */
public final class DemoKeys {
  private DemoKeys() {}

  public static void main(String[] args) {
    System.out.println(BinanceSimulator.DEMO_API_KEY);
    System.out.println(BinanceSimulator.DEMO_SECRET_KEY);
  }
}
