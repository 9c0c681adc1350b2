package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** BEP 15 scrape: seeders, completed (the download count), leechers; one entry per hash asked. */
class UdpScrapeIT extends DeployedTracker {

  @Test
  void scrapeCountsKnownAndUnknownSwarms() throws InterruptedException {
    byte[] infoHash = Announce.randomInfoHash();
    UdpAnnounceIT.announce(udp4(), infoHash, "-KR0001-000000000001", 10, 2, 10, 8001);
    Swarms.awaitCounts(ipv4(), infoHash, 0, 0, 1);
    UdpAnnounceIT.announce(udp4(), infoHash, "-KR0001-000000000001", 0, 1, 10, 8001);
    Swarms.awaitCounts(ipv4(), infoHash, 1, 1, 0);
    byte[] unknown = Announce.randomInfoHash();
    long connection = udp4().connect();
    ByteBuffer reply =
        ByteBuffer.wrap(
            udp4().exchange(UdpTrackerClient.scrape(connection, 9, infoHash, unknown, infoHash)));
    assertEquals(8 + 3 * 12, reply.limit(), "one entry per requested hash, duplicates too");
    assertEquals(2, reply.getInt(0));
    assertEquals(9, reply.getInt(4));
    int[] expected = {1, 1, 0, 0, 0, 0, 1, 1, 0};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], reply.getInt(8 + 4 * i), "field " + i);
    }
  }
}
