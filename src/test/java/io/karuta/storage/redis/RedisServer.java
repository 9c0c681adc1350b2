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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} (or sentinel) for tests: its own process on a free loopback port,
 * with no persistence, in a temporary directory. The binary is the installed one, or else the
 * embedded Redis 6.2 ({@link RedisBinary}); a store test never skips, because one that silently
 * does not run tests nothing.
 */
public final class RedisServer implements AutoCloseable {
  private static final long START_TIMEOUT_MILLIS = 10_000;

  private final Process process;
  private final int port;
  private final Path dir;
  private volatile boolean paused;

  private RedisServer(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** Starts a server and returns once it answers PING. */
  public static RedisServer start() throws IOException, InterruptedException {
    return start(freePort());
  }

  /** Starts a server on a free port with more command-line settings. */
  public static RedisServer start(List<String> settings) throws IOException, InterruptedException {
    return start(freePort(), settings);
  }

  /** Starts a server on {@code port} (to restart one where clients expect it). */
  public static RedisServer start(int port) throws IOException, InterruptedException {
    return start(port, List.of());
  }

  /**
   * Starts a server on {@code port} with more command-line settings, such as {@code --requirepass},
   * {@code --replicaof} or {@code --cluster-enabled}.
   */
  public static RedisServer start(int port, List<String> settings)
      throws IOException, InterruptedException {
    return start(RedisBinary.find(), port, settings);
  }

  /** Starts {@code binary} on {@code port} with more command-line settings. */
  static RedisServer start(Path binary, int port, List<String> settings)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("karuta-redis");
    List<String> command = new ArrayList<>(List.of(binary.toString()));
    command.addAll(
        List.of(
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
            "no"));
    command.addAll(settings);
    return launch(command, port, dir);
  }

  /**
   * Starts a sentinel on {@code port} whose configuration file holds {@code config}; the sentinel
   * rewrites that file, so it lives in the sentinel's own temporary directory.
   */
  public static RedisServer startSentinel(int port, String config)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("karuta-sentinel");
    Path file = dir.resolve("sentinel.conf");
    Files.writeString(file, "port " + port + "\nbind 127.0.0.1\ndir " + dir + "\n" + config + "\n");
    return launch(List.of(RedisBinary.find().toString(), file.toString(), "--sentinel"), port, dir);
  }

  private static RedisServer launch(List<String> command, int port, Path dir)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
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

  /** Returns whether the process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the process at once (SIGKILL), as a crash or a pulled plug would, and waits for it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("redis-server on port " + port + " survived SIGKILL");
    }
  }

  /**
   * Freezes the process (SIGSTOP): the kernel still accepts connections for it, but nothing
   * answers, as with a server stuck in a long command or a swapping host.
   */
  public void pause() throws IOException, InterruptedException {
    signal("STOP");
    paused = true;
  }

  /** Lets a paused process run again (SIGCONT). */
  public void resume() throws IOException, InterruptedException {
    signal("CONT");
    paused = false;
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  /** Stops the server and waits for it to exit. */
  @Override
  public void close() throws InterruptedException {
    if (paused) {
      try {
        resume();
      } catch (IOException | RuntimeException e) {
        process.destroyForcibly();
      }
    }
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
      // A server started with --requirepass answers -NOAUTH: it is up all the same.
      String reply = new String(in.readNBytes(7), StandardCharsets.US_ASCII);
      return reply.equals("+PONG\r\n") || reply.equals("-NOAUTH");
    } catch (IOException notYet) {
      return false;
    }
  }

  private String log() throws IOException {
    Path log = dir.resolve("redis.log");
    return Files.exists(log) ? Files.readString(log) : "(no output)";
  }

  /** Returns a loopback port that was free a moment ago. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
