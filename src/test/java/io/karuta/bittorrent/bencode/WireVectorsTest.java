package io.karuta.bittorrent.bencode;

import static io.karuta.bittorrent.bencode.Trees.encodable;
import static io.karuta.bittorrent.bencode.Trees.latin1;
import static io.karuta.bittorrent.bencode.Trees.text;
import static io.karuta.bittorrent.bencode.Trees.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karuta.bittorrent.Hex;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tracker replies from chihaya's frontend/http/writer_test.go and hand-encoded BEP 3, 23, 7, 31 and
 * 48 examples, written with {@link BencodeWriter} and compared byte for byte, then decoded back.
 */
class WireVectorsTest {
  private static final byte[] IH = Hex.decode("123456789abcdef123456789abcdef123456789a");
  private static final byte[] IH2 = Hex.decode("aa".repeat(20));

  private final BencodeWriter w = new BencodeWriter();

  /** Asserts the writer's document is exactly expected, decodes it and re-encodes the tree. */
  private Map<?, ?> assertWritten(byte[] expected) {
    assertEquals(text(expected), text(w.toByteArray()));
    Object decoded = BencodeReader.decode(expected);
    assertArrayEquals(expected, Bencode.encode(encodable(decoded)), "decode then encode");
    return (Map<?, ?>) decoded;
  }

  private void failure(String reason) {
    w.beginDict().key("failure reason").value(reason);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hello world          | d14:failure reason11:hello worlde",
        "what's up            | d14:failure reason9:what's upe",
        "something is missing | d14:failure reason20:something is missinge",
        "invalid info_hash    | d14:failure reason17:invalid info_hashe"
      })
  void writesFailureReplies(String reason, String expected) {
    failure(reason);
    w.endDict();
    assertEquals(reason, text((byte[]) assertWritten(latin1(expected)).get("failure reason")));
  }

  @Test
  void vector10CompactReplyWithTwoPeers() {
    byte[] peers = Hex.decode("0a0000011ae1c0a80102c8d5");
    w.beginDict().key("complete").value(2).key("incomplete").value(1);
    w.key("interval").value(1800).key("min interval").value(900).key("peers").value(peers);
    w.endDict();

    byte[] expected =
        wire("d8:completei2e10:incompletei1e8:intervali1800e12:min intervali900e5:peers12:", peers);
    expected = wire(expected, "e");
    assertEquals(89, expected.length);
    Map<?, ?> reply = assertWritten(expected);
    assertEquals(
        List.of("complete", "incomplete", "interval", "min interval", "peers"),
        List.copyOf(reply.keySet()));
    assertArrayEquals(peers, (byte[]) reply.get("peers"));
  }

  @Test
  void vector11Peers6Reply() {
    byte[] peers6 = Hex.decode("20010db8000000000000000000000001" + "1ae1");
    w.beginDict().key("complete").value(1).key("incomplete").value(0).key("interval").value(1800);
    w.key("peers").value(new byte[0]).key("peers6").value(peers6).endDict();

    byte[] expected =
        wire("d8:completei1e10:incompletei0e8:intervali1800e5:peers0:6:peers618:", peers6, "e");
    assertEquals(85, expected.length);
    assertArrayEquals(peers6, (byte[]) assertWritten(expected).get("peers6"));
  }

  @Test
  void vector12ExternalIpTrackerIdAndWarning() {
    byte[] ip = Hex.decode("cb007107");
    w.beginDict().key("complete").value(0).key("external ip").value(ip);
    w.key("incomplete").value(1).key("interval").value(1800).key("peers").value("");
    w.key("tracker id").value("abc").key("warning message").value("w").endDict();

    assertWritten(
        wire(
            "d8:completei0e11:external ip4:",
            ip,
            "10:incompletei1e8:intervali1800e5:peers0:10:tracker id3:abc15:warning message1:we"));
  }

  @Test
  void vector13RetryInNever() {
    failure("not a tracker");
    w.key("retry in").value("never").endDict();
    assertWritten(latin1("d14:failure reason13:not a tracker8:retry in5:nevere"));
  }

  @Test
  void vector13RetryInMinutes() {
    failure("overloaded");
    w.key("retry in").value(5).endDict();
    assertEquals(
        5L, assertWritten(latin1("d14:failure reason10:overloaded8:retry ini5ee")).get("retry in"));
  }

  @Test
  void dictModelReplyWithTwoPeers() {
    w.beginDict().key("interval").value(1800).key("peers").beginList();
    dictPeer("10.0.0.1", "-qB4650-abcdefghijkl", 6881);
    dictPeer("2001:db8::1", "-TR3000-mnopqrstuvwx", 51413);
    w.endList().endDict();

    assertWritten(
        latin1(
            "d8:intervali1800e5:peersld2:ip8:10.0.0.17:peer id20:-qB4650-abcdefghijkl4:porti6881ee"
                + "d2:ip11:2001:db8::17:peer id20:-TR3000-mnopqrstuvwx4:porti51413eeee"));
  }

  private void dictPeer(String ip, String peerId, int port) {
    w.beginDict().key("ip").value(ip).key("peer id").value(latin1(peerId));
    w.key("port").value(port).endDict();
  }

  @Test
  void chihayaCompactExampleAndBep7Example() {
    w.beginDict().key("complete").value(1).key("incomplete").value(0).key("interval").value(1800);
    w.key("min interval").value(900).key("peers").value(Hex.decode("7f0000011ae1")).endDict();
    assertWritten(
        wire(
            "d8:completei1e10:incompletei0e8:intervali1800e12:min intervali900e5:peers6:",
            Hex.decode("7f0000011ae1"),
            "e"));

    w.reset();
    w.beginDict().key("interval").value(1800).key("peers").value("iiiipp");
    w.key("peers6").value("iiiiiiiiiiiiiiiipp").endDict();
    assertWritten(latin1("d8:intervali1800e5:peers6:iiiipp6:peers618:iiiiiiiiiiiiiiiippe"));
  }

  @Test
  void scrapeWithTwoHashesAndFlags() {
    w.beginDict().key("files").beginDict();
    scrapeFile(IH, 1, 2, 0);
    scrapeFile(IH2, 5, 10, 3);
    w.endDict().key("flags").beginDict().key("min_request_interval").value(900).endDict();
    w.endDict();

    Map<?, ?> reply =
        assertWritten(
            wire(
                "d5:filesd20:",
                IH,
                "d8:completei1e10:downloadedi2e10:incompletei0ee20:",
                IH2,
                "d8:completei5e10:downloadedi10e10:incompletei3eee",
                "5:flagsd20:min_request_intervali900eee"));
    Map<?, ?> files = (Map<?, ?>) reply.get("files");
    assertEquals(List.of(text(IH), text(IH2)), List.copyOf(files.keySet()));
  }

  // BEP 48's example lacks the "e" that closes each file's dictionary,
  // so it is cut short; its JSON rendering shows the two files that the writer is asked for here.
  private static final String BEP48_LITERAL =
      "d5:filesd20:xxxxxxxxxxxxxxxxxxxxd8:completei11e10:downloadedi13772e10:incompletei19e"
          + "20:yyyyyyyyyyyyyyyyyyyyd8:completei21e10:downloadedi206e10:incompletei20eee";

  @Test
  void scrapeExampleFromBep48AsItsJsonMeansIt() {
    w.beginDict().key("files").beginDict();
    scrapeFile(latin1("x".repeat(20)), 11, 13772, 19);
    scrapeFile(latin1("y".repeat(20)), 21, 206, 20);
    w.endDict().endDict();

    assertWritten(
        latin1(
            "d5:filesd20:xxxxxxxxxxxxxxxxxxxxd8:completei11e10:downloadedi13772e10:incompletei19ee"
                + "20:yyyyyyyyyyyyyyyyyyyyd8:completei21e10:downloadedi206e10:incompletei20eeee"));
  }

  @Test
  void scrapeExampleFromBep48AsPrintedIsCutShort() {
    BencodeException e =
        assertThrows(BencodeException.class, () -> BencodeReader.decode(latin1(BEP48_LITERAL)));
    assertEquals("bencode: short read", e.getMessage());
  }

  private void scrapeFile(byte[] infoHash, long complete, long downloaded, long incomplete) {
    w.key(infoHash).beginDict().key("complete").value(complete);
    w.key("downloaded").value(downloaded).key("incomplete").value(incomplete).endDict();
  }

  @Test
  void scrapeRefusesHashesOutOfOrder() {
    w.beginDict().key("files").beginDict();
    scrapeFile(IH2, 0, 0, 0);
    assertThrows(IllegalStateException.class, () -> w.key(IH));
  }
}
