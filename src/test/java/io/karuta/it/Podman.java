package io.karuta.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Podman as the container tests run it, every call bounded in time. Everything it keeps lives under
 * {@code target/podman}: its own image and container storage, run and temporary directories, so a
 * build neither sees nor touches the machine's other containers and images, and {@code mvn clean}
 * removes it all. Its {@code containers.conf} holds what this machine needs: runc (crun fails on
 * the kernel's hybrid cgroups), cgroupfs (no systemd), and {@code default_ulimits = []} (Podman's
 * default ulimits exceed the machine's hard limits).
 *
 * <p>Containers always run with {@code --network host}: port mapping would leave NAT rules and
 * connection tracking in the kernel for the rest of the machine's life.
 */
final class Podman {
  /** The root of everything Podman keeps for the tests. */
  static final Path HOME = Path.of("target", "podman").toAbsolutePath();

  private static final String CONTAINERS_CONF =
      """
      # Written by the container tests (src/test/java/io/karuta/it/Podman.java).
      [containers]
      default_ulimits = []

      [engine]
      runtime = "runc"
      cgroup_manager = "cgroupfs"
      events_logger = "file"
      """;

  private static Podman instance;

  private final Path config;

  private Podman(Path config) {
    this.config = config;
  }

  /** What one Podman command printed (standard output and error together) and its exit code. */
  record Result(int exitCode, String output) {
    boolean succeeded() {
      return exitCode == 0;
    }
  }

  /**
   * Returns the tests' Podman, writing its configuration on first use; fails, saying how to install
   * it, when {@code podman} is missing.
   */
  static synchronized Podman get() throws IOException {
    if (instance == null) {
      if (!Files.isExecutable(Path.of("/usr/bin/podman"))) {
        throw new AssertionError(
            "/usr/bin/podman is missing: apt-get install podman runc mmdebstrap (.ci/run does)");
      }
      Files.createDirectories(HOME);
      Path config = Files.writeString(HOME.resolve("containers.conf"), CONTAINERS_CONF);
      instance = new Podman(config);
    }
    return instance;
  }

  /**
   * Runs {@code podman <arguments>} and returns its result; fails if it outlasts {@code timeout}.
   */
  Result run(Duration timeout, String... arguments) {
    List<String> command = new ArrayList<>(List.of("/usr/bin/podman"));
    command.addAll(
        List.of(
            "--root",
            HOME.resolve("storage").toString(),
            "--runroot",
            HOME.resolve("run").toString(),
            "--tmpdir",
            HOME.resolve("tmp").toString()));
    command.addAll(List.of(arguments));
    return exec(command, timeout);
  }

  /** Runs {@code podman <arguments>}, fails unless it exits with 0, and returns its output. */
  String check(Duration timeout, String... arguments) {
    Result result = run(timeout, arguments);
    if (!result.succeeded()) {
      throw new AssertionError(
          "podman "
              + String.join(" ", arguments)
              + " exited with "
              + result.exitCode()
              + ":\n"
              + tail(result.output()));
    }
    return result.output();
  }

  /** Removes the container {@code name} and its anonymous volumes, if it exists. */
  void removeContainer(String name) {
    run(Duration.ofSeconds(60), "rm", "--force", "--volumes", "--time", "2", name);
  }

  /** Removes the image {@code name}, if it exists and no container uses it. */
  void removeImage(String name) {
    run(Duration.ofSeconds(60), "rmi", "--force", name);
  }

  /**
   * Runs {@code command} (Podman or another tool, such as mmdebstrap) with this Podman's
   * configuration in the environment; kills it and fails when it outlasts {@code timeout}.
   */
  Result exec(List<String> command, Duration timeout) {
    try {
      Path output = Files.createTempFile(HOME, "output", ".log");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("CONTAINERS_CONF", config.toString());
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          throw new AssertionError(
              String.join(" ", command)
                  + " did not finish within "
                  + timeout.toSeconds()
                  + " s:\n"
                  + tail(read(output)));
        }
        return new Result(process.exitValue(), read(output));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + String.join(" ", command), e);
    }
  }

  // Progress output may not be valid UTF-8; malformed bytes become U+FFFD.
  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  /** Returns the last 60 lines of {@code text}. */
  static String tail(String text) {
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
