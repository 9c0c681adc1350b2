package io.karuta.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.bencode.BencodeReader;
import io.karuta.frontend.udp.UdpRequest;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that each codec benchmark measures the path it names, not an error path: the benchmark's
 * own state, built by its setup, goes through its benchmark methods once.
 */
class CodecBenchmarkInputsTest {

  @Test
  void bencodeRepliesCarryEveryPeerAndHash() {
    BencodeBenchmark bench = new BencodeBenchmark();
    bench.setup();
    Map<?, ?> compact = dict(bench.announceCompact());
    assertEquals(6 * 50, ((byte[]) compact.get("peers")).length);
    List<?> dictionaryPeers = (List<?>) dict(bench.announceDictionary()).get("peers");
    assertEquals(50, dictionaryPeers.size());
    assertTrue(((Map<?, ?>) dictionaryPeers.get(0)).containsKey("peer id"));
    assertEquals(10, ((Map<?, ?>) dict(bench.scrape()).get("files")).size());
    assertTrue(dict(bench.failure()).containsKey("failure reason"));
  }

  @Test
  void httpQueriesParseIntoAStartedAnnounceWanting50() {
    QueryParserBenchmark bench = new QueryParserBenchmark();
    bench.setup();
    Params announce = bench.announceQuery();
    assertEquals(List.of(CodecData.INFO_HASH), announce.infoHashes());
    assertEquals(CodecData.SCRAPED, bench.scrapeQuery().infoHashes());
    AnnounceRequest request = bench.announce();
    assertEquals(CodecData.INFO_HASH, request.infoHash());
    assertEquals(CodecData.PEER_ID, request.peer().id());
    assertEquals(Event.STARTED, request.event());
    assertEquals(50, request.numWant());
    assertTrue(request.compact());
  }

  @Test
  void udpRequestsDecodeAsServedRequests() {
    UdpCodecBenchmark bench = new UdpCodecBenchmark();
    bench.setup();
    assertInstanceOf(UdpRequest.Connect.class, bench.decodeConnect());
    assertTrue(bench.ids.valid(bench.announceRequest.getLong(0), bench.source));
    AnnounceRequest announce =
        assertInstanceOf(UdpRequest.Announce.class, bench.decodeAnnounce()).request();
    assertEquals(CodecData.INFO_HASH, announce.infoHash());
    assertEquals(Event.STARTED, announce.event());
    assertEquals(50, announce.numWant());
    assertEquals(98, bench.announceRequest.remaining());
    UdpRequest.Scrape scrape = assertInstanceOf(UdpRequest.Scrape.class, bench.decodeScrape());
    assertEquals(CodecData.SCRAPED, scrape.request().infoHashes());
  }

  @Test
  void udpDecodingLeavesTheReusedRequestsUnmoved() {
    UdpCodecBenchmark bench = new UdpCodecBenchmark();
    bench.setup();
    for (int i = 0; i < 2; i++) {
      bench.decodeConnect();
      bench.decodeAnnounce();
      bench.decodeScrape();
    }
    for (ByteBuffer request :
        List.of(bench.connectRequest, bench.announceRequest, bench.scrapeRequest)) {
      assertEquals(0, request.position());
      assertEquals(request.capacity(), request.limit());
    }
  }

  @Test
  void udpRepliesCarryEveryPeerAndEntry() {
    UdpCodecBenchmark bench = new UdpCodecBenchmark();
    bench.setup();
    for (int i = 0; i < 2; i++) {
      assertEquals(20 + 6 * 50, bench.writeAnnounce().remaining());
      assertEquals(8 + 12 * 10, bench.writeScrape().remaining());
    }
  }

  @Test
  void connectionIdsAreValidAndForgeriesAreNot() {
    ConnectionIdsBenchmark bench = new ConnectionIdsBenchmark();
    bench.setup();
    assertTrue(bench.validV4());
    assertTrue(bench.validV6());
    assertFalse(bench.forgedV4());
    assertFalse(bench.forgedV6());
    // Refused by the tag, not the issue time: the forgery pays for the HMAC.
    assertEquals(bench.v4Id >>> 32, bench.forgedV4Id >>> 32);
    assertEquals(bench.v6Id >>> 32, bench.forgedV6Id >>> 32);
    assertTrue(bench.ids.valid(bench.generateV4(), bench.v4));
    assertTrue(bench.ids.valid(bench.generateV6(), bench.v6));
  }

  private static Map<?, ?> dict(byte[] bencoded) {
    return assertInstanceOf(Map.class, BencodeReader.decode(bencoded));
  }
}
