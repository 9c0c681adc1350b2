package io.karuta.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.Hex;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The command line end to end: output, exit codes, and runs against ports nobody answers on. */
class LoadTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Load.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void hashesPrintsTheWhitelist() {
    assertEquals(0, run("hashes", "--torrents", "3", "--seed", "9"));
    byte[] hashes = Workload.infoHashes(3, 9);
    StringBuilder expected = new StringBuilder();
    for (int t = 0; t < 3; t++) {
      expected.append(Hex.encode(Arrays.copyOfRange(hashes, t * 20, t * 20 + 20))).append('\n');
    }
    assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
    assertTrue(expected.toString().matches("([0-9a-f]{40}\n){3}"));
  }

  @Test
  void badArgumentsExitWithTwo() {
    assertEquals(2, run("udp", "--target", "192.0.2.1:6969"));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.startsWith("load: option --target: 192.0.2.1 is not a loopback"), message);
    assertTrue(message.contains("usage: Load udp|http"), message);
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void udpWithoutATrackerExitsWithOne() throws Exception {
    int port;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort(); // closed again, so nothing answers there
    }
    assertEquals(
        1,
        run(
            "udp",
            "--target",
            "127.0.0.1:" + port,
            "--duration",
            "300ms",
            "--warmup",
            "0s",
            "--timeout",
            "100ms",
            "--sockets",
            "2"));
    String report = out.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("RESULT proto=udp sent=0 valid=0 "), report);
  }

  @Test
  void httpWithoutATrackerCountsConnectFailures() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    assertEquals(
        1,
        run(
            "http",
            "--target",
            "127.0.0.1:" + port,
            "--duration",
            "200ms",
            "--warmup",
            "0s",
            "--connections",
            "2"));
    String report = out.toString(StandardCharsets.UTF_8);
    assertTrue(report.contains("connect failed"), report);
    String result = report.substring(report.indexOf("RESULT "));
    assertTrue(
        result.matches("(?s)RESULT proto=http sent=[1-9]\\d* valid=0 .* errors=[1-9].*"), result);
  }
}
