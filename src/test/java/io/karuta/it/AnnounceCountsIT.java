package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The counts of an announce reply are the swarm as that announce leaves it: they equal what a
 * scrape made right after the announce returns, over HTTP and UDP, IPv4 and IPv6, for {@code
 * started}, {@code completed}, re-announces, seeder and leecher changes and {@code stopped}.
 */
class AnnounceCountsIT extends DeployedTracker {

  /** How a test announces: HTTP or UDP, over one address family. */
  enum Transport {
    HTTP_IPV4,
    HTTP_IPV6,
    UDP_IPV4,
    UDP_IPV6;

    /** Announces and returns the reply's seeders and leechers. */
    long[] announce(byte[] infoHash, int peer, long left, String event) {
      String peerId = String.format("-KR0001-%012d", peer);
      int port = 20_000 + peer;
      return switch (this) {
        case HTTP_IPV4, HTTP_IPV6 -> {
          Announce announce = Announce.of(infoHash).peer(peer, port);
          Map<String, Object> reply = http().announce(announce.left(left).event(event)).dict();
          yield new long[] {(Long) reply.get("complete"), (Long) reply.get("incomplete")};
        }
        case UDP_IPV4, UDP_IPV6 -> {
          UdpTrackerClient client = this == UDP_IPV4 ? udp4() : udp6();
          ByteBuffer reply =
              UdpAnnounceIT.announce(client, infoHash, peerId, left, udpEvent(event), 50, port);
          assertEquals(1, reply.getInt(0), "announce action");
          yield new long[] {reply.getInt(16), reply.getInt(12)};
        }
      };
    }

    /** The client whose address family this transport's swarm is, for scrapes. */
    TrackerClient http() {
      return this == HTTP_IPV4 || this == UDP_IPV4 ? ipv4() : ipv6();
    }

    private static int udpEvent(String event) {
      return switch (event) {
        case "completed" -> 1;
        case "started" -> 2;
        case "stopped" -> 3;
        default -> 0;
      };
    }
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void repliesCountTheSwarmAsTheAnnounceLeavesIt(Transport transport) throws Exception {
    byte[] infoHash = Announce.randomInfoHash();
    // peer, left, event -> seeders, leechers, downloads afterwards
    step(transport, infoHash, 1, 0, "started", 1, 0, 0); // A seeds
    step(transport, infoHash, 2, 100, "started", 1, 1, 0); // B leeches: chihaya says 1/0
    step(transport, infoHash, 2, 0, "completed", 2, 0, 1); // B finished: chihaya says 2/1
    step(transport, infoHash, 3, 100, "started", 2, 1, 1); // C leeches: chihaya says 2/0
    step(transport, infoHash, 3, 100, "", 2, 1, 1); // C re-announces
    step(transport, infoHash, 1, 50, "", 1, 2, 1); // A becomes a leecher
    step(transport, infoHash, 3, 0, "", 2, 1, 1); // C becomes a seeder without completed
    step(transport, infoHash, 2, 0, "stopped", 1, 1, 1); // B leaves
    step(transport, infoHash, 4, 100, "stopped", 1, 1, 1); // an unknown peer stops
    step(transport, infoHash, 1, 50, "stopped", 1, 0, 1); // A leaves
    step(transport, infoHash, 3, 0, "stopped", 0, 0, 1); // C leaves: nobody left
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void aLonePeerIsCountedOnceOnEveryAnnounce(Transport transport) throws Exception {
    byte[] infoHash = Announce.randomInfoHash();
    step(transport, infoHash, 1, 100, "started", 0, 1, 0);
    step(transport, infoHash, 1, 100, "", 0, 1, 0); // chihaya says 0/2
    step(transport, infoHash, 1, 0, "completed", 1, 0, 1);
    step(transport, infoHash, 1, 0, "", 1, 0, 1); // chihaya says 2/0
  }

  /**
   * Announces, asserts the reply's counts, then waits for the swarm update (it runs after the
   * reply) and asserts that a scrape shows the same counts.
   */
  private static void step(
      Transport transport,
      byte[] infoHash,
      int peer,
      long left,
      String event,
      long seeders,
      long leechers,
      long downloads)
      throws InterruptedException {
    long[] reply = transport.announce(infoHash, peer, left, event);
    String what = transport + " peer " + peer + " left=" + left + " event=" + event;
    assertEquals(
        Arrays.toString(new long[] {seeders, leechers}), Arrays.toString(reply), what + ": reply");
    Swarms.awaitCounts(transport.http(), infoHash, seeders, downloads, leechers);
  }
}
