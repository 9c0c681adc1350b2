package io.karuta.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The base image of the container tests, made on this machine because no registry is reachable:
 * Debian 13 (trixie) with its OpenJDK 21 (the Java major of the Dockerfile's default base, {@code
 * eclipse-temurin:21-jre}) and its {@code redis-server}, so one image serves as the JRE base of
 * {@code docker/Dockerfile} and as the Redis container. {@code mmdebstrap} writes the root file
 * system from Debian's package mirror (about 30 to 60 s), {@code podman import} turns it into an
 * image (about 12 s).
 *
 * <p>The image stays in the tests' Podman storage ({@link Podman#HOME}) under a tag derived from
 * the suite and the packages, so later test classes and later builds of the same {@code target/}
 * reuse it; {@code mvn clean} removes it.
 */
final class LocalBaseImage {
  private static final String SUITE = "trixie";
  private static final List<String> PACKAGES =
      List.of("openjdk-21-jre-headless", "ca-certificates", "redis-server");
  private static final Duration MMDEBSTRAP_TIMEOUT = Duration.ofMinutes(10);

  private static String made;

  private LocalBaseImage() {}

  /** Returns the image's name, making it first if the tests' storage does not hold it yet. */
  static synchronized String get(Podman podman) throws IOException {
    if (made != null) {
      return made;
    }
    String name =
        "localhost/karuta-test-base:"
            + SUITE
            + "-"
            + Integer.toHexString((SUITE + PACKAGES).hashCode());
    if (!podman.run(Duration.ofSeconds(60), "image", "exists", name).succeeded()) {
      make(podman, name);
    }
    made = name;
    return name;
  }

  private static void make(Podman podman, String name) throws IOException {
    Path tar = Podman.HOME.resolve("base.tar");
    Files.deleteIfExists(tar);
    if (!Files.isExecutable(Path.of("/usr/bin/mmdebstrap"))) {
      throw new AssertionError(
          "/usr/bin/mmdebstrap is missing: apt-get install podman runc mmdebstrap (.ci/run does)");
    }
    try {
      long started = System.nanoTime();
      Podman.Result debootstrap =
          podman.exec(
              List.of(
                  "/usr/bin/mmdebstrap",
                  "--variant=apt",
                  "--include=" + String.join(",", PACKAGES),
                  "--aptopt=Acquire::Retries \"3\"",
                  SUITE,
                  tar.toString()),
              MMDEBSTRAP_TIMEOUT);
      if (!debootstrap.succeeded()) {
        throw new AssertionError(
            "mmdebstrap exited with "
                + debootstrap.exitCode()
                + ":\n"
                + Podman.tail(debootstrap.output()));
      }
      long written = System.nanoTime();
      podman.check(Duration.ofMinutes(5), "import", tar.toString(), name);
      System.out.printf(
          "LocalBaseImage: %s made in %d s (mmdebstrap %d s, podman import %d s)%n",
          name,
          (System.nanoTime() - started) / 1_000_000_000,
          (written - started) / 1_000_000_000,
          (System.nanoTime() - written) / 1_000_000_000);
    } finally {
      Files.deleteIfExists(tar);
    }
  }
}
