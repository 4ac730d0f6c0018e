package io.github.binancejdbc.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binancejdbc.simulator.market.Units;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Set;
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

  /**
   * Puts the components of {@code r} into {@code n}, named and ordered as the record declares them
   * (for records whose names are Binance's field names). Those named in {@code units} are amounts
   * in units (10^-8), written as decimal text; the others are text or numbers as they stand.
   */
  static ObjectNode putRecord(ObjectNode n, Record r, Set<String> units) {
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      String name = c.getName();
      Object v;
      try {
        v = c.getAccessor().invoke(r);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + name + " of " + r, e);
      }
      if (units.contains(name)) {
        n.put(name, Units.format((Long) v));
      } else if (v == null || v instanceof String) {
        n.put(name, (String) v);
      } else if (v instanceof Long l) {
        n.put(name, l);
      } else {
        throw new IllegalArgumentException(name + " of " + r + " is neither text nor a long");
      }
    }
    return n;
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
