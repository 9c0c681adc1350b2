package io.karuta.storage.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} for tests: its own process on a free loopback port, with no
 * persistence, in a temporary directory. Fails (never skips) when the binary is missing, because a
 * store test that silently does not run tests nothing; {@code .ci/run} installs Debian's package.
 */
public final class RedisServer implements AutoCloseable {
  private static final long START_TIMEOUT_MILLIS = 10_000;

  private final Process process;
  private final int port;
  private final Path dir;

  private RedisServer(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** Starts a server and returns once it answers PING. */
  public static RedisServer start() throws IOException, InterruptedException {
    return start(freePort());
  }

  /** Starts a server on {@code port} (to restart one where clients expect it). */
  public static RedisServer start(int port) throws IOException, InterruptedException {
    Path binary = binary();
    Path dir = Files.createTempDirectory("karuta-redis");
    Process process =
        new ProcessBuilder(
                List.of(
                    binary.toString(),
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    dir.toString(),
                    "--daemonize",
                    "no"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    RedisServer server = new RedisServer(process, port, dir);
    try {
      server.awaitPing();
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** Returns {@code redis://127.0.0.1:<port>}. */
  public URI url() {
    return URI.create("redis://127.0.0.1:" + port);
  }

  /** Returns the port the server listens on. */
  public int port() {
    return port;
  }

  /** Stops the server and waits for it to exit. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // A leftover temporary directory is harmless.
    }
  }

  private void awaitPing() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "redis-server exited with " + process.exitValue() + ": " + log());
      }
      if (pings()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(
        "redis-server did not answer PING within " + START_TIMEOUT_MILLIS + " ms: " + log());
  }

  private boolean pings() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException notYet) {
      return false;
    }
  }

  private String log() throws IOException {
    Path log = dir.resolve("redis.log");
    return Files.exists(log) ? Files.readString(log) : "(no output)";
  }

  private static Path binary() {
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
    throw new IllegalStateException(
        "redis-server not found in /usr/bin or on PATH: the Redis store tests need a real server"
            + " (Debian: apt-get install redis-server; .ci/run installs it)");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
