package io.github.binancejdbc.adapter.client;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Reads a successful (HTTP 2xx) JSON body, positioned before its first token, into a value. */
@FunctionalInterface
public interface BodyReader<T> {
  T read(JsonParser parser) throws IOException;
}
