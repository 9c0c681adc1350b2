package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The uber-jar with a bad configuration, run as systemd or Docker would: the process exits with a
 * non-zero status within 30 seconds of the failed deployment, and the last line on standard error
 * is the error, naming the key and what is allowed; Payara Micro's runtime directory is removed.
 */
class FailedStartIT {
  /** Payara Micro's boot, on a loaded CI machine, before the deployment fails. */
  private static final long BOOT_SECONDS = 120;

  /** What the issue allows between the failed deployment and the exit. */
  private static final long EXIT_SECONDS = 30;

  @Test
  void aBadSettingEndsTheProcessWithTheErrorAsTheLastLine() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("KARUTA_ANNOUNCE_INTERVAL", "bogus");
    Failed failed = run("failed-start-setting", env);
    assertEquals(
        "Karuta did not start: karuta.announce_interval: 'bogus' is not a duration; write one such"
            + " as 30m, 1h30m or 45s (allowed: 1s to 24h)",
        failed.lastErrorLine(),
        failed.toString());
  }

  @Test
  void aTakenUdpPortEndsTheProcessNamingTheKey() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      Map<String, String> env = new HashMap<>();
      env.put("KARUTA_UDP_ADDR", "127.0.0.1:" + taken.getLocalPort());
      Failed failed = run("failed-start-udp", env);
      assertTrue(
          failed
              .lastErrorLine()
              .startsWith(
                  "Karuta did not start: karuta.udp.addr: cannot bind /127.0.0.1:"
                      + taken.getLocalPort()),
          failed.toString());
    }
  }

  /** How a failed start ended. */
  private record Failed(List<String> stderr, Path log) {
    String lastErrorLine() {
      return stderr.isEmpty() ? "" : stderr.get(stderr.size() - 1);
    }

    @Override
    public String toString() {
      int from = Math.max(0, stderr.size() - 5);
      return "see "
          + log
          + "; last lines on stderr:\n"
          + String.join("\n", stderr.subList(from, stderr.size()));
    }
  }

  /**
   * Starts the uber-jar with these environment variables, waits for the deployment to fail (the
   * error shows on stderr) and then for the exit, and returns stderr's non-blank lines.
   */
  private static Failed run(String name, Map<String, String> environment) throws Exception {
    Path dir = Files.createTempDirectory("karuta-" + name);
    Path stderr = Path.of("target", name + ".stderr.log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(KarutaProcess.command(dir, KarutaProcess.freeTcpPort(), List.of()));
      Path config = Files.writeString(dir.resolve("karuta.yaml"), "karuta: {}\n");
      KarutaProcess.configure(
          builder.environment(), config, KarutaProcess.freeUdpPort(), environment);
      builder.redirectOutput(Path.of("target", name + ".stdout.log").toFile());
      builder.redirectError(stderr.toFile());
      Process process = builder.start();
      try {
        long failedAt = awaitDeploymentFailure(process, stderr);
        assertTrue(
            process.waitFor(EXIT_SECONDS, TimeUnit.SECONDS),
            "still running " + EXIT_SECONDS + " s after the failed deployment; see " + stderr);
        long exitMillis = (System.nanoTime() - failedAt) / 1_000_000;
        System.out.printf("%s: exited %d ms after the failed deployment%n", name, exitMillis);
        assertEquals(1, process.exitValue(), "exit status");
      } finally {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      }
      try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
        List<Path> runtime =
            left.filter(p -> p.getFileName().toString().startsWith("payaramicro-rt")).toList();
        assertEquals(List.of(), runtime, "Payara Micro's runtime directory is removed at exit");
      }
      List<String> lines =
          Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
              .filter(line -> !line.isBlank())
              .toList();
      return new Failed(lines, stderr);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** Returns when the failed deployment shows on stderr (System.nanoTime()). */
  private static long awaitDeploymentFailure(Process process, Path stderr)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOT_SECONDS);
    while (System.nanoTime() < deadline) {
      String text = Files.readString(stderr, StandardCharsets.UTF_8);
      if (text.contains("ConfigException")) {
        return System.nanoTime();
      }
      if (!process.isAlive()) {
        return System.nanoTime();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no failed deployment after " + BOOT_SECONDS + " s; see " + stderr);
  }
}
