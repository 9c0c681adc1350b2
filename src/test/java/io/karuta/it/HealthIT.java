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
 * The MicroProfile Health endpoints of a tracker on Redis, up and degraded: while Redis is down,
 * readiness is DOWN (503) and names the store, liveness and startup stay UP; once Redis is back,
 * readiness is UP again.
 */
class HealthIT {
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private static RedisServer redis;
  private static KarutaProcess tracker;

  @RegisterExtension
  static final LogsOnFailure LOGS = new LogsOnFailure("HealthIT", () -> "tracker: " + tracker);

  @BeforeAll
  static void start() throws Exception {
    redis = RedisServer.start();
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
                + redis.url()
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
    assertHealth("/health/live", 200, "\"karuta-live\"", "\"udp\":\"serving\"");
    assertHealth("/health/started", 200, "\"karuta-started\"");
    assertHealth("/health/ready", 200, "\"karuta-ready\"", "\"store_reachable\":\"true\"");

    int port = redis.port();
    redis.kill();
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

    redis = RedisServer.start(port);
    Poll.until(
        "readiness UP once Redis is back",
        Duration.ofSeconds(15),
        () -> tracker.http().get("/health/ready").status() == 200);
    assertHealth("/health/ready", 200, "\"status\":\"UP\"", "\"store_reachable\":\"true\"");
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
