package io.github.binancejdbc.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.binancejdbc.simulator.BinanceSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example runs against the simulator and prints exactly its checked-in expected output; a
 * changed result fails the build. {@code -Dgolden.update=true} rewrites the expected files (review
 * the diff). The examples share one simulator and run in file order, as the README command does,
 * because the trading ones build on each other.
 */
class ExamplesTest {
  static final Path QUERIES = Path.of("queries");
  static final Path EXPECTED = Path.of("expected");
  static BinanceSimulator sim;
  static Connection conn;

  @BeforeAll
  static void start() throws Exception {
    sim = BinanceSimulator.builder().port(0).build().start();
    conn = RunExamples.connect(sim);
  }

  @AfterAll
  static void stop() throws Exception {
    conn.close();
    sim.close();
  }

  @Test
  void thereAreAtLeastThirtyDocumentedExamples() throws Exception {
    List<Path> files = Examples.files(QUERIES);
    assertTrue(files.size() >= 30, "only " + files.size() + " examples");
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertTrue(text.startsWith("-- "), f + " must start with a comment saying what it shows");
      assertFalse(Examples.statements(text).isEmpty(), f + " has no statement");
    }
  }

  @TestFactory
  List<DynamicTest> examplesPrintTheirExpectedOutput() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : Examples.files(QUERIES)) {
      String name = f.getFileName().toString();
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                String actual = Examples.run(conn, f);
                Path expected = EXPECTED.resolve(name.replace(".sql", ".out"));
                if (Boolean.getBoolean("golden.update")) {
                  Files.createDirectories(EXPECTED);
                  Files.writeString(expected, actual, StandardCharsets.UTF_8);
                  return;
                }
                assertTrue(
                    Files.exists(expected),
                    "no expected output "
                        + expected
                        + "; run with -Dgolden.update=true and review it");
                assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, name);
              }));
    }
    return tests;
  }
}
