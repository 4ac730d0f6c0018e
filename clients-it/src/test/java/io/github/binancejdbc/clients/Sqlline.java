package io.github.binancejdbc.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs sqlline as a user does: {@code java -cp sqlline.jar:jline-*.jar:binance-jdbc-all.jar
 * sqlline.SqlLine -u URL -n USER -p PASSWORD -f script.sql}, in its own JVM (zone Asia/Tokyo,
 * Turkish locale) without a terminal, and parses the tables it printed.
 */
final class Sqlline {
  /** What sqlline printed. */
  final String printed;

  /** Each script command's echo, and the table it printed (header first), in order. */
  private final Map<String, List<List<String>>> tables = new LinkedHashMap<>();

  private Sqlline(String printed) {
    this.printed = printed;
    List<List<String>> current = null;
    for (String line : printed.split("\\R", -1)) {
      if (line.matches("\\d+/\\d+ +.*")) {
        current = new ArrayList<>();
        tables.put(line.replaceFirst("\\d+/\\d+ +", "").strip(), current);
      } else if (current != null && line.startsWith("|")) {
        String[] cells = line.substring(1).split("\\|", -1);
        current.add(Arrays.stream(cells, 0, cells.length - 1).map(String::strip).toList());
      }
    }
  }

  /** Runs {@code script} and checks that sqlline exited with 0. */
  static Sqlline run(Path home, String url, String user, String password, String script)
      throws Exception {
    Path file = home.resolve("script.sql");
    Files.writeString(file, script);
    Path out = home.resolve("out.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx512m",
                "-Duser.timezone=Asia/Tokyo",
                "-Duser.language=tr",
                "-Duser.country=TR",
                "-Duser.home=" + home,
                "-cp",
                classPath(),
                "sqlline.SqlLine",
                "-u",
                url,
                "-n",
                user,
                "-p",
                password,
                "--maxWidth=1000",
                "-f",
                file.toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "sqlline did not finish");
    Sqlline result = new Sqlline(Files.readString(out, StandardCharsets.UTF_8));
    assertEquals(0, p.exitValue(), result.printed);
    return result;
  }

  /** The sqlline and JLine jars of this test's class path, and the shaded driver jar. */
  private static String classPath() throws Exception {
    List<String> cp = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
      if (Path.of(entry).getFileName().toString().matches("(sqlline|jline|jansi|jna)-.*\\.jar")) {
        cp.add(entry);
      }
    }
    cp.add(ClasspathIT.shadedJar().toString());
    return String.join(File.pathSeparator, cp);
  }

  /** The table printed by the command whose echo starts with {@code command}. */
  List<List<String>> table(String command) {
    return tables.entrySet().stream()
        .filter(e -> e.getKey().startsWith(command))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no output for " + command + ":\n" + printed));
  }

  /** The values of one column of a printed table. */
  static List<String> column(List<List<String>> table, String name) {
    int i = table.get(0).indexOf(name);
    assertTrue(i >= 0, name + " not in " + table.get(0));
    return table.subList(1, table.size()).stream().map(r -> r.get(i)).toList();
  }
}
