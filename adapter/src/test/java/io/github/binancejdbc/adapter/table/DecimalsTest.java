package io.github.binancejdbc.adapter.table;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential: the parse from a char buffer and from ASCII bytes equals {@code new
 * BigDecimal(text)}, scale included.
 */
class DecimalsTest {
  private static void assertSame(String text) {
    BigDecimal expected = new BigDecimal(text);
    char[] padded = ("xx" + text + "yy").toCharArray();
    BigDecimal actual = Decimals.parse(padded, 2, text.length());
    assertEquals(expected, actual, text);
    assertEquals(expected.scale(), actual.scale(), text);
    byte[] ascii = ("xx" + text + "yy").getBytes(US_ASCII);
    BigDecimal fromBytes = Decimals.parse(ascii, 2, text.length());
    assertEquals(expected, fromBytes, text);
    assertEquals(expected.scale(), fromBytes.scale(), text);
  }

  /** The decimal texts of the recorded real payloads, one per line of the fixture. */
  static List<String> realValues() throws IOException {
    List<String> values = new ArrayList<>();
    try (InputStream in = DecimalsTest.class.getResourceAsStream("/decimals/real-values.txt")) {
      for (String line : new String(in.readAllBytes(), UTF_8).split("\n", -1)) {
        if (!line.isBlank()) {
          values.add(line.strip());
        }
      }
    }
    assertTrue(values.size() > 1000, "fixture has " + values.size() + " values");
    return values;
  }

  @Test
  void everyValueOfTheRecordedPayloadsParsesLikeBigDecimal() throws IOException {
    for (String v : realValues()) {
      assertSame(v);
    }
  }

  @Test
  void randomDecimalStringsParseLikeBigDecimal() {
    Random r = new Random(9);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      int sign = r.nextInt(4);
      if (sign == 0) {
        sb.append('-');
      } else if (sign == 1) {
        sb.append('+');
      }
      int digits = 1 + r.nextInt(24);
      int point = r.nextInt(digits + 2) - 1;
      for (int i = 0; i < digits; i++) {
        if (i == point) {
          sb.append('.');
        }
        // Many zeros: leading and trailing zeros decide the scale.
        sb.append(r.nextInt(3) == 0 ? '0' : (char) ('0' + r.nextInt(10)));
      }
      if (point == digits) {
        sb.append('.');
      }
      if (r.nextInt(20) == 0) {
        sb.append(r.nextBoolean() ? 'E' : 'e').append(r.nextInt(40) - 20);
      }
      assertSame(sb.toString());
    }
  }

  @Test
  void edgeCasesParseLikeBigDecimal() {
    for (String s :
        List.of(
            "0",
            "-0",
            "+0",
            "0.00000000",
            "-0.0",
            "1.",
            ".5",
            "-.5",
            "999999999999999999",
            "-999999999999999999",
            "9999999999999999999",
            "0.000000000000000001",
            "123456789.123456789",
            "9223372036854775807",
            "-9223372036854775808",
            "1E+3",
            "1e-8",
            "00001.10")) {
      assertSame(s);
    }
  }

  @Test
  void malformedValuesAreRejectedLikeBigDecimal() {
    for (String s : List.of(".", "-", "+", "1.2.3", "1-2", " 1", "1 ", "abc", "1e", "--1")) {
      assertThrows(NumberFormatException.class, () -> new BigDecimal(s), s);
      char[] c = s.toCharArray();
      assertThrows(NumberFormatException.class, () -> Decimals.parse(c, 0, c.length), s);
      byte[] b = s.getBytes(US_ASCII);
      assertThrows(NumberFormatException.class, () -> Decimals.parse(b, 0, b.length), s);
    }
  }

  @Test
  void jsonStringsAndNumbersBecomeExactDecimals() throws IOException {
    try (JsonParser p =
        new JsonFactory()
            .createParser("[\"43251.12000000\", 0.10, \"\", 12345678901234567890.5]")) {
      p.nextToken();
      assertEquals(JsonToken.VALUE_STRING, p.nextToken());
      assertEquals(new BigDecimal("43251.12000000"), Json.decimal(p));
      p.nextToken();
      assertEquals(new BigDecimal("0.10"), Json.decimal(p));
      p.nextToken();
      assertNull(Json.decimal(p));
      p.nextToken();
      assertEquals(new BigDecimal("12345678901234567890.5"), Json.decimal(p));
    }
  }
}
