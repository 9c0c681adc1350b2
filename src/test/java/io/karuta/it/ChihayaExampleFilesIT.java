package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.karuta.storage.redis.RedisServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * "A chihaya config.yaml is accepted as it is", shown with chihaya's own three example files
 * (src/test/resources/chihaya, copied unchanged): the plain one, the Redis one and the {@code
 * config:} block of its Helm chart's {@code values.yaml}. Each starts the uber-jar and answers
 * announces over HTTP and UDP; two instances on the Redis one share a swarm. Only ports change: the
 * Redis address becomes the test's Redis, and {@code KARUTA_UDP_ADDR} moves UDP to a free loopback
 * port.
 */
class ChihayaExampleFilesIT {
  private static final Duration STARTUP = Duration.ofSeconds(180);

  private static RedisServer redis;
  private static KarutaProcess plain;
  private static KarutaProcess helm;
  private static KarutaProcess redisA;
  private static KarutaProcess redisB;

  @RegisterExtension
  static final LogsOnFailure LOGS =
      new LogsOnFailure(
          "ChihayaExampleFilesIT",
          () ->
              String.join(
                  "\n",
                  "plain: " + plain,
                  "helm: " + helm,
                  "redis A: " + redisA,
                  "redis B: " + redisB));

  @BeforeAll
  static void start() throws Exception {
    redis = RedisServer.start();
    String redisFile = resource("example_config_redis.yaml");
    String onTestRedis = redisFile.replace("127.0.0.1:6379", "127.0.0.1:" + redis.port());
    assertNotEquals(redisFile, onTestRedis, "the Redis example names 127.0.0.1:6379");
    plain = KarutaProcess.launch("chihaya-plain", resource("example_config.yaml"));
    helm = KarutaProcess.launch("chihaya-helm", helmConfig(resource("helm-values.yaml")));
    redisA = KarutaProcess.launch("chihaya-redis-a", onTestRedis);
    redisB = KarutaProcess.launch("chihaya-redis-b", onTestRedis);
    for (KarutaProcess tracker : List.of(plain, helm, redisA, redisB)) {
      tracker.awaitReady(STARTUP);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      for (KarutaProcess tracker : new KarutaProcess[] {plain, helm, redisA, redisB}) {
        if (tracker != null) {
          tracker.stop();
        }
      }
    } finally {
      if (redis != null) {
        redis.close();
      }
    }
  }

  @Test
  void everyExampleAnswersAnnouncesOverHttpAndUdp() {
    for (KarutaProcess tracker : List.of(plain, helm, redisA, redisB)) {
      Announce announce = Announce.fresh();
      Map<String, Object> reply = tracker.http().announce(announce).dict();
      assertNull(reply.get("failure reason"), tracker.name() + ": " + reply);
      assertEquals(1800L, reply.get("interval"), tracker.name() + ": announce_interval 30m");
      assertEquals(900L, reply.get("min interval"), tracker.name() + ": min_announce_interval");
      ByteBuffer udp =
          UdpAnnounceIT.announce(
              tracker.udp(), announce.infoHash(), "-KR0001-000000000002", 0, 2, 10, 6882);
      assertEquals(1, udp.getInt(0), tracker.name() + ": UDP announce action");
      assertEquals(1800, udp.getInt(8), tracker.name() + ": UDP interval");
    }
  }

  @Test
  void theRedisExampleSharesOneSwarmBetweenTwoInstances() throws InterruptedException {
    Announce seeder = Announce.fresh().peer(1, 7101).left(0);
    assertNull(redisA.http().announce(seeder).failure());
    Swarms.awaitCounts(redisB.http(), seeder.infoHash(), 1, 0, 0);
    TrackerClient.Reply leecher = redisB.http().announce(seeder.peer(2, 7102).left(10));
    assertEquals(
        List.of("127.0.0.1:7101"), Swarms.compactPeers((byte[]) leecher.dict().get("peers"), 6));
    Swarms.awaitCounts(redisA.http(), seeder.infoHash(), 1, 0, 1);
  }

  @Test
  void chihayaKeysWithoutAMeaningHereAreNamedOnceEach() {
    List<String> storeKeys =
        List.of("gc_interval", "prometheus_reporting_interval", "redis_write_timeout");
    for (String key : storeKeys) {
      assertEquals(
          1,
          warnings(redisA, "karuta.storage.config." + key + " has no effect in Karuta"),
          key + "\n" + redisA);
    }
    for (String key : List.of("http.addr", "http.read_timeout", "metrics_addr")) {
      for (KarutaProcess tracker : List.of(plain, helm, redisA)) {
        assertEquals(
            1,
            warnings(tracker, "karuta." + key + " is set but has no effect in Karuta"),
            key + "\n" + tracker);
      }
    }
    assertEquals(
        1,
        warnings(helm, "karuta.max_numwant is set but has no effect in Karuta: chihaya ignores"),
        "the Helm chart's stale top-level key\n" + helm);
  }

  private static long warnings(KarutaProcess tracker, String text) {
    return tracker.log().lines().filter(line -> line.contains(text)).count();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ChihayaExampleFilesIT.class.getResourceAsStream("/chihaya/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The chihaya file a Helm release of chihaya's chart renders: the {@code config:} block. */
  private static String helmConfig(String valuesYaml) {
    Map<?, ?> values = new Yaml(new SafeConstructor(new LoaderOptions())).load(valuesYaml);
    DumperOptions block = new DumperOptions();
    block.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(block).dump(values.get("config"));
  }
}
