package io.karuta.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Karuta as an operator runs it: {@code java -jar target/karuta-micro.jar} (built by {@code
 * package}, before failsafe runs) in its own small JVM, with its YAML file named by {@code
 * KARUTA_CONFIG}, HTTP and UDP on free loopback ports. Its output goes to {@code
 * target/<name>.log}. {@link #launch} returns at once, so several can boot in parallel; {@link
 * #awaitReady} waits for one.
 *
 * @param name names the log file and the instance in failure messages
 * @param dir holds the configuration and Payara Micro's runtime; deleted by {@link #stop}
 * @param udpPort the loopback port of the UDP tracker, 0 when it is off
 */
record KarutaProcess(
    String name, Path dir, int httpPort, int udpPort, Process process, ProcessOutput output) {
  /** Binds the HTTP listener to loopback; the uber-jar's own pre-boot file binds every address. */
  private static final String LOOPBACK_LISTENER =
      "set configs.config.server-config.network-config.network-listeners.network-listener"
          + ".http-listener.address=127.0.0.1\n";

  /**
   * Starts a Karuta whose configuration file holds {@code yaml}; {@code udp.addr} is set apart, to
   * a free loopback port, by the environment variable {@code KARUTA_UDP_ADDR}.
   */
  static KarutaProcess launch(String name, String yaml) throws IOException {
    return launch(name, yaml, freeUdpPort(), Map.of(), List.of());
  }

  /**
   * Starts a Karuta whose configuration file holds {@code yaml}.
   *
   * @param udpPort the loopback port the tracker is expected to answer UDP on, or 0 when UDP must
   *     be off; {@code KARUTA_UDP_ADDR} sets it to {@code 127.0.0.1:udpPort} unless {@code
   *     environment} names that variable itself
   * @param environment variables set after the defaults; a {@code null} value removes the variable,
   *     so that {@code KARUTA_UDP_ADDR -> null} lets the file's {@code udp.addr} apply
   * @param jvmArguments JVM options such as system properties, before {@code -jar}
   */
  static KarutaProcess launch(
      String name,
      String yaml,
      int udpPort,
      Map<String, String> environment,
      List<String> jvmArguments)
      throws IOException {
    Path dir = Files.createTempDirectory("karuta-" + name);
    int httpPort = freeTcpPort();
    Path config = dir.resolve("karuta.yaml");
    Files.writeString(config, yaml, StandardCharsets.UTF_8);
    List<String> command = command(dir, httpPort, jvmArguments);
    return start(name, dir, command, config, httpPort, udpPort, environment);
  }

  /**
   * Starts {@code war} on a plain Payara Micro ({@code target/payara-micro.jar}, which the build
   * copies there) with {@code --deploy war:/}, as the docs tell integrators to run a WAR they
   * extended; the configuration file holds {@code yaml}.
   */
  static KarutaProcess launchWar(String name, String yaml, Path war) throws IOException {
    Path dir = Files.createTempDirectory("karuta-" + name);
    int httpPort = freeTcpPort();
    Path config = dir.resolve("karuta.yaml");
    Files.writeString(config, yaml, StandardCharsets.UTF_8);
    List<String> command = command(dir, httpPort, List.of());
    int jar = command.indexOf("-jar") + 1;
    command.set(jar, Path.of("target", "payara-micro.jar").toAbsolutePath().toString());
    command.addAll(List.of("--deploy", war.toAbsolutePath() + ":/"));
    return start(name, dir, command, config, httpPort, freeUdpPort(), Map.of());
  }

  private static KarutaProcess start(
      String name,
      Path dir,
      List<String> command,
      Path config,
      int httpPort,
      int udpPort,
      Map<String, String> environment)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    configure(builder.environment(), config, udpPort, environment);
    Process process = builder.redirectErrorStream(true).start();
    ProcessOutput output = ProcessOutput.pump(process, Path.of("target", name + ".log"));
    return new KarutaProcess(name, dir, httpPort, udpPort, process, output);
  }

  /**
   * Returns the command line that runs the uber-jar as an operator would, on HTTP port {@code
   * httpPort} bound to loopback, with Payara Micro's runtime unpacked below {@code dir}.
   */
  static List<String> command(Path dir, int httpPort, List<String> jvmArguments)
      throws IOException {
    Path jar = Path.of("target", "karuta-micro.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the integration tests after package");
    }
    Path preboot = Files.writeString(dir.resolve("pre-boot-commands.txt"), LOOPBACK_LISTENER);
    Files.createDirectories(dir.resolve("tmp"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            // Payara Micro unpacks its runtime here; deleted with the directory.
            "-Djava.io.tmpdir=" + dir.resolve("tmp")));
    command.addAll(jvmArguments);
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--nohazelcast",
            "--disablephonehome",
            "--port",
            String.valueOf(httpPort),
            "--prebootcommandfile",
            preboot.toString()));
    return command;
  }

  // Only this test's configuration: no KARUTA_* variable of the caller's environment leaks in.
  static void configure(
      Map<String, String> environment, Path config, int udpPort, Map<String, String> overrides) {
    environment.keySet().removeIf(key -> key.toLowerCase(Locale.ROOT).startsWith("karuta"));
    environment.put("KARUTA_CONFIG", config.toString());
    if (udpPort > 0) {
      environment.put("KARUTA_UDP_ADDR", "127.0.0.1:" + udpPort);
    }
    overrides.forEach(
        (key, value) -> {
          if (value == null) {
            environment.remove(key);
          } else {
            environment.put(key, value);
          }
        });
  }

  /**
   * Waits until Payara Micro reports ready and the tracker answers over HTTP with its UDP socket
   * bound; fails with the end of the log if the process dies, the deployment fails or time runs
   * out.
   */
  void awaitReady(Duration timeout) throws InterruptedException {
    output.awaitLine("ready in", timeout);
    String log = output.text();
    boolean udpAsExpected =
        udpPort == 0
            ? log.contains("UDP tracker off")
            : log.lines()
                .anyMatch(
                    line ->
                        line.contains("UDP tracker listening on ")
                            && line.contains(":" + udpPort + " with "));
    if (log.contains("Exception while loading the app") || !udpAsExpected) {
      throw new AssertionError(name + " did not deploy the tracker as expected; " + output);
    }
    TrackerClient.Reply root = http().get("/");
    if (root.status() != 200 || !root.text().contains("up")) {
      throw new AssertionError(name + " answers GET / with " + root.status() + "; " + output);
    }
  }

  /** Returns an HTTP client of this instance. */
  TrackerClient http() {
    return new TrackerClient("127.0.0.1", httpPort);
  }

  /** Returns a UDP client of this instance over IPv4. */
  UdpTrackerClient udp() {
    return new UdpTrackerClient("127.0.0.1", udpPort);
  }

  /** Returns the process ID of the JVM. */
  long pid() {
    return process.pid();
  }

  /** Whether the JVM still runs. */
  boolean isAlive() {
    return process.isAlive();
  }

  /** Returns the log so far (colours stripped). */
  String log() {
    return output.text();
  }

  /** Names the instance and its ports, the log file and the last lines of the log. */
  @Override
  public String toString() {
    return name + " (HTTP " + httpPort + ", UDP " + udpPort + "), " + output;
  }

  /** Stops the JVM (SIGTERM, then SIGKILL after 20 s) and deletes its directory. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // A leftover temporary directory is harmless.
    }
  }

  /** Returns a TCP port free on loopback now. */
  static int freeTcpPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Returns a UDP port free on loopback now. */
  static int freeUdpPort() throws IOException {
    try (DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return socket.getLocalPort();
    }
  }
}
