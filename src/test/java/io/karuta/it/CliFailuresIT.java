package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * karuta-cli fails as it should: exit code 1 and one clear line per URL, no stack trace, against a
 * tracker that never gives out peers, closed ports, a silent port and a web page.
 */
class CliFailuresIT {
  private static PeerDroppingTracker stub;

  @BeforeAll
  static void start() throws Exception {
    stub = new PeerDroppingTracker();
  }

  @AfterAll
  static void stop() {
    if (stub != null) {
      stub.close();
    }
  }

  @Test
  void aTrackerThatDropsPeersFailsOverBothProtocols() throws Exception {
    String http = "http://127.0.0.1:" + stub.httpPort() + "/announce";
    String udp = "udp://127.0.0.1:" + stub.udpPort() + "/announce";

    Cli.Result run = Cli.run("e2e", "--http", http, "--udp", udp, "--wait", "500ms");

    assertEquals(1, run.exitCode(), run.toString());
    assertEquals(
        List.of(
            "http " + http + ": FAILED: the second peer was not given the first",
            "udp " + udp + ": FAILED: the second peer was not given the first"),
        run.lines());
    assertEquals("", run.err());
  }

  @Test
  void closedPortsAreConnectionRefused() throws Exception {
    int tcp = KarutaProcess.freeTcpPort();
    int udp = KarutaProcess.freeUdpPort();
    String httpUrl = "http://127.0.0.1:" + tcp + "/announce";
    String udpUrl = "udp://127.0.0.1:" + udp;

    Cli.Result run = Cli.run("e2e", "--http", httpUrl, "--udp", udpUrl);

    assertEquals(1, run.exitCode(), run.toString());
    assertEquals(
        List.of(
            "http " + httpUrl + ": FAILED: connection refused",
            "udp " + udpUrl + ": FAILED: connection refused (port unreachable)"),
        run.lines());
    assertNoStackTrace(run);
    Cli.Result announce = Cli.run("announce", httpUrl, "--json");
    assertEquals(1, announce.exitCode(), announce.toString());
    assertEquals("", announce.out());
    assertEquals("karuta-cli: announce " + httpUrl + ": connection refused\n", announce.err());
  }

  @Test
  void aSilentPortGivesUpAfterTheAttempts() throws Exception {
    try (DatagramSocket silent =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      String url = "udp://127.0.0.1:" + silent.getLocalPort();

      Cli.Result run = Cli.run("e2e", "--udp", url, "--timeout", "300ms", "--attempts", "2");

      assertEquals(1, run.exitCode(), run.toString());
      assertEquals(
          List.of("udp " + url + ": FAILED: no reply after 2 attempts of 300 ms"), run.lines());
      assertNoStackTrace(run);
    }
  }

  @Test
  void aWebPageIsNotATracker() throws Exception {
    String page = "http://127.0.0.1:" + stub.httpPort() + "/page/announce";

    Cli.Result announce = Cli.run("announce", page);
    Cli.Result e2e = Cli.run("e2e", "--http", page);

    assertEquals(1, announce.exitCode(), announce.toString());
    assertEquals(
        "karuta-cli: announce "
            + page
            + ": not a tracker reply (HTTP 200, text/html, not bencode: bencode: invalid type"
            + " byte)\n",
        announce.err());
    assertEquals(1, e2e.exitCode(), e2e.toString());
    assertEquals(
        List.of(
            "http "
                + page
                + ": FAILED: the first scrape: not a tracker reply (HTTP 404, text/html)"),
        e2e.lines());
    assertNoStackTrace(e2e);
  }

  private static void assertNoStackTrace(Cli.Result run) {
    assertFalse(run.err().contains("Exception"), run.toString());
    assertFalse(run.err().contains("\tat "), run.toString());
  }
}
