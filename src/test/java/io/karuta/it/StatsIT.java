package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stats endpoints on deployed trackers ({@code target/karuta-micro.jar}, memory store, samples
 * every second). After known HTTP and UDP announces and scrapes, {@code /stats.json}, {@code
 * /stats} and {@code /stats/metrics} report exactly those swarms and requests; a tracker that
 * allows only 10.0.0.0/8 refuses loopback with 403 but lets in a client in 10.0.0.0/8 forwarded by
 * its trusted proxy, and one with the stats off answers 404.
 */
class StatsIT {
  private static final Duration STARTUP = Duration.ofSeconds(150);
  private static final Duration SAMPLED = Duration.ofSeconds(15);
  private static final String[] ENDPOINTS = {
    "/stats", "/stats.json", "/stats/metrics", "/stats/stats.js", "/stats/stats.css"
  };

  /** Swarm A: announced over HTTP, two seeders (one by completing), one leecher, one download. */
  private static final Announce A = Announce.fresh();

  /** Swarm B: one leecher, announced over UDP. */
  private static final byte[] B = Announce.randomInfoHash();

  private static KarutaProcess tracker;
  private static KarutaProcess restricted;
  private static KarutaProcess disabled;

  /** Shows the end of the trackers' logs when a test fails. */
  @RegisterExtension
  static final LogsOnFailure LOGS =
      new LogsOnFailure(
          "StatsIT",
          () -> "tracker: " + tracker + "\nrestricted: " + restricted + "\ndisabled: " + disabled);

  @BeforeAll
  static void start() throws Exception {
    // Three JVMs boot in parallel: each takes seconds.
    tracker = KarutaProcess.launch("stats", config(""));
    // Loopback is a trusted proxy here, so a forwarded client in 10.0.0.0/8 is let in.
    restricted =
        KarutaProcess.launch(
            "stats-restricted",
            config("    allowed_networks: [\"10.0.0.0/8\"]\n")
                + "  http:\n    trusted_proxies: [\"127.0.0.1\"]\n"
                + "    real_ip_header: X-Forwarded-For\n");
    disabled = KarutaProcess.launch("stats-disabled", config("    enabled: false\n"));
    tracker.awaitReady(STARTUP);
    restricted.awaitReady(STARTUP);
    disabled.awaitReady(STARTUP);
    announce();
  }

  private static String config(String statsOptions) {
    return "karuta:\n  stats:\n    sample_interval: 1s\n" + statsOptions;
  }

  /** 5 HTTP announces, 1 HTTP scrape, 2 UDP connects, 1 UDP announce and 1 UDP scrape. */
  private static void announce() {
    TrackerClient http = tracker.http();
    Announce leecher = A.peer(1, 40001).left(100);
    assertEquals(null, http.announce(leecher).failure());
    assertEquals(null, http.announce(A.peer(2, 40002).left(100)).failure());
    assertEquals(null, http.announce(A.peer(3, 40003).left(0)).failure());
    assertEquals(null, http.announce(leecher.left(0).event("completed")).failure());
    // A regular announce of the remaining leecher.
    assertEquals(null, http.announce(A.peer(2, 40002).left(50).event("")).failure());
    assertEquals(200, http.get("/scrape?info_hash=" + TrackerClient.escape(A.infoHash())).status());

    UdpTrackerClient udp = tracker.udp();
    long connection = udp.connect();
    int transaction = ThreadLocalRandom.current().nextInt();
    ByteBuffer reply =
        ByteBuffer.wrap(
            udp.exchange(
                UdpTrackerClient.announce(
                    connection, transaction, B, "-KR0001-000000000009", 500, 2, 10, 40009)));
    assertEquals(1, reply.getInt(0), "UDP announce action");
    long again = udp.connect();
    ByteBuffer scrape = ByteBuffer.wrap(udp.exchange(UdpTrackerClient.scrape(again, 7, B)));
    assertEquals(2, scrape.getInt(0), "UDP scrape action");
  }

  @AfterAll
  static void stop() throws Exception {
    for (KarutaProcess process : new KarutaProcess[] {tracker, restricted, disabled}) {
      if (process != null) {
        process.stop();
      }
    }
  }

  @Test
  void statsJsonReportsTheSwarmsAndRequestsExactly() {
    String totals =
        "\"totals\":{\"http_announce\":5,\"http_scrape\":1,\"udp_connect\":2,"
            + "\"udp_announce\":1,\"udp_scrape\":1}";
    String ipv4 = "\"ipv4\":{\"swarms\":2,\"seeders\":2,\"leechers\":2,\"downloads\":1}";
    String[] json = {""};
    Poll.until(
        "/stats.json reports the announces; last: " + json[0],
        SAMPLED,
        () -> {
          json[0] = tracker.http().get("/stats.json").text();
          return json[0].contains(ipv4) && json[0].contains(totals);
        });

    TrackerClient.Reply reply = tracker.http().get("/stats.json");
    assertEquals(200, reply.status());
    assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
    String text = reply.text();
    assertTrue(text.startsWith("{\"version\":\"" + version() + "\",\"started\":\""), text);
    assertTrue(text.contains(",\"sample_interval_seconds\":1,\"sampled_at\":\""), text);
    assertTrue(
        text.contains(
            "\"store\":{\"name\":\"memory\",\"reachable\":true,"
                + ipv4
                + ",\"ipv6\":{\"swarms\":0,\"seeders\":0,\"leechers\":0,\"downloads\":0}}"),
        text);
    assertTrue(
        text.contains(
            "\"top_torrents\":[{\"info_hash\":\""
                + hex(A.infoHash())
                + "\",\"address_family\":\"ipv4\",\"seeders\":2,\"leechers\":1,\"downloads\":1},"
                + "{\"info_hash\":\""
                + hex(B)
                + "\",\"address_family\":\"ipv4\",\"seeders\":0,\"leechers\":1,\"downloads\":0}]"),
        text);
    assertTrue(text.contains("\"requests\":{" + totals + ",\"rates\":[{\"at\":\""), text);
    Matcher uptime = Pattern.compile("\"uptime_seconds\":(\\d+),").matcher(text);
    assertTrue(uptime.find(), text);
    assertTrue(Long.parseLong(uptime.group(1)) < 600, text);
  }

  @Test
  void statsPageShowsTheNumbersAndNoOtherHost() {
    Poll.until(
        "the page shows two IPv4 swarms",
        SAMPLED,
        () -> tracker.http().get("/stats").text().contains("<td class=\"swarms\">2</td>"));
    TrackerClient.Reply reply = tracker.http().get("/stats");
    assertEquals(200, reply.status());
    assertTrue(reply.contentType().startsWith("text/html"), reply.contentType());
    String page = reply.text();
    assertTrue(
        page.contains(
            "<tr id=\"ipv4\"><th>IPv4</th><td class=\"swarms\">2</td><td class=\"seeders\">2</td>"
                + "<td class=\"leechers\">2</td><td class=\"downloads\">1</td></tr>"),
        page);
    assertTrue(page.contains("<td data-total=\"http_announce\">5</td>"), page);
    assertTrue(page.contains("<td data-total=\"udp_announce\">1</td>"), page);
    assertTrue(page.contains("<td class=\"hash\">" + hex(A.infoHash()) + "</td>"), page);
    assertTrue(page.contains("<span id=\"version\">" + version() + "</span>"), page);
    assertFalse(page.contains("http://"), "no absolute http URL");
    assertFalse(page.contains("https://"), "no absolute https URL");
    assertFalse(page.contains("//"), "no scheme-relative URL");
  }

  @Test
  void everyEndpointSaysNoStoreAndThePageHasAStrictPolicy() throws Exception {
    for (String path : ENDPOINTS) {
      java.net.http.HttpResponse<String> response = rawResponse(tracker, path);
      assertEquals(200, response.statusCode(), path);
      assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"), path);
    }
    assertEquals(
        "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
        rawResponse(tracker, "/stats").headers().firstValue("Content-Security-Policy").orElse(""));
    assertTrue(
        rawResponse(tracker, "/stats/stats.js").body().contains("getElementById(\"rates\")"));
  }

  @Test
  void karutasOwnMetricsCountTheUdpAnnounce() {
    TrackerClient.Reply reply = tracker.http().get("/stats/metrics");
    assertEquals(200, reply.status());
    assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
    assertTrue(reply.contentType().contains("version=0.0.4"), reply.contentType());
    String metrics = reply.text();
    assertTrue(
        metrics.contains(
            "\nkaruta_udp_request_duration_seconds_count"
                + "{action=\"announce\",address_family=\"ipv4\",error=\"none\"} 1\n"),
        metrics);
    assertTrue(
        metrics.contains(
            "\nkaruta_http_request_duration_seconds_count"
                + "{action=\"announce\",address_family=\"ipv4\",error=\"none\"} 5\n"),
        metrics);
  }

  @Test
  void aClientOutsideTheAllowedNetworksGets403() {
    for (String path : ENDPOINTS) {
      TrackerClient.Reply reply = restricted.http().get(path);
      assertEquals(403, reply.status(), path);
      assertEquals("Karuta stats: not available to this address\n", reply.text(), path);
    }
    // The tracker itself still answers.
    assertEquals(null, restricted.http().announce(Announce.fresh()).failure());
  }

  @Test
  void aForwardedClientIsJudgedByTheTrustedProxysHeader() {
    assertEquals(200, restricted.http().get("/stats.json", "X-Forwarded-For", "10.1.2.3").status());
    assertEquals(
        403, restricted.http().get("/stats.json", "X-Forwarded-For", "192.0.2.7").status());
    // The right-most untrusted entry is the client, whatever the client wrote before it.
    assertEquals(
        403, restricted.http().get("/stats", "X-Forwarded-For", "10.1.2.3, 192.0.2.7").status());
  }

  @Test
  void disabledStatsAre404() {
    for (String path : ENDPOINTS) {
      assertEquals(404, disabled.http().get(path).status(), path);
    }
    assertEquals(null, disabled.http().announce(Announce.fresh()).failure());
  }

  private static java.net.http.HttpResponse<String> rawResponse(KarutaProcess process, String path)
      throws IOException, InterruptedException {
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return client.send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + process.httpPort() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  /** The version the build wrote for the stats page. */
  static String version() {
    Path file = Path.of("target", "classes", "io", "karuta", "stats", "build.properties");
    try (InputStream in = Files.newInputStream(file)) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
