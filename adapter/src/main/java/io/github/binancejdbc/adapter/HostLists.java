package io.github.binancejdbc.adapter;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the host lists of {@code baseUrl} and {@code marketDataUrl}. */
final class HostLists {
  private HostLists() {}

  /**
   * The URLs of a comma-separated list, in order, without trailing slashes or a trailing {@code
   * /api}.
   *
   * @throws IllegalArgumentException naming {@code property} for a URL that is not http(s) or a
   *     host listed twice
   */
  static List<String> parse(String list, String property) {
    requireNonNull(list, property + " is null");
    List<String> urls = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      if (part.isBlank()) {
        continue;
      }
      String url = url(part, property);
      if (urls.contains(url)) {
        throw new IllegalArgumentException(
            property + " lists " + url + " twice: name each host once");
      }
      urls.add(url);
    }
    return List.copyOf(urls);
  }

  private static String url(String given, String property) {
    String url = given.trim();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    // The testnet is documented as https://testnet.binance.vision/api; our paths carry /api/v3.
    if (url.endsWith("/api")) {
      url = url.substring(0, url.length() - 4);
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      throw new IllegalArgumentException(
          property
              + " must start with http:// or https://, e.g. https://api.binance.com, but"
              + " was: "
              + given.trim());
    }
    return url;
  }
}
