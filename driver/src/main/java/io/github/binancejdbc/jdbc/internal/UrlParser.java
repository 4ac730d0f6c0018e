package io.github.binancejdbc.jdbc.internal;

import io.github.binancejdbc.jdbc.BinanceProperty;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Parses {@code jdbc:binance:[//host[:port][/]][?name=value[&name=value]...]} (also {@code
 * ;name=value} pairs, as Calcite writes them) and merges it with the given {@code Properties} and
 * the environment. Precedence: URL, then {@code Properties}, then environment variables, then
 * defaults. {@code user}/{@code password}, which BI tools fill in, stand for {@code apiKey}/{@code
 * secretKey} when those are not given.
 */
public final class UrlParser {
  public static final String PREFIX = "jdbc:binance:";

  private UrlParser() {}

  /** True for URLs this driver handles. */
  public static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /**
   * The merged properties, our own under their canonical names.
   *
   * @throws SQLException (22023) for a malformed URL
   */
  public static Properties parse(String url, Properties info, Map<String, String> env)
      throws SQLException {
    Properties out = new Properties();
    if (info != null) {
      for (String name : info.stringPropertyNames()) {
        put(out, name, info.getProperty(name));
      }
    }
    String rest = url.substring(PREFIX.length());
    if (rest.startsWith("//")) {
      int end = indexOfAny(rest, 2, "?;");
      String authority = rest.substring(2, end);
      while (authority.endsWith("/")) {
        authority = authority.substring(0, authority.length() - 1);
      }
      if (!authority.isEmpty()) {
        out.setProperty(BinanceProperty.BASE_URL.propertyName(), baseUrlFor(authority));
      }
      rest = rest.substring(end);
    }
    if (rest.startsWith("?") || rest.startsWith(";")) {
      rest = rest.substring(1);
    }
    for (String pair : rest.split("[&;]", -1)) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new SQLDataException(
            "Malformed connection URL: '"
                + redactPair(pair)
                + "' is not name=value; expected "
                + PREFIX
                + "[//host[:port]][?name=value[&name=value]...]",
            "22023");
      }
      put(out, decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
    }
    alias(out, "user", BinanceProperty.API_KEY);
    alias(out, "password", BinanceProperty.SECRET_KEY);
    for (BinanceProperty p : BinanceProperty.values()) {
      if (out.getProperty(p.propertyName()) == null && p.envVar() != null) {
        String v = env.get(p.envVar());
        if (v != null && !v.isBlank()) {
          out.setProperty(p.propertyName(), v);
        }
      }
    }
    return out;
  }

  /** {@code //host:port}: https, except plain http for loopback (a local simulator). */
  static String baseUrlFor(String authority) {
    String host = authority.toLowerCase(Locale.ROOT);
    boolean loopback =
        host.startsWith("localhost") || host.startsWith("127.") || host.startsWith("[::1]");
    return (loopback ? "http://" : "https://") + authority;
  }

  private static void put(Properties out, String name, String value) {
    BinanceProperty p = BinanceProperty.forName(name);
    out.setProperty(p == null ? name : p.propertyName(), value);
  }

  private static void alias(Properties out, String alias, BinanceProperty target) {
    String v = out.getProperty(alias);
    out.remove(alias);
    if (v != null && !v.isBlank() && out.getProperty(target.propertyName()) == null) {
      out.setProperty(target.propertyName(), v);
    }
  }

  private static String decode(String s) {
    // A literal '+' stays a '+' (URLDecoder would make it a space).
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static int indexOfAny(String s, int from, String chars) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  private static String redactPair(String pair) {
    return pair.length() > 40 ? pair.substring(0, 40) + "..." : pair;
  }

  /** The URL as we show it ({@code getURL()}, logs): non-secret Binance properties only. */
  public static String displayUrl(Properties props) {
    StringBuilder sb = new StringBuilder(PREFIX);
    char sep = '?';
    for (BinanceProperty p : BinanceProperty.values()) {
      String v = props.getProperty(p.propertyName());
      if (v == null || p.isSensitive() || p == BinanceProperty.API_KEY) {
        continue;
      }
      sb.append(sep).append(p.propertyName()).append('=').append(v);
      sep = '&';
    }
    return sb.toString();
  }
}
