package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * BEP 15 announces: 6-byte peers for IPv4, 18-byte peers for IPv6, the second peer sees the first.
 */
class UdpAnnounceIT extends DeployedTracker {

  @Test
  void ipv4AnnouncesGetSixBytePeers() throws InterruptedException {
    byte[] infoHash = Announce.randomInfoHash();
    ByteBuffer first = announce(udp4(), infoHash, "-KR0001-000000000001", 100, 2, -1, 7001);
    assertEquals(1, first.getInt(0), "announce action");
    assertEquals(1800, first.getInt(8), "interval");
    assertEquals(1, first.getInt(12), "leechers: the requester itself");
    assertEquals(0, first.getInt(16), "seeders");
    assertEquals(List.of("127.0.0.1:7001"), Swarms.compactPeers(peers(first), 6));
    Swarms.awaitCounts(ipv4(), infoHash, 0, 0, 1);
    ByteBuffer second = announce(udp4(), infoHash, "-KR0001-000000000002", 0, 2, 50, 7002);
    assertEquals(List.of("127.0.0.1:7001"), Swarms.compactPeers(peers(second), 6));
    assertEquals(1, second.getInt(12));
  }

  @Test
  void ipv6AnnouncesGetEighteenBytePeers() {
    byte[] infoHash = Announce.randomInfoHash();
    ByteBuffer reply = announce(udp6(), infoHash, "-KR0001-000000000003", 100, 4, 10, 7003);
    assertEquals(List.of("::1:7003"), Swarms.compactPeers(peers(reply), 18), "paused is an update");
  }

  @Test
  void httpAndUdpShareTheSwarm() throws InterruptedException {
    byte[] infoHash = Announce.randomInfoHash();
    announce(udp4(), infoHash, "-KR0001-000000000004", 0, 2, 10, 7004);
    Swarms.awaitCounts(ipv4(), infoHash, 1, 0, 0);
  }

  static ByteBuffer announce(
      UdpTrackerClient client,
      byte[] infoHash,
      String peerId,
      long left,
      int event,
      int numWant,
      int port) {
    long connection = client.connect();
    byte[] reply =
        client.exchange(
            UdpTrackerClient.announce(
                connection, 42, infoHash, peerId, left, event, numWant, port));
    ByteBuffer in = ByteBuffer.wrap(reply);
    assertEquals(42, in.getInt(4), "transaction id echoed");
    return in;
  }

  static byte[] peers(ByteBuffer reply) {
    return Arrays.copyOfRange(reply.array(), 20, reply.limit());
  }
}
