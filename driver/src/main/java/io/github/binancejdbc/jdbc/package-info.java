/** The JDBC driver jdbc:binance: (public API: BinanceDriver, BinanceProperty). */
@NullMarked
package io.github.binancejdbc.jdbc;

import org.jspecify.annotations.NullMarked;
