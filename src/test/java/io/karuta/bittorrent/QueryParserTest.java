package io.karuta.bittorrent;

import static io.karuta.bittorrent.Fixtures.IH;
import static io.karuta.bittorrent.Fixtures.IH2;
import static io.karuta.bittorrent.Fixtures.TEST_PEER_ID;
import static io.karuta.bittorrent.Fixtures.assertClientError;
import static io.karuta.bittorrent.Fixtures.filled;
import static io.karuta.bittorrent.Fixtures.latin1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {

  /** The hex escape of every byte of {@code bytes}, upper case. */
  private static String escaped(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append('%').append(String.format("%02X", b & 0xFF));
    }
    return out.toString();
  }

  // chihaya's bittorrent/params_test.go: (a) empty URL data.

  @ParameterizedTest
  @ValueSource(strings = {"", "/announce"})
  void emptyUrlDataGivesEmptyParams(String path) {
    for (Params params :
        List.of(
            QueryParser.parseUri(path),
            QueryParser.parseUri(path + "?"),
            QueryParser.parseQuery(path, ""),
            QueryParser.parseQuery(path, null))) {
      assertNotNull(params);
      assertEquals(path, params.path());
      assertTrue(params.infoHashes().isEmpty());
      assertFalse(params.has(""));
      assertNull(params.get("info_hash"));
    }
  }

  @Test
  void emptyParamsHaveNothing() {
    Params empty = Params.empty();

    assertEquals("", empty.path());
    assertTrue(empty.infoHashes().isEmpty());
    assertNull(empty.get("peer_id"));
    assertNull(empty.bytes("peer_id"));
    assertNull(empty.routeParam("passkey"));
  }

  // (b) valid argument sets round-trip through URL encoding.

  private static Map<String, String> args(String... keysAndValues) {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      args.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return args;
  }

  private static Map<String, String> base(String... more) {
    Map<String, String> args =
        args("peer_id", TEST_PEER_ID, "port", "6881", "downloaded", "1234", "left", "4321");
    args.putAll(args(more));
    return args;
  }

  static List<Map<String, String>> validArgumentSets() {
    return List.of(
        args(),
        base(),
        base("ip", "192.168.0.1"),
        base("ip", "192.168.0.1", "numwant", "28"),
        base("ip", "192.168.0.1", "event", "stopped"),
        base("ip", "192.168.0.1", "event", "started", "numwant", "13"),
        base("no_peer_id", "1"),
        base("compact", "0", "no_peer_id", "1"),
        base("compact", "0", "no_peer_id", "1", "key", "peerKey"),
        base("compact", "0", "no_peer_id", "1", "key", "peerKey", "trackerid", "trackerId"),
        // chihaya's literal, and the same with the real byte 0x90 that URL encoding escapes.
        base("peer_id", "%3Ckey%3A+0x90%3E", "key", "peer key", "trackerid", "a&b=c;d"),
        args("peer_id", "<key:\u0090>", "compact", "1"),
        args("peer_id", "", "compact", ""));
  }

  private static final Set<String> ALL_KEYS =
      validArgumentSets().stream()
          .flatMap(args -> args.keySet().stream())
          .collect(Collectors.toCollection(TreeSet::new));

  @ParameterizedTest
  @MethodSource("validArgumentSets")
  void urlEncodedArgumentsRoundTrip(Map<String, String> args) {
    String query =
        args.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));

    Params params = QueryParser.parseUri("/announce?" + query);

    assertEquals("/announce", params.path());
    assertTrue(params.infoHashes().isEmpty());
    for (String key : ALL_KEYS) {
      assertEquals(args.get(key), params.get(key), key);
      assertEquals(args.containsKey(key), params.has(key), key);
    }
  }

  /** Form-encodes the ISO-8859-1 bytes of {@code text}, as a client encodes binary values. */
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.ISO_8859_1);
  }

  @Test
  void theRoundTripKeepsTheByte0x90() {
    Params params = QueryParser.parseUri("/announce?peer_id=%3Ckey_%90%3E");
    assertArrayEquals(
        new byte[] {'<', 'k', 'e', 'y', '_', (byte) 0x90, '>'}, params.bytes("peer_id"));
  }

  // (c) invalid escapes, which no client sends and which must not decode to some other byte.

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/announce?info_hash=%0%a",
        "/announce?peer_id=%G1",
        "/announce?peer_id=%1G",
        "/announce?peer_id=abc%1",
        "/announce?peer_id=abc%",
        "/announce?key=%",
        "/announce?key=%%41",
        "/announce?key=%-1",
        "/announce?key=% 1",
        "/announce?%ZZ=1",
        "/announce?a%=1",
        "/announce?a=1&b=%4",
        "/announce?a=%4&b=1",
        // Non-ASCII digits, which Character.digit would accept.
        "/announce?peer_id=%\u0661\u0662",
        "/announce?peer_id=%\uff41\uff42"
      })
  void badEscapesAreClientErrors(String uri) {
    assertClientError(new ClientError("invalid query escape"), () -> QueryParser.parseUri(uri));
  }

  // (d) must not panic (chihaya issue #334).

  @Test
  void oddPairsAfterAnInfoHashDoNotFail() {
    Params trailingKey =
        assertDoesNotThrow(
            () -> QueryParser.parseUri("/annnounce?info_hash=" + TEST_PEER_ID + "&a"));
    Params emptyKey =
        assertDoesNotThrow(
            () -> QueryParser.parseUri("/annnounce?info_hash=" + TEST_PEER_ID + "&=b?"));

    assertEquals("/annnounce", trailingKey.path());
    assertEquals(List.of(InfoHash.of(latin1(TEST_PEER_ID))), trailingKey.infoHashes());
    assertEquals("", trailingKey.get("a"));
    assertEquals(List.of(InfoHash.of(latin1(TEST_PEER_ID))), emptyKey.infoHashes());
    assertEquals("b?", emptyKey.get(""));
  }

  // Pair syntax.

  /** Asserts the values of {@code expected} and that no pair gave an empty key. */
  private static void assertValues(Map<String, String> expected, Params params) {
    expected.forEach((key, value) -> assertEquals(value, params.get(key), key));
    assertFalse(params.has(""), "an empty key");
  }

  @Test
  void ampersandAndSemicolonBothSeparatePairs() {
    assertValues(
        Map.of("a", "1", "b", "2", "c", "3", "d", "4"),
        QueryParser.parseQuery("/announce", "a=1;b=2&c=3;d=4"));
  }

  @Test
  void emptyPairsAreSkipped() {
    assertValues(Map.of("a", "1", "b", "2"), QueryParser.parseQuery("/announce", "&&a=1;;&b=2&;"));
    assertValues(Map.of(), QueryParser.parseQuery("/announce", "&;&&"));
  }

  @Test
  void aPairWithoutEqualsHasAnEmptyValue() {
    Params params = QueryParser.parseQuery("/announce", "flag&x=1&other");

    assertTrue(params.has("flag"));
    assertEquals("", params.get("flag"));
    assertArrayEquals(new byte[0], params.bytes("flag"));
    assertEquals("", params.get("other"));
    assertFalse(params.has("missing"));
  }

  @Test
  void onlyTheFirstEqualsSplitsAPair() {
    assertEquals("b=c", QueryParser.parseQuery("/", "a=b=c").get("a"));
  }

  @Test
  void escapedSeparatorsAreData() {
    assertValues(
        Map.of("a", "1&2;3=4", "b=c", "5"), QueryParser.parseQuery("/", "a=1%262%3B3%3D4&b%3Dc=5"));
  }

  @Test
  void keysAreLowerCased() {
    Params params = QueryParser.parseQuery("/announce", "NUMWANT=5&Peer_Id=x&K%45Y=v");

    assertValues(Map.of("numwant", "5", "peer_id", "x", "key", "v"), params);
    assertNull(params.get("NUMWANT"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"info_hash", "INFO_HASH", "Info_Hash", "info%5Fhash", "INFO%5fHASH"})
  void everySpellingOfInfoHashIsAnInfoHash(String key) {
    Params params = QueryParser.parseQuery("/announce", key + "=" + escaped(IH.bytes()));

    assertEquals(List.of(IH), params.infoHashes());
    assertFalse(params.has("info_hash"));
  }

  @Test
  void theLastValueWinsForOtherKeys() {
    assertValues(
        Map.of("numwant", "3", "a", ""),
        QueryParser.parseQuery("/announce", "numwant=1&NumWant=2&numwant=3&a=x&a"));
  }

  @Test
  void everyInfoHashIsKeptInOrderWithDuplicates() {
    String ih = "info_hash=" + escaped(IH.bytes());
    String ih2 = "INFO_HASH=" + escaped(IH2.bytes());
    Params params = QueryParser.parseQuery("/scrape", ih + "&" + ih2 + ";x=1&" + ih);

    assertEquals(List.of(IH, IH2, IH), params.infoHashes());
    assertEquals("1", params.get("x"));
  }

  // BEP 3: info_hash is exactly 20 bytes.

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 19, 21, 32})
  void anInfoHashOfAnotherLengthIsAClientError(int length) {
    String query = "info_hash=" + escaped(filled(length, 0x41));
    assertClientError(
        new ClientError("provided invalid infohash"),
        () -> QueryParser.parseQuery("/announce", query));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "info_hash",
        "info_hash=",
        "info_hash=%12%34",
        "a=1&info_hash=aaaaaaaaaaaaaaaaaaa&b=2",
        "info_hash=aaaaaaaaaaaaaaaaaaaa&info_hash=aaaaaaaaaaaaaaaaaaaaa"
      })
  void aMissingOrShortInfoHashValueIsAClientError(String query) {
    assertClientError(
        ClientError.INVALID_INFOHASH, () -> QueryParser.parseQuery("/announce", query));
  }

  // Every escaping clients use (upper or lower hex, unreserved bytes left raw) is the same
  // info-hash.

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A",
        "%12%34%56%78%9A%BC%DE%F1%23%45%67%89%AB%CD%EF%12%34%56%78%9A",
        "%12%34%56%78%9a%bc%de%f1%23%45%67%89%ab%cd%ef%12%34%56%78%9a",
        "%124Vx%9a%bc%de%f1%23Eg%89%ab%cd%ef%124Vx%9a",
        "%12%34Vx%9a%Bc%dE%F1%23E%67%89%ab%CD%eF%124%56x%9A"
      })
  void everyEscapingOfIhIsIh(String value) {
    assertEquals(List.of(IH), QueryParser.parseUri("/announce?info_hash=" + value).infoHashes());
  }

  // A raw '+' is a byte in info_hash and peer_id (some clients leave it unescaped), a space
  // elsewhere.

  @Test
  void aRawPlusIsByte2bInInfoHash() {
    InfoHash plus = InfoHash.of(filled(20, 0x2B));

    assertEquals(
        List.of(plus),
        QueryParser.parseUri("/announce?info_hash=++++++++++++++++++++").infoHashes());
    assertEquals(
        List.of(plus),
        QueryParser.parseUri("/announce?info_hash=" + "%2B".repeat(20)).infoHashes());
    assertEquals(
        List.of(plus),
        QueryParser.parseUri("/announce?INFO_HASH=" + "+%2b".repeat(10)).infoHashes());
  }

  @Test
  void aRawPlusIsByte2bInPeerId() {
    assertArrayEquals(new byte[] {0x2B}, QueryParser.parseUri("/a?peer_id=+").bytes("peer_id"));
    assertEquals("-qB+650-abc+", QueryParser.parseUri("/a?PEER_ID=-qB+650-abc%2B").get("peer_id"));
  }

  @Test
  void aRawPlusIsASpaceElsewhere() {
    Params params = QueryParser.parseUri("/a?key=a+b&trackerid=%2B+&x+y=1");

    assertEquals("a b", params.get("key"));
    assertEquals("+ ", params.get("trackerid"));
    assertEquals("1", params.get("x y"));
  }

  // Binary values survive byte for byte.

  @Test
  void everyByteSurvivesInPeerId() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }

    Params upper = QueryParser.parseUri("/announce?peer_id=" + escaped(all));
    Params lower =
        QueryParser.parseUri("/announce?peer_id=" + escaped(all).toLowerCase(Locale.ROOT));

    assertArrayEquals(all, upper.bytes("peer_id"));
    assertArrayEquals(all, lower.bytes("peer_id"));
    assertEquals(256, upper.get("peer_id").length());
  }

  @Test
  void everyByteSurvivesInInfoHash() {
    for (int first = 0; first < 256; first += 20) {
      byte[] bytes = new byte[20];
      for (int i = 0; i < 20; i++) {
        bytes[i] = (byte) (first + i);
      }
      Params params = QueryParser.parseUri("/announce?info_hash=" + escaped(bytes));
      assertArrayEquals(bytes, params.infoHashes().get(0).bytes());
    }
  }

  @Test
  void aRawCharacterBeyondLatin1BecomesOneQuestionMark() {
    Params params = QueryParser.parseQuery("/", "x=\u00e9\u20ac");

    assertArrayEquals(new byte[] {(byte) 0xE9, '?'}, params.bytes("x"));
  }

  // The path.

  @Test
  void theRawPathIsKeptUpToTheFirstQuestionMark() {
    Params params = QueryParser.parseUri("/pass%20key/announce?a=b?c");

    assertEquals("/pass%20key/announce", params.path());
    assertEquals("b?c", params.get("a"));
  }

  @Test
  void parseQueryTakesThePathAsGiven() {
    Params params = QueryParser.parseQuery("/scrape", "info_hash=" + escaped(IH.bytes()));

    assertEquals("/scrape", params.path());
    assertEquals(List.of(IH), params.infoHashes());
    assertEquals("/scrape", QueryParser.parseQuery("/scrape", null).path());
  }

  // Params.toString and route parameters.

  @Test
  void textShowsKeysButNoValuesAndNoPath() {
    Params params =
        QueryParser.parseUri(
                "/s3cr3tPasskey/announce?passkey=s3cr3tValue&jwt=t0ken&info_hash="
                    + escaped(IH.bytes()))
            .withRouteParams(Map.of("passkey", "s3cr3tPasskey"));
    String text = params.toString();

    assertTrue(text.contains("passkey"), text);
    assertTrue(text.contains("jwt"), text);
    assertFalse(text.contains("s3cr3t"), text);
    assertFalse(text.contains("t0ken"), text);
    assertFalse(text.contains(IH.toString()), text);
  }

  @Test
  void withRouteParamsAddsThemToACopy() {
    Params params = QueryParser.parseUri("/abc/announce?a=1&info_hash=" + escaped(IH.bytes()));
    Map<String, String> route = new HashMap<>(Map.of("passkey", "abc"));

    Params routed = params.withRouteParams(route);
    route.put("passkey", "changed");

    assertEquals("abc", routed.routeParam("passkey"));
    assertNull(routed.routeParam("other"));
    assertNull(params.routeParam("passkey"));
    assertEquals("/abc/announce", routed.path());
    assertEquals("1", routed.get("a"));
    assertEquals(List.of(IH), routed.infoHashes());
  }

  @Test
  void withRouteParamsReplacesEarlierOnes() {
    Params params = QueryParser.parseUri("/announce?a=1");
    Params routed = params.withRouteParams(Map.of("passkey", "abc"));

    assertSame(params, params.withRouteParams(Map.of()));
    assertEquals("xyz", routed.withRouteParams(Map.of("passkey", "xyz")).routeParam("passkey"));
    assertNull(routed.withRouteParams(Map.of()).routeParam("passkey"));
  }

  @Test
  void paramsAreImmutable() {
    Params params = QueryParser.parseUri("/a?x=1&info_hash=" + escaped(IH.bytes()));
    byte[] bytes = params.bytes("x");
    bytes[0] = '2';

    assertEquals("1", params.get("x"));
    assertThrows(UnsupportedOperationException.class, () -> params.infoHashes().add(IH2));
    assertThrows(UnsupportedOperationException.class, () -> params.infoHashes().clear());
  }

  @Test
  void aPathSegmentIsPercentDecodedWithPlusKept() {
    String plain = "abc123";
    assertSame(plain, QueryParser.decodePathSegment(plain), "nothing to decode: no copy");
    assertEquals("s3cret", QueryParser.decodePathSegment("s3%63ret"));
    assertEquals("a/b c+d\u00ff", QueryParser.decodePathSegment("a%2Fb%20c+d%FF"));
    assertClientError(
        ClientError.INVALID_QUERY_ESCAPE, () -> QueryParser.decodePathSegment("abc%2"));
    assertClientError(
        ClientError.INVALID_QUERY_ESCAPE, () -> QueryParser.decodePathSegment("abc%zz"));
  }
}
