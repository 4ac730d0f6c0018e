package io.github.binancejdbc.adapter.client;

import static io.github.binancejdbc.adapter.client.StepFixture.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostStepTest {
  private final StepFixture f = new StepFixture();

  @Test
  void theAttemptGoesToTheRoutesCurrentHost() throws IOException {
    Call call = f.call(Method.GET, "/api/v3/time", false, f.hosts("http://a", "http://b"));
    StepFixture.Script script = new StepFixture.Script(StepFixture.ok(1L));

    Step.Chain.of(new HostStep(), script).proceed(call);

    assertEquals("http://a", script.seen.get(0).host);
    assertEquals(Set.of("http://a"), call.tried);
  }

  @Test
  void aGatewayErrorMovesAGetToAFreshHostWithoutWaiting() {
    Hosts hosts = f.hosts("http://a", "http://b");
    Call call = f.call(Method.GET, "/api/v3/time", false, hosts);

    Retry r =
        assertThrows(
            Retry.class,
            () ->
                Step.Chain.of(new HostStep(), new StepFixture.Script(error(502, "Bad Gateway")))
                    .proceed(call));

    assertEquals("http://b", hosts.current());
    assertEquals(0, r.waitMillis);
    assertEquals("58000", r.giveUpState().code());
  }

  @Test
  void aProxyPageOnATriedHostWaitsTheBackoff() {
    Hosts hosts = f.hosts("http://a", "http://b");
    Call call = f.call(Method.GET, "/api/v3/time", false, hosts);
    call.tried.add("http://b");

    Retry r =
        assertThrows(
            Retry.class,
            () ->
                Step.Chain.of(
                        new HostStep(),
                        new StepFixture.Script(
                            error(403, "<html>denied</html>", "Content-Type", "text/html")))
                    .proceed(call));

    assertEquals(Retry.BACKOFF, r.waitMillis);
    assertEquals("http://b", hosts.current());
  }

  @Test
  void aBinanceErrorOrASingleHostOrAPostStaysPut() throws IOException {
    Hosts two = f.hosts("http://a", "http://b");
    Reply binance = error(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
    assertEquals(
        400,
        Step.Chain.of(new HostStep(), new StepFixture.Script(binance))
            .proceed(f.call(Method.GET, "/api/v3/klines", false, two))
            .status());
    assertEquals(
        503,
        Step.Chain.of(new HostStep(), new StepFixture.Script(error(503, "")))
            .proceed(f.get("/api/v3/klines"))
            .status());
    assertEquals(
        503,
        Step.Chain.of(new HostStep(), new StepFixture.Script(error(503, "")))
            .proceed(f.call(Method.POST, "/api/v3/order", true, two))
            .status());
    assertEquals("http://a", two.current());
  }
}
