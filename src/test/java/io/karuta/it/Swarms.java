package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading swarms of the deployed tracker: scrape counts, compact peers, waiting for updates. */
final class Swarms {
  private Swarms() {}

  /** Returns (complete, downloaded, incomplete) of {@code infoHash} by scraping over IPv4. */
  static long[] scrape(TrackerClient client, byte[] infoHash) {
    return counts(client.get(scrapePath(infoHash)), infoHash);
  }

  /** Returns the path and query of a scrape of {@code infoHash}. */
  static String scrapePath(byte[] infoHash) {
    return "/scrape?info_hash=" + TrackerClient.escape(infoHash);
  }

  /** Returns (complete, downloaded, incomplete) of {@code infoHash} from a scrape reply. */
  static long[] counts(TrackerClient.Reply reply, byte[] infoHash) {
    @SuppressWarnings("unchecked")
    Map<String, Object> files = (Map<String, Object>) reply.dict().get("files");
    @SuppressWarnings("unchecked")
    Map<String, Object> file =
        (Map<String, Object>)
            files.get(new String(infoHash, java.nio.charset.StandardCharsets.ISO_8859_1));
    return new long[] {
      (Long) file.get("complete"), (Long) file.get("downloaded"), (Long) file.get("incomplete")
    };
  }

  /**
   * Waits, at most 10 s, until the scrape of {@code infoHash} shows these counts: the swarm is
   * updated after each reply is sent, so it can lag a reply by a moment.
   */
  static void awaitCounts(
      TrackerClient client, byte[] infoHash, long complete, long downloaded, long incomplete)
      throws InterruptedException {
    long[] expected = {complete, downloaded, incomplete};
    long[] seen = null;
    for (int i = 0; i < 100; i++) {
      seen = scrape(client, infoHash);
      if (java.util.Arrays.equals(expected, seen)) {
        return;
      }
      Thread.sleep(100);
    }
    assertEquals(
        java.util.Arrays.toString(expected), java.util.Arrays.toString(seen), "swarm counts");
  }

  /** Splits a compact peer string into "address:port" texts (6 or 18 bytes per peer). */
  static List<String> compactPeers(byte[] peers, int entryLength) {
    assertEquals(0, peers.length % entryLength, "compact peers come in whole entries");
    List<String> out = new ArrayList<>();
    for (int at = 0; at < peers.length; at += entryLength) {
      byte[] address = java.util.Arrays.copyOfRange(peers, at, at + entryLength - 2);
      int port = (peers[at + entryLength - 2] & 0xFF) << 8 | (peers[at + entryLength - 1] & 0xFF);
      out.add(io.karuta.bittorrent.IpAddress.of(address) + ":" + port);
    }
    return out;
  }
}
