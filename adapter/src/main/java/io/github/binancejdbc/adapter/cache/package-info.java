/**
 * History that cannot change (closed klines, ...), kept so that it is fetched once: in memory,
 * shared by every connection to one base URL in the JVM ({@link
 * io.github.binancejdbc.adapter.cache.HistoryCache}), and optionally on disk across processes
 * ({@link io.github.binancejdbc.adapter.cache.Archive}).
 */
@NullMarked
package io.github.binancejdbc.adapter.cache;

import org.jspecify.annotations.NullMarked;
