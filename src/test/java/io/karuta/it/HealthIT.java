package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.storage.redis.RedisServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MicroProfile Health endpoints of a tracker on Redis, up and degraded. The tracker starts
 * while Redis is not there yet; whenever Redis is down, readiness is DOWN (503) and names the store
 * while liveness and startup stay UP; once Redis answers, readiness is UP.
 */
class HealthIT {
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private static int redisPort;
  private static RedisServer redis;
  private static KarutaProcess tracker;

  @RegisterExtension
  static final LogsOnFailure LOGS = new LogsOnFailure("HealthIT", () -> "tracker: " + tracker);

  @BeforeAll
  static void start() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      redisPort = socket.getLocalPort();
    }
    tracker =
        KarutaProcess.launch(
            "health",
            "karuta:\n"
                + "  udp:\n"
                + "    workers: 1\n"
                + "  stats:\n"
                + "    sample_interval: 1s\n"
                + "  storage:\n"
                + "    name: redis\n"
                + "    config:\n"
                + "      url: "
                + "redis://127.0.0.1:"
                + redisPort
                + "\n      connect_timeout: 300ms\n"
                + "      read_timeout: 300ms\n");
    tracker.awaitReady(STARTUP);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (tracker != null) {
        tracker.stop();
      }
    } finally {
      if (redis != null) {
        redis.close();
      }
    }
  }

  @Test
  void readinessFollowsRedisWhileLivenessAndStartupStayUp() throws Exception {
    // Started without Redis: serving, not ready.
    assertDegraded();
    assertTrue(tracker.log().contains("the peer store does not answer yet"), "start-up warning");

    redis = RedisServer.start(redisPort);
    Poll.until(
        "readiness UP once Redis answers",
        Duration.ofSeconds(15),
        () -> tracker.http().get("/health/ready").status() == 200);
    assertHealth("/health/live", 200, "\"karuta-live\"", "\"udp\":\"serving\"");
    assertHealth("/health/started", 200, "\"karuta-started\"");
    assertHealth("/health/ready", 200, "\"karuta-ready\"", "\"store_reachable\":\"true\"");

    redis.kill();
    assertDegraded();

    redis = RedisServer.start(redisPort);
    Poll.until(
        "readiness UP once Redis is back",
        Duration.ofSeconds(15),
        () -> tracker.http().get("/health/ready").status() == 200);
    assertHealth("/health/ready", 200, "\"status\":\"UP\"", "\"store_reachable\":\"true\"");
  }

  /** Readiness DOWN naming the store, liveness and startup UP, the reachability gauge at 0. */
  private static void assertDegraded() {
    Poll.until(
        "readiness DOWN while Redis is down",
        Duration.ofSeconds(10),
        () -> tracker.http().get("/health/ready").status() == 503);
    assertHealth(
        "/health/ready",
        503,
        "\"status\":\"DOWN\"",
        "\"karuta-ready\"",
        "\"store\":\"redis\"",
        "\"store_reachable\":\"false\"",
        "\"udp\":\"bound\"");
    assertHealth("/health/live", 200, "\"status\":\"UP\"");
    assertHealth("/health/started", 200, "\"status\":\"UP\"");
    Poll.until(
        "karuta_storage_reachable 0",
        Duration.ofSeconds(10),
        () ->
            text("/metrics?scope=application")
                .contains("karuta_storage_reachable{mp_scope=\"application\"} 0"));
  }

  private static void assertHealth(String path, int status, String... parts) {
    TrackerClient.Reply reply = tracker.http().get(path);
    String body = new String(reply.body(), StandardCharsets.UTF_8);
    assertEquals(status, reply.status(), path + " answered " + body);
    for (String part : parts) {
      assertTrue(body.replace(" ", "").contains(part), path + " lacks " + part + ": " + body);
    }
  }

  private static String text(String path) {
    return new String(tracker.http().get(path).body(), StandardCharsets.UTF_8);
  }
}
