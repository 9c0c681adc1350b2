package io.karuta.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.config.ConfigException;
import io.karuta.frontend.udp.UdpListener;
import io.karuta.testing.TrackerContainer;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The tracker's one ordered start: every part up, or the first failure with its message. */
class TrackerStartupTest {

  @Test
  void everyPartStarts() throws Exception {
    int port;
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      port = probe.getLocalPort();
    }
    try (WeldContainer container =
        TrackerContainer.startTracker(Map.of("karuta.udp.addr", "127.0.0.1:" + port))) {
      assertTrue(container.select(TrackerStartup.class).get().isStarted());
      assertEquals(port, container.select(UdpListener.class).get().localAddress().getPort());
    }
  }

  @Test
  void aBadSettingStopsTheStartWithItsMessage() {
    assertEquals(
        "karuta.http.max_numwant: 'abc' is not a whole number (allowed: 1 to 1000)",
        startError(Map.of("karuta.http.max_numwant", "abc")));
  }

  @Test
  void aBadRouteStopsTheStartBeforeUdpIsBound() throws Exception {
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      int port = probe.getLocalPort();
      probe.close();
      String error =
          startError(
              Map.of(
                  "karuta.http.announce_routes",
                  "/a/:x/*y/z",
                  "karuta.udp.addr",
                  "127.0.0.1:" + port));
      assertTrue(error.startsWith("karuta.http.announce_routes/scrape_routes: "), error);
      try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
        assertTrue(again.isBound(), "the UDP port was never taken");
      }
    }
  }

  @Test
  void aTakenUdpPortStopsTheStartNamingTheKey() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      String error = startError(Map.of("karuta.udp.addr", "127.0.0.1:" + taken.getLocalPort()));
      assertTrue(error.startsWith("karuta.udp.addr: cannot bind /127.0.0.1:"), error);
    }
  }

  @Test
  void theFailureLineNamesTheConfigurationErrorWhereverItIsWrapped() {
    ConfigException config = new ConfigException("karuta.x: 'y' is wrong (allowed: z)");
    RuntimeException wrapped =
        new RuntimeException("deployment", new IllegalStateException(config));
    assertEquals(
        "Karuta did not start: karuta.x: 'y' is wrong (allowed: z)",
        StartFailure.describe(wrapped));
    assertEquals(
        "Karuta did not start: java.io.IOException: disk gone",
        StartFailure.describe(new RuntimeException(new java.io.IOException("disk gone"))));
  }

  @Test
  void offPayaraMicroAFailureEndsNothing() {
    assertNull(System.getProperty(StartFailure.PAYARA_MICRO_BOOT_JAR), "not on Payara Micro");
    StartFailure.report(new ConfigException("karuta.x: bad"));
    assertTrue(
        Thread.getAllStackTraces().keySet().stream()
            .noneMatch(t -> t.getName().startsWith("karuta-exit")),
        "no exit is scheduled");
  }

  /** Starts the tracker with these settings and returns the innermost failure's message. */
  private static String startError(Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(Map.of("karuta.udp.addr", ""));
    all.putAll(settings);
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> TrackerContainer.startTracker(all).close());
    Throwable innermost = e;
    while (innermost.getCause() != null) {
      innermost = innermost.getCause();
    }
    return innermost.getMessage();
  }
}
