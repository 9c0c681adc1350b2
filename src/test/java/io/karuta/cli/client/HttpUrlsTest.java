package io.karuta.cli.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.QueryParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpUrlsTest {
  private static final InfoHash HASH = InfoHash.fromHex("ff00112233445566778899aabbccddeeff002b26");
  private static final PeerId PEER =
      PeerId.of("-KC0001-abc def+&=%x".getBytes(StandardCharsets.ISO_8859_1));

  @Test
  void theScrapeUrlFollowsBep48() {
    assertEquals(Optional.of(uri("http://t.example/scrape")), scrape("http://t.example/announce"));
    assertEquals(
        Optional.of(uri("http://t.example/x/scrape.php")),
        scrape("http://t.example/x/announce.php"));
    assertEquals(
        Optional.of(uri("https://t.example:8443/abc/scrape?passkey=k%2B1")),
        scrape("https://t.example:8443/abc/announce?passkey=k%2B1"));
    assertEquals(
        Optional.of(uri("http://[::1]:6969/scrape")), scrape("http://[::1]:6969/announce"));
    assertEquals(Optional.empty(), scrape("http://t.example/a"));
    assertEquals(Optional.empty(), scrape("http://t.example/announce/x"));
    assertEquals(Optional.empty(), scrape("http://t.example/"));
    assertEquals(Optional.empty(), scrape("http://t.example"));
  }

  @Test
  void anAnnounceCarriesEveryFieldByteExactAfterTheUrlsOwnQuery() {
    AnnounceQuery query =
        new AnnounceQuery(HASH, PEER, 6881, 10, 20, 30, Event.STOPPED, 50, 0xCAFE, true);

    URI uri = HttpUrls.announce(uri("http://t.example:6969/pk/announce?passkey=abc"), query);
    Params params = QueryParser.parseUri(uri.getRawPath() + "?" + uri.getRawQuery());

    assertEquals("/pk/announce", uri.getRawPath());
    assertEquals("abc", params.get("passkey"));
    assertEquals(List.of(HASH), params.infoHashes());
    assertArrayEquals(PEER.bytes(), params.bytes("peer_id"));
    assertEquals("6881", params.get("port"));
    assertEquals("10", params.get("uploaded"));
    assertEquals("20", params.get("downloaded"));
    assertEquals("30", params.get("left"));
    assertEquals("stopped", params.get("event"));
    assertEquals("50", params.get("numwant"));
    assertEquals("0000cafe", params.get("key"));
    assertEquals("1", params.get("compact"));
  }

  @Test
  void aRegularUpdateSendsNoEventAndDictionaryPeersAskForCompactZero() {
    AnnounceQuery query = new AnnounceQuery(HASH, PEER, 1, 0, 0, 0, Event.NONE, 0, 1, false);

    Params params =
        QueryParser.parseUri(rawUri(HttpUrls.announce(uri("http://h/announce"), query)));

    assertEquals(false, params.has("event"));
    assertEquals("0", params.get("compact"));
  }

  @Test
  void aScrapeListsEveryHashInOrder() {
    InfoHash other = InfoHash.fromHex("0000000000000000000000000000000000000001");

    URI uri = HttpUrls.scrape(uri("http://h/scrape?passkey=abc"), List.of(HASH, other, HASH));

    assertEquals(List.of(HASH, other, HASH), QueryParser.parseUri(rawUri(uri)).infoHashes());
  }

  private static Optional<URI> scrape(String announce) {
    return HttpUrls.scrapeUrl(uri(announce));
  }

  private static String rawUri(URI uri) {
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private static URI uri(String text) {
    return URI.create(text);
  }
}
