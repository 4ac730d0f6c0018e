package io.github.binancejdbc.adapter.error;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.adapter.client.Param;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BinanceErrorCodeTest {
  private static final Map<ErrorKind, Set<String>> STATES_BY_KIND =
      Map.of(
          ErrorKind.CONNECTION, Set.of("08001", "08003"),
          ErrorKind.AUTHORIZATION, Set.of("28000"),
          ErrorKind.DATA, Set.of("22023"),
          ErrorKind.FEATURE_NOT_SUPPORTED, Set.of("0A000"),
          ErrorKind.RATE_LIMITED, Set.of("53000"),
          ErrorKind.BANNED, Set.of("53000"),
          ErrorKind.SERVER, Set.of("58000", "58030"),
          ErrorKind.TIMEOUT, Set.of("57014"),
          ErrorKind.INTERNAL, Set.of("XX000"));

  @Test
  void everyEntryIsCompleteUniqueAndConsistentWithItsKind() {
    Set<Integer> codes = new HashSet<>();
    for (BinanceErrorCode c : BinanceErrorCode.values()) {
      assertNotNull(c.kind(), c.name());
      assertNotNull(c.sqlState(), c.name());
      assertTrue(c.code() < 0, c.name() + " code must be negative");
      assertTrue(codes.add(c.code()), "duplicate code " + c.code());
      assertTrue(
          requireNonNull(STATES_BY_KIND.get(c.kind()), c.kind().name()).contains(c.sqlState()),
          c.name() + ": " + c.sqlState() + " does not fit " + c.kind());
      assertSame(c, BinanceErrorCode.fromCode(c.code()));
      if (c.hint() != null) {
        assertFalse(c.hint().isBlank(), c.name());
      }
    }
  }

  @Test
  void coversEveryDocumentedRestCode() {
    // From errors.md (REST-relevant codes; FIX-only and WebSocket-only codes excluded).
    int[] documented = {
      -1000, -1001, -1002, -1003, -1006, -1007, -1008, -1010, -1013, -1014, -1015, -1016, -1020,
      -1021, -1022, -1100, -1101, -1102, -1103, -1104, -1105, -1106, -1108, -1111, -1112, -1114,
      -1115, -1116, -1117, -1118, -1119, -1120, -1121, -1122, -1125, -1127, -1128, -1130, -1134,
      -1135, -1139, -1145, -1151, -1152, -1153, -1155, -1158, -1160, -1161, -1165, -1166, -1168,
      -1194, -1196, -1197, -1198, -1199, -1210, -1211, -1220, -1221, -1222, -1223, -1224, -1225,
      -2010, -2011, -2013, -2014, -2015, -2016, -2021, -2022, -2026, -2038, -2039, -2043
    };
    for (int code : documented) {
      assertNotNull(BinanceErrorCode.fromCode(code), "missing " + code);
    }
    assertEquals(documented.length, BinanceErrorCode.values().length);
  }

  @Test
  void mapsCodesAsTheStyleGuideTableSays() {
    assertMapping(-1002, ErrorKind.AUTHORIZATION, "28000");
    assertMapping(-1022, ErrorKind.AUTHORIZATION, "28000");
    assertMapping(-2014, ErrorKind.AUTHORIZATION, "28000");
    assertMapping(-2015, ErrorKind.AUTHORIZATION, "28000");
    assertMapping(-1121, ErrorKind.DATA, "22023");
    assertMapping(-1120, ErrorKind.DATA, "22023");
    assertMapping(-1100, ErrorKind.DATA, "22023");
    assertMapping(-1021, ErrorKind.DATA, "22023");
    assertMapping(-1020, ErrorKind.FEATURE_NOT_SUPPORTED, "0A000");
    assertMapping(-1003, ErrorKind.RATE_LIMITED, "53000");
    for (int code : new int[] {-1000, -1001, -1006, -1007, -1008}) {
      assertMapping(code, ErrorKind.SERVER, "58000");
      assertTrue(requireNonNull(BinanceErrorCode.fromCode(code)).retryable());
    }
    assertMapping(-2010, ErrorKind.DATA, "22023");
    assertMapping(-1013, ErrorKind.DATA, "22023");
    assertFalse(requireNonNull(BinanceErrorCode.fromCode(-1121)).retryable());
    assertNull(BinanceErrorCode.fromCode(-9999));
  }

  @Test
  void toExceptionFormatsTheHouseMessage() {
    BinanceException e =
        BinanceErrorCode.toException(
            400,
            -1121,
            "Invalid symbol.",
            "GET",
            "/api/v3/klines",
            List.of(Param.of("symbol", "FOO")));

    assertEquals(ErrorKind.DATA, e.kind());
    assertEquals("22023", e.sqlState());
    assertEquals(-1121, e.vendorCode());
    assertEquals(
        "Binance API error -1121 (HTTP 400) on GET /api/v3/klines: Invalid symbol. [symbol=FOO]"
            + " (hint: check the symbol in the symbols table)",
        e.getMessage());
  }

  @Test
  void toExceptionRedactsTheSignature() {
    BinanceException e =
        BinanceErrorCode.toException(
            400,
            -1021,
            "Timestamp for this request is outside of the recvWindow.",
            "GET",
            "/api/v3/account",
            List.of(Param.of("timestamp", 1700000000000L), Param.of("signature", "abcdef0123")));

    assertEquals(
        "Binance API error -1021 (HTTP 400) on GET /api/v3/account: Timestamp for this request is"
            + " outside of the recvWindow. [timestamp=1700000000000, signature=****]"
            + " (hint: check clock sync or raise recvWindow)",
        e.getMessage());
    assertFalse(String.valueOf(e.getMessage()).contains("abcdef0123"));
  }

  @Test
  void unknownCodeFallsBackToTheHttpStatus() {
    BinanceException e =
        BinanceErrorCode.toException(400, -1999, "Something new.", "GET", "/api/v3/x", List.of());

    assertEquals(ErrorKind.DATA, e.kind());
    assertEquals("22023", e.sqlState());
    assertEquals(-1999, e.vendorCode());
    assertEquals(
        "Binance API error -1999 (HTTP 400) on GET /api/v3/x: Something new.", e.getMessage());
  }

  @Test
  void httpStatusWithoutBodyIsMapped() {
    assertHttp(401, ErrorKind.AUTHORIZATION, "28000");
    assertHttp(403, ErrorKind.AUTHORIZATION, "28000");
    assertHttp(404, ErrorKind.FEATURE_NOT_SUPPORTED, "0A000");
    assertHttp(418, ErrorKind.BANNED, "53000");
    assertHttp(429, ErrorKind.RATE_LIMITED, "53000");
    assertHttp(500, ErrorKind.SERVER, "58000");
    assertHttp(503, ErrorKind.SERVER, "58000");
    assertHttp(400, ErrorKind.DATA, "22023");
    assertHttp(302, ErrorKind.INTERNAL, "XX000");

    BinanceException e =
        BinanceErrorCode.fromHttpStatus(
            404, "<html>Not Found</html>", "GET", "/api/v1/old", List.of());
    assertEquals(404, e.vendorCode());
    assertEquals(
        "Binance API error (HTTP 404) on GET /api/v1/old: endpoint not found (retired?), body:"
            + " <html>Not Found</html>",
        e.getMessage());
  }

  @Test
  void snippetCollapsesWhitespaceAndCuts() {
    assertEquals("a b c", ErrorMessages.snippet("  a\n\t b   c "));
    assertEquals("x".repeat(200) + "...", ErrorMessages.snippet("x".repeat(300)));
  }

  private static void assertMapping(int code, ErrorKind kind, String sqlState) {
    BinanceErrorCode c = BinanceErrorCode.fromCode(code);
    assertNotNull(c, "missing " + code);
    assertEquals(kind, c.kind(), String.valueOf(code));
    assertEquals(sqlState, c.sqlState(), String.valueOf(code));
  }

  private static void assertHttp(int status, ErrorKind kind, String sqlState) {
    HttpStatusMapping m = HttpStatusMapping.of(status);
    assertEquals(kind, m.kind(), String.valueOf(status));
    assertEquals(sqlState, m.sqlState(), String.valueOf(status));
  }
}
