package io.karuta.frontend.udp;

import static io.karuta.frontend.udp.UdpFixtures.ACCEPT;
import static io.karuta.frontend.udp.UdpFixtures.IH;
import static io.karuta.frontend.udp.UdpFixtures.IH2;
import static io.karuta.frontend.udp.UdpFixtures.PEER_ID;
import static io.karuta.frontend.udp.UdpFixtures.PLAIN;
import static io.karuta.frontend.udp.UdpFixtures.REJECT;
import static io.karuta.frontend.udp.UdpFixtures.SPOOFABLE;
import static io.karuta.frontend.udp.UdpFixtures.V4;
import static io.karuta.frontend.udp.UdpFixtures.V6;
import static io.karuta.frontend.udp.UdpFixtures.VALID_ID;
import static io.karuta.frontend.udp.UdpFixtures.VECTOR_1;
import static io.karuta.frontend.udp.UdpFixtures.VECTOR_3;
import static io.karuta.frontend.udp.UdpFixtures.VECTOR_6;
import static io.karuta.frontend.udp.UdpFixtures.announceV6;
import static io.karuta.frontend.udp.UdpFixtures.bytes;
import static io.karuta.frontend.udp.UdpFixtures.decode;
import static io.karuta.frontend.udp.UdpFixtures.putInt;
import static io.karuta.frontend.udp.UdpFixtures.putLong;
import static io.karuta.frontend.udp.UdpFixtures.putShort;
import static io.karuta.frontend.udp.UdpFixtures.resized;
import static io.karuta.frontend.udp.UdpFixtures.sent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.ScrapeRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The decode rules of {@link UdpCodec#decode} and a corpus of malformed datagrams. */
class UdpCodecDecodeTest {
  private static final UdpRequest.Refusal MALFORMED =
      new UdpRequest.Refusal(1, UdpProtocol.ANNOUNCE, UdpErrors.MALFORMED_PACKET);

  private static AnnounceRequest announced(UdpRequest decoded) {
    return assertInstanceOf(UdpRequest.Announce.class, decoded).request();
  }

  private static AnnounceRequest announced(byte[] packet) {
    return announced(decode(packet));
  }

  private static ScrapeRequest scraped(UdpRequest decoded) {
    return assertInstanceOf(UdpRequest.Scrape.class, decoded).request();
  }

  static Stream<Arguments> shortDatagrams() {
    return IntStream.range(0, 16)
        .boxed()
        .flatMap(
            length ->
                Stream.of(
                    Arguments.of(length, "zeros", new byte[length]),
                    Arguments.of(length, "connect prefix", resized(bytes(VECTOR_1), length)),
                    Arguments.of(length, "announce prefix", resized(bytes(VECTOR_3), length))));
  }

  @ParameterizedTest(name = "{0} bytes, {1}")
  @MethodSource("shortDatagrams")
  void everyLengthBelow16IsDropped(int length, String what, byte[] packet) {
    assertSame(UdpRequest.TOO_SHORT, decode(packet, V4, ACCEPT));
    assertSame(UdpRequest.TOO_SHORT, decode(packet, V4, REJECT));
  }

  @Test
  void connectIgnoresTrailingBytesAndTheIdCheck() {
    byte[] longer = resized(bytes(VECTOR_1), 100);
    assertEquals(new UdpRequest.Connect(0xdeadbeef), decode(longer, V4, REJECT));
  }

  @Test
  void connectWithAMagicOffByOneBitIsDropped() {
    for (int bit = 0; bit < 64; bit++) {
      byte[] packet = putLong(bytes(VECTOR_1), 0, UdpProtocol.CONNECT_MAGIC ^ (1L << bit));
      assertSame(UdpRequest.NOT_A_REQUEST, decode(packet, V4, ACCEPT), "bit " + bit);
    }
  }

  @Test
  void connectWithAValidConnectionIdInsteadOfTheMagicIsDropped() {
    assertInstanceOf(UdpRequest.Drop.class, decode(putLong(bytes(VECTOR_1), 0, VALID_ID)));
  }

  /**
   * Replies and unknown actions are never answered, even with a valid ID: answering a reply could
   * make two trackers answer each other forever.
   */
  @ParameterizedTest
  @ValueSource(ints = {3, 5, 6, 255, 0x100, 0xffffffff, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void replyAndUnknownActionsAreDropped(int action) {
    byte[] packet = putInt(bytes(VECTOR_3), 8, action);
    assertSame(UdpRequest.NOT_A_REQUEST, decode(packet, V4, ACCEPT));
    assertSame(UdpRequest.NOT_A_REQUEST, decode(packet, V4, REJECT));
  }

  @ParameterizedTest
  @CsvSource({"1, 25", "2, 25", "4, 25", "1, 98", "2, 56", "4, 110", "1, 1000"})
  void badConnectionIdIsAnsweredWhenTheErrorIsNotLonger(int action, int length) {
    byte[] packet = putInt(resized(bytes(VECTOR_3), length), 8, action);
    assertEquals(
        new UdpRequest.Refusal(1, action, UdpErrors.BAD_CONNECTION_ID), decode(packet, V4, REJECT));
  }

  @ParameterizedTest
  @CsvSource({"1, 16", "2, 17", "4, 24", "1, 24"})
  void badConnectionIdIsDroppedWhenTheErrorWouldBeLonger(int action, int length) {
    byte[] packet = putInt(resized(bytes(VECTOR_3), length), 8, action);
    assertInstanceOf(UdpRequest.Drop.class, decode(packet, V4, REJECT));
  }

  @Test
  void shortAnnounceIsMalformed() {
    assertEquals(MALFORMED, decode(resized(bytes(VECTOR_3), 97)));
    assertEquals(MALFORMED, decode(resized(bytes(VECTOR_3), 16)));
    UdpRequest.Refusal malformedV6 =
        new UdpRequest.Refusal(1, UdpProtocol.ANNOUNCE_V6, UdpErrors.MALFORMED_PACKET);
    assertEquals(malformedV6, decode(resized(announceV6(), 109)));
    // A 98-byte announce is too short for action 4.
    assertEquals(malformedV6, decode(putInt(bytes(VECTOR_3), 8, UdpProtocol.ANNOUNCE_V6)));
  }

  @Test
  void announceV6ReadsTheShiftedFields() {
    UdpRequest.Announce decoded =
        assertInstanceOf(UdpRequest.Announce.class, decode(announceV6(), V6, ACCEPT));
    assertEquals(UdpProtocol.ANNOUNCE_V6, decoded.action());
    AnnounceRequest request = decoded.request();
    assertEquals(new Peer(PEER_ID, V6, 6881), request.peer());
    assertEquals(IH, request.infoHash());
    assertEquals(Event.STARTED, request.event());
    assertEquals(1000, request.left());
    assertFalse(request.numWantProvided());
    byte[] numWant7Port80 = putShort(putInt(announceV6(), 104, 7), 108, 80);
    assertEquals(7, announced(decode(numWant7Port80, V6, ACCEPT)).numWant());
    assertEquals(80, announced(decode(numWant7Port80, V6, ACCEPT)).peer().port());
  }

  @ParameterizedTest
  @CsvSource({
    "0, NONE",
    "1, COMPLETED",
    "2, STARTED",
    "3, STOPPED",
    "4, NONE", // libtorrent's paused: a regular update (U-09)
    "5, NONE",
    "256, NONE", // chihaya reads only the low byte, which would be 0
    "258, NONE", // and here 2, started
    "-1, NONE", // 0xffffffff
  })
  void eventValues(int value, Event expected) {
    assertEquals(expected, announced(putInt(bytes(VECTOR_3), 80, value)).event());
  }

  @ParameterizedTest
  @CsvSource({
    // num_want on the wire, numWant after sanitising, provided
    "-1, 50, false",
    "-2, 50, false",
    "-2147483648, 50, false",
    "0, 0, true",
    "7, 7, true",
    "100, 100, true",
    "101, 100, true",
    "2147483647, 100, true",
  })
  void numWant(int wire, int expected, boolean provided) {
    AnnounceRequest request = announced(putInt(bytes(VECTOR_3), 92, wire));
    assertEquals(expected, request.numWant());
    assertEquals(provided, request.numWantProvided());
  }

  @ParameterizedTest
  @ValueSource(ints = {56, 64, 72})
  void countsOf2To63OrMoreAreMalformed(int offset) {
    assertEquals(MALFORMED, decode(putLong(bytes(VECTOR_3), offset, Long.MIN_VALUE)));
    assertEquals(MALFORMED, decode(putLong(bytes(VECTOR_3), offset, -1)));
    AnnounceRequest largest = announced(putLong(bytes(VECTOR_3), offset, Long.MAX_VALUE));
    assertEquals(
        Long.MAX_VALUE,
        switch (offset) {
          case 56 -> largest.downloaded();
          case 64 -> largest.left();
          default -> largest.uploaded();
        });
  }

  @Test
  void downloadedLeftAndUploadedAreReadFromTheirOwnOffsets() {
    byte[] packet = putLong(putLong(putLong(bytes(VECTOR_3), 56, 11), 64, 22), 72, 33);
    AnnounceRequest request = announced(packet);
    assertEquals(11, request.downloaded());
    assertEquals(22, request.left());
    assertEquals(33, request.uploaded());
  }

  @Test
  void port0IsAnInvalidPortError() {
    UdpRequest decoded = decode(putShort(bytes(VECTOR_3), 96, 0));
    assertEquals(
        new UdpRequest.Refusal(1, UdpProtocol.ANNOUNCE, ClientError.INVALID_PORT), decoded);
    assertEquals("invalid port", ((UdpRequest.Refusal) decoded).error().getMessage());
  }

  @Test
  void portIsUnsigned() {
    assertEquals(65535, announced(putShort(bytes(VECTOR_3), 96, 0xffff)).peer().port());
  }

  @Test
  void udpAnnouncesAreCompactWithPeerIds() {
    AnnounceRequest request = announced(bytes(VECTOR_3));
    assertTrue(request.compact());
    assertFalse(request.noPeerId());
  }

  /** The IP field's rule (BEP 15's IP field; chihaya's frontend/udp/parser.go). */
  @ParameterizedTest(name = "spoofing {0}, action {1}, from {2}, field {3} -> {4}")
  @CsvSource({
    "false, 1, 10.0.0.5,    192.0.2.1,        10.0.0.5",
    "true,  1, 10.0.0.5,    192.0.2.1,        192.0.2.1",
    "true,  1, 10.0.0.5,    0.0.0.0,          10.0.0.5",
    "true,  1, 2001:db8::7, 192.0.2.1,        2001:db8::7",
    "false, 4, 2001:db8::7, 2001:db8::99,     2001:db8::7",
    "true,  4, 2001:db8::7, 2001:db8::99,     2001:db8::99",
    "true,  4, 2001:db8::7, ::,               2001:db8::7",
    "true,  4, 2001:db8::7, ::ffff:192.0.2.1, 2001:db8::7",
    "true,  4, 10.0.0.5,    2001:db8::99,     10.0.0.5",
    "true,  4, 10.0.0.5,    ::ffff:192.0.2.1, 10.0.0.5",
  })
  void ipFieldIsHonouredOnlyWhenAllowedNonZeroAndOfTheSendersFamily(
      boolean spoofing, int action, String from, String field, String expected) {
    IpAddress fieldAddress = IpAddress.parse(field);
    byte[] packet;
    if (action == UdpProtocol.ANNOUNCE) {
      packet = putInt(bytes(VECTOR_3), 84, (int) fieldAddress.low());
    } else {
      // Write the 16 bytes as given, v4-mapped included.
      long high = fieldAddress.family() == AddressFamily.IPV4 ? 0 : fieldAddress.high();
      long low =
          fieldAddress.family() == AddressFamily.IPV4
              ? 0xffff_0000_0000L | fieldAddress.low()
              : fieldAddress.low();
      packet = putLong(putLong(announceV6(), 84, high), 92, low);
    }
    UdpCodec codec = spoofing ? SPOOFABLE : PLAIN;
    UdpRequest decoded = codec.decode(ByteBuffer.wrap(packet), IpAddress.parse(from), ACCEPT);
    assertEquals(IpAddress.parse(expected), announced(decoded).peer().ip());
  }

  @Test
  void theSpoofedFieldOfVector3IsZeroSoTheSourceIsUsed() {
    UdpRequest decoded = SPOOFABLE.decode(ByteBuffer.wrap(bytes(VECTOR_3)), V4, ACCEPT);
    assertEquals(V4, announced(decoded).peer().ip());
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 17, 35, 37, 55, 57})
  void scrapeWhoseHashBytesAreNotAPositiveMultipleOf20IsMalformed(int length) {
    byte[] packet = resized(bytes(VECTOR_6), length);
    assertEquals(
        new UdpRequest.Refusal(7, UdpProtocol.SCRAPE, UdpErrors.MALFORMED_PACKET), decode(packet));
  }

  @Test
  void scrapeOf17BytesWithABadIdIsDroppedAndOf35BytesAnswered() {
    assertSame(UdpRequest.UNVERIFIED, decode(resized(bytes(VECTOR_6), 17), V4, REJECT));
    assertEquals(
        new UdpRequest.Refusal(7, UdpProtocol.SCRAPE, UdpErrors.BAD_CONNECTION_ID),
        decode(resized(bytes(VECTOR_6), 35), V4, REJECT));
  }

  @Test
  void scrapeOf75HashesKeepsTheFirst74InOrder() {
    List<InfoHash> hashes = new ArrayList<>();
    ByteBuffer packet = ByteBuffer.allocate(16 + 20 * 75);
    packet.putLong(VALID_ID).putInt(UdpProtocol.SCRAPE).putInt(7);
    for (int i = 0; i < 75; i++) {
      byte[] hash = new byte[20];
      hash[0] = (byte) i;
      hash[19] = (byte) (75 - i);
      hashes.add(InfoHash.of(hash));
      packet.put(hash);
    }
    assertEquals(hashes.subList(0, 74), scraped(decode(packet.array())).infoHashes());
  }

  @Test
  void scrapeKeepsDuplicatesAndUsesTheSourceFamily() {
    byte[] packet = UdpFixtures.concat(bytes(VECTOR_6), IH.bytes());
    ScrapeRequest request = scraped(decode(packet, V6, ACCEPT));
    assertEquals(List.of(IH, IH2, IH), request.infoHashes());
    assertEquals(AddressFamily.IPV6, request.family());
  }

  /** The same packet from ::ffff:10.0.0.5 and 10.0.0.5, with real IDs. */
  @Test
  void v4MappedAndIpv4SourcesDecodeAndReplyIdentically() {
    ConnectionIds ids =
        new ConnectionIds(
            ConnectionIds.randomKey(),
            Duration.ofMinutes(5),
            Duration.ofSeconds(10),
            InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
    IpAddress plain = IpAddress.parse("10.0.0.5");
    IpAddress mapped = IpAddress.of(bytes("00 00 00 00 00 00 00 00 00 00 ff ff 0a 00 00 05"));
    byte[] packet = putLong(bytes(VECTOR_3), 0, ids.generate(mapped));

    UdpRequest fromPlain = PLAIN.decode(ByteBuffer.wrap(packet), plain, ids);
    UdpRequest fromMapped = PLAIN.decode(ByteBuffer.wrap(packet), mapped, ids);
    assertEquals(fromPlain, fromMapped);
    AnnounceRequest request = announced(fromMapped);
    assertEquals(AddressFamily.IPV4, request.family());

    AnnounceResponse response =
        new AnnounceResponse(
            Duration.ofMinutes(30),
            Duration.ZERO,
            1,
            1,
            List.of(new Peer(PeerId.of(new byte[20]), IpAddress.parse("10.0.0.9"), 6881)));
    ByteBuffer a = ByteBuffer.allocate(200);
    ByteBuffer b = ByteBuffer.allocate(200);
    UdpCodec.writeAnnounce(a, 1, 1, announced(fromPlain).family(), response);
    UdpCodec.writeAnnounce(b, 1, 1, request.family(), response);
    assertArrayEquals(sent(a), sent(b));
    assertEquals(20 + 6, sent(b).length);

    assertEquals(
        new UdpRequest.Refusal(1, UdpProtocol.ANNOUNCE, UdpErrors.BAD_CONNECTION_ID),
        PLAIN.decode(ByteBuffer.wrap(packet), IpAddress.parse("10.0.0.6"), ids));
  }

  /** Only {@code [position, limit)} is read, in big-endian whatever the buffer's order. */
  @Test
  void decodesTheRemainingBytesAndLeavesTheBufferAlone() {
    byte[] packet = bytes(VECTOR_3);
    byte[] framed = new byte[packet.length + 20];
    new Random(1).nextBytes(framed);
    System.arraycopy(packet, 0, framed, 7, packet.length);
    ByteBuffer buffer = ByteBuffer.wrap(framed).position(7).limit(7 + packet.length);
    buffer.order(ByteOrder.LITTLE_ENDIAN);

    assertEquals(decode(packet), PLAIN.decode(buffer, V4, ACCEPT));
    assertEquals(7, buffer.position());
    assertEquals(7 + packet.length, buffer.limit());
    assertEquals(ByteOrder.LITTLE_ENDIAN, buffer.order());

    ByteBuffer direct = ByteBuffer.allocateDirect(packet.length).put(packet).flip();
    assertEquals(decode(packet), PLAIN.decode(direct.asReadOnlyBuffer(), V4, ACCEPT));
  }

  /** Rule 8: an unexpected exception drops before the ID is accepted, and is malformed after. */
  @Test
  void unexpectedExceptionsNeverEscape() {
    ConnectionIdCheck throwing =
        (id, source) -> {
          throw new IllegalStateException("boom");
        };
    assertInstanceOf(
        UdpRequest.Drop.class, PLAIN.decode(ByteBuffer.wrap(bytes(VECTOR_3)), V4, throwing));
    assertInstanceOf(UdpRequest.Drop.class, PLAIN.decode(null, V4, ACCEPT));
    assertInstanceOf(
        UdpRequest.Drop.class, PLAIN.decode(ByteBuffer.wrap(bytes(VECTOR_3)), V4, null));
    // A check that accepts a missing source lets the scrape fail on it after verification.
    assertEquals(
        new UdpRequest.Refusal(7, UdpProtocol.SCRAPE, UdpErrors.MALFORMED_PACKET),
        PLAIN.decode(ByteBuffer.wrap(bytes(VECTOR_6)), null, ACCEPT));
  }
}
