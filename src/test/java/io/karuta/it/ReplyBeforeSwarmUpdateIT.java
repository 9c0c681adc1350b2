package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * The post-hooks and the swarm update run after the reply is sent, on the thread that answered: a
 * client never waits for them. A post-hook ({@link LingerHook}) holds the work after one announce
 * while the test checks that the reply has arrived and the peer is not stored yet; releasing it
 * lets the update through.
 */
class ReplyBeforeSwarmUpdateIT extends DeployedTracker {

  @Test
  void anHttpReplyDoesNotWaitForThePostHooks() throws InterruptedException {
    Announce held = Announce.fresh().peer(1, 9301);
    assertNull(ipv4().announce(held.with("&probe=linger")).failure());
    assertArrayEquals(new long[] {0, 0, 0}, scrapeOnNewConnection(held), "not stored while held");
    release(2, 9302);
    Swarms.awaitCounts(ipv4(), held.infoHash(), 0, 0, 1);
  }

  @Test
  void aUdpReplyDoesNotWaitForThePostHooks() throws InterruptedException {
    byte[] infoHash = Announce.randomInfoHash();
    long id = udp4().connect();
    byte[] reply =
        udp4()
            .exchange(
                UdpTrackerClient.announce(
                    id,
                    21,
                    infoHash,
                    "-KR0001-000000000021",
                    10,
                    2,
                    10,
                    9303,
                    UdpTrackerClient.urlData("/announce?probe=linger")));
    assertEquals(1, ByteBuffer.wrap(reply).getInt(0), "an announce reply");
    assertArrayEquals(
        new long[] {0, 0, 0}, Swarms.scrape(ipv4(), infoHash), "not stored while held");
    assertNull(ipv4().announce(Announce.fresh().peer(3, 9304).with("&probe=release")).failure());
    Swarms.awaitCounts(ipv4(), infoHash, 0, 0, 1);
  }

  private static long[] scrapeOnNewConnection(Announce announce) {
    return Swarms.counts(
        ipv4().rawGet(Swarms.scrapePath(announce.infoHash())), announce.infoHash());
  }

  private static void release(int peer, int port) {
    Announce release = Announce.fresh().peer(peer, port).with("&probe=release");
    assertNull(ipv4().rawGet("/announce?" + release.query()).failure());
  }
}
