package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * karuta-cli is a generic tool: {@code e2e} passes against opentracker (Debian's package, which
 * .ci/run installs), run as scripts/bench-vs-opentracker.sh runs it. Debian builds it to serve
 * listed torrents only, so the check uses {@code --infohash} with a whitelisted hash, and a fresh
 * random torrent is refused.
 */
class CliOpentrackerIT {
  private static final Path OPENTRACKER = Path.of("/usr/bin/opentracker");

  private static Path dir;
  private static Process opentracker;
  private static int port;
  private static String hash;

  @BeforeAll
  static void start() throws Exception {
    assertTrue(
        Files.isExecutable(OPENTRACKER),
        OPENTRACKER + " is missing: apt-get install opentracker (.ci/run installs it)");
    byte[] bytes = new byte[20];
    new SecureRandom().nextBytes(bytes);
    hash = HexFormat.of().formatHex(bytes);
    dir = Files.createTempDirectory("karuta-opentracker");
    Path whitelist = Files.writeString(dir.resolve("whitelist"), hash + "\n");
    // Run as root, opentracker drops to nobody, who must still read the whitelist.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(whitelist, PosixFilePermissions.fromString("rw-r--r--"));
    port = freeTcpAndUdpPort();
    List<String> command =
        new ArrayList<>(
            List.of(
                OPENTRACKER.toString(),
                "-i",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-P",
                String.valueOf(port),
                "-w",
                whitelist.toString()));
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(List.of("-u", "nobody"));
    }
    opentracker =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "cli-opentracker.log").toFile())
            .start();
    awaitListening();
  }

  @AfterAll
  static void stop() throws Exception {
    if (opentracker != null) {
      opentracker.destroy();
      if (!opentracker.waitFor(10, TimeUnit.SECONDS)) {
        opentracker.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (dir != null) {
      Files.deleteIfExists(dir.resolve("whitelist"));
      Files.deleteIfExists(dir);
    }
  }

  @Test
  void e2ePassesOverHttpAndUdpOnAListedTorrent() throws Exception {
    String http = "http://127.0.0.1:" + port + "/announce";
    String udp = "udp://127.0.0.1:" + port;

    Cli.Result run =
        Cli.run("e2e", "--http", http, "--udp", udp, "--infohash", hash, "--count", "2");

    assertEquals(0, run.exitCode(), run.toString());
    assertEquals(2, run.lines().size(), run.toString());
    assertTrue(
        run.lines().get(0).startsWith("http " + http + ": ok (2 runs, 4 peers, "), run.toString());
    assertTrue(
        run.lines().get(1).startsWith("udp " + udp + ": ok (2 runs, 4 peers, "), run.toString());
  }

  @Test
  void aTorrentOpentrackerDoesNotServeFailsWithItsReason() throws Exception {
    String http = "http://127.0.0.1:" + port + "/announce";
    String udp = "udp://127.0.0.1:" + port;

    Cli.Result run = Cli.run("e2e", "--http", http, "--udp", udp);

    assertEquals(1, run.exitCode(), run.toString());
    assertEquals(
        List.of(
            "http "
                + http
                + ": FAILED: the first peer's announce: tracker failure: Requested download is not"
                + " authorized for use with this tracker.",
            // opentracker answers UDP with an 8-byte packet, action 1, for such a torrent.
            "udp "
                + udp
                + ": FAILED: the first peer's announce: not a tracker reply (a UDP announce reply of"
                + " 8 bytes, at least 20 expected)"),
        run.lines());
  }

  /** Waits, at most 10 s, until opentracker accepts TCP connections. */
  private static void awaitListening() throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (!opentracker.isAlive()) {
        throw new AssertionError("opentracker ended; see target/cli-opentracker.log");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("opentracker did not listen on " + port);
  }

  /** A port free on loopback for TCP and UDP alike, as opentracker uses one for both. */
  private static int freeTcpAndUdpPort() throws IOException {
    for (int i = 0; i < 20; i++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
          DatagramSocket udp =
              new DatagramSocket(
                  new InetSocketAddress(InetAddress.getLoopbackAddress(), tcp.getLocalPort()))) {
        return tcp.getLocalPort();
      } catch (IOException taken) {
        // The UDP port was in use: try another.
      }
    }
    throw new IOException("no port free for both TCP and UDP");
  }
}
