package io.karuta.bittorrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Values and assertions shared by the tests of this package. */
final class Fixtures {
  /** The hex form of the bytes 1 to 20 (chihaya's {@code bittorrent_test.go}). */
  static final String HEX_1_TO_20 = "0102030405060708090a0b0c0d0e0f1011121314";

  /** An info-hash used in many published examples (theory.org's wiki among them). */
  static final InfoHash IH = InfoHash.fromHex("123456789abcdef123456789abcdef123456789a");

  /** A second info-hash: {@code aa} x 20. */
  static final InfoHash IH2 = InfoHash.of(filled(20, 0xAA));

  /** The peer ID of chihaya's params tests. */
  static final String TEST_PEER_ID = "-TEST01-6wfG2wk6wWLc";

  private Fixtures() {}

  /** Returns the bytes 1, 2, …, 20. */
  static byte[] oneTo20() {
    byte[] bytes = new byte[20];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i + 1);
    }
    return bytes;
  }

  /** Returns {@code length} bytes all equal to {@code value}. */
  static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  /** Returns the ISO-8859-1 bytes of {@code text}, one byte per character. */
  static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Returns the peer ID whose 20 bytes are the characters of {@code text}. */
  static PeerId peerId(String text) {
    return PeerId.of(latin1(text));
  }

  /** Returns a peer with the ID 1..20 at {@code ip} and {@code port}. */
  static Peer peer(String ip, int port) {
    return new Peer(PeerId.of(oneTo20()), IpAddress.parse(ip), port);
  }

  /** Returns an announce of {@link #IH} by {@code peer} with the given numwant, otherwise zeros. */
  static AnnounceRequest announce(Peer peer, int numWant, boolean numWantProvided) {
    return new AnnounceRequest(
        IH, peer, Event.NONE, 0, 0, 0, numWant, numWantProvided, true, false, Params.empty());
  }

  /** Returns an IPv4 scrape of {@code infoHashes}. */
  static ScrapeRequest scrape(InfoHash... infoHashes) {
    return new ScrapeRequest(AddressFamily.IPV4, List.of(infoHashes), Params.empty());
  }

  /**
   * Asserts that {@code call} throws a {@link ClientError} with the message of {@code expected}.
   */
  static void assertClientError(ClientError expected, Executable call) {
    ClientError error = assertThrows(ClientError.class, call);
    assertEquals(expected.getMessage(), error.getMessage());
  }
}
