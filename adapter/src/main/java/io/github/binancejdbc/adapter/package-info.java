/**
 * The Calcite schema adapter for the Binance Spot REST API (public API: BinanceSchema,
 * BinanceConfig).
 */
package io.github.binancejdbc.adapter;
