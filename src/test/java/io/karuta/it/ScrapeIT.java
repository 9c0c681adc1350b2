package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scrape (BEP 48): known and unknown hashes, duplicates once, the list cut at the maximum. */
class ScrapeIT extends DeployedTracker {

  @Test
  void knownAndUnknownHashesAreBothListed() throws InterruptedException {
    Announce seeder = Announce.fresh().peer(1, 50001).left(0);
    ipv4().announce(seeder);
    Swarms.awaitCounts(ipv4(), seeder.infoHash(), 1, 0, 0);
    byte[] unknown = Announce.randomInfoHash();
    String hash = TrackerClient.escape(seeder.infoHash());
    Map<?, ?> files =
        (Map<?, ?>)
            ipv4()
                .get(
                    "/scrape?info_hash="
                        + hash
                        + "&info_hash="
                        + TrackerClient.escape(unknown)
                        + "&info_hash="
                        + hash)
                .dict()
                .get("files");
    assertEquals(2, files.size(), "a hash asked twice appears once");
    assertEquals(
        Map.of("complete", 1L, "downloaded", 0L, "incomplete", 0L),
        files.get(latin1(seeder.infoHash())));
    assertEquals(
        Map.of("complete", 0L, "downloaded", 0L, "incomplete", 0L),
        files.get(latin1(unknown)),
        "an unknown hash scrapes as zeros (libtorrent needs the entry)");
  }

  @Test
  void hashesBeyondTheMaximumAreDropped() {
    StringBuilder query = new StringBuilder("/scrape?");
    for (int i = 0; i < 8; i++) {
      query
          .append(i == 0 ? "" : "&")
          .append("info_hash=")
          .append(TrackerClient.escape(Announce.randomInfoHash()));
    }
    Map<?, ?> files = (Map<?, ?>) ipv4().get(query.toString()).dict().get("files");
    assertEquals(5, files.size(), "max_scrape_infohashes is 5 in the test configuration");
  }

  @Test
  void aScrapeWithoutHashFails() {
    assertEquals("no info_hash parameter supplied", ipv4().get("/scrape").failure());
    assertEquals(List.of("failure reason"), List.copyOf(ipv4().get("/scrape?x=1").dict().keySet()));
  }

  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
