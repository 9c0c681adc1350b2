package io.karuta.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real BitTorrent client for end-to-end tests: {@code src/test/python/swarm_e2e.py} runs a
 * libtorrent seeder and leecher on loopback that can find each other only through the tracker under
 * test, and checks the leecher gets the file.
 *
 * <pre>{@code
 * RealClient.assumeAvailableOrFailInCi();
 * RealClient.Result result =
 *     RealClient.download(URI.create(base + "/announce"), 6, tempDir, Duration.ofSeconds(60));
 * assertTrue(result.ok(), result.summary() + "\n" + result.log());
 * }</pre>
 */
public final class RealClient {
  /** Debian's interpreter: python3-libtorrent is built for it, not for a pyenv one. */
  static final Path PYTHON = Path.of("/usr/bin/python3");

  static final Path SCRIPT =
      Path.of(System.getProperty("basedir", ""), "src", "test", "python", "swarm_e2e.py")
          .toAbsolutePath();

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

  /** On top of the script's own timeout: interpreter start, hashing and session shutdown. */
  private static final Duration GRACE = Duration.ofSeconds(30);

  /**
   * What a download came to: {@code summary} is the script's {@code E2E OK ...} or {@code E2E FAIL
   * ...} line (or why there is none), {@code log} all it printed.
   */
  public record Result(boolean ok, String summary, String log) {}

  private RealClient() {}

  /** Empty when the real client can run here, otherwise why not and how to fix it. */
  public static Optional<String> unavailableReason() {
    if (!Files.isExecutable(PYTHON)) {
      return Optional.of(PYTHON + " is missing (apt-get install python3 python3-libtorrent)");
    }
    Path output = null;
    try {
      output = Files.createTempFile("karuta-libtorrent-probe", ".txt");
      OptionalInt exit =
          run(List.of(PYTHON.toString(), "-c", "import libtorrent"), output, PROBE_TIMEOUT);
      if (exit.isEmpty()) {
        return Optional.of(PYTHON + " -c 'import libtorrent' did not finish in " + PROBE_TIMEOUT);
      }
      if (exit.getAsInt() != 0) {
        return Optional.of(
            "python3-libtorrent is not installed (apt-get install python3-libtorrent): "
                + lastLine(read(output)));
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("cannot run " + PYTHON + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while probing " + PYTHON);
    } finally {
      if (output != null) {
        output.toFile().delete();
      }
    }
  }

  /** Skips the calling test when the real client is unavailable, or fails it in CI (CI=true). */
  public static void assumeAvailableOrFailInCi() {
    requireAvailable(unavailableReason(), inCi());
  }

  /**
   * Skips the calling test with {@code reason} unless {@code condition} holds; in CI (env {@code
   * CI}) fails instead, since CI sets up everything the end-to-end tests need.
   */
  public static void requireOrFailInCi(boolean condition, String reason) {
    requireAvailable(condition ? Optional.empty() : Optional.of(reason), inCi());
  }

  private static boolean inCi() {
    String ci = System.getenv("CI");
    return "true".equalsIgnoreCase(ci) || "1".equals(ci);
  }

  static void requireAvailable(Optional<String> reason, boolean ci) {
    if (reason.isPresent() && ci) {
      Assertions.fail("CI must have the real BitTorrent client: " + reason.get());
    }
    reason.ifPresent(Assumptions::abort);
  }

  /**
   * Runs a seeder and a leecher announcing to {@code announceUrl} on 127.0.0.1 ({@code family} 4)
   * or ::1 (6), files and the log ({@code swarm_e2e.log}) under {@code workdir}; {@code timeout}
   * bounds the swarm, and the process is destroyed if it outlives it by much.
   */
  public static Result download(URI announceUrl, int family, Path workdir, Duration timeout)
      throws IOException, InterruptedException {
    if (family != 4 && family != 6) {
      throw new IllegalArgumentException("family must be 4 or 6, not " + family);
    }
    Files.createDirectories(workdir);
    Path log = workdir.resolve("swarm_e2e.log");
    List<String> command =
        List.of(
            PYTHON.toString(),
            "-u",
            SCRIPT.toString(),
            "--tracker",
            announceUrl.toString(),
            "--family",
            Integer.toString(family),
            "--timeout",
            Long.toString(Math.max(1, timeout.toSeconds())),
            "--workdir",
            workdir.resolve("swarm").toString());
    OptionalInt exit = run(command, log, timeout.plus(GRACE));
    String output = read(log);
    String verdict =
        output.lines().filter(l -> l.startsWith("E2E ")).reduce((a, b) -> b).orElse(null);
    if (exit.isEmpty()) {
      return new Result(false, "E2E FAIL destroyed after " + timeout.plus(GRACE), output);
    }
    if (verdict == null) {
      verdict = "E2E FAIL no verdict (exit " + exit.getAsInt() + "): " + lastLine(output);
    }
    return new Result(exit.getAsInt() == 0 && verdict.startsWith("E2E OK "), verdict, output);
  }

  /**
   * Runs {@code command} with its standard output and error in {@code output}: its exit code, or
   * empty when it outlived {@code timeout} and was destroyed.
   */
  static OptionalInt run(List<String> command, Path output, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    // A pyenv or virtualenv setting would point Debian's interpreter at foreign modules.
    builder.environment().remove("PYTHONHOME");
    builder.environment().remove("PYTHONPATH");
    builder.redirectErrorStream(true).redirectOutput(output.toFile());
    Process process = builder.start();
    try {
      process.getOutputStream().close(); // no input
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return OptionalInt.of(process.exitValue());
      }
      return OptionalInt.empty();
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), UTF_8); // lenient: a bad byte cannot hide the log
  }

  private static String lastLine(String text) {
    return text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("(no output)");
  }
}
