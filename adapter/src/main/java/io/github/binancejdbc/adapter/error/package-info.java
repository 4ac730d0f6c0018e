/** Errors: the Binance error-code catalogue, the adapter's exception and its JDBC translation. */
@NullMarked
package io.github.binancejdbc.adapter.error;

import org.jspecify.annotations.NullMarked;
