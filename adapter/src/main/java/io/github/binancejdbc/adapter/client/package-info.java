/** REST transport: HTTP calls, query encoding, request-weight accounting, retries and endpoint weights. */
package io.github.binancejdbc.adapter.client;
