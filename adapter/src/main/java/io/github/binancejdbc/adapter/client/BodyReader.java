package io.github.binancejdbc.adapter.client;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Reads a successful (HTTP 2xx) JSON body, positioned before its first token, into a value. */
@FunctionalInterface
public interface BodyReader<T> {
  /** The value of the body; null from a reader that only skips it. */
  @Nullable T read(JsonParser parser) throws IOException;

  /**
   * A reader with a fast path over the whole body: the body is read into memory, {@link #fromBytes}
   * tried first, and {@link #read} runs over the same bytes when it gives null. The fast path must
   * give what {@code read} would, or null; it never reports errors itself.
   */
  interface Bytes<T> extends BodyReader<T> {
    /** The value of the body {@code body[0, length)}, or null for {@link #read} to decide. */
    @Nullable T fromBytes(byte[] body, int length);
  }

  /** A parsed answer that is not a list but holds rows: how many (the request log's row count). */
  interface Rows {
    int rowCount();
  }
}
