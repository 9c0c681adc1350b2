package io.karuta.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One container of the image built from {@code docker/Dockerfile}, run as an operator would run it
 * but on the host's network ({@code --network host}): HTTP on a free port (the image's {@code
 * --port} argument, with {@code HEALTHCHECK_PORT} to match), UDP on a free loopback port ({@code
 * KARUTA_UDP_ADDR}), so containers never collide with each other or with a tracker on 6969. Its
 * whole log is kept in {@code target/<name>.log} when it is removed.
 *
 * @param name the container's name, unique to this test run
 */
record KarutaContainer(Podman podman, String name, int httpPort, int udpPort) {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  /**
   * Starts a container of {@code image} in the background and returns at once.
   *
   * @param environment more variables, after the ports'
   * @param runOptions more {@code podman run} options, such as {@code --memory} or {@code -v}
   */
  static KarutaContainer start(
      Podman podman,
      String image,
      String name,
      Map<String, String> environment,
      List<String> runOptions)
      throws IOException {
    int httpPort = freeTcpPort();
    int udpPort = KarutaProcess.freeUdpPort();
    List<String> command =
        new ArrayList<>(
            List.of("run", "--detach", "--pull=never", "--name", name, "--network", "host"));
    command.addAll(List.of("--env", "HEALTHCHECK_PORT=" + httpPort));
    command.addAll(List.of("--env", "KARUTA_UDP_ADDR=127.0.0.1:" + udpPort));
    environment.forEach((key, value) -> command.addAll(List.of("--env", key + "=" + value)));
    command.addAll(runOptions);
    command.addAll(List.of(image, "--port", Integer.toString(httpPort)));
    podman.check(Duration.ofSeconds(60), command.toArray(String[]::new));
    return new KarutaContainer(podman, name, httpPort, udpPort);
  }

  /**
   * Waits until {@code GET /health/ready} answers 200, failing with the log when the container
   * stops first or {@code timeout} passes. It asks every 50 ms, as a health check or a startup
   * probe would ask during the deployment: a probe that came first once made Karuta read the
   * server's configuration instead of its own (ConfigProducer), and the tests that follow would see
   * the mounted file ignored.
   */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextStateCheck = 0;
    while (status("/health/ready") != 200) {
      long now = System.nanoTime();
      if (now > deadline) {
        throw new AssertionError(name + " not ready within " + timeout.toSeconds() + " s; " + this);
      }
      if (now > nextStateCheck) {
        if (!"true".equals(inspect("{{.State.Running}}"))) {
          throw new AssertionError(name + " stopped before it was ready; " + this);
        }
        nextStateCheck = now + Duration.ofSeconds(5).toNanos();
      }
      Thread.sleep(50);
    }
  }

  /** Returns the HTTP status of {@code GET path}, or 0 when no reply comes. */
  int status(String path) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
              .timeout(Duration.ofSeconds(5))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Returns an HTTP client of this container. */
  TrackerClient http() {
    return new TrackerClient("127.0.0.1", httpPort);
  }

  /** Returns a UDP client of this container. */
  UdpTrackerClient udp() {
    return new UdpTrackerClient("127.0.0.1", udpPort);
  }

  /** Returns {@code podman inspect --format <format>} of the container, stripped. */
  String inspect(String format) {
    return podman.check(Duration.ofSeconds(30), "inspect", "--format", format, name).strip();
  }

  /** Runs {@code podman exec <options> <name> <command>} and returns its result. */
  Podman.Result exec(List<String> options, String... command) {
    List<String> arguments = new ArrayList<>(List.of("exec"));
    arguments.addAll(options);
    arguments.add(name);
    arguments.addAll(List.of(command));
    return podman.run(Duration.ofSeconds(60), arguments.toArray(String[]::new));
  }

  /** Returns the container's output so far. */
  String log() {
    return podman.run(Duration.ofSeconds(30), "logs", name).output();
  }

  /** Keeps the container's whole log in {@code target/<name>.log}, then removes the container. */
  void remove() {
    try {
      Files.writeString(Path.of("target", name + ".log"), log(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      System.err.println("no log of " + name + ": " + e);
    }
    podman.removeContainer(name);
  }

  /** Names the container and its ports and quotes the end of its log. */
  @Override
  public String toString() {
    return name
        + " (HTTP "
        + httpPort
        + ", UDP "
        + udpPort
        + "), the end of its log:\n"
        + Podman.tail(log());
  }

  static int freeTcpPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
