/** The JDBC driver jdbc:binance: (public API: BinanceDriver, BinanceProperty). */
package io.github.binancejdbc.jdbc;
