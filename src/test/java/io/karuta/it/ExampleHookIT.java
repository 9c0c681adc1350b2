package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The example hook {@link io.karuta.example.BlockedPortsHook}, added to the WAR as an integrator
 * adds a hook and enabled from the YAML {@code prehooks} list with {@code ports: [25]}, refuses
 * announces from port 25 over HTTP and UDP and lets the others through. No other test announces
 * from port 25.
 */
class ExampleHookIT extends DeployedTracker {
  private static final int BLOCKED = 25;

  @Test
  void httpAnnounceFromABlockedPortIsRefused() {
    Announce blocked = Announce.fresh().peer(1, BLOCKED);
    assertEquals("port not allowed", ipv4().announce(blocked).failure());

    TrackerClient.Reply allowed = ipv4().announce(blocked.peer(2, BLOCKED + 1));
    assertNull(allowed.failure(), "another port passes");
    assertEquals(1L, allowed.dict().get("incomplete"), "the refused peer was not added");
  }

  @Test
  void udpAnnounceFromABlockedPortIsRefused() {
    UdpTrackerClient udp = udp4();
    long connection = udp.connect();
    byte[] infoHash = Announce.randomInfoHash();
    byte[] blocked =
        UdpTrackerClient.announce(
            connection, 21, infoHash, "-KR0001-000000000001", 10, 2, 10, BLOCKED);
    assertEquals("port not allowed", UdpTrackerClient.errorText(udp.exchange(blocked), 21));

    byte[] allowed =
        UdpTrackerClient.announce(
            connection, 22, infoHash, "-KR0001-000000000002", 10, 2, 10, BLOCKED + 1);
    ByteBuffer reply = ByteBuffer.wrap(udp.exchange(allowed));
    assertEquals(1, reply.getInt(0), "announce action: another port passes");
    assertEquals(22, reply.getInt(4), "transaction id echoed");
    assertEquals(1, reply.getInt(12), "leechers: the refused peer was not added");
  }
}
