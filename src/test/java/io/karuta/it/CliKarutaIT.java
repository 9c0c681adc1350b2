package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.storage.redis.RedisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * karuta-cli against the uber-jar: {@code e2e} passes with the memory store (HTTP, UDP over IPv4
 * and IPv6) and with Redis, {@code announce} and {@code scrape} show what Karuta holds, in text and
 * JSON. The memory instance's UDP key comes from {@code karuta-cli genkey}.
 */
class CliKarutaIT {
  private static final Duration STARTUP = Duration.ofSeconds(180);
  private static final Pattern OK =
      Pattern.compile("ok \\(2 runs, 4 peers, \\d+ requests, \\d+ ms\\)");

  private static RedisServer redis;
  private static KarutaProcess memory;
  private static KarutaProcess shared;

  @RegisterExtension
  static final LogsOnFailure LOGS =
      new LogsOnFailure("CliKarutaIT", () -> "memory: " + memory + "\nredis: " + shared);

  @BeforeAll
  static void start() throws Exception {
    Cli.Result key = Cli.run("genkey");
    assertEquals(0, key.exitCode(), key.toString());
    redis = RedisServer.start();
    int udpPort = KarutaProcess.freeUdpPort();
    memory =
        KarutaProcess.launch(
            "cli-memory",
            "karuta: {}\n",
            udpPort,
            Map.of(
                "KARUTA_UDP_ADDR", "[::]:" + udpPort, "KARUTA_UDP_PRIVATE_KEY", key.out().strip()),
            List.of());
    shared =
        KarutaProcess.launch(
            "cli-redis",
            "karuta:\n  storage:\n    name: redis\n    config:\n      url: " + redis.url() + "\n");
    memory.awaitReady(STARTUP);
    shared.awaitReady(STARTUP);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      for (KarutaProcess tracker : new KarutaProcess[] {memory, shared}) {
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
  void e2ePassesOnTheMemoryStoreOverHttpAndUdpOnBothFamilies() throws Exception {
    String http = announceUrl(memory);
    String udp4 = "udp://127.0.0.1:" + memory.udpPort() + "/announce";
    String udp6 = "udp://[::1]:" + memory.udpPort();

    Cli.Result run = Cli.run("e2e", "--http", http, "--udp", udp4, "--udp", udp6, "--count", "2");

    assertEquals(0, run.exitCode(), run.toString());
    assertVerdicts(run, List.of("http " + http, "udp " + udp4, "udp " + udp6));
    assertFalse(memory.log().contains("udp.private_key is not set"), "the genkey key was used");
  }

  @Test
  void e2ePassesOnTheRedisStore() throws Exception {
    String http = announceUrl(shared);
    String udp = "udp://127.0.0.1:" + shared.udpPort() + "/announce";

    Cli.Result run = Cli.run("e2e", "--http", http, "--udp", udp, "--count", "2");

    assertEquals(0, run.exitCode(), run.toString());
    assertVerdicts(run, List.of("http " + http, "udp " + udp));
  }

  @Test
  void announceAndScrapeShowTheSwarmInTextAndJson() throws Exception {
    String hash = "c11c11c11c11c11c11c11c11c11c11c11c11c11c";
    String http = announceUrl(memory);
    String udp = "udp://127.0.0.1:" + memory.udpPort() + "/announce";

    Cli.Result seeder = Cli.run("announce", http, "--infohash", hash, "--port", "7001", "--json");
    JsonObject seederJson = json(seeder);
    assertEquals(hash, seederJson.getString("info_hash"));
    assertEquals(1800, seederJson.getInt("interval"));
    assertEquals(900, seederJson.getInt("min_interval"));
    assertEquals(1, seederJson.getInt("complete"));
    assertEquals(0, seederJson.getInt("incomplete"));
    assertTrue(seederJson.getString("peer_id").startsWith("2d4b4330303031"), "-KC0001-");

    // The swarm is written just after the reply: the second announce may come before.
    Cli.Result leecher =
        runUntil(
            result -> result.out().contains("\n  127.0.0.1:7001\n"),
            "announce",
            udp,
            "--infohash",
            hash,
            "--port",
            "7002",
            "--left",
            "10");
    assertEquals(0, leecher.exitCode(), leecher.toString());
    assertTrue(leecher.out().startsWith("tracker       " + udp + "\ninfo_hash     " + hash + "\n"));
    assertTrue(leecher.out().contains("\ninterval      1800 s\n"), leecher.toString());
    assertTrue(leecher.out().contains("\ncomplete      1 (seeders)\n"), leecher.toString());
    assertTrue(leecher.out().contains("\nincomplete    1 (leechers)\n"), leecher.toString());

    Cli.Result scrape =
        runUntil(
            result -> result.out().contains("\"incomplete\":1"),
            "scrape",
            udp,
            "--infohash",
            hash,
            "--json");
    JsonObject file = json(scrape).getJsonArray("files").getJsonObject(0);
    assertEquals(hash, file.getString("info_hash"));
    assertEquals(1, file.getInt("complete"));
    assertEquals(1, file.getInt("incomplete"));
    assertEquals(0, file.getInt("downloaded"));

    Cli.Result text = Cli.run("scrape", http, "--infohash", hash);
    assertEquals(
        "tracker       " + http + "\n" + hash + "  complete 1  incomplete 1  downloaded 0\n",
        text.out());

    Cli.Result dictionary =
        Cli.run(
            "announce",
            http,
            "--infohash",
            hash,
            "--port",
            "7003",
            "--left",
            "5",
            "--no-compact",
            "--json");
    List<String> peerIds =
        json(dictionary).getJsonArray("peers").getValuesAs(JsonObject.class).stream()
            .map(peer -> peer.getString("peer_id"))
            .toList();
    assertEquals(2, peerIds.size(), dictionary.toString());
  }

  @Test
  void aPathKarutaDoesNotServeIsAClearLine() throws Exception {
    String url = "http://127.0.0.1:" + memory.httpPort() + "/nothing/announce";

    Cli.Result e2e = Cli.run("e2e", "--http", url);
    Cli.Result announce = Cli.run("announce", url);

    assertEquals(1, e2e.exitCode(), e2e.toString());
    assertEquals(
        List.of(
            "http " + url + ": FAILED: the first scrape: tracker failure: not found (HTTP 404)"),
        e2e.lines());
    assertEquals(1, announce.exitCode(), announce.toString());
    assertTrue(announce.out().endsWith("\nfailure       not found\n"), announce.toString());
  }

  /** Runs the CLI until its result passes {@code done}, at most 20 times; returns the last. */
  private static Cli.Result runUntil(Predicate<Cli.Result> done, String... args) throws Exception {
    Cli.Result result = Cli.run(args);
    for (int i = 1; i < 20 && !done.test(result); i++) {
      Thread.sleep(100);
      result = Cli.run(args);
    }
    return result;
  }

  private static String announceUrl(KarutaProcess tracker) {
    return "http://127.0.0.1:" + tracker.httpPort() + "/announce";
  }

  private static void assertVerdicts(Cli.Result run, List<String> heads) {
    assertEquals(heads.size(), run.lines().size(), run.toString());
    for (int i = 0; i < heads.size(); i++) {
      String line = run.lines().get(i);
      assertTrue(line.startsWith(heads.get(i) + ": "), line);
      assertTrue(OK.matcher(line.substring(heads.get(i).length() + 2)).matches(), line);
    }
    assertEquals("", run.err());
  }

  private static JsonObject json(Cli.Result result) {
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(1, result.lines().size(), "one line of JSON: " + result);
    try (JsonReader reader = Json.createReader(new StringReader(result.out()))) {
      return reader.readObject();
    }
  }
}
