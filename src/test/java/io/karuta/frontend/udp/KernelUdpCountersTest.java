package io.karuta.frontend.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class KernelUdpCountersTest {

  @Test
  void readsTheDropsColumnOfRowsOnThePort() {
    String v4 =
        "12482: 0100007F:4394 00000000:0000 07 00000000:00000000 00:00000000 00000000     0"
            + "        0 1761226 2 00000000e5cc12e8 37";
    String v6 =
        "2151: 00000000000000000000000000000000:1B39 00000000000000000000000000000000:0000 07"
            + " 00000000:00000000 00:00000000 00000000     0        0 690184 2 000000008a1fe8fc 5";
    assertEquals(37, KernelUdpCounters.dropsOf(v4, 0x4394));
    assertEquals(0, KernelUdpCounters.dropsOf(v4, 0x4395), "another port");
    assertEquals(5, KernelUdpCounters.dropsOf(v6, 6969));
    assertEquals(0, KernelUdpCounters.dropsOf("", 6969));
  }

  @Test
  void aBoundSocketThatDroppedNothingCountsZero() throws Exception {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      assertEquals(0, KernelUdpCounters.drops(socket.getLocalPort()));
    }
  }

  @Test
  void readsTheReceiveQueueColumnOfRowsOnThePort() {
    String v4 =
        "12482: 0100007F:4394 00000000:0000 07 00000000:00000A00 00:00000000 00000000     0"
            + "        0 1761226 2 00000000e5cc12e8 37";
    assertEquals(0xA00, KernelUdpCounters.queuedOf(v4, 0x4394));
    assertEquals(0, KernelUdpCounters.queuedOf(v4, 0x4395), "another port");
    assertEquals(0, KernelUdpCounters.queuedOf("", 0x4394));
  }

  @Test
  void aDatagramNobodyReadWaitsInTheQueue() throws Exception {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        DatagramSocket sender = new DatagramSocket()) {
      int port = socket.getLocalPort();
      assertEquals(0, KernelUdpCounters.queuedBytes(port), "nothing sent yet");
      byte[] payload = new byte[100];
      sender.send(
          new java.net.DatagramPacket(payload, payload.length, socket.getLocalSocketAddress()));
      long queued = 0;
      for (int i = 0; i < 100 && queued == 0; i++) {
        Thread.sleep(10);
        queued = KernelUdpCounters.queuedBytes(port);
      }
      // The kernel counts the buffer it charged to the socket, at least the payload.
      org.junit.jupiter.api.Assertions.assertTrue(queued >= payload.length, "queued " + queued);
      socket.receive(new java.net.DatagramPacket(new byte[200], 200));
      assertEquals(0, KernelUdpCounters.queuedBytes(port), "read, so nothing waits");
    }
  }
}
