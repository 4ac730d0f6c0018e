package io.github.binancejdbc.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's version, read from the resource the build writes it into (the Maven project
 * version), so the driver's version, its JDBC major and minor numbers and the User-Agent agree.
 */
public final class Version {
  /** E.g. {@code 0.1.0-SNAPSHOT}. */
  public static final String VERSION = read();

  private static final int MAJOR;
  private static final int MINOR;

  static {
    Matcher m = Pattern.compile("(\\d+)\\.(\\d+).*").matcher(VERSION);
    if (!m.matches()) {
      throw new IllegalStateException("Not a version: " + VERSION);
    }
    MAJOR = Integer.parseInt(m.group(1));
    MINOR = Integer.parseInt(m.group(2));
  }

  private Version() {}

  public static int major() {
    return MAJOR;
  }

  public static int minor() {
    return MINOR;
  }

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the adapter jar");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
