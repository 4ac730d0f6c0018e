/**
 * The Calcite schema adapter for the Binance Spot REST API (public API: BinanceSchema,
 * BinanceConfig).
 */
@NullMarked
package io.github.binancejdbc.adapter;

import org.jspecify.annotations.NullMarked;
