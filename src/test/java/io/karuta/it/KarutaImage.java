package io.karuta.it;

import java.time.Duration;

/**
 * The image of {@code docker/Dockerfile}, built as the documentation says (from the repository
 * root, after {@code package}) on a local base image passed as {@code BASE_IMAGE}. In Docker's
 * format: Podman's default (OCI) format drops {@code HEALTHCHECK}. Without a network: the {@code
 * RUN} steps need none, so the build also shows that the Dockerfile builds offline.
 *
 * @param name the image's name, unique to this test run
 */
record KarutaImage(Podman podman, String name) implements AutoCloseable {
  /** Builds the image {@code name} on {@code baseImage}. */
  static KarutaImage build(Podman podman, String baseImage, String name) {
    long started = System.nanoTime();
    podman.check(
        Duration.ofMinutes(5),
        "build",
        "--format",
        "docker",
        "--pull=never",
        // RUN needs no network; the default would put it on a CNI bridge, with firewall rules.
        "--network",
        "none",
        "--build-arg",
        "BASE_IMAGE=" + baseImage,
        "--file",
        "docker/Dockerfile",
        "--tag",
        name,
        ".");
    System.out.printf(
        "KarutaImage: %s built in %d ms%n", name, (System.nanoTime() - started) / 1_000_000);
    return new KarutaImage(podman, name);
  }

  /** Removes the image (the local base stays, for the next build). */
  @Override
  public void close() {
    podman.removeImage(name);
  }
}
