package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.binancejdbc.adapter.BinanceConfig;
import io.github.binancejdbc.adapter.auth.Signer;
import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Request;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class SignStepTest {
  // Binance's documented HMAC example key and secret.
  private static final String KEY =
      "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String SECRET =
      "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  private final StepFixture f = new StepFixture();
  private final Signer signer =
      requireNonNull(
          Signer.fromConfig(BinanceConfig.newBuilder().apiKey(KEY).secretKey(SECRET).build()));

  private Request built(Call call) throws IOException {
    AtomicReference<Request> seen = new AtomicReference<>();
    Step.Chain.of(
            new SignStep(signer, KEY),
            (c, next) -> {
              seen.set(c.request());
              return StepFixture.ok(null);
            })
        .proceed(call);
    return requireNonNull(seen.get());
  }

  @Test
  void aSignedPostCarriesTheSignedPayloadInAFormBodyAndTheKeyInAHeader() throws IOException {
    Call call =
        f.call(
            Method.POST,
            "/api/v3/order",
            true,
            f.hosts("http://a"),
            Param.of("symbol", "LTCBTC"),
            Param.of("side", "BUY"),
            Param.of("type", "LIMIT"),
            Param.of("timeInForce", "GTC"),
            Param.of("quantity", "1"),
            Param.of("price", "0.1"),
            Param.of("recvWindow", "5000"),
            Param.of("timestamp", "1499827319559"));

    Request request = built(call);

    assertEquals("http://a/api/v3/order", request.url().toString());
    assertEquals("POST", request.method());
    assertEquals(KEY, request.header("X-MBX-APIKEY"));
    Buffer body = new Buffer();
    request.body().writeTo(body);
    // Binance's documented signature for exactly this payload.
    assertEquals(
        "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
            + "&recvWindow=5000&timestamp=1499827319559"
            + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
        body.readUtf8());
  }

  @Test
  void anUnsignedGetCarriesItsEncodedQueryAndNoKey() throws IOException {
    Request request = built(f.get("/api/v3/ticker/price", Param.of("symbols", "[\"A\",\"B\"]")));

    assertEquals(
        "http://a/api/v3/ticker/price?symbols=%5B%22A%22%2C%22B%22%5D", request.url().toString());
    assertEquals("GET", request.method());
    assertNull(request.header("X-MBX-APIKEY"));
    assertNull(request.body());
  }
}
