package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.it.AnnounceLoop.Kind;
import io.karuta.it.AnnounceLoop.Outcome;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built-in pre-hooks on a deployed Karuta: one Payara Micro JVM ({@code
 * target/karuta-micro.jar}, memory store) whose YAML lists {@code client approval}, {@code torrent
 * approval} (a whitelist file re-read every second), {@code passkey} (a passkeys file, with {@code
 * /:passkey/} routes) and {@code interval variation}, in that order. Over HTTP and UDP on loopback,
 * each hook refuses with its fixed text and lets the rest through, the first hook in the list
 * decides, and a change of the torrent file takes effect under load without failing any request.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuiltInHooksIT {
  private static final Duration STARTUP = Duration.ofSeconds(150);
  private static final String PASSKEY = "0f3a9c6e2b7d41a8b5c3e9f0d2a4c6e8";
  private static final String BANNED_PEER = "-BL0001-000000000001";
  private static final String PEER = "-KR0001-000000000001";
  private static final long ANNOUNCE_INTERVAL = 1800;

  private static final String CLIENT = "unapproved client";
  private static final String TORRENT = "unapproved torrent";
  private static final String MISSING = "unapproved request: missing passkey";
  private static final String INVALID = "unapproved request: invalid passkey";

  /** Hash A is in the torrent file from the start; hash B is added while announcing. */
  private static final byte[] A = Announce.randomInfoHash();

  private static final byte[] B = Announce.randomInfoHash();

  private static Path files;
  private static Path torrents;
  private static KarutaProcess tracker;

  /** Shows the end of the tracker's log when a test fails. */
  @RegisterExtension
  static final LogsOnFailure LOGS =
      new LogsOnFailure("BuiltInHooksIT", () -> "tracker: " + tracker);

  @BeforeAll
  static void start() throws Exception {
    files = Files.createTempDirectory("karuta-hooks");
    torrents = files.resolve("torrents.txt");
    Files.writeString(torrents, "# approved\n" + hex(A) + "\n");
    Path passkeys = Files.writeString(files.resolve("passkeys.txt"), "# alice\n" + PASSKEY + "\n");
    long started = System.nanoTime();
    tracker = KarutaProcess.launch("built-in-hooks", config(torrents, passkeys));
    tracker.awaitReady(STARTUP);
    System.out.printf("BuiltInHooksIT: ready in %d ms%n", millisSince(started));
  }

  /** The YAML; {@link KarutaProcess} adds the UDP address. */
  static String config(Path torrentFile, Path passkeysFile) {
    return "karuta:\n"
        + "  announce_interval: "
        + ANNOUNCE_INTERVAL
        + "s\n"
        + "  http:\n"
        + "    announce_routes: [/announce, /:passkey/announce]\n"
        + "    scrape_routes: [/scrape, /:passkey/scrape]\n"
        + "  prehooks:\n"
        + "    - name: client approval\n"
        + "      options:\n"
        + "        blacklist: [BL0001]\n"
        + "    - name: torrent approval\n"
        + "      options:\n"
        + "        mode: whitelist\n"
        + "        file: "
        + torrentFile
        + "\n        reload_interval: 1s\n"
        + "    - name: passkey\n"
        + "      options:\n"
        + "        passkeys_file: "
        + passkeysFile
        + "\n    - name: interval variation\n"
        + "      options:\n"
        + "        modify_response_probability: 1\n"
        + "        max_increase_delta: 60\n";
  }

  @AfterAll
  static void stop() throws Exception {
    if (tracker != null) {
      tracker.stop();
    }
    if (files != null) {
      try (var paths = Files.walk(files)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  @Order(1)
  void eachHookRefusesWithItsTextOverHttp() {
    assertEquals(CLIENT, httpAnnounce(PASSKEY, A, BANNED_PEER).failure());
    assertEquals(TORRENT, httpAnnounce(PASSKEY, B, PEER).failure());
    assertEquals(MISSING, httpAnnounce(null, A, PEER).failure());
    assertEquals(INVALID, httpAnnounce("wrong" + PASSKEY, A, PEER).failure());
    assertEquals(INVALID, tracker.http().get("/announce?passkey=nope&" + query(A, PEER)).failure());
  }

  @Test
  @Order(2)
  void aValidAnnounceOverHttpGetsAVariedInterval() {
    for (String path :
        List.of("/" + PASSKEY + "/announce?", "/announce?passkey=" + PASSKEY + "&")) {
      TrackerClient.Reply reply = tracker.http().get(path + query(A, PEER));
      assertEquals(null, reply.failure(), path);
      long interval = (Long) reply.dict().get("interval");
      assertTrue(
          interval > ANNOUNCE_INTERVAL && interval <= ANNOUNCE_INTERVAL + 60,
          "interval with variation: " + interval);
      assertTrue(reply.dict().get("peers") instanceof byte[], reply.text());
    }
  }

  @Test
  @Order(3)
  void eachHookRefusesWithItsTextOverUdpAndAValidAnnounceGetsAVariedInterval() {
    assertEquals(CLIENT, udpError(udpAnnounce(PASSKEY, A, BANNED_PEER)));
    assertEquals(TORRENT, udpError(udpAnnounce(PASSKEY, B, PEER)));
    assertEquals(MISSING, udpError(udpAnnounce(null, A, PEER)));
    assertEquals(INVALID, udpError(udpAnnounce("wrong" + PASSKEY, A, PEER)));
    ByteBuffer ok = ByteBuffer.wrap(udpAnnounce(PASSKEY, A, PEER).reply());
    assertEquals(1, ok.getInt(0), "announce action");
    int interval = ok.getInt(8);
    assertTrue(
        interval > ANNOUNCE_INTERVAL && interval <= ANNOUNCE_INTERVAL + 60,
        "UDP interval with variation: " + interval);
  }

  @Test
  @Order(4)
  void theFirstHookInTheListDecides() {
    // Banned client, unapproved torrent and no passkey: client approval comes first in the YAML.
    assertEquals(CLIENT, httpAnnounce(null, B, BANNED_PEER).failure());
    assertEquals(CLIENT, udpError(udpAnnounce(null, B, BANNED_PEER)));
    // Without the banned client, torrent approval (second) decides before passkey (third).
    assertEquals(TORRENT, httpAnnounce(null, B, PEER).failure());
    assertEquals(TORRENT, udpError(udpAnnounce(null, B, PEER)));
  }

  @Test
  @Order(5)
  void aTorrentFileChangedWhileAnnouncingTakesEffectWithoutFailingARequest() throws Exception {
    AnnounceLoop http =
        AnnounceLoop.http(
            "HTTP, hash B",
            tracker.http(),
            "/" + PASSKEY + "/announce?" + query(B, "-KR0001-000000000077"),
            "d14:failure reason" + TORRENT.length() + ":" + TORRENT + "e",
            interval -> interval > ANNOUNCE_INTERVAL && interval <= ANNOUNCE_INTERVAL + 60);
    AnnounceLoop udp =
        AnnounceLoop.udp(
            "UDP, hash B",
            tracker.udp(),
            B,
            UdpTrackerClient.urlData("/announce?passkey=" + PASSKEY),
            TORRENT);
    long start = System.nanoTime();
    long switched;
    try {
      awaitTrue("both refused before the switch", () -> bothCount(http, udp, start, Kind.REFUSED));
      switched = System.nanoTime();
      replaceTorrentFile(A, B);
      Poll.until(
          "hash B announces",
          Duration.ofSeconds(15),
          () -> bothCount(http, udp, start, Kind.ANNOUNCED));
      System.out.printf(
          "BuiltInHooksIT: the change took effect %d ms after the move%n", millisSince(switched));
      Thread.sleep(500); // some announces after the first success
    } finally {
      http.stop();
      udp.stop();
    }
    for (AnnounceLoop loop : List.of(http, udp)) {
      System.out.println("BuiltInHooksIT: " + loop);
      List<Outcome> all = loop.since(start);
      assertEquals(
          List.of(),
          all.stream().filter(o -> o.kind() == Kind.WRONG).toList(),
          loop + ": replies other than an announce or " + TORRENT);
      int first = firstAnnounced(all);
      assertTrue(first > 0, loop + ": refused before the switch, announced after it");
      assertTrue(
          all.get(first).sentNanos() - switched > 0, loop + ": no announce before the switch");
      assertEquals(
          List.of(),
          all.subList(first, all.size()).stream().filter(o -> o.kind() != Kind.ANNOUNCED).toList(),
          loop + ": refused again after the first success");
    }
    assertFalse(tracker.log().contains("[SEVERE]"), "no error logged; " + tracker);
  }

  @Test
  @Order(6)
  void aScrapeOfATorrentNoLongerApprovedCountsZero() throws Exception {
    // B has a seeder from the loops; A has the leecher announced above. Remove A from the list.
    TrackerClient http = tracker.http();
    long[] before = Swarms.counts(http.get("/" + PASSKEY + Swarms.scrapePath(A)), A);
    assertTrue(before[2] >= 1, "A counts its leecher while approved: " + Arrays.toString(before));
    replaceTorrentFile(B);
    awaitTrue(
        "hash A refused again", () -> TORRENT.equals(httpAnnounce(PASSKEY, A, PEER).failure()));
    long[] a = Swarms.counts(http.get("/" + PASSKEY + Swarms.scrapePath(A)), A);
    assertArrayEquals(new long[] {0, 0, 0}, a, "a torrent no longer approved counts zero");
    long[] b = Swarms.counts(http.get("/" + PASSKEY + Swarms.scrapePath(B)), B);
    assertTrue(b[0] >= 1, "an approved torrent counts its seeders: " + Arrays.toString(b));
    byte[] never = Announce.randomInfoHash();
    assertArrayEquals(
        new long[] {0, 0, 0},
        Swarms.counts(http.get("/" + PASSKEY + Swarms.scrapePath(never)), never),
        "a torrent never approved counts zero");
  }

  /** Writes the new list next to the file, then moves it over the old one in one step. */
  private static void replaceTorrentFile(byte[]... hashes) throws Exception {
    StringBuilder text = new StringBuilder("# approved\n");
    for (byte[] hash : hashes) {
      text.append(hex(hash)).append('\n');
    }
    Path next = Files.writeString(files.resolve("torrents.txt.new"), text);
    Files.move(next, torrents, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int firstAnnounced(List<Outcome> all) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).kind() == Kind.ANNOUNCED) {
        return i;
      }
    }
    return -1;
  }

  private static boolean bothCount(AnnounceLoop http, AnnounceLoop udp, long since, Kind kind) {
    return http.count(since, kind) >= 1 && udp.count(since, kind) >= 1;
  }

  private static String query(byte[] infoHash, String peerId) {
    return "info_hash="
        + TrackerClient.escape(infoHash)
        + "&peer_id="
        + TrackerClient.escape(peerId.getBytes(StandardCharsets.ISO_8859_1))
        + "&port=6881&uploaded=0&downloaded=0&left=1000&event=started&compact=1";
  }

  /** Announces over HTTP with the passkey in the path, or with none when it is null. */
  private static TrackerClient.Reply httpAnnounce(String passkey, byte[] infoHash, String peerId) {
    String path = passkey == null ? "/announce?" : "/" + passkey + "/announce?";
    return tracker.http().get(path + query(infoHash, peerId));
  }

  private record UdpReply(int transaction, byte[] reply) {}

  /** Announces over UDP with the passkey in the BEP 41 URL data, or with none when it is null. */
  private static UdpReply udpAnnounce(String passkey, byte[] infoHash, String peerId) {
    UdpTrackerClient udp = tracker.udp();
    int transaction = ThreadLocalRandom.current().nextInt();
    String url = passkey == null ? "/announce" : "/announce?passkey=" + passkey;
    byte[] datagram =
        UdpTrackerClient.announce(
            udp.connect(),
            transaction,
            infoHash,
            peerId,
            1000,
            2,
            10,
            6881,
            UdpTrackerClient.urlData(url));
    byte[] reply = udp.exchange(datagram);
    assertEquals(transaction, ByteBuffer.wrap(reply).getInt(4), "transaction ID echoed");
    return new UdpReply(transaction, reply);
  }

  private static String udpError(UdpReply reply) {
    return UdpTrackerClient.errorText(reply.reply(), reply.transaction());
  }

  private static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }

  private static void awaitTrue(String what, BooleanSupplier condition) {
    Poll.until(what, Duration.ofSeconds(10), condition);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
