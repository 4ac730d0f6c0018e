package io.github.binancejdbc.adapter.client;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Reads the preferred form of an HTTP {@code Date} header ({@code Sun, 06 Nov 1994 08:49:37 GMT},
 * the IMF-fixdate every server sends) without {@code SimpleDateFormat}, whose first use in a JVM
 * loads the locale data of dates and numbers (about 40 ms on the first request's path). Other forms
 * are left to OkHttp's parser.
 */
final class HttpDate {
  private static final String DAYS = "Mon,Tue,Wed,Thu,Fri,Sat,Sun,";
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private HttpDate() {}

  /**
   * The epoch milliseconds of {@code text} if it is an IMF-fixdate of an existing day and time,
   * with the day name of that day; else {@code null}.
   */
  static @Nullable Long imfFixdate(String text) {
    if (text.length() != 29
        || text.charAt(3) != ','
        || text.charAt(4) != ' '
        || text.charAt(7) != ' '
        || text.charAt(11) != ' '
        || text.charAt(16) != ' '
        || text.charAt(19) != ':'
        || text.charAt(22) != ':'
        || !text.endsWith(" GMT")) {
      return null;
    }
    int dayName = DAYS.indexOf(text.substring(0, 4));
    int month = MONTHS.indexOf(text.substring(8, 11));
    int day = digits(text, 5, 7);
    int year = digits(text, 12, 16);
    int hour = digits(text, 17, 19);
    int minute = digits(text, 20, 22);
    int second = digits(text, 23, 25);
    if (dayName < 0 || dayName % 4 != 0 || month < 0 || month % 3 != 0) {
      return null;
    }
    if (day < 0 || year < 0 || hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    LocalDateTime t;
    try {
      t = LocalDateTime.of(year, month / 3 + 1, day, hour, minute, second);
    } catch (DateTimeException e) {
      return null;
    }
    if (t.getDayOfWeek().getValue() != dayName / 4 + 1) {
      return null;
    }
    return t.toEpochSecond(ZoneOffset.UTC) * 1000L;
  }

  /** The decimal number in {@code text[from, to)}, or -1 if it is not all ASCII digits. */
  private static int digits(String text, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
