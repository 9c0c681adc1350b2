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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A WildFly (unpacked by the build into {@code target/wildfly}, its home named by the system
 * property {@code karuta.it.wildfly.home}) with {@code target/karuta.war} in its deployment
 * scanner's directory. Each launch gets a fresh copy of {@code standalone/} as its server base
 * directory, binds HTTP and HTTPS to {@code ::} (the dual-stack wildcard, as the Payara Micro tests
 * do, so tests reach them on 127.0.0.1 and [::1]; WildFly's default {@code
 * -Djava.net.preferIPv4Stack=true} is left out) and management to 127.0.0.1, on free ports, and
 * gets Karuta's UDP address (a free loopback port) and YAML file through the environment. Its
 * console goes to {@code target/<name>.log}.
 *
 * @param name names the log file, the base directory under {@code target/} and the server in
 *     failure messages
 * @param base the server base directory ({@code jboss.server.base.dir})
 * @param seen the processes {@code standalone.sh} started, so {@link #stop} finds them
 */
record WildFlyProcess(
    String name,
    Path base,
    int httpPort,
    int httpsPort,
    int managementPort,
    int udpPort,
    Process process,
    ProcessOutput output,
    Set<ProcessHandle> seen) {

  /**
   * Starts WildFly with {@code profile} (for example {@code standalone-microprofile.xml}) and the
   * WAR already in {@code deployments/}, so the scanner deploys it while the server boots; returns
   * at once ({@link #awaitDeployment} waits). Karuta's configuration file holds {@code yaml}.
   */
  static WildFlyProcess launch(String name, String profile, String yaml) throws IOException {
    Path home = Path.of(System.getProperty("karuta.it.wildfly.home", "missing")).toAbsolutePath();
    Path war = Path.of("target", "karuta.war").toAbsolutePath();
    if (!Files.isRegularFile(home.resolve("jboss-modules.jar"))) {
      throw new IllegalStateException(
          "no WildFly at "
              + home
              + ": the build unpacks it in pre-integration-test (not with -DskipTests/-DskipITs)");
    }
    if (!Files.isRegularFile(war)) {
      throw new IllegalStateException(war + " is missing: run the integration tests after package");
    }
    Path base = Path.of("target", name).toAbsolutePath();
    delete(base);
    copyTree(home.resolve("standalone"), base);
    Files.copy(war, base.resolve("deployments").resolve("karuta.war"));
    Path config = Files.writeString(base.resolve("karuta.yaml"), yaml, StandardCharsets.UTF_8);

    List<Integer> tcp = freeTcpPorts(5);
    int udpPort = freeUdpPort();
    ProcessBuilder builder =
        new ProcessBuilder(
            "/bin/sh",
            home.resolve("bin").resolve("standalone.sh").toString(),
            "-c",
            profile,
            "-Djboss.server.base.dir=" + base,
            "-b",
            "::",
            "-bmanagement",
            "127.0.0.1",
            "-Djboss.http.port=" + tcp.get(0),
            "-Djboss.https.port=" + tcp.get(1),
            "-Djboss.management.http.port=" + tcp.get(2),
            "-Djboss.management.https.port=" + tcp.get(3),
            "-Djboss.ajp.port=" + tcp.get(4));
    builder.environment().keySet().removeIf(WildFlyProcess::notOurs);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    // standalone.conf's default JAVA_OPTS, but for -Djava.net.preferIPv4Stack=true, which would
    // keep WildFly off IPv6.
    builder
        .environment()
        .put(
            "JAVA_OPTS",
            "-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=false"
                + " -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true");
    builder.environment().put("KARUTA_CONFIG", config.toString());
    builder.environment().put("KARUTA_UDP_ADDR", "127.0.0.1:" + udpPort);
    Process process = builder.directory(base.toFile()).redirectErrorStream(true).start();
    ProcessOutput output = ProcessOutput.pump(process, Path.of("target", name + ".log"));
    return new WildFlyProcess(
        name,
        base,
        tcp.get(0),
        tcp.get(1),
        tcp.get(2),
        udpPort,
        process,
        output,
        ConcurrentHashMap.newKeySet());
  }

  // The caller's Karuta settings and another WildFly's home or options would change the server.
  private static boolean notOurs(String variable) {
    String key = variable.toUpperCase(Locale.ROOT);
    return key.startsWith("KARUTA")
        || key.startsWith("JBOSS")
        || key.equals("JAVA_OPTS")
        || key.equals("LAUNCH_JBOSS_IN_BACKGROUND");
  }

  /**
   * Waits for the deployment scanner's marker: returns when {@code karuta.war.deployed} appears;
   * fails when {@code karuta.war.failed} appears, the server ends or {@code timeout} passes.
   */
  void awaitDeployment(Duration timeout) throws InterruptedException {
    Path deployments = base.resolve("deployments");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(deployments.resolve("karuta.war.deployed"))) {
      remember();
      Path failed = deployments.resolve("karuta.war.failed");
      if (Files.exists(failed)) {
        throw new AssertionError("karuta.war failed to deploy: " + read(failed) + "; " + output);
      }
      if (!process.isAlive()) {
        throw new AssertionError("WildFly ended with " + process.exitValue() + "; " + output);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "karuta.war not deployed within " + timeout.toSeconds() + " s; " + output);
      }
      Thread.sleep(200);
    }
    remember();
  }

  // The JVM outlives the script if the script dies first: stop() must still find it.
  private void remember() {
    process.descendants().forEach(seen::add);
  }

  /** Returns an HTTP client of WildFly's HTTP listener, where Karuta is served at {@code /}. */
  TrackerClient http() {
    return new TrackerClient("127.0.0.1", httpPort);
  }

  /** Returns an HTTP client of WildFly's HTTP listener over IPv6 loopback. */
  TrackerClient http6() {
    return new TrackerClient("[::1]", httpPort);
  }

  /**
   * Returns a client of WildFly's HTTPS listener over IPv6 loopback, for raw requests only ({@link
   * TrackerClient#overTls}): the certificate is the one WildFly generates for itself.
   */
  TrackerClient https6() {
    return TrackerClient.overTls("[::1]", httpsPort);
  }

  /** Returns an HTTP client of the management interface (MicroProfile Health is served there). */
  TrackerClient management() {
    return new TrackerClient("127.0.0.1", managementPort);
  }

  /** Returns a UDP client of Karuta's UDP tracker. */
  UdpTrackerClient udp() {
    return new UdpTrackerClient("127.0.0.1", udpPort);
  }

  /** Returns the console output so far. */
  String log() {
    return output.text();
  }

  /** Names the server and its ports, the log file and the last lines of the log. */
  @Override
  public String toString() {
    return name
        + " (HTTP "
        + httpPort
        + ", HTTPS "
        + httpsPort
        + ", management "
        + managementPort
        + ", UDP "
        + udpPort
        + "), "
        + output;
  }

  /**
   * Stops WildFly: SIGTERM to the JVM that {@code standalone.sh} started (WildFly shuts down
   * gracefully) and to the script, then SIGKILL to whatever is left after 30 s. The base directory
   * stays, for diagnosis.
   */
  void stop() throws InterruptedException {
    // standalone.sh runs java as its child and does not pass signals on: end the whole tree.
    remember();
    List<ProcessHandle> tree = new ArrayList<>(seen);
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (ProcessHandle handle : tree) {
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        handle.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        handle.destroyForcibly();
      }
    }
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        System.err.println(name + ": process " + handle.pid() + " did not end after SIGKILL");
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  // Distinct ports: the kernel may hand out a port again once its socket is closed.
  private static List<Integer> freeTcpPorts(int count) throws IOException {
    Set<Integer> ports = new HashSet<>();
    List<Integer> ordered = new ArrayList<>();
    while (ordered.size() < count) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        if (ports.add(socket.getLocalPort())) {
          ordered.add(socket.getLocalPort());
        }
      }
    }
    return ordered;
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return socket.getLocalPort();
    }
  }
}
