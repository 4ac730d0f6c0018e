/** Errors: the Binance error-code catalogue, the adapter's exception and its JDBC translation. */
package io.github.binancejdbc.adapter.error;
