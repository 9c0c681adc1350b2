package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.it.AnnounceLoop.Kind;
import io.karuta.it.AnnounceLoop.Outcome;
import io.karuta.storage.redis.RedisServer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Karuta instances on one Redis, as a deployment behind a load balancer runs them: two separate
 * Payara Micro JVMs ({@code target/karuta-micro.jar}) with {@code storage.name: redis} and the same
 * UDP key, on loopback. What one instance is told, the other answers with, over HTTP and UDP; and
 * when Redis is killed under load, every reply is an announce or the fixed failure, failures come
 * fast, and both instances recover by themselves once Redis is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRedisIT {
  private static final Duration STARTUP = Duration.ofSeconds(150);

  /** Redis's reply timeout in both instances. */
  private static final long READ_TIMEOUT_MILLIS = 500;

  /**
   * The longest a failure may take while Redis hangs: its own read's timeout, plus one more for the
   * previous request's swarm update, which runs on the same thread after that reply and holds the
   * next request back (docs/frontend.md, "After the reply"), plus a second for scheduling.
   */
  private static final long SLOWEST_FAILURE_MILLIS = 2 * READ_TIMEOUT_MILLIS + 1000;

  private static RedisServer redis;
  private static KarutaProcess a;
  private static KarutaProcess b;

  /** Shows the end of both instances' logs when a test fails. */
  @RegisterExtension
  static final LogsOnFailure LOGS =
      new LogsOnFailure("SharedRedisIT", () -> "instance A: " + a + "\ninstance B: " + b);

  @BeforeAll
  static void start() throws Exception {
    redis = RedisServer.start();
    long started = System.nanoTime();
    a = KarutaProcess.launch("shared-redis-a", config("karuta-shared-redis-tests"));
    b = KarutaProcess.launch("shared-redis-b", config("karuta-shared-redis-tests"));
    a.awaitReady(STARTUP);
    b.awaitReady(STARTUP);
    System.out.printf("SharedRedisIT: both instances ready in %d ms%n", millisSince(started));
  }

  /** The YAML of one instance; {@link KarutaProcess} adds the UDP address. */
  private static String config(String udpKey) {
    return "karuta:\n"
        + "  udp:\n"
        + "    private_key: "
        + udpKey
        + "\n    workers: 1\n"
        + "  storage:\n"
        + "    name: redis\n"
        + "    config:\n"
        + "      url: "
        + redis.url()
        + "\n      connect_timeout: 500ms\n"
        + "      read_timeout: "
        + READ_TIMEOUT_MILLIS
        + "ms\n      pool_max: 8\n";
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      for (KarutaProcess each : new KarutaProcess[] {a, b}) {
        if (each != null) {
          each.stop();
        }
      }
    } finally {
      if (redis != null) {
        redis.close();
      }
    }
  }

  @Test
  @Order(1)
  void aPeerAnnouncedToAOverHttpIsReturnedByBAndBack() throws InterruptedException {
    assertHttpPeersShared();
  }

  @Test
  @Order(2)
  void aPeerAnnouncedToAOverUdpIsReturnedByBWithAsConnectionId() {
    assertUdpPeersShared();
  }

  @Test
  @Order(3)
  void scrapeCountsAgreeOnBothInstancesOverHttpAndUdp() throws InterruptedException {
    Announce leecher = Announce.fresh().peer(1, 6101).left(100);
    byte[] infoHash = leecher.infoHash();
    a.http().announce(leecher);
    Swarms.awaitCounts(b.http(), infoHash, 0, 0, 1);
    // B completes the download A registered: B moves the leecher to the seeders and counts it.
    b.http().announce(leecher.left(0).event("completed"));
    long connectionId = b.udp().connect();
    udpAnnounce(b.udp(), connectionId, infoHash, "-KR0001-000000000102", 100, 6102);
    Swarms.awaitCounts(a.http(), infoHash, 1, 1, 1);
    Swarms.awaitCounts(b.http(), infoHash, 1, 1, 1);
    // BEP 15 scrape order: seeders, completed, leechers.
    assertEquals(List.of(1, 1, 1), udpScrape(a.udp(), a.udp().connect(), infoHash));
    assertEquals(List.of(1, 1, 1), udpScrape(b.udp(), connectionId, infoHash));
  }

  @Test
  @Order(4)
  void redisHungThenKilledDuringAnnouncesGivesTheFixedFailureFastAndServiceResumes()
      throws Exception {
    AnnounceLoop http = AnnounceLoop.http("HTTP to A", a.http());
    AnnounceLoop udp = AnnounceLoop.udp("UDP to A", a.udp());
    long start = System.nanoTime();
    ProcessHandle server = RedisProcess.onPort(redis.port());
    boolean stopped = false;
    try {
      awaitTrue("A announces before the outage", () -> bothCount(http, udp, start, 5));
      // A hung Redis (SIGSTOP): connections open, replies never come; each call waits read_timeout.
      long hung = System.nanoTime();
      RedisProcess.signal(server, "STOP");
      stopped = true;
      awaitTrue("A reports the hung Redis", () -> bothFail(http, udp, hung, 3));
      RedisProcess.signal(server, "CONT");
      stopped = false;
      long resumed = System.nanoTime();
      awaitTrue("A announces once Redis resumes", () -> bothCount(http, udp, resumed, 1));
      // A crashed Redis (SIGKILL): connections refused at once.
      long killed = System.nanoTime();
      server.destroyForcibly();
      server.onExit().get(10, TimeUnit.SECONDS);
      redis.close();
      awaitTrue("A reports the killed Redis", () -> bothFail(http, udp, killed, 5));
      redis = RedisServer.start(redis.port());
      long restarted = System.nanoTime();
      awaitTrue("A announces again", () -> bothCount(http, udp, restarted, 1));
      System.out.printf(
          "SharedRedisIT: Redis killed and restarted after %d ms; A recovered %d ms later%n",
          (restarted - killed) / 1_000_000, millisSince(restarted));
      awaitTrue("B announces again over HTTP", () -> announcesOverHttp(b));
      awaitTrue("B announces again over UDP", () -> announcesOverUdp(b));
      System.out.printf(
          "SharedRedisIT: B recovered %d ms after the restart%n", millisSince(restarted));
    } finally {
      if (stopped) {
        RedisProcess.signal(server, "CONT");
      }
      http.stop();
      udp.stop();
    }
    assertEveryReplyValidAndFailuresFast(http, start);
    assertEveryReplyValidAndFailuresFast(udp, start);
    assertTrue(a.isAlive() && b.isAlive(), "both instances still run");
    for (KarutaProcess each : new KarutaProcess[] {a, b}) {
      assertFalse(
          each.log().contains("[SEVERE]"), "no error logged (internal errors are); " + each);
    }
    assertHttpPeersShared();
    assertUdpPeersShared();
  }

  private static void assertHttpPeersShared() throws InterruptedException {
    Announce first = Announce.fresh().peer(1, 6001);
    a.http().announce(first);
    Swarms.awaitCounts(b.http(), first.infoHash(), 0, 0, 1);
    Announce second = first.peer(2, 6002).left(0);
    assertEquals(List.of("127.0.0.1:6001"), httpPeers(b.http().announce(second)), "B returns A's");
    Swarms.awaitCounts(a.http(), first.infoHash(), 1, 0, 1);
    assertEquals(List.of("127.0.0.1:6002"), httpPeers(a.http().announce(first)), "A returns B's");
  }

  /** A's connection ID works on B and B's on A: both instances sign with the same key. */
  private static void assertUdpPeersShared() {
    byte[] infoHash = Announce.randomInfoHash();
    long fromA = a.udp().connect();
    long fromB = b.udp().connect();
    udpAnnounce(a.udp(), fromA, infoHash, "-KR0001-000000000011", 100, 7011);
    awaitTrue("B counts A's leecher", () -> udpScrape(b.udp(), fromA, infoHash).get(2) == 1);
    ByteBuffer onB = udpAnnounce(b.udp(), fromA, infoHash, "-KR0001-000000000012", 0, 7012);
    assertEquals(
        List.of("127.0.0.1:7011"), Swarms.compactPeers(UdpAnnounceIT.peers(onB), 6), "B: A's");
    awaitTrue("A counts B's seeder", () -> udpScrape(a.udp(), fromB, infoHash).get(0) == 1);
    ByteBuffer onA = udpAnnounce(a.udp(), fromB, infoHash, "-KR0001-000000000011", 100, 7011);
    assertEquals(
        List.of("127.0.0.1:7012"), Swarms.compactPeers(UdpAnnounceIT.peers(onA), 6), "A: B's");
  }

  private static List<String> httpPeers(TrackerClient.Reply reply) {
    Object peers = reply.dict().get("peers");
    assertTrue(peers instanceof byte[], "an announce reply with compact peers: " + reply.text());
    return Swarms.compactPeers((byte[]) peers, 6);
  }

  /** Announces over UDP with {@code connectionId} and returns the reply, failing on an error. */
  private static ByteBuffer udpAnnounce(
      UdpTrackerClient tracker,
      long connectionId,
      byte[] infoHash,
      String peerId,
      long left,
      int port) {
    int transaction = ThreadLocalRandom.current().nextInt();
    byte[] reply =
        tracker.exchange(
            UdpTrackerClient.announce(
                connectionId, transaction, infoHash, peerId, left, 0, 10, port));
    return expect(1, reply, transaction);
  }

  /** Scrapes one torrent over UDP; returns seeders, completed and leechers. */
  private static List<Integer> udpScrape(
      UdpTrackerClient tracker, long connectionId, byte[] infoHash) {
    int transaction = ThreadLocalRandom.current().nextInt();
    byte[] reply = tracker.exchange(UdpTrackerClient.scrape(connectionId, transaction, infoHash));
    ByteBuffer in = expect(2, reply, transaction);
    assertEquals(20, reply.length, "one torrent's counts");
    return List.of(in.getInt(8), in.getInt(12), in.getInt(16));
  }

  /** Checks the action and transaction ID of a UDP reply; an error reply fails with its text. */
  private static ByteBuffer expect(int action, byte[] reply, int transaction) {
    ByteBuffer in = ByteBuffer.wrap(reply);
    if (in.getInt(0) == 3 && action != 3) {
      throw new AssertionError("UDP error: " + UdpTrackerClient.errorText(reply, transaction));
    }
    assertEquals(action, in.getInt(0), "action");
    assertEquals(transaction, in.getInt(4), "transaction ID echoed");
    return in;
  }

  private static boolean bothCount(AnnounceLoop http, AnnounceLoop udp, long since, int least) {
    return http.count(since, Kind.ANNOUNCED) >= least && udp.count(since, Kind.ANNOUNCED) >= least;
  }

  private static boolean bothFail(AnnounceLoop http, AnnounceLoop udp, long since, int least) {
    return http.count(since, Kind.REFUSED) >= least && udp.count(since, Kind.REFUSED) >= least;
  }

  private static boolean announcesOverHttp(KarutaProcess tracker) {
    return !tracker.http().announce(Announce.fresh()).dict().containsKey("failure reason");
  }

  private static boolean announcesOverUdp(KarutaProcess tracker) {
    UdpTrackerClient udp = tracker.udp();
    int transaction = 5;
    byte[] reply =
        udp.exchange(
            UdpTrackerClient.announce(
                udp.connect(),
                transaction,
                Announce.randomInfoHash(),
                "-KR0001-000000000078",
                0,
                0,
                10,
                7078));
    return ByteBuffer.wrap(reply).getInt(0) == 1;
  }

  private static void assertEveryReplyValidAndFailuresFast(AnnounceLoop loop, long since) {
    List<Outcome> outcomes = loop.since(since);
    List<Outcome> wrong = outcomes.stream().filter(o -> o.kind() == Kind.WRONG).toList();
    assertEquals(List.of(), wrong, loop + ": replies that are neither announce nor fixed failure");
    long slowest =
        outcomes.stream()
            .filter(o -> o.kind() == Kind.REFUSED)
            .mapToLong(Outcome::millis)
            .max()
            .orElseThrow();
    System.out.printf("SharedRedisIT: %s, slowest failure %d ms%n", loop, slowest);
    assertTrue(slowest <= SLOWEST_FAILURE_MILLIS, loop + ": a failure took " + slowest + " ms");
  }

  /** Polls {@code condition} every 50 ms for at most 10 s. */
  private static void awaitTrue(String what, BooleanSupplier condition) {
    Poll.until(what, Duration.ofSeconds(10), condition);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
