package io.github.binancejdbc.adapter.table;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential: the byte-level page reader gives exactly the rows of the Jackson reader (values,
 * decimal scales, skipped columns), and declines (null) every body it does not take, so that the
 * Jackson reader decides those.
 */
class KlineBytesTest {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String[] WS = {"", "", "", " ", "\n", "\r\n  ", "\t"};

  private static boolean[] all() {
    boolean[] need = new boolean[11];
    Arrays.fill(need, true);
    return need;
  }

  private static List<Object[]> jackson(String body, boolean[] need) throws IOException {
    try (JsonParser p = JSON.createParser(body.getBytes(UTF_8))) {
      return KlineRows.read(p, "BTCUSDT", "1m", "0", need);
    }
  }

  private static List<Object[]> fast(String body, boolean[] need) {
    byte[] b = body.getBytes(UTF_8);
    return KlineBytes.read(b, b.length, "BTCUSDT", "1m", "0", need);
  }

  /** The fast reader takes {@code body} and gives Jackson's rows, scales included. */
  private static void assertSameRows(String body, boolean[] need) throws IOException {
    List<Object[]> expected = jackson(body, need);
    List<Object[]> actual = fast(body, need);
    assertNotNull(actual, body);
    assertEquals(expected.size(), actual.size(), body);
    for (int i = 0; i < expected.size(); i++) {
      Object[] e = expected.get(i);
      Object[] a = actual.get(i);
      assertEquals(e.length, a.length);
      for (int c = 0; c < e.length; c++) {
        assertEquals(e[c], a[c], "row " + i + " column " + c + " of " + body);
        if (e[c] instanceof BigDecimal d) {
          assertEquals(d.scale(), ((BigDecimal) a[c]).scale(), "scale of " + d);
        }
      }
    }
  }

  @Test
  void theDocumentedBarReadsLikeJackson() throws IOException {
    String body =
        "[[1499040000000,\"0.01634790\",\"0.80000000\",\"0.01575800\",\"0.01577100\","
            + "\"148976.11427815\",1499644799999,\"2434.19055334\",308,\"1756.87402397\","
            + "\"28.46694368\",\"0\"]]";
    assertSameRows(body, all());
    List<Object[]> rows = fast(body, all());
    assertEquals(List.of("BTCUSDT", "1m", "0"), Arrays.asList(rows.get(0)).subList(0, 3));
    assertEquals(1499040000000L, rows.get(0)[3]);
    assertEquals(new BigDecimal("0.01577100"), rows.get(0)[7]);
    assertEquals(308L, rows.get(0)[11]);
    boolean[] openAndClose = new boolean[11];
    openAndClose[0] = true;
    openAndClose[4] = true;
    assertSameRows(body, openAndClose);
    Object[] projected = fast(body, openAndClose).get(0);
    assertNull(projected[4], "open_price is skipped");
    assertNull(projected[9], "close_time is skipped");
    assertEquals(new BigDecimal("0.01577100"), projected[7]);
    assertSameRows("[]", all());
    assertSameRows(" \n[ ] \n", all());
  }

  @Test
  void randomPagesOfRecordedValuesReadLikeJackson() throws IOException {
    List<String> values = DecimalsTest.realValues();
    Random r = new Random(9);
    for (int page = 0; page < 400; page++) {
      StringBuilder sb = new StringBuilder();
      sb.append(ws(r)).append('[');
      int bars = r.nextInt(20);
      for (int bar = 0; bar < bars; bar++) {
        sb.append(bar > 0 ? "," : "").append(ws(r)).append('[');
        for (int f = 0; f < 12 + r.nextInt(3); f++) {
          sb.append(f > 0 ? "," : "").append(ws(r));
          ColumnType t = f < 11 ? KlineRows.FIELD_TYPES[f] : ColumnType.VARCHAR;
          if (t == ColumnType.DECIMAL || t == ColumnType.VARCHAR) {
            String v = r.nextInt(10) == 0 ? randomDecimal(r) : values.get(r.nextInt(values.size()));
            // Binance quotes decimals; a bare JSON number (no sign +, no leading point) reads too.
            boolean bare = r.nextInt(8) == 0 && v.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
            sb.append(bare ? v : "\"" + (r.nextInt(30) == 0 ? "" : v) + "\"");
          } else {
            long v = r.nextInt(4) == 0 ? -r.nextInt(1000) : Math.abs(r.nextLong() / 100);
            sb.append(v);
          }
          sb.append(ws(r));
        }
        sb.append(']').append(ws(r));
      }
      sb.append(']').append(ws(r));
      boolean[] need = new boolean[11];
      for (int f = 0; f < 11; f++) {
        need[f] = f == 0 || r.nextBoolean();
      }
      assertSameRows(sb.toString(), need);
    }
  }

  private static String ws(Random r) {
    return WS[r.nextInt(WS.length)];
  }

  /** A decimal string of up to 24 digits, as DecimalsTest makes them (sign, point, zeros). */
  private static String randomDecimal(Random r) {
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(4) == 0) {
      sb.append('-');
    }
    int digits = 1 + r.nextInt(24);
    int point = r.nextInt(digits + 1);
    for (int i = 0; i < digits; i++) {
      if (i == point && i > 0) {
        sb.append('.');
      }
      sb.append(r.nextInt(3) == 0 ? '0' : (char) ('0' + r.nextInt(10)));
    }
    return sb.toString();
  }

  @Test
  void bodiesOutsideTheFastPathAreLeftToJackson() throws IOException {
    String bar =
        "1499040000000,\"1.5\",\"2\",\"1\",\"1.5\",\"10\",1499040059999,\"15\",3,\"5\",\"7\"";
    // Jackson reads these; the fast path declines them, so nothing it gives can differ.
    for (String body :
        List.of(
            "[[" + bar.replace("\"2\"", "null") + ",\"0\"]]",
            "[[" + bar.replace("\"2\"", "2e0") + ",\"0\"]]",
            "[[" + bar.replace("\"2\"", "\"2\\u0030\"") + ",\"0\"]]",
            "[[" + bar + ",\"é\"]]",
            "[[" + bar.replace(",3,", ",\"3\",") + ",\"0\"]]",
            "[[" + bar.replace(",3,", ",1234567890123456789,") + ",\"0\"]]",
            "[[" + bar + ",[1],\"0\"]]",
            "[[" + bar + ",true]]",
            "[[" + bar + ",\"0\"]] trailing")) {
      assertNull(fast(body, all()), body);
      assertEquals(1, jackson(body, all()).size(), body);
    }
    // Malformed or short: the fast path declines, Jackson's reader reports the error.
    for (String body :
        List.of(
            "",
            "{}",
            "[[" + bar.replace(",3,", ",03,") + ",\"0\"]]",
            "[[" + bar.replace(",3,", ",12345678901234567890,") + ",\"0\"]]",
            "[[" + bar.replace("\"2\"", "\"2é\"") + ",\"0\"]]",
            "[[" + bar.replace("\"2\"", "-") + ",\"0\"]]",
            "[[" + bar.replace("\"2\"", "\"2.x\"") + ",\"0\"]]",
            "[[1499040000000,\"1.5\",\"2\"]]",
            "[[" + bar + ",\"0\"]",
            "[[" + bar + ",\"0\"],]",
            "[[" + bar + ",\"0\"] [" + bar + "]]",
            "[[" + bar + ",\"0\"")) {
      assertNull(fast(body, all()), body);
      assertThrows(RuntimeException.class, () -> failing(body), body);
    }
  }

  @Test
  void everyByteAtEveryPlaceOfALongSkippedStringReadsLikeJackson() throws IOException {
    // The skipped strings are scanned eight bytes at a time: a byte that needs care at any place
    // of the word (and of the words after it) must still be seen. The 12th field is never read.
    String bar =
        "1499040000000,\"1.5\",\"2\",\"1\",\"1.5\",\"10\",1499040059999,\"15\",3,\"5\",\"7\"";
    boolean[] openOnly = new boolean[11];
    openOnly[0] = true;
    for (int c = 0; c < 256; c++) {
      for (int at = 0; at < 20; at++) {
        byte[] text = new byte[24];
        Arrays.fill(text, (byte) 'a');
        text[at] = (byte) c;
        byte[] body =
            ("[[" + bar + ",\"" + new String(text, ISO_8859_1) + "\"]]").getBytes(ISO_8859_1);
        String what = "byte " + c + " at " + at;
        List<Object[]> fast = KlineBytes.read(body, body.length, "BTCUSDT", "1m", "0", openOnly);
        boolean plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
        if (plain) {
          assertNotNull(fast, what);
          assertEquals(1, fast.size(), what);
          assertEquals(1499040000000L, fast.get(0)[KlinesTable.OPEN_TIME], what);
        } else {
          assertNull(fast, what + ": left to Jackson, which reads it or reports it");
        }
      }
    }
  }

  /** Jackson's reader on {@code body}, its IOException as an unchecked one. */
  private static void failing(String body) {
    try {
      jackson(body, all());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
