/**
 * The exchange: accounts and balances, live order books seeded from the market, order entry with
 * Binance's filters and errors, the matching engine (self-trade prevention, stops, order lists).
 * Internal to the simulator.
 */
package io.github.binancejdbc.simulator.trading;
