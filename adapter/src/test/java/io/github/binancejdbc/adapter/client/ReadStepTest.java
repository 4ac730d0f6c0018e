package io.github.binancejdbc.adapter.client;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
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
import org.jspecify.annotations.Nullable;
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
    return read(status, body, NUMBERS);
  }

  /** Reads the body's bytes itself when they are digits only ("123" as [123]), else declines. */
  private static final class DigitsFirst implements BodyReader.Bytes<List<Long>> {
    final List<String> calls = new ArrayList<>();

    @Override
    public @Nullable List<Long> fromBytes(byte[] body, int length) {
      String text = new String(body, 0, length, US_ASCII);
      calls.add("bytes " + text);
      return text.matches("[0-9]+") ? List.of(Long.parseLong(text)) : null;
    }

    @Override
    public @Nullable List<Long> read(JsonParser p) throws IOException {
      calls.add("parser");
      return NUMBERS.read(p);
    }
  }

  private Reply read(int status, String body, BodyReader<List<Long>> reader) throws IOException {
    Call call =
        new Call(
            Method.GET,
            "/api/v3/x",
            List.of(Param.of("symbol", "BTCUSDT")),
            1,
            reader,
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
        requireNonNull(read(200, "  ").unreadable()).getMessage());
    String wrong = requireNonNull(read(200, "{\"a\":1}").unreadable()).getMessage();
    assertTrue(
        wrong.startsWith(
            "Unexpected response from GET /api/v3/x: expected an array but"
                + " found START_OBJECT"),
        wrong);
    assertEquals("XX000", requireNonNull(read(200, "[1,").unreadable()).state().code());
  }

  @Test
  void anErrorStatusKeepsItsBinanceBody() throws IOException {
    Reply reply = read(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");

    assertEquals(-1121, requireNonNull(reply.error()).code());
    assertEquals("Invalid symbol.", requireNonNull(reply.error()).msg());
    assertNull(reply.answer());
  }

  @Test
  void aBytesReaderReadsUnderTheThreadsParseGate() throws IOException {
    java.util.concurrent.Semaphore gate = new java.util.concurrent.Semaphore(1, true);
    List<Integer> permitsWhileReading = new ArrayList<>();
    BodyReader.Bytes<List<Long>> reader =
        new BodyReader.Bytes<>() {
          @Override
          public List<Long> read(JsonParser p) {
            throw new AssertionError("the fast path takes it");
          }

          @Override
          public List<Long> fromBytes(byte[] body, int length) {
            permitsWhileReading.add(gate.availablePermits());
            return List.of(Long.parseLong(new String(body, 0, length, US_ASCII)));
          }
        };
    Reply reply =
        ParseGate.with(
            gate,
            () -> {
              assertSame(gate, ParseGate.current());
              try {
                return read(200, "42", reader);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertEquals(List.of(42L), reply.answer());
    assertEquals(List.of(0), permitsWhileReading, "the gate held while the body is read");
    assertEquals(1, gate.availablePermits(), "and given back");
    assertNull(ParseGate.current(), "the thread's gate is gone after");
    read(200, "7", reader);
    assertEquals(List.of(0, 1), permitsWhileReading, "no gate: read at once");
  }

  @Test
  void aBytesReaderTakesTheWholeBodyFirstAndJacksonReadsWhatItDeclines() throws IOException {
    DigitsFirst digits = new DigitsFirst();
    assertEquals(List.of(42L), read(200, "42", digits).answer());
    assertEquals(List.of("bytes 42"), digits.calls);

    digits.calls.clear();
    assertEquals(List.of(1L, 2L), read(200, " [1,2]", digits).answer());
    assertEquals(List.of("bytes  [1,2]", "parser"), digits.calls);

    // Errors read as from the stream: the same message, location and JSON path.
    assertEquals(
        requireNonNull(read(200, "[1,").unreadable()).getMessage(),
        requireNonNull(read(200, "[1,", new DigitsFirst()).unreadable()).getMessage());
    assertEquals(
        requireNonNull(read(200, "{\"a\":1}").unreadable()).getMessage(),
        requireNonNull(read(200, "{\"a\":1}", new DigitsFirst()).unreadable()).getMessage());
    DigitsFirst empty = new DigitsFirst();
    assertEquals(
        "Unexpected response from GET /api/v3/x: an empty body with HTTP 200" + " [symbol=BTCUSDT]",
        requireNonNull(read(200, " \n ", empty).unreadable()).getMessage());
    assertEquals(List.of(), empty.calls, "an empty body is never offered to the reader");
  }
}
