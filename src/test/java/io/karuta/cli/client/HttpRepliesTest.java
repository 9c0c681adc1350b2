package io.karuta.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Scrape;
import io.karuta.bittorrent.bencode.Bencode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HttpRepliesTest {
  private static final InfoHash A = InfoHash.fromHex("aa00000000000000000000000000000000000001");
  private static final InfoHash B = InfoHash.fromHex("bb00000000000000000000000000000000000002");

  @Test
  void compactPeersBothFamiliesAndEveryOptionalField() throws TrackerException {
    byte[] v4 = {127, 0, 0, 1, 0x1A, (byte) 0xE1, 10, 0, 0, 2, 0, 80};
    byte[] v6 = new byte[18];
    v6[15] = 1;
    v6[16] = 0x1A;
    v6[17] = (byte) 0xE2;
    byte[] body =
        Bencode.encode(
            Map.of(
                "interval", 1800,
                "min interval", 900,
                "complete", 3,
                "incomplete", 4,
                "peers", v4,
                "peers6", v6,
                "warning message", "slow down"));

    AnnounceReply reply = HttpReplies.announce(200, "text/plain", body);

    assertEquals(Duration.ofSeconds(1800), reply.interval());
    assertEquals(Optional.of(Duration.ofSeconds(900)), reply.minInterval());
    assertEquals(OptionalLong.of(3), reply.complete());
    assertEquals(OptionalLong.of(4), reply.incomplete());
    assertEquals(Optional.of("slow down"), reply.warning());
    assertEquals(
        List.of("127.0.0.1:6881", "10.0.0.2:80", "[::1]:6882"),
        reply.peers().stream().map(TrackerPeer::endpoint).toList());
    assertEquals(true, reply.hasPeerWithPort(6882));
    assertEquals(false, reply.hasPeerWithPort(6883));
  }

  @Test
  void dictionaryPeersKeepTheirIdsAndOnlyIntervalIsRequired() throws TrackerException {
    byte[] id = "-qB4650-abcdefghijkl".getBytes(StandardCharsets.US_ASCII);
    byte[] body =
        Bencode.encode(
            Map.of(
                "interval",
                60,
                "peers",
                List.of(
                    Map.of("ip", "192.0.2.7", "port", 51413, "peer id", id),
                    Map.of("ip", "peer.example", "port", 1))));

    AnnounceReply reply = HttpReplies.announce(200, "", body);

    assertEquals(
        List.of(
            new TrackerPeer("192.0.2.7", 51413, Optional.of(PeerId.of(id))),
            new TrackerPeer("peer.example", 1, Optional.empty())),
        reply.peers());
    assertEquals(OptionalLong.empty(), reply.complete());
    assertEquals(Optional.empty(), reply.minInterval());
  }

  @Test
  void aFailureReasonIsTheTrackersRefusalWhateverTheStatus() {
    byte[] body = Bencode.encode(Map.of("failure reason", "unregistered torrent"));

    TrackerException ok = assertThrows(TrackerException.class, () -> announce(200, body));
    TrackerException notFound = assertThrows(TrackerException.class, () -> announce(404, body));

    assertEquals(TrackerException.Kind.REFUSED, ok.kind());
    assertEquals("tracker failure: unregistered torrent", ok.getMessage());
    assertEquals("unregistered torrent", ok.reason());
    assertEquals("tracker failure: unregistered torrent (HTTP 404)", notFound.getMessage());
  }

  @Test
  void htmlAPlainErrorPageAndOtherBencodeAreNotTrackerReplies() {
    byte[] html = "<html><body>hello</body></html>".getBytes(StandardCharsets.US_ASCII);

    assertNotATracker(
        "not a tracker reply (HTTP 200, text/html, not bencode: bencode: invalid type byte)",
        () -> HttpReplies.announce(200, "text/html", html));
    assertNotATracker(
        "not a tracker reply (HTTP 404, text/html)",
        () -> HttpReplies.announce(404, "text/html", html));
    assertNotATracker(
        "not a tracker reply (HTTP 502)", () -> announce(502, Bencode.encode(Map.of("x", 1))));
    assertNotATracker(
        "not a tracker reply (HTTP 200, bencode but not a dictionary)",
        () -> announce(200, Bencode.encode(List.of(1))));
    assertNotATracker(
        "not a tracker reply (no interval in the reply)",
        () -> announce(200, Bencode.encode(Map.of("peers", new byte[0]))));
    assertNotATracker(
        "not a tracker reply (peers is not a multiple of 6 bytes)",
        () -> announce(200, Bencode.encode(Map.of("interval", 1, "peers", new byte[7]))));
    assertNotATracker(
        "not a tracker reply (HTTP 200, not bencode: bencode: unsorted dictionary keys)",
        () -> announce(200, "d8:intervali1e5:aaaaai1ee".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void aScrapeAnswersInRequestOrderAndAMissingHashCountsZero() throws TrackerException {
    byte[] body =
        Bencode.encode(
            Map.of(
                "files",
                Map.of(A.bytes(), Map.of("complete", 1, "incomplete", 2, "downloaded", 3))));

    List<Scrape> files = HttpReplies.scrape(200, "text/plain", body, List.of(B, A));

    assertEquals(List.of(Scrape.empty(B), new Scrape(A, 1, 2, 3)), files);
  }

  @Test
  void aScrapeWithoutFilesIsNotATrackerReply() {
    assertNotATracker(
        "not a tracker reply (no files in the scrape reply)",
        () -> HttpReplies.scrape(200, "", Bencode.encode(Map.of("x", 1)), List.of(A)));
  }

  @Test
  void controlCharactersOfTheTrackerNeverReachTheTerminal() {
    byte[] body = Bencode.encode(Map.of("failure reason", "bad\u001b[31m red\nline"));

    TrackerException e = assertThrows(TrackerException.class, () -> announce(200, body));

    assertEquals("tracker failure: bad?[31m red?line", e.getMessage());
    assertEquals("bad\u001b[31m red\nline", e.reason());
  }

  private static AnnounceReply announce(int status, byte[] body) throws TrackerException {
    return HttpReplies.announce(status, "", body);
  }

  private interface Call {
    void run() throws TrackerException;
  }

  private static void assertNotATracker(String message, Call call) {
    TrackerException e = assertThrows(TrackerException.class, call::run);
    assertEquals(TrackerException.Kind.NOT_A_TRACKER, e.kind());
    assertEquals(message, e.getMessage());
  }
}
