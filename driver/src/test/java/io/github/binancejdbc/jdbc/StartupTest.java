package io.github.binancejdbc.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a first connection and a first key lookup set up, seen in a new JVM (the classes it loads):
 * a lookup, prepared or run as a statement, is prepared without Calcite's planner, whose rule sets
 * and standard operator table are only built for the first statement that needs planning; a lookup
 * does not even create Calcite's connection; and a connection opens without a request.
 */
class StartupTest {
  private static final String RULES = "org.apache.calcite.adapter.enumerable.EnumerableRules ";

  /** Built by the validator and by any planner configuration: 150-250 ms on a first use. */
  private static final String OPERATORS = "org.apache.calcite.sql.fun.SqlStdOperatorTable ";

  /**
   * Created with each Calcite connection (its {@code Meta}), which with Avatica's connection
   * properties cost about 150-250 ms of a first row.
   */
  private static final String CONNECTION = "org.apache.calcite.jdbc.BinanceMetaImpl ";

  @Test
  void aFirstLookupNeverSetsUpThePlannerAndTheFirstPlannedStatementDoes() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xlog:class+load=info:stdout",
                "-cp",
                System.getProperty("java.class.path"),
                StartupProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not end");
    assertEquals(0, p.exitValue(), out);
    List<String> lines = out.lines().toList();
    int planned = lines.indexOf("PHASE planned");
    assertTrue(planned > 0, out);
    assertTrue(lines.contains("LOOKUP 43251.12000000"), out);
    assertTrue(lines.contains("STATEMENT LOOKUP 43251.12000000"), out);
    assertTrue(lines.contains("PLANNED BTCUSDT 43251.12000000"), out);
    for (String cut : List.of(RULES, OPERATORS)) {
      assertFalse(
          lines.subList(0, planned).stream().anyMatch(l -> l.contains(cut)),
          cut + "was loaded for a lookup");
      assertTrue(
          lines.subList(planned, lines.size()).stream().anyMatch(l -> l.contains(cut)),
          "the planned statement did not load " + cut + ": is the probe still planning?");
    }
    // A lookup, prepared or not, runs without Calcite's connection; the planned statement is the
    // first to need it.
    int prepared = lines.indexOf("PHASE prepared");
    assertTrue(prepared > 0 && prepared < planned, out);
    assertFalse(
        lines.subList(0, planned).stream().anyMatch(l -> l.contains(CONNECTION)),
        "Calcite's connection was created for a lookup");
    assertTrue(
        lines.subList(planned, lines.size()).stream().anyMatch(l -> l.contains(CONNECTION)),
        "the planned statement did not create Calcite's connection");
    // One request per statement: no rate-limit read at a weight this small.
    assertTrue(
        lines.contains(
            "REQUESTS [/api/v3/ticker/price?symbol=BTCUSDT, /api/v3/ticker/price?symbol=BTCUSDT,"
                + " /api/v3/ticker/price?symbol=BTCUSDT]"),
        out);
  }
}
