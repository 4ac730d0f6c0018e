package io.github.binancejdbc.adapter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** {@link HttpDate} reads an IMF-fixdate as OkHttp's parser does, and refuses what it refuses. */
class HttpDateTest {
  private static @Nullable Long okhttp(String text) {
    Instant i = Headers.of("Date", text).getInstant("Date");
    return i == null ? null : i.toEpochMilli();
  }

  @Test
  void readsTheFixdateAsOkHttpDoes() {
    assertEquals(784111777000L, HttpDate.imfFixdate("Sun, 06 Nov 1994 08:49:37 GMT"));
    assertEquals(
        okhttp("Sun, 06 Dec 2026 17:07:03 GMT"),
        HttpDate.imfFixdate("Sun, 06 Dec 2026 17:07:03 GMT"));
    SplittableRandom r = new SplittableRandom(9);
    for (int n = 0; n < 2000; n++) {
      long seconds = r.nextLong(0, 4_102_444_800L);
      String text =
          java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
              Instant.ofEpochSecond(seconds).atOffset(java.time.ZoneOffset.UTC));
      if (text.length() == 28) {
        // RFC_1123_DATE_TIME writes a day below 10 with one digit; the fixdate has two.
        text = text.substring(0, 5) + "0" + text.substring(5);
      }
      assertEquals(seconds * 1000L, HttpDate.imfFixdate(text), text);
      assertEquals(okhttp(text), HttpDate.imfFixdate(text), text);
    }
  }

  @Test
  void leavesEverythingElseToOkHttp() {
    for (String text :
        List.of(
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
            "Mon, 06 Nov 1994 08:49:37 GMT",
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 nov 1994 08:49:37 GMT",
            "Sun, 6 Nov 1994 08:49:37 GMT ",
            "Sun, 06 Nov 1994 08:49:3x GMT",
            "Su,, 06 Nov 1994 08:49:37 GMT",
            "")) {
      assertNull(HttpDate.imfFixdate(text), text);
    }
  }
}
