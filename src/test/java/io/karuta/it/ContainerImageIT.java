package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.it.AnnouncesWhileStopping.Kind;
import io.karuta.it.AnnouncesWhileStopping.Outcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The image of {@code docker/Dockerfile}, built and run for real with Podman on a Debian base made
 * on this machine ({@link LocalBaseImage}): first one container as an operator hardens it (its own
 * configuration file mounted, a {@code KARUTA_*} override, a memory limit, a read-only root file
 * system with a tmpfs on {@code /tmp}), then two containers sharing one Redis container. Every
 * container runs on the host's network with free ports, and is removed afterwards, as is the image;
 * the base stays in {@code target/podman} for the next build.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class ContainerImageIT {
  private static final Duration STARTUP = Duration.ofSeconds(180);
  private static final String RUN = "karuta-it-" + ProcessHandle.current().pid();

  private static Podman podman;
  private static String base;
  private static KarutaImage image;

  @BeforeAll
  static void buildTheImage() throws IOException {
    podman = Podman.get();
    // The storage is the tests' own: whatever a killed earlier run left there can go.
    podman.check(Duration.ofMinutes(2), "rm", "--all", "--force", "--time", "2");
    base = LocalBaseImage.get(podman);
    image = KarutaImage.build(podman, base, "localhost/" + RUN + ":latest");
  }

  @AfterAll
  static void removeTheImage() {
    if (image != null) {
      image.close();
    }
  }

  /**
   * One container with its own configuration file, a {@code KARUTA_*} variable over it, 768 MiB of
   * memory and a read-only root file system.
   */
  @Nested
  @Order(1)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class OneContainer {
    private static final long MEMORY_LIMIT = 768L << 20;

    /** In the mounted file: 20m and 10m; the environment then sets the interval to 25m. */
    private static final String CONFIG =
        """
        karuta:
          announce_interval: 20m
          min_announce_interval: 10m
          udp:
            private_key: container-image-it
        """;

    private KarutaContainer tracker;

    @RegisterExtension
    final LogsOnFailure logs = new LogsOnFailure("ContainerImageIT", () -> String.valueOf(tracker));

    @BeforeAll
    void start() throws IOException, InterruptedException {
      Path config = Files.createDirectories(Path.of("target", "container-image-it"));
      Path file = Files.writeString(config.resolve("karuta.yaml"), CONFIG, StandardCharsets.UTF_8);
      long started = System.nanoTime();
      tracker =
          KarutaContainer.start(
              podman,
              image.name(),
              RUN + "-one",
              Map.of("KARUTA_ANNOUNCE_INTERVAL", "25m"),
              List.of(
                  "--volume",
                  file.toAbsolutePath() + ":/etc/karuta/karuta.yaml:ro",
                  "--memory",
                  Long.toString(MEMORY_LIMIT),
                  "--read-only",
                  // Podman would add its own tmpfs on /tmp; Docker and Kubernetes do not.
                  "--read-only-tmpfs=false",
                  "--tmpfs",
                  "/tmp:rw,size=256m,mode=1777"));
      tracker.awaitReady(STARTUP);
      System.out.printf("ContainerImageIT: one container ready in %d ms%n", millisSince(started));
    }

    @AfterAll
    void remove() {
      if (tracker != null) {
        tracker.remove();
      }
    }

    @Test
    @Order(1)
    void announcesAndScrapesOverHttpWithTheFileAndTheVariable() throws InterruptedException {
      Announce leecher = Announce.fresh().peer(1, 6001);
      TrackerClient.Reply first = tracker.http().announce(leecher);
      assertEquals(200, first.status(), first.text());
      // 25m from KARUTA_ANNOUNCE_INTERVAL over the file's 20m; 10m from the file over the default.
      assertEquals(1500L, first.dict().get("interval"), first.text());
      assertEquals(600L, first.dict().get("min interval"), first.text());
      Swarms.awaitCounts(tracker.http(), leecher.infoHash(), 0, 0, 1);
      TrackerClient.Reply second = tracker.http().announce(leecher.peer(2, 6002).left(0));
      Object peers = second.dict().get("peers");
      assertTrue(peers instanceof byte[], second.text());
      assertEquals(List.of("127.0.0.1:6001"), Swarms.compactPeers((byte[]) peers, 6));
      Swarms.awaitCounts(tracker.http(), leecher.infoHash(), 1, 0, 1);
    }

    @Test
    @Order(1)
    void connectsAnnouncesAndScrapesOverUdp() {
      UdpTrackerClient udp = tracker.udp();
      byte[] infoHash = Announce.randomInfoHash();
      ByteBuffer first =
          UdpAnnounceIT.announce(udp, infoHash, "-KR0001-000000000021", 100, 2, 10, 7021);
      assertEquals(1, first.getInt(0), "announce action");
      assertEquals(1500, first.getInt(8), "interval from KARUTA_ANNOUNCE_INTERVAL");
      ByteBuffer second =
          UdpAnnounceIT.announce(udp, infoHash, "-KR0001-000000000022", 0, 2, 10, 7022);
      assertEquals(List.of("127.0.0.1:7021"), Swarms.compactPeers(UdpAnnounceIT.peers(second), 6));
      Poll.until(
          "the UDP scrape counts one seeder and one leecher",
          Duration.ofSeconds(10),
          () -> {
            ByteBuffer scrape =
                ByteBuffer.wrap(udp.exchange(UdpTrackerClient.scrape(udp.connect(), 9, infoHash)));
            // BEP 15 order: seeders, completed, leechers.
            return scrape.getInt(0) == 2 && scrape.getInt(8) == 1 && scrape.getInt(16) == 1;
          });
    }

    @Test
    @Order(1)
    void theTrackerIsTheContainersFirstProcessAndRunsAsUid1000() {
      String status = exec("cat", "/proc/1/status");
      assertTrue(status.contains("\nUid:\t1000\t1000\t1000\t1000\n"), status);
      assertTrue(status.contains("\nGid:\t1000\t1000\t1000\t1000\n"), status);
      String commandLine = exec("cat", "/proc/1/cmdline").replace('\0', ' ');
      assertTrue(commandLine.startsWith("java "), commandLine);
      assertTrue(commandLine.contains("-jar /opt/karuta/karuta-micro.jar"), commandLine);
      assertEquals("1000", exec("id", "-u").strip());
      assertEquals("karuta", exec("id", "-un").strip());
    }

    @Test
    @Order(1)
    void theHealthcheckReportsHealthyAndFailsOnAPortWithoutReadiness() throws IOException {
      Podman.Result check =
          podman.run(Duration.ofSeconds(60), "healthcheck", "run", tracker.name());
      assertEquals(0, check.exitCode(), check.output());
      assertEquals("healthy", tracker.inspect("{{.State.Health.Status}}"));
      // The same command the image declares, pointed at a port where nothing listens.
      Podman.Result closed =
          tracker.exec(
              List.of("--env", "HEALTHCHECK_PORT=" + KarutaContainer.freeTcpPort()),
              "/opt/karuta/bin/healthcheck");
      assertEquals(1, closed.exitCode(), closed.output());
    }

    @Test
    @Order(1)
    void theHeapFollowsTheMemoryLimitAndOnlyTmpIsWritable() {
      String metrics = tracker.http().get("/metrics?scope=base").text();
      Matcher max = Pattern.compile("(?m)^memory_maxHeap_bytes\\{[^}]*} (\\S+)$").matcher(metrics);
      assertTrue(max.find(), metrics);
      double share = Double.parseDouble(max.group(1)) / MEMORY_LIMIT;
      // -XX:MaxRAMPercentage=60; the JVM reports a little less (one survivor space).
      assertTrue(share > 0.5 && share <= 0.6, "max heap / memory limit = " + share);
      assertNotEquals(0, tracker.exec(List.of(), "touch", "/opt/karuta/probe").exitCode());
      assertEquals(0, tracker.exec(List.of(), "touch", "/tmp/probe").exitCode());
    }

    /**
     * {@code podman stop} sends SIGTERM (the image's STOPSIGNAL) while four clients announce back
     * to back: the JVM exits by itself within the 10 s, with 143 (128 + SIGTERM, a JVM's exit on
     * that signal), and every request sent before the stop began got its announce. Requests that
     * come during the stop are answered, turned away with a complete 503 or 500 reply, or refused.
     */
    @Test
    @Order(2)
    void sigtermStopsItWithinTenSecondsWhileClientsAnnounce() throws InterruptedException {
      List<Outcome> outcomes;
      long begun;
      long stopMillis;
      try (AnnouncesWhileStopping load = AnnouncesWhileStopping.start(tracker.httpPort(), 4)) {
        Poll.until(
            "50 announces answered",
            Duration.ofSeconds(30),
            () -> load.count(Kind.ANNOUNCED) >= 50);
        begun = System.nanoTime();
        podman.check(Duration.ofSeconds(30), "stop", "--time", "10", tracker.name());
        stopMillis = millisSince(begun);
        Thread.sleep(300);
        load.close();
        outcomes = load.outcomes();
      }
      String state = tracker.inspect("{{.State.ExitCode}} {{.State.OOMKilled}}");
      String summary = summary(outcomes, begun);
      System.out.printf("ContainerImageIT: stopped in %d ms under load; %s%n", stopMillis, summary);
      assertTrue(stopMillis < 10_000, "podman stop took " + stopMillis + " ms");
      assertEquals("143 false", state, "exit code and OOM kill");
      List<Outcome> wrong = outcomes.stream().filter(o -> o.kind() == Kind.WRONG).toList();
      assertEquals(List.of(), wrong, summary);
      List<Outcome> lostBeforeTheStop =
          outcomes.stream()
              .filter(o -> o.sentNanos() < begun && o.kind() != Kind.ANNOUNCED)
              .toList();
      assertEquals(List.of(), lostBeforeTheStop, summary);
    }

    private String exec(String... command) {
      Podman.Result result = tracker.exec(List.of(), command);
      assertEquals(0, result.exitCode(), String.join(" ", command) + ": " + result.output());
      return result.output();
    }
  }

  /**
   * Two containers of the image, with only {@code KARUTA_*} variables (no file mounted: the image's
   * own applies), on one Redis container and one UDP key: what one is told, the other answers with.
   */
  @Nested
  @Order(2)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class TwoContainersOnRedis {
    private RedisContainer redis;
    private KarutaContainer a;
    private KarutaContainer b;

    @RegisterExtension
    final LogsOnFailure logs =
        new LogsOnFailure("ContainerImageIT", () -> "tracker A: " + a + "\ntracker B: " + b);

    @BeforeAll
    void start() throws IOException, InterruptedException {
      redis = RedisContainer.start(podman, base, RUN + "-redis");
      Map<String, String> environment =
          Map.of(
              "KARUTA_STORAGE_NAME", "redis",
              "KARUTA_STORAGE_CONFIG_URL", redis.url(),
              "KARUTA_STORAGE_CONFIG_CONNECT_TIMEOUT", "1s",
              "KARUTA_STORAGE_CONFIG_READ_TIMEOUT", "1s",
              "KARUTA_UDP_PRIVATE_KEY", "two-containers-one-key");
      long started = System.nanoTime();
      a = KarutaContainer.start(podman, image.name(), RUN + "-a", environment, List.of());
      b = KarutaContainer.start(podman, image.name(), RUN + "-b", environment, List.of());
      a.awaitReady(STARTUP);
      b.awaitReady(STARTUP);
      System.out.printf(
          "ContainerImageIT: two containers on Redis ready in %d ms%n", millisSince(started));
    }

    @AfterAll
    void remove() {
      for (KarutaContainer each : new KarutaContainer[] {a, b}) {
        if (each != null) {
          each.remove();
        }
      }
      if (redis != null) {
        redis.remove();
      }
    }

    @Test
    @Order(1)
    void aSeederAnnouncedToAOverHttpIsReturnedByB() throws InterruptedException {
      Announce seeder = Announce.fresh().peer(1, 6101).left(0);
      TrackerClient.Reply toA = a.http().announce(seeder);
      // The image's own file: every interval at its default.
      assertEquals(1800L, toA.dict().get("interval"), toA.text());
      Swarms.awaitCounts(b.http(), seeder.infoHash(), 1, 0, 0);
      TrackerClient.Reply fromB = b.http().announce(seeder.peer(2, 6102).left(50));
      Object peers = fromB.dict().get("peers");
      assertTrue(peers instanceof byte[], fromB.text());
      assertEquals(List.of("127.0.0.1:6101"), Swarms.compactPeers((byte[]) peers, 6));
    }

    @Test
    @Order(1)
    void aSeederAnnouncedToAOverUdpIsReturnedByBWithAsConnectionId() {
      byte[] infoHash = Announce.randomInfoHash();
      long fromA = a.udp().connect();
      byte[] seeded =
          a.udp()
              .exchange(
                  UdpTrackerClient.announce(
                      fromA, 1, infoHash, "-KR0001-000000000111", 0, 2, 10, 7111));
      assertEquals(1, ByteBuffer.wrap(seeded).getInt(0), "announce to A");
      Poll.until(
          "B counts A's seeder",
          Duration.ofSeconds(10),
          () ->
              ByteBuffer.wrap(b.udp().exchange(UdpTrackerClient.scrape(fromA, 2, infoHash)))
                      .getInt(8)
                  == 1);
      ByteBuffer onB =
          ByteBuffer.wrap(
              b.udp()
                  .exchange(
                      UdpTrackerClient.announce(
                          fromA, 3, infoHash, "-KR0001-000000000112", 100, 2, 10, 7112)));
      assertEquals(1, onB.getInt(0), "B accepts A's connection ID and announces");
      assertEquals(List.of("127.0.0.1:7111"), Swarms.compactPeers(UdpAnnounceIT.peers(onB), 6));
    }

    /**
     * A request in flight when SIGTERM arrives is answered before the JVM exits: with Redis frozen,
     * an announce waits about 2 s (connect and read timeouts of 1 s) for the fixed failure, and A
     * is stopped while it waits.
     */
    @Test
    @Order(2)
    void aRequestInFlightDuringSigtermIsAnswered() throws Exception {
      redis.pause();
      try {
        long sent = System.nanoTime();
        CompletableFuture<TrackerClient.Reply> inFlight =
            CompletableFuture.supplyAsync(() -> a.http().announce(Announce.fresh()));
        Thread.sleep(300);
        assertFalse(inFlight.isDone(), "the announce waits for the frozen Redis");
        long stopping = System.nanoTime();
        podman.check(Duration.ofSeconds(30), "stop", "--time", "10", a.name());
        long stopMillis = millisSince(stopping);
        TrackerClient.Reply reply = inFlight.get(10, TimeUnit.SECONDS);
        System.out.printf(
            "ContainerImageIT: in-flight announce answered after %d ms, stop took %d ms%n",
            millisSince(sent), stopMillis);
        assertEquals("tracker storage unavailable, try again later", reply.failure());
        assertTrue(stopMillis < 10_000, "podman stop took " + stopMillis + " ms");
        assertEquals("143", a.inspect("{{.State.ExitCode}}"));
      } finally {
        redis.unpause();
      }
    }
  }

  /** Counts the outcomes by kind, before and after the stop began, with a sample of each. */
  private static String summary(List<Outcome> outcomes, long stopBegun) {
    List<String> parts = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      List<Outcome> before =
          outcomes.stream().filter(o -> o.kind() == kind && o.sentNanos() < stopBegun).toList();
      List<Outcome> after =
          outcomes.stream().filter(o -> o.kind() == kind && o.sentNanos() >= stopBegun).toList();
      String sample = after.isEmpty() ? "" : " (" + after.get(0).detail() + ")";
      parts.add(
          kind + " " + before.size() + " before the stop, " + after.size() + " during" + sample);
    }
    return String.join("; ", parts);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }
}
