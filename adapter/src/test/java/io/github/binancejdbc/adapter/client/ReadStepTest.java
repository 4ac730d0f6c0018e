package io.github.binancejdbc.adapter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.client.BinanceHttp.Method;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class ReadStepTest {
  private final StepFixture f = new StepFixture();

  /** Reads an array of numbers. */
  private static final BodyReader<List<Long>> NUMBERS =
      p -> {
        if (p.nextToken() != JsonToken.START_ARRAY) {
          throw new IllegalStateException("expected an array but found " + p.currentToken());
        }
        List<Long> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          out.add(p.getLongValue());
        }
        return out;
      };

  private Reply read(int status, String body) throws IOException {
    Call call =
        new Call(
            Method.GET,
            "/api/v3/x",
            List.of(Param.of("symbol", "BTCUSDT")),
            1,
            NUMBERS,
            false,
            false,
            f.hosts("http://a"),
            f.governor,
            0);
    call.params = call.query;
    Response response =
        new Response.Builder()
            .request(new Request.Builder().url("http://a/api/v3/x").build())
            .protocol(Protocol.HTTP_1_1)
            .code(status)
            .message("-")
            .body(ResponseBody.create(body, MediaType.get("application/json")))
            .build();
    Reply reply =
        Step.Chain.of(new ReadStep(BinanceHttp.JSON, f.clock), (c, next) -> Reply.open(response))
            .proceed(call);
    assertEquals(status, call.status);
    return reply;
  }

  @Test
  void a2xxIsReadByTheCallsReaderAndItsRowsCounted() throws IOException {
    Reply reply = read(200, " \n[1,2,3]");

    assertEquals(List.of(1L, 2L, 3L), reply.answer());
    assertNull(reply.error());
  }

  @Test
  void anEmptyOrMisshapenBodyIsUnreadableWithItsJsonPath() throws IOException {
    assertEquals(
        "Unexpected response from GET /api/v3/x: an empty body with HTTP 200" + " [symbol=BTCUSDT]",
        read(200, "  ").unreadable().getMessage());
    String wrong = read(200, "{\"a\":1}").unreadable().getMessage();
    assertTrue(
        wrong.startsWith(
            "Unexpected response from GET /api/v3/x: expected an array but"
                + " found START_OBJECT"),
        wrong);
    assertEquals("XX000", read(200, "[1,").unreadable().state().code());
  }

  @Test
  void anErrorStatusKeepsItsBinanceBody() throws IOException {
    Reply reply = read(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");

    assertEquals(-1121, reply.error().code());
    assertEquals("Invalid symbol.", reply.error().msg());
    assertNull(reply.answer());
  }
}
