package io.karuta.bench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WorkloadTest {

  @Test
  void hashesDependOnlyOnSeedAndCount() {
    Workload a = new Workload(100, 10, 20, 50, 20, 10, 7);
    Workload b = new Workload(100, 5_000, 90, 5, 3, 10, 7);
    assertArrayEquals(a.hashes(), b.hashes());
    assertArrayEquals(a.hashes(), Workload.infoHashes(100, 7));
    assertArrayEquals(
        Arrays.copyOf(Workload.infoHashes(100, 7), 20 * 40), Workload.infoHashes(40, 7));
    assertFalse(Arrays.equals(a.hashes(), Workload.infoHashes(100, 8)));
  }

  @Test
  void peersAreSkewedAndSplitIntoSeedersAndLeechers() {
    Workload w = new Workload(100, 20_000, 20, 50, 20, 10, 1);
    int[] perTorrent = new int[100];
    int seeders = 0;
    for (int p = 0; p < w.peers; p++) {
      perTorrent[w.torrentOf(p)]++;
      seeders += w.leftOf(p) == 0 ? 1 : 0;
      assertTrue(w.portOf(p) >= 1024 && w.portOf(p) <= 65535);
      assertEquals(
          Workload.PEER_ID_PREFIX, new String(w.peerIds(), p * 20, 8, StandardCharsets.US_ASCII));
    }
    assertTrue(seeders > 3_600 && seeders < 4_400, "about 20% seeders: " + seeders);
    int firstTenth = Arrays.stream(perTorrent, 0, 10).sum();
    assertTrue(firstTenth > 5_900 && firstTenth < 6_700, "sqrt(0.1) of peers: " + firstTenth);
    assertTrue(perTorrent[0] > 10 * perTorrent[99], "torrent 0 is the busiest");
  }

  @Test
  void roundRobinWithStartedFirst() {
    Workload w = new Workload(10, 3, 20, 50, 20, 10, 1);
    int[] order = new int[7];
    boolean[] first = new boolean[7];
    for (int i = 0; i < 7; i++) {
      order[i] = w.nextPeer();
      first[i] = w.firstAnnounce(order[i]);
    }
    assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0}, order);
    assertArrayEquals(new boolean[] {true, true, true, false, false, false, false}, first);
  }

  @Test
  void oneRequestInNIsAScrapeOfOneOrTenHashes() {
    Workload w = new Workload(50, 3, 20, 50, 4, 10, 1);
    int scrapes = 0;
    for (int i = 1; i <= 40; i++) {
      boolean scrape = w.nextIsScrape();
      assertEquals(i % 4 == 0, scrape, "request " + i);
      if (scrape) {
        int start = w.nextScrapeStart();
        assertEquals(++scrapes % 2 == 1 ? 1 : 10, w.scrapeSize());
        assertTrue(start >= 0 && start < 50);
      }
    }
    assertEquals(1, w.scrapeTorrent(49, 2), "wraps around");
    Workload few = new Workload(5, 3, 20, 50, 1, 10, 1);
    few.nextScrapeStart();
    few.nextScrapeStart();
    assertEquals(5, few.scrapeSize(), "capped at the number of torrents");
    assertFalse(new Workload(5, 3, 20, 50, 0, 10, 1).nextIsScrape(), "0 means never");
    Workload three = new Workload(50, 3, 20, 50, 1, 3, 1);
    three.nextScrapeStart();
    assertEquals(1, three.scrapeSize());
    three.nextScrapeStart();
    assertEquals(3, three.scrapeSize(), "--scrape-hashes");
  }

  @Test
  void udpAnnounceLayout() {
    Workload w = new Workload(10, 3, 0, 33, 20, 10, 1);
    ByteBuffer out = ByteBuffer.allocate(128);
    new UdpRequests(w).announce(out, 0x0123456789abcdefL, 42, 1, true);
    assertEquals(98, out.remaining());
    assertEquals(0x0123456789abcdefL, out.getLong(0));
    assertEquals(1, out.getInt(8));
    assertEquals(42, out.getInt(12));
    byte[] hash = new byte[20];
    out.get(16, hash);
    assertArrayEquals(
        Arrays.copyOfRange(w.hashes(), w.torrentOf(1) * 20, w.torrentOf(1) * 20 + 20), hash);
    assertEquals(Workload.LEECHER_LEFT, out.getLong(64));
    assertEquals(2, out.getInt(80), "started");
    assertEquals(33, out.getInt(92));
    assertEquals(w.portOf(1), out.getShort(96) & 0xFFFF);
    new UdpRequests(w).scrape(out, 5, 6, 9, 2);
    assertEquals(56, out.remaining());
    assertEquals(2, out.getInt(8));
  }

  @Test
  void httpRequestsEscapeEveryByte() {
    Workload w = new Workload(10, 2, 100, 50, 20, 10, 1);
    HttpRequests requests = new HttpRequests(w, "/announce", "/scrape", "127.0.0.1:6969", false);
    ByteBuffer out = ByteBuffer.allocate(requests.maxLength(10));
    requests.announce(out, 0, true);
    String text = StandardCharsets.US_ASCII.decode(out).toString();
    String hash =
        new String(
            HttpRequests.escape(
                Arrays.copyOfRange(w.hashes(), w.torrentOf(0) * 20, w.torrentOf(0) * 20 + 20)),
            StandardCharsets.US_ASCII);
    assertEquals(
        "GET /announce?info_hash="
            + hash
            + "&peer_id="
            + new String(
                HttpRequests.escape(Arrays.copyOf(w.peerIds(), 20)), StandardCharsets.US_ASCII)
            + "&port="
            + w.portOf(0)
            + "&uploaded=0&downloaded=0&left=0&event=started&numwant=50&compact=1 HTTP/1.1\r\n"
            + "Host: 127.0.0.1:6969\r\n\r\n",
        text);
    assertTrue(text.contains("&peer_id=%2D%4B%4C%30%30%30%31%2D%"), "-KL0001- escaped");
    requests = new HttpRequests(w, "/a/announce", "/a/scrape", "h:1", true);
    requests.scrape(out, 9, 2);
    text = StandardCharsets.US_ASCII.decode(out).toString();
    assertTrue(text.startsWith("GET /a/scrape?info_hash=%"), text);
    assertEquals(2, text.split("info_hash=", -1).length - 1);
    assertTrue(text.endsWith(" HTTP/1.1\r\nHost: h:1\r\nConnection: close\r\n\r\n"), text);
    assertNotEquals(
        -1,
        text.indexOf(
            new String(
                HttpRequests.escape(Arrays.copyOfRange(w.hashes(), 0, 20)),
                StandardCharsets.US_ASCII)),
        "torrent 9 then 0");
  }

  @Test
  void decimals() {
    ByteBuffer out = ByteBuffer.allocate(64);
    for (long v : new long[] {0, 7, 10, 99, 1_000_000, Long.MAX_VALUE}) {
      out.clear();
      HttpRequests.putDecimal(out, v);
      out.flip();
      assertEquals(Long.toString(v), StandardCharsets.US_ASCII.decode(out).toString());
    }
  }
}
