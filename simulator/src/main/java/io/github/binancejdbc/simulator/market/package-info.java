/**
 * The generated market: a deterministic price path and trade tape per symbol (seeded, computed on
 * demand minute by minute), and everything derived from it (klines of all 16 intervals, trades,
 * aggregate trades, ticker statistics). Internal to the simulator.
 */
package io.github.binancejdbc.simulator.market;
