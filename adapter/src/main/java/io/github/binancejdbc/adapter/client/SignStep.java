package io.github.binancejdbc.adapter.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.github.binancejdbc.adapter.auth.Signer;
import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * Builds the HTTP request of the attempt: the parameters percent-encoded in their order, signed
 * ({@code &signature=} over exactly that payload) for a signed call, in the query string of a GET
 * or DELETE and in a form body of a POST or PUT; the API key in {@code X-MBX-APIKEY} for a keyed
 * call.
 */
final class SignStep implements Step {
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  /** Null without credentials; a signed call is refused before it reaches this step. */
  private final @Nullable Signer signer;

  private final @Nullable String apiKey;

  SignStep(@Nullable Signer signer, @Nullable String apiKey) {
    this.signer = signer;
    this.apiKey = apiKey;
  }

  @Override
  public Reply proceed(Call call, Chain next) throws IOException {
    call.request = request(call);
    return next.proceed(call);
  }

  private Request request(Call call) {
    String payload = QueryString.encode(call.params());
    if (call.signed) {
      StringBuilder sb = new StringBuilder(payload).append("&signature=");
      QueryString.percentEncode(
          requireNonNull(signer, "a signed call without credentials is refused before")
              .sign(payload),
          sb);
      payload = sb.toString();
    }
    Request.Builder b =
        new Request.Builder()
            .header("User-Agent", BinanceHttp.USER_AGENT)
            .header("Accept", "application/json");
    if (call.keyed) {
      b.header("X-MBX-APIKEY", apiKey);
    }
    boolean inBody = call.method == Method.POST || call.method == Method.PUT;
    b.url(call.host() + call.path + (inBody || payload.isEmpty() ? "" : "?" + payload));
    RequestBody body = inBody ? RequestBody.create(payload.getBytes(UTF_8), FORM) : null;
    return b.method(call.name(), body).build();
  }
}
