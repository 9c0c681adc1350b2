package io.karuta.frontend.http;

import static io.karuta.frontend.http.HttpFixtures.assertFailure;
import static io.karuta.frontend.http.HttpFixtures.config;
import static io.karuta.frontend.http.HttpFixtures.latin1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.AnnounceRequest;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Event;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Params;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.QueryParser;
import io.karuta.bittorrent.ScrapeRequest;
import io.karuta.config.HttpConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRequestParserTest {
  /** BEP 3's minimal announce: the required parameters only. */
  private static final String MINIMAL =
      "info_hash=%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A&peer_id=-qB4650-abcdefghijkl"
          + "&port=6881&uploaded=0&downloaded=0&left=1000&compact=1";

  private static final String IH_ESCAPED = "%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A";
  private static final InfoHash IH = InfoHash.fromHex("123456789abcdef123456789abcdef123456789a");
  private static final IpAddress CLIENT = IpAddress.parse("203.0.113.7");
  private static final IpAddress CLIENT6 = IpAddress.parse("2001:db8::7");

  private static final HttpRequestParser PLAIN = new HttpRequestParser(config(false, ""));
  private static final HttpRequestParser SPOOFABLE = new HttpRequestParser(config(true, ""));

  /**
   * Returns {@link #MINIMAL} changed by each edit: {@code key=value} replaces the pair of that key
   * or, for a new key, is appended; {@code -key} removes it; {@code +key=value} appends a pair even
   * when the key is already there.
   */
  private static String minimalWith(String... edits) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : MINIMAL.split("&")) {
      pairs.put(pair.substring(0, pair.indexOf('=')), pair);
    }
    int extra = 0;
    for (String edit : edits) {
      if (edit.startsWith("-")) {
        pairs.remove(edit.substring(1));
      } else if (edit.startsWith("+")) {
        pairs.put("+" + extra++, edit.substring(1));
      } else {
        int equals = edit.indexOf('=');
        pairs.put(equals < 0 ? edit : edit.substring(0, equals), edit);
      }
    }
    return String.join("&", pairs.values());
  }

  private static Params params(String query) {
    return QueryParser.parseQuery("/announce", query);
  }

  private static AnnounceRequest announce(String query) {
    return PLAIN.parseAnnounce(params(query), CLIENT);
  }

  private static void assertAnnounceFails(String message, String query) {
    assertFailure(message, () -> announce(query));
  }

  @Test
  void minimalRequestOfProtocolsSection14() {
    Params params = params(MINIMAL);
    AnnounceRequest request = PLAIN.parseAnnounce(params, CLIENT);

    assertEquals(IH, request.infoHash());
    assertArrayEquals(latin1("-qB4650-abcdefghijkl"), request.peer().id().bytes());
    assertEquals(CLIENT, request.peer().ip());
    assertEquals(6881, request.peer().port());
    assertEquals(Event.NONE, request.event());
    assertEquals(0, request.uploaded());
    assertEquals(0, request.downloaded());
    assertEquals(1000, request.left());
    assertTrue(request.compact());
    assertFalse(request.noPeerId());
    assertFalse(request.numWantProvided());
    assertEquals(50, request.numWant(), "the default numwant, applied by the sanitiser");
    assertSame(params, request.params());
  }

  @Test
  void theInfoHashFullyEscapedInLowerCaseIsTheSame() {
    String lower = "%12%34%56%78%9a%bc%de%f1%23%45%67%89%ab%cd%ef%12%34%56%78%9a";
    assertEquals(IH, announce(minimalWith("info_hash=" + lower)).infoHash());
  }

  @ParameterizedTest
  @CsvSource({
    "event=started,   STARTED",
    "event=STARTED,   STARTED",
    "event=stopped,   STOPPED",
    "event=completed, COMPLETED",
    "event=,          NONE",
    "event=none,      NONE",
    "event=empty,     NONE",
    "event=paused,    NONE",
    "event=Paused,    NONE",
    "-event,          NONE"
  })
  void events(String edit, Event expected) {
    assertEquals(expected, announce(minimalWith(edit)).event());
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo", "start", "4", "stopped%20", "paused1"})
  void anUnknownEventFails(String event) {
    assertAnnounceFails("failed to provide valid client event", minimalWith("event=" + event));
  }

  /**
   * {@code compact} and {@code no_peer_id} are true iff present and neither "" nor "0"; an absent
   * {@code compact} means dictionary peers.
   */
  @ParameterizedTest(name = "{1}: {2}")
  @MethodSource("flags")
  void flagTruthTables(String key, String edit, boolean expected) {
    AnnounceRequest request = announce(minimalWith(edit));
    assertEquals(expected, key.equals("compact") ? request.compact() : request.noPeerId());
  }

  static Stream<Arguments> flags() {
    Map<String, Boolean> forms = new LinkedHashMap<>();
    forms.put("", false);
    forms.put("=", false);
    forms.put("=0", false);
    forms.put("=1", true);
    forms.put("=00", true);
    forms.put("=true", true);
    forms.put("=no", true);
    return Stream.of("compact", "no_peer_id")
        .flatMap(
            key ->
                Stream.concat(
                    Stream.of(
                        Arguments.of(key, "-" + key, false),
                        Arguments.of(key, key.toUpperCase(Locale.ROOT) + "=1", true)),
                    forms.entrySet().stream()
                        .map(form -> Arguments.of(key, key + form.getKey(), form.getValue()))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-info_hash                        | no info_hash parameter supplied",
        "+info_hash=%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A | multiple info_hash parameters supplied",
        "+info_hash=aaaaaaaaaaaaaaaaaaaa   | multiple info_hash parameters supplied",
        "-peer_id                          | failed to parse parameter: peer_id",
        "peer_id=                          | failed to provide valid peer_id",
        "peer_id=-qB4650-abcdefghijk       | failed to provide valid peer_id",
        "peer_id=-qB4650-abcdefghijklm     | failed to provide valid peer_id",
        "-left                             | failed to parse parameter: left",
        "-downloaded                       | failed to parse parameter: downloaded",
        "-uploaded                         | failed to parse parameter: uploaded",
        "-port                             | failed to parse parameter: port",
        "port=0                            | invalid port",
        "port=00                           | invalid port",
        "port=65536                        | failed to parse parameter: port",
        "port=99999999999999999999999      | failed to parse parameter: port",
        "port=-1                           | failed to parse parameter: port",
        "port=+1                           | failed to parse parameter: port",
        "port=                             | failed to parse parameter: port",
        "port=http                         | failed to parse parameter: port",
        "port=6881.0                       | failed to parse parameter: port",
        "numwant=                          | failed to parse parameter: numwant",
        "numwant                           | failed to parse parameter: numwant",
        "numwant=-1                        | failed to parse parameter: numwant",
        "numwant=+1                        | failed to parse parameter: numwant",
        "numwant=ten                       | failed to parse parameter: numwant",
        "numwant=4294967296                | failed to parse parameter: numwant",
        "numwant=18446744073709551616      | failed to parse parameter: numwant"
      })
  void announceFailures(String edit, String message) {
    assertAnnounceFails(message, minimalWith(edit));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badCounts")
  void countsAreRequiredDecimalDigitsUpTo2Pow63Minus1(String key, String value) {
    assertAnnounceFails("failed to parse parameter: " + key, minimalWith(key + "=" + value));
  }

  static Stream<Arguments> badCounts() {
    return Stream.of("left", "downloaded", "uploaded")
        .flatMap(
            key ->
                Stream.of(
                        "",
                        "-1",
                        "+1",
                        "-0",
                        "1.5",
                        "1e3",
                        "0x10",
                        "%201",
                        "1%20",
                        "abc",
                        "9223372036854775808",
                        "18446744073709551615",
                        "99999999999999999999")
                    .map(value -> Arguments.of(key, value)));
  }

  @ParameterizedTest
  @CsvSource({
    "0,                          0",
    "1,                          1",
    "00000000000000000000042,    42",
    "9223372036854775806,        9223372036854775806",
    "9223372036854775807,        9223372036854775807"
  })
  void countsAcceptEveryValueUpTo2Pow63Minus1(String value, long expected) {
    AnnounceRequest request =
        announce(minimalWith("left=" + value, "downloaded=" + value, "uploaded=" + value));
    assertEquals(expected, request.left());
    assertEquals(expected, request.downloaded());
    assertEquals(expected, request.uploaded());
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "6881, 6881", "00080, 80", "65535, 65535"})
  void ports(String value, int expected) {
    assertEquals(expected, announce(minimalWith("port=" + value)).peer().port());
  }

  @ParameterizedTest(name = "numwant {0}: {1}, provided {2}")
  @CsvSource({
    "-numwant,           50,  false",
    "numwant=0,          0,   true",
    "numwant=7,          7,   true",
    "numwant=100,        100, true",
    "numwant=101,        100, true",
    "numwant=2147483648, 100, true",
    "numwant=4294967295, 100, true"
  })
  void numWantIsDefaultedAndCapped(String edit, int numWant, boolean provided) {
    AnnounceRequest request = announce(minimalWith(edit));
    assertEquals(numWant, request.numWant());
    assertEquals(provided, request.numWantProvided());
  }

  @ParameterizedTest
  @CsvSource({
    "2147483646, 2147483646",
    "2147483647, 2147483647",
    "2147483648, 2147483647",
    "4294967295, 2147483647"
  })
  void numWantAboveIntMaxIsCappedBeforeTheSanitiser(String value, int expected) {
    HttpConfig base = config(false, "");
    HttpConfig unbounded =
        new HttpConfig(
            base.announceRoutes(),
            base.scrapeRoutes(),
            false,
            "",
            List.of(),
            base.maxQueryLength(),
            Integer.MAX_VALUE,
            base.defaultNumWant(),
            base.maxScrapeInfoHashes());
    AnnounceRequest request =
        new HttpRequestParser(unbounded)
            .parseAnnounce(params(minimalWith("numwant=" + value)), CLIENT);
    assertEquals(expected, request.numWant());
  }

  /**
   * chihaya's frontend/http/parser.go: the order of the checks is the order of the errors. Starting
   * from a request in which every check fails, each step repairs one fault and names the error that
   * is now first.
   */
  @Test
  void errorsComeInChihayasOrder() {
    String twoHashes = "info_hash=" + IH_ESCAPED + "&info_hash=" + IH_ESCAPED;
    String[][] steps = {
      {"", "failed to provide valid client event"},
      {"event=paused", "no info_hash parameter supplied"},
      {twoHashes, "multiple info_hash parameters supplied"},
      {"info_hash=" + IH_ESCAPED, "failed to parse parameter: peer_id"},
      {"peer_id=short", "failed to provide valid peer_id"},
      {"peer_id=-qB4650-abcdefghijkl", "failed to parse parameter: left"},
      {"left=0", "failed to parse parameter: downloaded"},
      {"downloaded=0", "failed to parse parameter: uploaded"},
      {"uploaded=0", "failed to parse parameter: numwant"},
      {"numwant=5", "failed to parse parameter: port"},
      {"port=0", "failed to parse peer IP address"},
      {"ip=192.0.2.1", "invalid port"},
    };
    List<String> edits =
        new ArrayList<>(
            List.of(
                "event=foo",
                "-info_hash",
                "-peer_id",
                "left=-1",
                "downloaded=x",
                "uploaded=",
                "numwant=-5",
                "port=65536",
                "ip=not-an-address"));
    for (String[] step : steps) {
      if (!step[0].isEmpty()) {
        edits.add(step[0]);
      }
      Params params = params(minimalWith(edits.toArray(String[]::new)));
      ClientError error =
          assertThrows(ClientError.class, () -> SPOOFABLE.parseAnnounce(params, CLIENT));
      assertEquals(step[1], error.getMessage(), "after " + step[0]);
    }
    edits.add("port=6881");
    AnnounceRequest request =
        SPOOFABLE.parseAnnounce(params(minimalWith(edits.toArray(String[]::new))), CLIENT);
    assertEquals(new Peer(request.peer().id(), IpAddress.parse("192.0.2.1"), 6881), request.peer());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ip=192.0.2.1",
        "ip=garbage",
        "ip=",
        "ipv4=192.0.2.1",
        "ipv4=192.0.2.1&ipv4=192.0.2.2",
        "ipv4=nonsense&ipv4=999.1.1.1",
        "ipv6=2001:db8::1&ipv6=2001:db8::2",
        "ipv6=[::1]&ipv6=zz",
        "ip=evil.example&ipv4=1.2.3&ipv6=:::"
      })
  void withoutSpoofingTheAddressParametersAreIgnored(String extra) {
    AnnounceRequest request = announce(MINIMAL + "&" + extra);
    assertEquals(CLIENT, request.peer().ip());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ip=192.0.2.1                                    | 192.0.2.1",
        "ipv4=192.0.2.2                                  | 192.0.2.2",
        "ipv6=2001:db8::5                                | 2001:db8::5",
        "ip=192.0.2.1&ipv4=192.0.2.2&ipv6=2001:db8::5    | 192.0.2.1",
        "ipv6=2001:db8::5&ipv4=192.0.2.2                 | 192.0.2.2",
        "ip=%3A%3Affff%3A192.0.2.9                        | 192.0.2.9",
        "ipv4=192.0.2.2&ipv4=192.0.2.3                   | 192.0.2.3"
      })
  void withSpoofingTheFirstPresentAddressParameterIsUsed(String extra, String expected) {
    AnnounceRequest request = SPOOFABLE.parseAnnounce(params(MINIMAL + "&" + extra), CLIENT6);
    assertEquals(IpAddress.parse(expected), request.peer().ip());
  }

  @Test
  void withSpoofingButNoAddressParameterTheClientIsUsed() {
    assertEquals(CLIENT6, SPOOFABLE.parseAnnounce(params(MINIMAL), CLIENT6).peer().ip());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ip=",
        "ip=garbage",
        "ip=localhost",
        "ip=example.com",
        "ip=192.0.2.1:6881",
        "ip=[2001:db8::1]",
        "ip=256.1.1.1",
        "ipv4=1.2.3",
        "ipv6=2001:db8::1%25eth0",
        "ip=bad&ipv4=192.0.2.2"
      })
  void withSpoofingAnUnparsableAddressFails(String extra) {
    assertFailure(
        "failed to parse peer IP address",
        () -> SPOOFABLE.parseAnnounce(params(MINIMAL + "&" + extra), CLIENT));
  }

  @Test
  void scrapeNeedsAnInfoHash() {
    assertFailure(
        "no info_hash parameter supplied",
        () -> PLAIN.parseScrape(params("peer_id=x&ip=192.0.2.1"), CLIENT));
    assertFailure("no info_hash parameter supplied", () -> PLAIN.parseScrape(params(""), CLIENT));
  }

  @Test
  void scrapeIsCutToTheConfiguredMaximumInRequestOrder() {
    List<InfoHash> hashes =
        List.of(
            InfoHash.fromHex("05".repeat(20)),
            InfoHash.fromHex("01".repeat(20)),
            InfoHash.fromHex("05".repeat(20)),
            InfoHash.fromHex("03".repeat(20)),
            InfoHash.fromHex("02".repeat(20)));
    StringBuilder query = new StringBuilder();
    for (InfoHash hash : hashes) {
      query.append("info_hash=").append(escape(hash.bytes())).append('&');
    }
    ScrapeRequest request = PLAIN.parseScrape(params(query.toString()), CLIENT);
    assertEquals(hashes.subList(0, 3), request.infoHashes());
    assertEquals(AddressFamily.IPV4, request.family());
  }

  @Test
  void scrapeFamilyIsTheClientsEvenWithSpoofing() {
    Params params = params("info_hash=" + IH_ESCAPED + "&ip=192.0.2.1");
    ScrapeRequest request = SPOOFABLE.parseScrape(params, CLIENT6);
    assertEquals(AddressFamily.IPV6, request.family());
    assertEquals(List.of(IH), request.infoHashes());
    assertSame(params, request.params());
    assertEquals(AddressFamily.IPV4, PLAIN.parseScrape(params, CLIENT).family());
  }

  private static String escape(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append('%').append(String.format("%02X", b & 0xFF));
    }
    return out.toString();
  }
}
