package io.karuta.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code java -jar target/karuta-cli.jar} as a user does: its own JVM (this one's {@code
 * java}), nothing on the class path but the jar, at most 60 seconds.
 */
final class Cli {
  private static final long TIMEOUT_SECONDS = 60;

  private Cli() {}

  /** What one run printed, and its exit code. */
  record Result(int exitCode, String out, String err) {
    /** The lines of standard output. */
    List<String> lines() {
      return out.lines().toList();
    }

    @Override
    public String toString() {
      return "exit code " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Returns the jar, failing when {@code package} did not build it. */
  static Path jar() {
    Path jar = Path.of("target", "karuta-cli.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the integration tests after package");
    }
    return jar;
  }

  /** Runs the CLI with {@code args} and waits for it. */
  static Result run(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("karuta-cli", ".out");
    Path err = Files.createTempFile("karuta-cli", ".err");
    try {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-jar");
      command.add(jar().toString());
      command.addAll(List.of(args));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().remove("CLASSPATH");
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("karuta-cli " + String.join(" ", args) + " ran over 60 s");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
