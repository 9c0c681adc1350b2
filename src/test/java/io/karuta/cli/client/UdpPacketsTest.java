package io.karuta.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Sanitizer;
import io.karuta.bittorrent.Scrape;
import io.karuta.bittorrent.ScrapeResponse;
import io.karuta.frontend.udp.UdpCodec;
import io.karuta.frontend.udp.UdpRequest;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI's datagrams against Karuta's own UDP frontend codec, in both directions. */
class UdpPacketsTest {
  private static final long CONNECTION_ID = 0x1122334455667788L;
  private static final IpAddress SOURCE = IpAddress.parse("127.0.0.1");
  private static final InfoHash HASH = InfoHash.fromHex("0102030405060708090a0b0c0d0e0f1011121314");
  private static final PeerId PEER =
      PeerId.of("-KC0001-abcdefghijkl".getBytes(StandardCharsets.US_ASCII));
  private static final UdpCodec CODEC = new UdpCodec(new Sanitizer(200, 50, 74), false);

  @Test
  void aConnectIsOneKarutaAccepts() {
    UdpRequest request = decode(UdpPackets.connect(0x0BADCAFE));

    assertEquals(new UdpRequest.Connect(0x0BADCAFE), request);
  }

  @Test
  void anAnnounceCarriesEveryFieldAndTheUrlDataReachesKarutasParser() {
    AnnounceQuery query =
        new AnnounceQuery(HASH, PEER, 6881, 10, 20, 30, Event.STARTED, 50, 7, true);
    byte[] urlData =
        UdpTracker.urlData(URI.create("udp://t.example:6969/announce?passkey=" + "k".repeat(300)));

    UdpRequest request = decode(UdpPackets.announce(CONNECTION_ID, 99, query, urlData));

    UdpRequest.Announce announce = assertInstanceOf(UdpRequest.Announce.class, request);
    AnnounceRequest decoded = announce.request();
    assertEquals(99, announce.transactionId());
    assertEquals(1, announce.action());
    assertEquals(HASH, decoded.infoHash());
    assertEquals(new Peer(PEER, SOURCE, 6881), decoded.peer());
    assertEquals(Event.STARTED, decoded.event());
    assertEquals(10, decoded.uploaded());
    assertEquals(20, decoded.downloaded());
    assertEquals(30, decoded.left());
    assertEquals(50, decoded.numWant());
    assertEquals("k".repeat(300), decoded.params().get("passkey"), "split over two options");
  }

  @Test
  void everyEventHasItsBep15Number() {
    for (Event event : Event.values()) {
      AnnounceQuery query = new AnnounceQuery(HASH, PEER, 1, 0, 0, 0, event, 0, 0, true);
      UdpRequest.Announce announce =
          (UdpRequest.Announce) decode(UdpPackets.announce(CONNECTION_ID, 1, query, new byte[0]));
      assertEquals(event, announce.request().event());
    }
  }

  @Test
  void aScrapeListsItsHashesInOrder() {
    InfoHash other = InfoHash.fromHex("ffffffffffffffffffffffffffffffffffffffff");

    UdpRequest.Scrape scrape =
        (UdpRequest.Scrape) decode(UdpPackets.scrape(CONNECTION_ID, 5, List.of(other, HASH)));

    assertEquals(5, scrape.transactionId());
    assertEquals(List.of(other, HASH), scrape.request().infoHashes());
  }

  @Test
  void repliesWrittenByKarutaAreReadBack() throws TrackerException {
    ByteBuffer out = ByteBuffer.allocate(2048);
    UdpCodec.writeConnect(out, 3, CONNECTION_ID);
    assertEquals(CONNECTION_ID, UdpPackets.readConnect(bytes(out)));

    Peer v4 = new Peer(PEER, IpAddress.parse("10.1.2.3"), 51413);
    AnnounceResponse response =
        new AnnounceResponse(Duration.ofMinutes(30), Duration.ZERO, 4, 5, List.of(v4));
    UdpCodec.writeAnnounce(out, 3, 1, v4.family(), response);
    AnnounceReply reply = UdpPackets.readAnnounce(bytes(out), 4);
    assertEquals(Duration.ofMinutes(30), reply.interval());
    assertEquals(4, reply.complete().getAsLong());
    assertEquals(5, reply.incomplete().getAsLong());
    assertEquals(List.of("10.1.2.3:51413"), endpoints(reply));

    Peer v6 = new Peer(PEER, IpAddress.parse("2001:db8::7"), 6881);
    UdpCodec.writeAnnounce(out, 3, 1, v6.family(), response.withSwarm(0, 1, List.of(v6)));
    assertEquals(List.of("[2001:db8::7]:6881"), endpoints(UdpPackets.readAnnounce(bytes(out), 16)));

    UdpCodec.writeScrape(out, 3, new ScrapeResponse(List.of(new Scrape(HASH, 1, 2, 3))));
    assertEquals(
        List.of(new Scrape(HASH, 1, 2, 3)), UdpPackets.readScrape(bytes(out), List.of(HASH)));
  }

  @Test
  void anErrorPacketIsTheTrackersRefusalWithoutItsTerminator() {
    ByteBuffer out = ByteBuffer.allocate(64);
    UdpCodec.writeError(out, 3, "bad connection ID");
    byte[] karuta = bytes(out);
    byte[] chihaya = Arrays.copyOf(karuta, karuta.length + 1);

    for (byte[] reply : List.of(karuta, chihaya)) {
      TrackerException e =
          assertThrows(TrackerException.class, () -> UdpPackets.readAnnounce(reply, 4));
      assertEquals(TrackerException.Kind.REFUSED, e.kind());
      assertEquals("bad connection ID", e.reason());
    }
  }

  @Test
  void wrongActionsAndLengthsAreNotTrackerReplies() {
    byte[] opentrackerRefusal = ByteBuffer.allocate(8).putInt(1).putInt(3).array();
    byte[] connectAsAnnounce = ByteBuffer.allocate(16).putInt(0).putInt(3).array();
    byte[] halfAPeer = ByteBuffer.allocate(23).putInt(1).putInt(3).array();

    assertEquals(
        "not a tracker reply (a UDP announce reply of 8 bytes, at least 20 expected)",
        assertThrows(TrackerException.class, () -> UdpPackets.readAnnounce(opentrackerRefusal, 4))
            .getMessage());
    assertEquals(
        "not a tracker reply (a UDP reply with action 0 to an announce with action 1)",
        assertThrows(TrackerException.class, () -> UdpPackets.readAnnounce(connectAsAnnounce, 4))
            .getMessage());
    assertEquals(
        "not a tracker reply (peers are not a multiple of 6 bytes)",
        assertThrows(TrackerException.class, () -> UdpPackets.readAnnounce(halfAPeer, 4))
            .getMessage());
    assertEquals(
        "not a tracker reply (a UDP scrape reply of 8 bytes, at least 20 expected)",
        assertThrows(
                TrackerException.class,
                () ->
                    UdpPackets.readScrape(ByteBuffer.allocate(8).putInt(2).array(), List.of(HASH)))
            .getMessage());
  }

  @Test
  void aBareUrlSendsNoUrlData() {
    assertEquals(0, UdpTracker.urlData(URI.create("udp://t.example:6969")).length);
    assertEquals(0, UdpTracker.urlData(URI.create("udp://t.example:6969/")).length);
    assertEquals(
        "/announce", new String(UdpTracker.urlData(URI.create("udp://t.example:6969/announce"))));
  }

  private static UdpRequest decode(byte[] datagram) {
    return CODEC.decode(ByteBuffer.wrap(datagram), SOURCE, (id, source) -> id == CONNECTION_ID);
  }

  private static byte[] bytes(ByteBuffer flipped) {
    byte[] out = new byte[flipped.remaining()];
    flipped.get(out);
    return out;
  }

  private static List<String> endpoints(AnnounceReply reply) {
    return reply.peers().stream().map(TrackerPeer::endpoint).toList();
  }
}
