package io.github.binancejdbc.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;

/** The one Jackson mapper, and node factories (object fields keep insertion order). */
final class JsonNodes {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonNodes() {}

  static ObjectNode obj() {
    return NODES.objectNode();
  }

  static ArrayNode arr() {
    return NODES.arrayNode();
  }

  /** An array of one object per item, its fields put by {@code fields}. */
  static <T> ArrayNode objects(Iterable<T> items, BiConsumer<T, ObjectNode> fields) {
    ArrayNode a = arr();
    for (T item : items) {
      fields.accept(item, a.addObject());
    }
    return a;
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode error(int code, String msg) {
    ObjectNode n = obj();
    n.put("code", code);
    n.put("msg", msg);
    return n;
  }
}
