package io.github.binancejdbc.adapter.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.client.Param;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streaming JSON helpers: values read straight into row slots by column type, no tree. Decimals are
 * built from the JSON text, never through {@code double}.
 */
final class Json {
  private Json() {}

  /**
   * JSON field name to row slot, for object-shaped responses. A field named {@code a.b} is field
   * {@code b} of the object in field {@code a}.
   */
  static final class Fields {
    private final Map<String, Integer> slot = new HashMap<>();
    private final Map<String, ColumnType> type = new HashMap<>();
    private final Map<String, Fields> nested = new HashMap<>();
    private final List<String> required = new ArrayList<>();
    private final int width;

    /** The columns that name their JSON field ({@link ColumnDef#jsonField()}). */
    Fields(TableDef def) {
      this(def, pairsOf(def));
    }

    private static String[] pairsOf(TableDef def) {
      List<String> pairs = new ArrayList<>();
      for (ColumnDef c : def.columns()) {
        if (c.jsonField() != null) {
          for (String field : c.jsonField().split("\\|", -1)) {
            pairs.add(field);
            pairs.add(c.name());
          }
        }
      }
      return pairs.toArray(String[]::new);
    }

    /**
     * Only {@code columns} of {@code def}, each read from the camel-case field of its name: the
     * fields of a second kind of object that fills part of the same rows (an order list's orders).
     */
    static Fields byName(TableDef def, String... columns) {
      List<String> pairs = new ArrayList<>();
      for (String c : columns) {
        pairs.add(Param.apiName(c));
        pairs.add(c);
      }
      return new Fields(def, pairs.toArray(String[]::new));
    }

    private Fields(TableDef def, String... pairs) {
      this.width = def.columns().size();
      for (int i = 0; i < pairs.length; i += 2) {
        int idx = def.index(pairs[i + 1]);
        put(pairs[i], idx, def.column(idx).type());
      }
    }

    private Fields(int width) {
      this.width = width;
    }

    private void put(String field, int idx, ColumnType t) {
      int dot = field.indexOf('.');
      if (dot < 0) {
        slot.put(field, idx);
        type.put(field, t);
      } else {
        nested
            .computeIfAbsent(field.substring(0, dot), k -> new Fields(width))
            .put(field.substring(dot + 1), idx, t);
      }
    }

    int width() {
      return width;
    }

    /**
     * Names JSON fields every object must carry (the keys, and the values a row is made of): an
     * element without one is not a row of this table, and reading it fails instead of yielding a
     * row of nulls.
     */
    Fields require(String... jsonNames) {
      for (String n : jsonNames) {
        if (!slot.containsKey(n)) {
          throw new IllegalArgumentException("no field " + n);
        }
        required.add(n);
      }
      return this;
    }

    /** Reads one JSON object (current token START_OBJECT) into {@code row}. */
    void readObject(JsonParser p, Object[] row) throws IOException {
      expect(p, JsonToken.START_OBJECT);
      for (String name = nextField(p); name != null; name = nextField(p)) {
        readField(p, name, row);
      }
      for (String n : required) {
        if (row[slot.get(n)] == null) {
          throw new IllegalStateException("an element without \"" + n + "\"");
        }
      }
    }

    /** Reads the value of field {@code name} (current token: its value) into {@code row}. */
    void readField(JsonParser p, String name, Object[] row) throws IOException {
      Integer i = slot.get(name);
      Fields inner = nested.get(name);
      if (i != null) {
        row[i] = value(p, type.get(name));
      } else if (inner != null && p.currentToken() == JsonToken.START_OBJECT) {
        inner.readObject(p, row);
      } else {
        p.skipChildren();
      }
    }

    /**
     * Reads the array of objects at hand (current token START_ARRAY) into new rows of {@code rows}.
     */
    void readObjects(JsonParser p, List<Object[]> rows) throws IOException {
      expect(p, JsonToken.START_ARRAY);
      while (nextElement(p, JsonToken.START_OBJECT)) {
        Object[] row = new Object[width];
        readObject(p, row);
        rows.add(row);
      }
    }

    /** Reads an object or an array of objects into new rows, each first filled by {@code init}. */
    List<Object[]> readObjectOrArray(JsonParser p, Consumer<Object[]> init) throws IOException {
      JsonToken t = p.nextToken();
      List<Object[]> rows = new ArrayList<>();
      if (t == JsonToken.START_ARRAY) {
        while (nextElement(p, JsonToken.START_OBJECT)) {
          Object[] row = new Object[width];
          init.accept(row);
          readObject(p, row);
          rows.add(row);
        }
      } else {
        Object[] row = new Object[width];
        init.accept(row);
        readObject(p, row);
        rows.add(row);
      }
      return rows;
    }

    /** Reads an array of objects (anything else is the wrong shape) into new rows. */
    List<Object[]> readArray(JsonParser p, Consumer<Object[]> init) throws IOException {
      next(p, JsonToken.START_ARRAY);
      p.nextToken();
      List<Object[]> rows = new ArrayList<>();
      while (elementAtHand(p, JsonToken.START_OBJECT)) {
        Object[] row = new Object[width];
        init.accept(row);
        readObject(p, row);
        rows.add(row);
        p.nextToken();
      }
      return rows;
    }
  }

  /**
   * Moves to the next element of an array: true when it starts with {@code token}, false at the end
   * of the array; any other element (a number where objects belong, a nested array) is the wrong
   * shape and fails the read instead of silently ending it.
   */
  static boolean nextElement(JsonParser p, JsonToken token) throws IOException {
    p.nextToken();
    return elementAtHand(p, token);
  }

  private static boolean elementAtHand(JsonParser p, JsonToken token) {
    JsonToken t = p.currentToken();
    if (t == token) {
      return true;
    }
    if (t == JsonToken.END_ARRAY) {
      return false;
    }
    throw new IllegalStateException(
        "expected " + token + " or END_ARRAY but found " + t + " in an array");
  }

  /**
   * The name of the next field of the object being read, the parser moved onto its value (which the
   * caller reads or skips); null at the end of the object.
   */
  static String nextField(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.FIELD_NAME) {
      return null;
    }
    String name = p.currentName();
    p.nextToken();
    return name;
  }

  static void expect(JsonParser p, JsonToken token) throws IOException {
    if (p.currentToken() != token) {
      throw new IllegalStateException(
          "expected " + token + " but found " + p.currentToken() + " at " + p.currentLocation());
    }
  }

  static void next(JsonParser p, JsonToken token) throws IOException {
    p.nextToken();
    expect(p, token);
  }

  /** The value at the current token, as the Java form of {@code type}. */
  static Object value(JsonParser p, ColumnType type) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    switch (type) {
      case DECIMAL:
        if (t == JsonToken.VALUE_STRING || t.isNumeric()) {
          return decimal(p);
        }
        break;
      case TIMESTAMP:
      case BIGINT:
      case INTEGER:
        if (t.isNumeric() || t == JsonToken.VALUE_STRING) {
          long v = t.isNumeric() ? p.getLongValue() : Long.parseLong(p.getText());
          return type == ColumnType.INTEGER ? (Object) Math.toIntExact(v) : (Object) v;
        }
        break;
      case BOOLEAN:
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
          return p.getBooleanValue();
        }
        if (t == JsonToken.VALUE_STRING) {
          return Boolean.parseBoolean(p.getText());
        }
        break;
      case VARCHAR:
        if (t == JsonToken.START_ARRAY) {
          return joinArray(p);
        }
        if (t.isScalarValue()) {
          return p.getText();
        }
        break;
      default:
        break;
    }
    throw new IllegalStateException(
        "unexpected " + t + " for a " + type + " value at " + p.currentLocation());
  }

  /** The decimal at the current string or number token; {@code null} for {@code ""}. */
  static BigDecimal decimal(JsonParser p) throws IOException {
    int len = p.getTextLength();
    return len == 0 ? null : Decimals.parse(p.getTextCharacters(), p.getTextOffset(), len);
  }

  /**
   * An array of strings as {@code A,B,C}; an array of arrays (permission sets) as {@code A,B;C}:
   * commas inside a set, semicolons between sets.
   */
  static String joinArray(JsonParser p) throws IOException {
    List<String> parts = new ArrayList<>();
    boolean nested = false;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() == JsonToken.START_ARRAY) {
        nested = true;
        parts.add(joinArray(p));
      } else {
        parts.add(p.getText());
      }
    }
    return String.join(nested ? ";" : ",", parts);
  }
}
