/** REST transport: HTTP GETs, query encoding, request-weight accounting and retries. */
@NullMarked
package io.github.binancejdbc.adapter.client;

import org.jspecify.annotations.NullMarked;
