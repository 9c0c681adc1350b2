package io.karuta.config;

import static io.karuta.config.Asserts.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a separate JVM finds the YAML file through the environment variable {@code
 * KARUTA_CONFIG}, MicroProfile Config discovers Karuta's sources through the service loader, and an
 * environment variable overrides the file.
 */
class ChildJvmTest {
  private static final long TIMEOUT_SECONDS = 60;

  @TempDir Path dir;

  /** The child's exit code and its output (standard output and error together). */
  private record Run(int exitCode, String output) {}

  private Run run(Map<String, String> env) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            PrintConfig.class.getName());
    builder.environment().keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).startsWith("karuta"));
    builder.environment().putAll(env);
    Path output = dir.resolve("output.txt");
    builder.redirectErrorStream(true).redirectOutput(output.toFile());
    Process process = builder.start();
    try {
      assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the child JVM hung");
    } finally {
      process.destroyForcibly();
    }
    return new Run(process.exitValue(), Files.readString(output));
  }

  @Test
  void environmentOverridesTheFileInARealJvm() throws Exception {
    Path file = dir.resolve("karuta.yaml");
    Files.writeString(
        file,
        """
        karuta:
          announce_interval: 20m
          min_announce_interval: 5m
          http:
            max_numwant: 80
          udp:
            addr: ""
            private_key: "hunter2"
          prehooks:
            - name: client approval
              options:
                whitelist: [AZ2060]
        """);

    Run run =
        run(
            Map.of(
                "KARUTA_CONFIG", file.toString(),
                "KARUTA_ANNOUNCE_INTERVAL", "10m",
                "KARUTA_PREHOOKS_1__NAME", "torrent approval",
                "KARUTA_PORT", "tcp://10.0.0.1:80"));

    assertEquals(0, run.exitCode(), run.output());
    List<String> lines = run.output().lines().toList();
    assertTrue(
        lines.contains("sources=YamlConfigSource:250 DefaultsConfigSource:100"), run.output());
    assertTrue(lines.contains("announce_interval=10m"), run.output());
    assertTrue(lines.contains("min_announce_interval=5m"), run.output());
    assertTrue(lines.contains("http.max_numwant=80"), run.output());
    assertTrue(lines.contains("udp.addr="), run.output());
    assertTrue(lines.contains("storage.name=memory"), run.output());
    assertTrue(lines.contains("prehooks=[client approval, torrent approval]"), run.output());
    assertContains(run.output(), "  karuta.udp.private_key = REDACTED");
    assertFalse(run.output().contains("hunter2"), run.output());
  }

  @Test
  void aMissingFileStopsTheStart() throws Exception {
    Path missing = dir.resolve("missing.yaml");

    Run run = run(Map.of("KARUTA_CONFIG", missing.toString()));

    assertEquals(2, run.exitCode(), run.output());
    assertContains(run.output(), "error=karuta.config: " + missing + ": no such file");
  }
}
