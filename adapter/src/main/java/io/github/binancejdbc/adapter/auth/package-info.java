/** Request signing (HMAC-SHA256, Ed25519, RSA) and private-key loading. */
package io.github.binancejdbc.adapter.auth;
