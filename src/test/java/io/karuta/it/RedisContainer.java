package io.karuta.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Debian's {@code redis-server} in a container of the local base image, on the host's network,
 * bound to loopback on a free port, without persistence.
 */
record RedisContainer(Podman podman, String name, int port) {
  /** Starts the server and returns once it answers PING (at most 30 s). */
  static RedisContainer start(Podman podman, String baseImage, String name)
      throws IOException, InterruptedException {
    int port = KarutaContainer.freeTcpPort();
    podman.check(
        Duration.ofSeconds(60),
        "run",
        "--detach",
        "--pull=never",
        "--name",
        name,
        "--network",
        "host",
        "--user",
        "redis",
        baseImage,
        "redis-server",
        "--port",
        Integer.toString(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no");
    RedisContainer redis = new RedisContainer(podman, name, port);
    Poll.until("redis-server in " + name + " answers PING", Duration.ofSeconds(30), redis::pings);
    return redis;
  }

  /** Returns {@code redis://127.0.0.1:<port>}. */
  String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Freezes the server ({@code podman pause}): connections open, replies never come. */
  void pause() {
    podman.check(Duration.ofSeconds(30), "pause", name);
  }

  /** Lets a paused server run again. */
  void unpause() {
    podman.check(Duration.ofSeconds(30), "unpause", name);
  }

  /** Removes the container, paused, running or not. */
  void remove() {
    podman.run(Duration.ofSeconds(30), "unpause", name);
    podman.removeContainer(name);
  }

  private boolean pings() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      socket.setSoTimeout(500);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      return new String(in.readNBytes(7), StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException notYet) {
      return false;
    }
  }
}
