/** REST transport: HTTP GETs, query encoding, request-weight accounting and retries. */
package io.github.binancejdbc.adapter.client;
