package io.karuta.frontend.http;

import static io.karuta.frontend.http.HttpFixtures.latin1;
import static io.karuta.frontend.http.HttpFixtures.text;
import static io.karuta.frontend.http.HttpFixtures.wire;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.AnnounceResponse;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.Hex;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Scrape;
import io.karuta.bittorrent.ScrapeResponse;
import io.karuta.bittorrent.bencode.BencodeReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replies compared byte for byte with hand-encoded BEP 3, 23, 7 and 48 replies and chihaya's
 * frontend/http/writer_test.go, then decoded with the strict {@link BencodeReader} to prove them
 * canonical.
 */
class HttpResponseWriterTest {
  private static final InfoHash IH = InfoHash.fromHex("123456789abcdef123456789abcdef123456789a");
  private static final InfoHash IH2 = InfoHash.fromHex("aa".repeat(20));
  private static final String QB = "-qB4650-abcdefghijkl";
  private static final String TR = "-TR3000-mnopqrstuvwx";
  private static final Duration HALF_HOUR = Duration.ofSeconds(1800);

  /** BEP 3: interval and two dictionary peers, encoded by hand. */
  private static final String DICT_VECTOR =
      "d8:intervali1800e5:peersld2:ip8:10.0.0.17:peer id20:-qB4650-abcdefghijkl4:porti6881eed2:ip"
          + "11:2001:db8::17:peer id20:-TR3000-mnopqrstuvwx4:porti51413eeee";

  /** The two peers of the §1.4 vector, without counts or min interval. */
  private static final AnnounceResponse TWO_DICT_PEERS =
      new AnnounceResponse(
          HALF_HOUR,
          Duration.ZERO,
          0,
          0,
          List.of(peer(QB, "10.0.0.1", 6881), peer(TR, "2001:db8::1", 51413)));

  private static Peer peer(String id, String ip, int port) {
    return new Peer(PeerId.of(latin1(id)), IpAddress.parse(ip), port);
  }

  private static AnnounceRequest request(String ip, boolean compact, boolean noPeerId) {
    return new AnnounceRequest(
        IH,
        peer(QB, ip, 6881),
        Event.NONE,
        0,
        0,
        1000,
        50,
        false,
        compact,
        noPeerId,
        Params.empty());
  }

  /** Asserts that the reply is exactly {@code expected} and strict bencode; returns it decoded. */
  private static Map<?, ?> assertReply(byte[] expected, byte[] actual) {
    assertEquals(text(expected), text(actual));
    return (Map<?, ?>) BencodeReader.decode(actual);
  }

  @Test
  void vector10CompactIpv4ReplyWithTwoPeers() {
    AnnounceResponse response =
        new AnnounceResponse(
            HALF_HOUR,
            Duration.ofSeconds(900),
            2,
            1,
            List.of(peer(TR, "10.0.0.1", 6881), peer(TR, "192.168.1.2", 51413)));
    byte[] reply = HttpResponseWriter.announce(request("10.0.0.9", true, false), response);

    byte[] expected =
        wire(
            "d8:completei2e10:incompletei1e8:intervali1800e12:min intervali900e5:peers12:",
            Hex.decode("0a0000011ae1c0a80102c8d5"),
            "e");
    assertEquals(89, reply.length);
    Map<?, ?> decoded = assertReply(expected, reply);
    assertEquals(
        List.of("complete", "incomplete", "interval", "min interval", "peers"),
        List.copyOf(decoded.keySet()));
  }

  @Test
  void vector11CompactIpv6ReplyHasAnEmptyPeersAndPeers6() {
    AnnounceResponse response =
        new AnnounceResponse(
            HALF_HOUR, Duration.ZERO, 1, 0, List.of(peer(TR, "2001:db8::1", 6881)));
    byte[] reply = HttpResponseWriter.announce(request("2001:db8::99", true, false), response);

    byte[] expected =
        wire(
            "d8:completei1e10:incompletei0e8:intervali1800e5:peers0:6:peers618:",
            Hex.decode("20010db8000000000000000000000001" + "1ae1"),
            "e");
    assertEquals(85, reply.length);
    assertReply(expected, reply);
  }

  @Test
  void dictionaryReplyOfProtocolsSection14() {
    byte[] reply = HttpResponseWriter.announce(request("10.0.0.9", false, false), TWO_DICT_PEERS);

    // The vector shows interval and peers only; the counts, always written, sort before both.
    byte[] expected = latin1("d8:completei0e10:incompletei0e" + DICT_VECTOR.substring(1));
    Map<?, ?> decoded = assertReply(expected, reply);
    List<?> peers = (List<?>) decoded.get("peers");
    assertEquals(
        List.of("ip", "peer id", "port"), List.copyOf(((Map<?, ?>) peers.get(1)).keySet()));
  }

  @Test
  void noPeerIdLeavesPeerIdOut() {
    byte[] reply = HttpResponseWriter.announce(request("10.0.0.9", false, true), TWO_DICT_PEERS);

    assertReply(
        latin1(
            "d8:completei0e10:incompletei0e8:intervali1800e5:peersl"
                + "d2:ip8:10.0.0.14:porti6881eed2:ip11:2001:db8::14:porti51413eeee"),
        reply);
  }

  @ParameterizedTest(name = "requester {0}, compact {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "10.0.0.9     | true  | 5:peers0:",
        "2001:db8::99 | true  | 5:peers0:6:peers60:",
        "10.0.0.9     | false | 5:peersle",
        "2001:db8::99 | false | 5:peersle"
      })
  void anEmptySwarmStillHasPeers(String requester, boolean compact, String peers) {
    AnnounceResponse response = AnnounceResponse.initial(HALF_HOUR, Duration.ofSeconds(900));
    byte[] reply = HttpResponseWriter.announce(request(requester, compact, false), response);
    assertReply(
        latin1("d8:completei0e10:incompletei0e8:intervali1800e12:min intervali900e" + peers + "e"),
        reply);
  }

  @Test
  void intervalsAreTruncatedToWholeSecondsAndAZeroMinIntervalIsLeftOut() {
    AnnounceResponse response =
        AnnounceResponse.initial(Duration.ofMillis(1_800_999), Duration.ofMillis(999));
    byte[] reply = HttpResponseWriter.announce(request("10.0.0.9", true, false), response);
    assertReply(latin1("d8:completei0e10:incompletei0e8:intervali1800e5:peers0:e"), reply);

    response = AnnounceResponse.initial(Duration.ofMillis(1_800_999), Duration.ofMillis(1999));
    reply = HttpResponseWriter.announce(request("10.0.0.9", true, false), response);
    assertReply(
        latin1("d8:completei0e10:incompletei0e8:intervali1800e12:min intervali1e5:peers0:e"),
        reply);
  }

  @Test
  void compactRepliesCarryOnlyTheRequestersFamily() {
    List<Peer> mixed =
        List.of(peer(TR, "2001:db8::1", 6881), peer(TR, "10.11.12.1", 1234), peer(TR, "::1", 1));
    AnnounceResponse response = new AnnounceResponse(HALF_HOUR, Duration.ZERO, 3, 0, mixed);

    byte[] v4 = HttpResponseWriter.announce(request("10.0.0.9", true, false), response);
    assertReply(
        wire(
            "d8:completei3e10:incompletei0e8:intervali1800e5:peers6:",
            Hex.decode("0a0b0c0104d2"),
            "e"),
        v4);

    byte[] v6 = HttpResponseWriter.announce(request("2001:db8::99", true, false), response);
    assertReply(
        wire(
            "d8:completei3e10:incompletei0e8:intervali1800e5:peers0:6:peers636:",
            Hex.decode("20010db80000000000000000000000011ae1"),
            Hex.decode("000000000000000000000000000000010001"),
            "e"),
        v6);
  }

  @Test
  void largeRepliesAndTheReusedBuffersStayCorrect() {
    List<Peer> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add(peer(TR, "2001:db8::" + Integer.toHexString(i + 1), 1000 + i));
    }
    AnnounceResponse big = new AnnounceResponse(HALF_HOUR, Duration.ZERO, 0, 1000, many);
    byte[] dict = HttpResponseWriter.announce(request("2001:db8::99", false, false), big);
    assertEquals(1000, ((List<?>) ((Map<?, ?>) BencodeReader.decode(dict)).get("peers")).size());

    byte[] packed = HttpResponseWriter.announce(request("2001:db8::99", true, false), big);
    byte[] peers6 = (byte[]) ((Map<?, ?>) BencodeReader.decode(packed)).get("peers6");
    assertEquals(18_000, peers6.length);
    assertEquals("20010db80000000000000000000003e8" + "07cf", Hex.encode(tail(peers6, 18)));

    // After big replies, a small one has none of their bytes.
    assertReply(
        latin1("d14:failure reason2:oke"), HttpResponseWriter.failure(new ClientError("ok")));
  }

  private static byte[] tail(byte[] bytes, int length) {
    return Arrays.copyOfRange(bytes, bytes.length - length, bytes.length);
  }

  @Test
  void threadsDoNotShareBuffers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String message = "thread " + t;
        ClientError error = new ClientError(message);
        byte[] expected = latin1("d14:failure reason" + message.length() + ":" + message + "e");
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2000; i++) {
                    if (!Arrays.equals(expected, HttpResponseWriter.failure(error))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertEquals(true, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
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
  void failureVectors(String message, String expected) {
    Map<?, ?> decoded =
        assertReply(latin1(expected), HttpResponseWriter.failure(new ClientError(message)));
    assertEquals(message, text((byte[]) decoded.get("failure reason")));
    assertEquals(1, decoded.size(), "no retry in without a retry hint");
  }

  /** BEP 31's {@code retry in}, a bencoded integer of minutes. */
  @Test
  void vector13AFailureWithARetryHintCarriesRetryIn() {
    Map<?, ?> decoded =
        assertReply(
            latin1("d14:failure reason10:overloaded8:retry ini5ee"),
            HttpResponseWriter.failure(new ClientError("overloaded", 5)));
    assertEquals(5L, decoded.get("retry in"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1       | d14:failure reason1:x8:retry ini1ee",
        "60      | d14:failure reason1:x8:retry ini60ee",
        "2147483647 | d14:failure reason1:x8:retry ini2147483647ee"
      })
  void retryInIsTheWholeNumberOfMinutesAfterTheFailureReason(int minutes, String expected) {
    // The strict reader in assertReply refuses keys out of byte order.
    assertReply(latin1(expected), HttpResponseWriter.failure(new ClientError("x", minutes)));
  }

  @Test
  void aFailureMessageIsWrittenAsUtf8() {
    assertArrayEquals(
        wire("d14:failure reason2:", new byte[] {(byte) 0xC3, (byte) 0xA9}, "e"),
        HttpResponseWriter.failure(new ClientError("\u00e9")));
  }

  private static Scrape scrape(InfoHash infoHash, int complete, int incomplete, int downloaded) {
    return new Scrape(infoHash, complete, incomplete, downloaded);
  }

  @Test
  void scrapeOfAKnownAndAnUnknownSwarm() {
    byte[] reply =
        HttpResponseWriter.scrape(
            new ScrapeResponse(List.of(scrape(IH, 5, 3, 10), Scrape.empty(IH2))));
    Map<?, ?> decoded =
        assertReply(
            wire(
                "d5:filesd20:",
                IH.bytes(),
                "d8:completei5e10:downloadedi10e10:incompletei3ee20:",
                IH2.bytes(),
                "d8:completei0e10:downloadedi0e10:incompletei0eeee"),
            reply);
    assertEquals(2, ((Map<?, ?>) decoded.get("files")).size());
  }

  @Test
  void scrapeSortsHashesAsUnsignedBytesAndListsEachOnce() {
    InfoHash low = InfoHash.fromHex("00".repeat(19) + "01");
    InfoHash middle = InfoHash.fromHex("7f" + "ff".repeat(19));
    InfoHash high = InfoHash.fromHex("80" + "00".repeat(19));
    byte[] reply =
        HttpResponseWriter.scrape(
            new ScrapeResponse(
                List.of(
                    scrape(high, 3, 0, 0),
                    scrape(low, 1, 0, 0),
                    scrape(middle, 2, 0, 0),
                    scrape(low, 9, 9, 9),
                    scrape(high, 9, 9, 9))));
    String counts = "d8:completei%de10:downloadedi0e10:incompletei0ee";
    assertReply(
        wire(
            "d5:filesd20:",
            low.bytes(),
            String.format(counts, 1) + "20:",
            middle.bytes(),
            String.format(counts, 2) + "20:",
            high.bytes(),
            String.format(counts, 3) + "ee"),
        reply);
  }

  @Test
  void scrapeWithNoFilesIsAnEmptyDictionary() {
    assertReply(latin1("d5:filesdee"), HttpResponseWriter.scrape(new ScrapeResponse(List.of())));
  }
}
