package io.karuta.frontend.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.middleware.AnnounceContext;
import io.karuta.middleware.Hook;
import io.karuta.testing.TrackerContainer;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Overload: with the only worker stuck, the kernel keeps what fits in the socket's receive buffer,
 * drops the rest and counts it (the tracker queues nothing of its own), and the listener answers
 * what it kept once the worker is free.
 */
class UdpListenerOverloadTest {
  private static final String KEY = "overload-test-key";
  private static volatile int port;
  static final CountDownLatch RELEASE = new CountDownLatch(1);
  static final CountDownLatch BLOCKED = new CountDownLatch(1);

  /** Holds the only worker until the test releases it. */
  @Dependent
  @Named("stall")
  public static class Stall implements Hook {
    @Override
    public void handleAnnounce(AnnounceContext context) {
      BLOCKED.countDown();
      try {
        RELEASE.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void whatTheSocketBufferCannotHoldIsDroppedAndCounted() throws Exception {
    port = UdpFixtures.freeLoopbackPort();
    WeldContainer container =
        TrackerContainer.startTracker(
            Map.of(
                "karuta.udp.addr",
                "127.0.0.1:" + port,
                "karuta.udp.private_key",
                KEY,
                "karuta.udp.workers",
                "1",
                "karuta.udp.receive_buffer",
                "16384",
                "karuta.prehooks[0].name",
                "stall"),
            Stall.class);
    try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      client.setReceiveBufferSize(1 << 20);
      UdpListener listener = container.select(UdpListener.class).get();
      assertEquals(0, listener.droppedDatagrams(), "a fresh socket has dropped nothing");
      long id = UdpFixtures.loopbackConnectionId(KEY);
      UdpFixtures.sendToLoopback(
          client, port, UdpFixtures.zeroHashAnnounce(id, 0, "-KR0001-000000000001"));
      assertTrue(BLOCKED.await(10, TimeUnit.SECONDS), "the worker is stuck in the hook");
      int sent = 500;
      for (int i = 1; i < sent; i++) {
        UdpFixtures.sendToLoopback(
            client, port, UdpFixtures.zeroHashAnnounce(id, i, "-KR0001-000000000001"));
      }
      long dropped = listener.droppedDatagrams();
      assertTrue(dropped > 0 && dropped < sent - 1, "some kept, the rest dropped: " + dropped);
      RELEASE.countDown();
      client.setSoTimeout(2_000);
      int answered = 0;
      DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
      try {
        while (true) {
          client.receive(reply);
          assertEquals(1, ByteBuffer.wrap(reply.getData()).getInt(0), "an announce reply");
          answered++;
        }
      } catch (SocketTimeoutException e) {
        // Everything kept has been answered.
      }
      assertEquals(sent, answered + dropped, "every datagram answered or counted as dropped");
      assertEquals(dropped, listener.droppedDatagrams(), "nothing dropped once free");
    } finally {
      RELEASE.countDown();
      container.shutdown();
    }
  }
}
