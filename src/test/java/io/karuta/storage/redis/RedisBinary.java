package io.karuta.storage.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Finds the {@code redis-server} the tests run: the one named by the system property {@value
 * #PROPERTY} (a path, or {@code embedded}), else Debian's or the first on {@code PATH}, else the
 * Redis 6.2 binary inside the {@code com.github.codemonstur:embedded-redis} test dependency, so the
 * suite runs on a machine with only a JDK and Maven.
 */
final class RedisBinary {
  /** System property that picks the binary: a path, or {@code embedded}. */
  static final String PROPERTY = "karuta.test.redis-server";

  private static Path extracted; // guarded by RedisBinary.class

  private RedisBinary() {}

  /** Returns the binary to run. */
  static Path find() throws IOException {
    String chosen = System.getProperty(PROPERTY, "");
    if (chosen.equals("embedded")) {
      return embedded();
    }
    if (!chosen.isEmpty()) {
      Path path = Path.of(chosen);
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException(PROPERTY + " names no executable file: " + chosen);
      }
      return path;
    }
    Path debian = Path.of("/usr/bin/redis-server");
    if (Files.isExecutable(debian)) {
      return debian;
    }
    for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(entry, "redis-server");
      if (!entry.isEmpty() && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return embedded();
  }

  /** Returns the embedded binary for this platform, copied once per JVM to a temporary file. */
  static synchronized Path embedded() throws IOException {
    if (extracted != null) {
      return extracted;
    }
    String resource = resourceFor(System.getProperty("os.name"), System.getProperty("os.arch"));
    try (InputStream in = RedisBinary.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is missing from the test class path (the embedded-redis dependency)");
      }
      Path file = Files.createTempFile("karuta-redis-server", "");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      if (!file.toFile().setExecutable(true, true)) {
        throw new IOException("cannot make " + file + " executable");
      }
      extracted = file;
      return file;
    }
  }

  private static String resourceFor(String os, String arch) {
    String system = os.toLowerCase(Locale.ROOT);
    boolean arm = arch.equals("aarch64") || arch.equals("arm64");
    boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
    if (system.contains("linux") && x64) {
      return "redis-server-6.2.6-v5-linux-amd64";
    }
    if (system.contains("linux") && arm) {
      return "redis-server-6.2.7-linux-arm64";
    }
    if (system.contains("mac") && x64) {
      return "redis-server-6.2.6-v5-darwin-amd64";
    }
    if (system.contains("mac") && arm) {
      return "redis-server-6.2.6-v5-darwin-arm64";
    }
    throw new IllegalStateException(
        "no redis-server installed and none embedded for "
            + os
            + "/"
            + arch
            + ": install Redis 6.2 or newer (Debian: apt-get install redis-server)");
  }
}
