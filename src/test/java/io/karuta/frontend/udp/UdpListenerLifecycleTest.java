package io.karuta.frontend.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.testing.TrackerContainer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * The listener's life in a real CDI container: it starts with the application, answers on its port,
 * and on shutdown closes the socket and ends its threads, so the next start (a redeploy) can bind
 * the same port again.
 */
class UdpListenerLifecycleTest {
  private static volatile String udpAddr;

  @Test
  void theSocketIsReleasedOnShutdownAndBoundAgainOnRestart() throws Exception {
    int port = freeUdpPort();
    udpAddr = "127.0.0.1:" + port;
    for (int round = 0; round < 2; round++) {
      WeldContainer container = start();
      try {
        assertEquals(port, container.select(UdpListener.class).get().localAddress().getPort());
        assertEquals(0, connectAction(port), "round " + round + ": answers a connect");
      } finally {
        container.shutdown();
      }
      assertFalse(udpThreadsAlive(), "round " + round + ": no listener thread survives shutdown");
      try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
        assertTrue(probe.isBound(), "the port is free again");
      }
    }
  }

  @Test
  void anEmptyAddressTurnsUdpOff() throws Exception {
    udpAddr = "";
    WeldContainer container = start();
    try {
      assertEquals(null, container.select(UdpListener.class).get().localAddress());
      assertFalse(udpThreadsAlive());
    } finally {
      container.shutdown();
    }
  }

  @Test
  void aTakenPortStopsTheStartWithTheAddress() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      udpAddr = "127.0.0.1:" + taken.getLocalPort();
      RuntimeException e = assertThrows(RuntimeException.class, UdpListenerLifecycleTest::start);
      StringBuilder messages = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        messages.append(t.getMessage()).append(" | ");
      }
      assertTrue(
          messages
              .toString()
              .contains("karuta.udp.addr: cannot bind /127.0.0.1:" + taken.getLocalPort() + " ("),
          messages.toString());
    }
  }

  @Test
  void automaticWorkersAreOnePerCoreWithMemoryAndPoolMaxWithRedis() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    int poolMax = cores + 3;
    assertEquals(cores, workersStartedWith(Map.of()));
    // The Redis store connects on first use, so no server is needed to start.
    assertEquals(
        poolMax,
        workersStartedWith(
            Map.of(
                "karuta.storage.name", "redis",
                "karuta.storage.config.url", "redis://127.0.0.1:1",
                "karuta.storage.config.pool_max", Integer.toString(poolMax))));
  }

  private static long workersStartedWith(Map<String, String> storage) throws Exception {
    Map<String, String> settings = new HashMap<>(storage);
    settings.put("karuta.udp.addr", "127.0.0.1:" + freeUdpPort());
    settings.put("karuta.udp.workers", "0");
    WeldContainer container = TrackerContainer.startTracker(settings);
    try {
      return Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.isAlive() && t.getName().startsWith("karuta-udp-worker-"))
          .count();
    } finally {
      container.shutdown();
    }
  }

  private static WeldContainer start() {
    return TrackerContainer.startTracker(
        Map.of("karuta.udp.addr", udpAddr, "karuta.udp.workers", "2"));
  }

  private static int connectAction(int port) throws Exception {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      socket.setSoTimeout(5_000);
      byte[] connect = ByteBuffer.allocate(16).putLong(0x41727101980L).putInt(0).putInt(77).array();
      socket.send(new DatagramPacket(connect, 16, InetAddress.getByName("127.0.0.1"), port));
      DatagramPacket reply = new DatagramPacket(new byte[64], 64);
      socket.receive(reply);
      assertEquals(16, reply.getLength());
      assertEquals(77, ByteBuffer.wrap(reply.getData()).getInt(4));
      return ByteBuffer.wrap(reply.getData()).getInt(0);
    }
  }

  private static boolean udpThreadsAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().startsWith("karuta-udp-"));
  }

  private static int freeUdpPort() throws Exception {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      return socket.getLocalPort();
    }
  }
}
