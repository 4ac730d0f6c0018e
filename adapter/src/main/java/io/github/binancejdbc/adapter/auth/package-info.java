/** Request signing (HMAC-SHA256, Ed25519, RSA) and private-key loading. */
@NullMarked
package io.github.binancejdbc.adapter.auth;

import org.jspecify.annotations.NullMarked;
