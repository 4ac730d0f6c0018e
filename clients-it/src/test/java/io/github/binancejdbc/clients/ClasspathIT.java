package io.github.binancejdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The client tests see the driver only through its shaded jar: no thin jar, no adapter, no
 * unrelocated OkHttp, Jackson, Guava or Caffeine and no second Calcite that could stand in for a
 * class the shading lost.
 */
class ClasspathIT {
  static Path shadedJar() throws IOException {
    List<Path> found = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
      if (entry.matches(".*binance-jdbc-[^/\\\\]*-all\\.jar")) {
        found.add(Path.of(entry));
      }
    }
    assertEquals(1, found.size(), "one shaded jar on the class path: " + found);
    return found.get(0);
  }

  @Test
  void theShadedJarIsTheOneBuiltInThisTree() throws IOException {
    Path built = Path.of(System.getProperty("driver.built.jar", "none"));
    if (Files.isRegularFile(built)) {
      // With -pl clients-it Maven takes the jar from the local repository, where another
      // checkout may have installed a different build.
      assertEquals(
          -1L,
          Files.mismatch(shadedJar(), built),
          shadedJar()
              + " is not "
              + built
              + ": build from the root (mvn verify) or install the driver first");
    }
  }

  @Test
  void driverAndEngineComeFromTheShadedJarOnly() throws IOException {
    Path jar = shadedJar();
    for (String resource :
        List.of(
            "io/github/binancejdbc/jdbc/BinanceDriver.class",
            "org/apache/calcite/jdbc/Driver.class",
            "org/apache/calcite/avatica/AvaticaConnection.class",
            "io/github/binancejdbc/shaded/janino/SimpleCompiler.class",
            "io/github/binancejdbc/shaded/okhttp3/OkHttpClient.class",
            "io/github/binancejdbc/shaded/jackson/databind/ObjectMapper.class",
            "io/github/binancejdbc/shaded/guava/collect/ImmutableList.class",
            "io/github/binancejdbc/shaded/caffeine/cache/Caffeine.class")) {
      List<URL> urls = Collections.list(getClass().getClassLoader().getResources(resource));
      assertEquals(1, urls.size(), resource + " " + urls);
      assertEquals(jar, jarOf(urls.get(0)), resource);
    }
    for (String unshaded :
        List.of(
            "okhttp3/OkHttpClient.class",
            "okio/Buffer.class",
            "kotlin/Unit.class",
            "com/fasterxml/jackson/databind/ObjectMapper.class",
            "com/google/common/collect/ImmutableList.class",
            "com/github/benmanes/caffeine/cache/Caffeine.class",
            "org/codehaus/janino/SimpleCompiler.class",
            "io/github/binancejdbc/adapter/BinanceSchema.class")) {
      if (unshaded.startsWith("io/")) {
        // The adapter is inside the shaded jar, unrelocated, once.
        assertEquals(
            1,
            Collections.list(getClass().getClassLoader().getResources(unshaded)).size(),
            unshaded);
      } else {
        assertEquals(
            List.of(),
            Collections.list(getClass().getClassLoader().getResources(unshaded)),
            unshaded);
      }
    }
  }

  private static Path jarOf(URL url) throws IOException {
    try {
      return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
    } catch (URISyntaxException | ClassCastException e) {
      throw new AssertionError("not in a jar: " + url, e);
    }
  }

  @Test
  void librariesHostsShipInOtherVersionsDoNotLeakOut() throws IOException {
    try (JarFile jf = new JarFile(shadedJar().toFile())) {
      Properties lang3 = new Properties();
      try (InputStream in =
          jf.getInputStream(
              jf.getEntry("META-INF/maven/org.apache.commons/commons-lang3/pom.properties"))) {
        lang3.load(in);
      }
      String version = lang3.getProperty("version");
      // commons-lang3 is pinned to a current version (uzaygezen-core alone would pull 3.1, which
      // stopped Spark with NoSuchFieldError JAVA_11) and relocated, as is Avatica's protobuf
      // (Spark ships an older one: IllegalAccessError on LazyStringArrayList.emptyList()).
      assertTrue(Integer.parseInt(version.split("\\.", -1)[1]) >= 13, version);
      assertEquals(null, jf.getEntry("org/apache/commons/lang3/StringUtils.class"));
      assertTrue(
          jf.getEntry("io/github/binancejdbc/shaded/commons/lang3/StringUtils.class") != null);
      assertEquals(null, jf.getEntry("com/google/protobuf/LazyStringArrayList.class"));
      assertTrue(
          jf.getEntry("io/github/binancejdbc/shaded/protobuf/LazyStringArrayList.class") != null);
    }
  }

  @Test
  void noOtherJarDuplicatesAClassOfTheShadedJar() throws IOException {
    Path shaded = shadedJar();
    Set<String> classes = new HashSet<>();
    try (JarFile jf = new JarFile(shaded.toFile())) {
      Enumeration<JarEntry> e = jf.entries();
      while (e.hasMoreElements()) {
        String name = e.nextElement().getName();
        if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
          classes.add(name);
        }
      }
    }
    List<String> clashes = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
      if (!entry.endsWith(".jar") || Path.of(entry).equals(shaded)) {
        continue;
      }
      try (JarFile jf = new JarFile(entry)) {
        Enumeration<JarEntry> e = jf.entries();
        while (e.hasMoreElements()) {
          String name = e.nextElement().getName();
          if (classes.contains(name)) {
            clashes.add(Path.of(entry).getFileName() + "!" + name);
          }
        }
      }
    }
    assertEquals(List.of(), clashes);
  }
}
