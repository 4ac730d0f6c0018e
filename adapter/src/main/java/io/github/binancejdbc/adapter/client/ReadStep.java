package io.github.binancejdbc.adapter.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.binancejdbc.adapter.error.BinanceException;
import io.github.binancejdbc.adapter.error.ErrorMessages;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the body of the response and releases it: a 2xx through the call's {@link BodyReader} (an
 * empty body or one of the wrong shape is "unreadable", with the JSON path), any other status as an
 * {@link ErrorBody} of at most 16 KiB. Steps before this one see a read {@link Reply}.
 */
record ReadStep(JsonFactory json, Clock clock) implements Step {
  // The transport's logger, the one the README names for the request log lines.
  private static final Logger LOG = LoggerFactory.getLogger(BinanceHttp.class);
  private static final long MAX_ERROR_BODY_BYTES = 16 * 1024;

  ReadStep {
    requireNonNull(json, "json is null");
    requireNonNull(clock, "clock is null");
  }

  @Override
  public Reply proceed(Call call, Chain next) throws IOException {
    try (Reply reply = next.proceed(call)) {
      long wait = reply.waitMillis();
      if (wait >= 0) {
        BinanceHttp.LAST_WAIT.get()[0] = wait * 1_000_000;
      }
      int status = reply.status();
      call.status = status;
      if (LOG.isDebugEnabled()) {
        // The host is named: with backups in the list, it says which one served the request.
        LOG.debug(
            "{} {}{}{} -> HTTP {} in {} ms, used weight {}",
            call.name(),
            call.host(),
            call.path,
            ErrorMessages.paramsSuffix(call.params()),
            status,
            clock.millis() - call.sentAt,
            call.usedWeight);
      }
      if (!reply.isSuccessful()) {
        return Reply.failed(
            status, reply.headers(), ErrorBody.parse(json, reply.peekBody(MAX_ERROR_BODY_BYTES)));
      }
      try {
        Object answer = read(reply, call);
        call.rows = RequestLog.rowsOf(answer);
        return Reply.answered(status, reply.headers(), answer);
      } catch (BinanceException unreadable) {
        return Reply.unreadable(status, reply.headers(), unreadable);
      }
    }
  }

  private @Nullable Object read(Reply reply, Call call) throws IOException {
    if (call.reader instanceof BodyReader.Bytes<?> bytes) {
      byte[] body = reply.bodyBytes();
      int first = 0;
      while (first < body.length && isSpace(body[first])) {
        first++;
      }
      if (first == body.length) {
        throw emptyBody(reply, call);
      }
      Semaphore gate = ParseGate.current();
      if (gate != null) {
        gate.acquireUninterruptibly();
      }
      Object fast;
      try {
        fast = bytes.fromBytes(body, body.length);
      } finally {
        if (gate != null) {
          gate.release();
        }
      }
      if (fast != null) {
        return fast;
      }
      return parse(json.createParser(body), call);
    }
    PushbackInputStream in = new PushbackInputStream(reply.bodyStream(), 1);
    int first = in.read();
    while (isSpace(first)) {
      first = in.read();
    }
    if (first < 0) {
      throw emptyBody(reply, call);
    }
    in.unread(first);
    return parse(json.createParser(in), call);
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private static BinanceException emptyBody(Reply reply, Call call) {
    return BinanceException.internal(
        "Unexpected response from "
            + call.name()
            + " "
            + call.path
            + ": an empty body with HTTP "
            + reply.status()
            + ErrorMessages.paramsSuffix(call.params()),
        null);
  }

  private @Nullable Object parse(JsonParser created, Call call) throws IOException {
    String method = call.name();
    try (JsonParser parser = created) {
      try {
        return call.reader.read(parser);
      } catch (JsonProcessingException e) {
        throw ResponseErrors.unexpected(
            method, call.path, call.params(), e.getOriginalMessage(), e.getLocation(), parser, e);
      } catch (IllegalStateException
          | IllegalArgumentException
          | NullPointerException
          | ClassCastException
          | ArithmeticException e) {
        // A reader found an element of the wrong shape, a field missing or a corrupted number
        // (NumberFormatException is an IllegalArgumentException).
        throw ResponseErrors.unexpected(
            method, call.path, call.params(), e.getMessage(), parser.currentLocation(), parser, e);
      }
    }
  }
}
