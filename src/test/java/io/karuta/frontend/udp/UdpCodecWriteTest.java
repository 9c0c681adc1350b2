package io.karuta.frontend.udp;

import static io.karuta.frontend.udp.UdpFixtures.IH;
import static io.karuta.frontend.udp.UdpFixtures.IH2;
import static io.karuta.frontend.udp.UdpFixtures.PEER_ID;
import static io.karuta.frontend.udp.UdpFixtures.bytes;
import static io.karuta.frontend.udp.UdpFixtures.sent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.Scrape;
import io.karuta.bittorrent.ScrapeResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reply writers of {@link UdpCodec}, beyond the vectors. */
class UdpCodecWriteTest {
  private static final Peer V4_PEER = peer("10.0.0.1", 6881);
  private static final Peer V4_PEER2 = peer("192.168.1.2", 51413);
  private static final Peer V6_PEER = peer("2001:db8::1", 6881);

  private static Peer peer(String ip, int port) {
    return new Peer(PEER_ID, IpAddress.parse(ip), port);
  }

  private static AnnounceResponse response(Duration interval, List<Peer> peers) {
    return new AnnounceResponse(interval, Duration.ZERO, 2, 1, peers);
  }

  private static byte[] announce(int capacity, AddressFamily family, AnnounceResponse response) {
    ByteBuffer out = ByteBuffer.allocate(capacity);
    UdpCodec.writeAnnounce(out, 9, UdpProtocol.ANNOUNCE, family, response);
    return sent(out);
  }

  private static final String HEADER_1800 =
      "00 00 00 01 00 00 00 09 00 00 07 08 00 00 00 01 00 00 00 02";

  @Test
  void peersOfTheOtherFamilyAreLeftOut() {
    AnnounceResponse mixed =
        response(Duration.ofMinutes(30), List.of(V6_PEER, V4_PEER, V6_PEER, V4_PEER2));
    assertArrayEquals(
        bytes(HEADER_1800 + " 0a 00 00 01 1a e1 c0 a8 01 02 c8 d5"),
        announce(200, AddressFamily.IPV4, mixed));
    assertArrayEquals(
        bytes(HEADER_1800 + " 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01 1a e1".repeat(2)),
        announce(200, AddressFamily.IPV6, mixed));
  }

  @Test
  void peersThatDoNotFitAreLeftOut() {
    AnnounceResponse three =
        response(Duration.ofMinutes(30), List.of(V4_PEER, V4_PEER2, peer("10.0.0.3", 1)));
    assertArrayEquals(
        bytes(HEADER_1800 + " 0a 00 00 01 1a e1 c0 a8 01 02 c8 d5"),
        announce(20 + 6 * 2 + 5, AddressFamily.IPV4, three));
    assertArrayEquals(bytes(HEADER_1800), announce(20, AddressFamily.IPV4, three));
    assertEquals(20 + 6 * 3, announce(20 + 6 * 3, AddressFamily.IPV4, three).length);
  }

  @ParameterizedTest
  @CsvSource({
    "PT30M, 00 00 07 08",
    "PT30M0.999S, 00 00 07 08",
    "PT0.5S, 00 00 00 00",
    "PT0S, 00 00 00 00",
    "PT1193046H28M15S, ff ff ff ff", // 2^32 - 1 seconds
    "PT1193046H28M16S, ff ff ff ff", // 2^32 seconds saturates
    "PT10000000H, ff ff ff ff",
  })
  void intervalIsWholeSecondsSaturatedAtUint32(Duration interval, String expected) {
    byte[] reply = announce(20, AddressFamily.IPV4, response(interval, List.of()));
    assertArrayEquals(bytes(expected), Arrays.copyOfRange(reply, 8, 12));
  }

  @Test
  void largestCountsFitTheUnsignedFields() {
    AnnounceResponse response =
        new AnnounceResponse(
            Duration.ofMinutes(30), Duration.ZERO, Integer.MAX_VALUE, 0, List.of());
    assertArrayEquals(
        bytes("00 00 00 01 00 00 00 09 00 00 07 08 00 00 00 00 7f ff ff ff"),
        announce(20, AddressFamily.IPV4, response));
  }

  @Test
  void action4RepliesWithAction4() {
    ByteBuffer out = ByteBuffer.allocate(64);
    UdpCodec.writeAnnounce(
        out, 9, UdpProtocol.ANNOUNCE_V6, AddressFamily.IPV6, response(Duration.ZERO, List.of()));
    assertArrayEquals(bytes("00 00 00 04 00 00 00 09"), Arrays.copyOf(sent(out), 8));
  }

  @Test
  void otherAnnounceActionsAreRefused() {
    for (int action : new int[] {0, 2, 3, 5}) {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              UdpCodec.writeAnnounce(
                  ByteBuffer.allocate(64),
                  9,
                  action,
                  AddressFamily.IPV4,
                  response(Duration.ZERO, List.of())));
    }
  }

  /** A reused buffer with old content, an odd position and little-endian order. */
  private static ByteBuffer dirtyBuffer(int capacity) {
    ByteBuffer out = ByteBuffer.allocate(capacity);
    while (out.hasRemaining()) {
      out.put((byte) 0x55);
    }
    out.position(3).limit(capacity - 1);
    out.order(ByteOrder.LITTLE_ENDIAN);
    return out;
  }

  @Test
  void writersClearSetBigEndianAndFlip() {
    ByteBuffer out = dirtyBuffer(64);
    UdpCodec.writeConnect(out, 0xdeadbeef, 0x0123456789abcdefL);
    assertEquals(0, out.position());
    assertEquals(16, out.limit());
    assertArrayEquals(bytes("00 00 00 00 de ad be ef 01 23 45 67 89 ab cd ef"), sent(out));

    out = dirtyBuffer(64);
    UdpCodec.writeError(out, 1, "x");
    assertArrayEquals(bytes("00 00 00 03 00 00 00 01 78"), sent(out));

    out = dirtyBuffer(64);
    UdpCodec.writeScrape(out, 1, new ScrapeResponse(List.of()));
    assertArrayEquals(bytes("00 00 00 02 00 00 00 01"), sent(out));
  }

  @Test
  void buffersTooSmallForTheFixedPartAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> UdpCodec.writeConnect(ByteBuffer.allocate(15), 1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            UdpCodec.writeAnnounce(
                ByteBuffer.allocate(19),
                1,
                1,
                AddressFamily.IPV4,
                response(Duration.ZERO, List.of())));
    assertThrows(
        IllegalArgumentException.class,
        () -> UdpCodec.writeScrape(ByteBuffer.allocate(7), 1, new ScrapeResponse(List.of())));
    assertThrows(
        IllegalArgumentException.class, () -> UdpCodec.writeError(ByteBuffer.allocate(7), 1, "x"));
  }

  @Test
  void scrapeWritesOneEntryPerHashInOrderDuplicatesIncluded() {
    ScrapeResponse response =
        new ScrapeResponse(
            List.of(new Scrape(IH, 1, 2, 3), Scrape.empty(IH2), new Scrape(IH, 1, 2, 3)));
    ByteBuffer out = ByteBuffer.allocate(UdpCodec.maxScrapeReplyLength(3));
    UdpCodec.writeScrape(out, 7, response);
    String entry = " 00 00 00 01 00 00 00 03 00 00 00 02";
    assertArrayEquals(
        bytes("00 00 00 02 00 00 00 07" + entry + " 00".repeat(12) + entry), sent(out));

    ByteBuffer small = ByteBuffer.allocate(8 + 12 + 11);
    UdpCodec.writeScrape(small, 7, response);
    assertArrayEquals(bytes("00 00 00 02 00 00 00 07" + entry), sent(small));
  }

  @Test
  void errorHasNoTerminatorAndItsLengthIsUtf8() {
    ByteBuffer out = ByteBuffer.allocate(64);
    UdpCodec.writeError(out, 0xdeadbeef, "bad connection ID");
    assertArrayEquals(bytes("00 00 00 03 de ad be ef \"bad connection ID\""), sent(out));
    assertEquals(25, UdpCodec.errorLength("bad connection ID"));
    assertEquals(24, UdpCodec.errorLength("malformed packet"));

    UdpCodec.writeError(out, 1, "\u00e9");
    assertArrayEquals(bytes("00 00 00 03 00 00 00 01 c3 a9"), sent(out));
    assertEquals(10, UdpCodec.errorLength("\u00e9"));
    assertEquals(8, UdpCodec.errorLength(""));
  }

  @Test
  void errorMessageIsCutToTheBuffer() {
    ByteBuffer out = ByteBuffer.allocate(12);
    UdpCodec.writeError(out, 1, "bad connection ID");
    assertArrayEquals(bytes("00 00 00 03 00 00 00 01 \"bad \""), sent(out));
  }

  @Test
  void requiredCapacities() {
    assertEquals(20, UdpCodec.maxAnnounceReplyLength(0));
    assertEquals(20 + 18 * 50, UdpCodec.maxAnnounceReplyLength(50));
    assertEquals(8, UdpCodec.maxScrapeReplyLength(0));
    assertEquals(8 + 12 * 74, UdpCodec.maxScrapeReplyLength(74));
    assertThrows(IllegalArgumentException.class, () -> UdpCodec.maxAnnounceReplyLength(-1));
    assertThrows(IllegalArgumentException.class, () -> UdpCodec.maxScrapeReplyLength(-1));

    // A buffer of that size holds every peer of the wider family.
    List<Peer> fifty = Collections.nCopies(50, V6_PEER);
    byte[] reply =
        announce(
            UdpCodec.maxAnnounceReplyLength(50),
            AddressFamily.IPV6,
            response(Duration.ZERO, fifty));
    assertEquals(UdpCodec.maxAnnounceReplyLength(50), reply.length);
  }
}
