package io.karuta.frontend.udp;

import static io.karuta.frontend.udp.UdpFixtures.IH;
import static io.karuta.frontend.udp.UdpFixtures.IH2;
import static io.karuta.frontend.udp.UdpFixtures.PEER_ID;
import static io.karuta.frontend.udp.UdpFixtures.V4;
import static io.karuta.frontend.udp.UdpFixtures.VECTOR_1;
import static io.karuta.frontend.udp.UdpFixtures.VECTOR_3;
import static io.karuta.frontend.udp.UdpFixtures.VECTOR_6;
import static io.karuta.frontend.udp.UdpFixtures.bytes;
import static io.karuta.frontend.udp.UdpFixtures.concat;
import static io.karuta.frontend.udp.UdpFixtures.decode;
import static io.karuta.frontend.udp.UdpFixtures.sent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.Scrape;
import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.bittorrent.ScrapeResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * BEP 15 packets encoded by hand (connect, announce, scrape, error; IPv4 and IPv6), byte for byte.
 */
class UdpVectorsTest {
  private final ByteBuffer out = ByteBuffer.allocate(UdpCodec.maxAnnounceReplyLength(100));

  private static Peer peer(String ip, int port) {
    return new Peer(PEER_ID, IpAddress.parse(ip), port);
  }

  @Test
  void vector1ConnectRequest() {
    assertEquals(new UdpRequest.Connect(0xdeadbeef), decode(bytes(VECTOR_1)));
  }

  @Test
  void vector2ConnectResponse() {
    UdpCodec.writeConnect(out, 0xdeadbeef, 0x0123456789abcdefL);
    assertArrayEquals(bytes("00 00 00 00 de ad be ef 01 23 45 67 89 ab cd ef"), sent(out));
  }

  @Test
  void vector3AnnounceRequest() {
    AnnounceRequest expected =
        new AnnounceRequest(
            IH,
            new Peer(PEER_ID, V4, 6881),
            Event.STARTED,
            0,
            0,
            1000,
            50, // num_want -1: the sanitizer's default
            false,
            true,
            false,
            Params.empty());
    assertEquals(
        new UdpRequest.Announce(1, UdpProtocol.ANNOUNCE, expected), decode(bytes(VECTOR_3)));
  }

  @Test
  void vector4AnnounceResponseV4() {
    AnnounceResponse response =
        new AnnounceResponse(
            Duration.ofSeconds(1800),
            Duration.ofSeconds(900),
            2,
            1,
            List.of(peer("10.0.0.1", 6881), peer("192.168.1.2", 51413)));
    UdpCodec.writeAnnounce(out, 1, UdpProtocol.ANNOUNCE, AddressFamily.IPV4, response);
    assertArrayEquals(
        bytes(
            "00 00 00 01 00 00 00 01 00 00 07 08 00 00 00 01 00 00 00 02"
                + " 0a 00 00 01 1a e1 c0 a8 01 02 c8 d5"),
        sent(out));
  }

  @Test
  void vector5AnnounceResponseV6() {
    AnnounceResponse response =
        new AnnounceResponse(
            Duration.ofSeconds(1800), Duration.ZERO, 1, 0, List.of(peer("2001:db8::1", 6881)));
    UdpCodec.writeAnnounce(out, 1, UdpProtocol.ANNOUNCE, AddressFamily.IPV6, response);
    assertArrayEquals(
        bytes(
            "00 00 00 01 00 00 00 01 00 00 07 08 00 00 00 00 00 00 00 01"
                + " 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01 1a e1"),
        sent(out));
  }

  @Test
  void vector6ScrapeRequest() {
    UdpRequest decoded = decode(bytes(VECTOR_6));
    UdpRequest.Scrape scrape = assertInstanceOf(UdpRequest.Scrape.class, decoded);
    assertEquals(7, scrape.transactionId());
    ScrapeRequest request = scrape.request();
    assertEquals(AddressFamily.IPV4, request.family());
    assertEquals(List.of(IH, IH2), request.infoHashes());
    assertSame(Params.empty(), request.params());
  }

  @Test
  void vector7ScrapeResponse() {
    ScrapeResponse response =
        new ScrapeResponse(List.of(new Scrape(IH, 5, 3, 10), Scrape.empty(IH2)));
    UdpCodec.writeScrape(out, 7, response);
    assertArrayEquals(
        bytes(
            "00 00 00 02 00 00 00 07 00 00 00 05 00 00 00 0a 00 00 00 03"
                + " 00 00 00 00 00 00 00 00 00 00 00 00"),
        sent(out));
  }

  @Test
  void vector8Error() {
    UdpCodec.writeError(out, 0xdeadbeef, "Info hash not allowed");
    byte[] expected = bytes("00 00 00 03 de ad be ef \"Info hash not allowed\"");
    assertEquals(29, expected.length);
    assertArrayEquals(expected, sent(out));
    assertEquals(29, UdpCodec.errorLength("Info hash not allowed"));
  }

  @Test
  void vector9UrlDataWithAndWithoutTrailingNopNopEnd() {
    String urlData = "02 0c 2f 64 69 72 3f 61 3d 62 26 63 3d 64";
    for (String options : List.of(urlData, urlData + " 01 01 00")) {
      UdpRequest decoded = decode(concat(bytes(VECTOR_3), bytes(options)));
      Params params = assertInstanceOf(UdpRequest.Announce.class, decoded).request().params();
      assertEquals("/dir", params.path(), options);
      assertEquals("b", params.get("a"), options);
      assertEquals("d", params.get("c"), options);
    }
  }
}
