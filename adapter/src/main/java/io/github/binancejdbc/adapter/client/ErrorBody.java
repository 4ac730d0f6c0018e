package io.github.binancejdbc.adapter.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binancejdbc.adapter.error.ErrorMessages;
import java.io.IOException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The body of an error response: Binance's {@code {"code":-1121,"msg":"Invalid symbol."}} when it
 * is one, else a one-line snippet of whatever came (HTML from a proxy, nothing at all).
 *
 * @param code the Binance code, or null when the body is not a Binance error
 * @param msg Binance's message verbatim (empty if absent), or null with {@code code}
 * @param snippet the start of the raw body on one line, possibly empty
 */
record ErrorBody(@Nullable Integer code, String msg, String snippet) {
  // "Way too much request weight used; IP banned until 1700000000000. ..." (-1003 on a 418).
  private static final Pattern BANNED_UNTIL = Pattern.compile("banned until (\\d{10,})");

  static ErrorBody parse(JsonFactory json, String body) {
    String snippet = ErrorMessages.snippet(body);
    Integer code = null;
    String msg = null;
    try (JsonParser p = json.createParser(body)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if ("code".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
            code = p.getIntValue();
          } else if ("msg".equals(field) && value == JsonToken.VALUE_STRING) {
            msg = p.getText();
          } else {
            p.skipChildren();
          }
        }
        if (t != JsonToken.END_OBJECT) {
          code = null;
        }
      }
    } catch (IOException e) {
      // Not JSON (or cut short): the caller reports the HTTP status and the snippet instead.
      code = null;
    }
    return code == null
        ? new ErrorBody(null, "", snippet)
        : new ErrorBody(code, msg == null ? "" : msg, snippet);
  }

  /** The end of an IP ban as Binance states it in the message, or null. */
  @Nullable Instant bannedUntil() {
    Matcher m = BANNED_UNTIL.matcher(msg);
    if (!m.find()) {
      return null;
    }
    try {
      return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
