package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code target/karuta.war} deployed unchanged on WildFly 39 ({@code standalone-microprofile.xml},
 * which has MicroProfile Health but no MicroProfile Metrics) by the deployment scanner. The
 * deployment succeeds without class-loading or Weld errors; announces whose {@code Host} is a bare
 * IPv6 literal (libtorrent's {@code Host: ::1:port}) get the normal reply over HTTP and HTTPS;
 * after known HTTP and UDP traffic, Karuta's own {@code /stats/metrics} and {@code /stats.json} on
 * the HTTP port report it exactly, and Karuta's three health checks are UP on the management port.
 */
class WildFlyIT {
  private static final Duration DEPLOYED = Duration.ofSeconds(240);
  private static final Duration SAMPLED = Duration.ofSeconds(15);

  /** Announced over HTTP: a leecher, a seeder, then the leecher again (3 announces). */
  private static final Announce A = Announce.fresh();

  /** Announced over UDP after one connect: a seeder and a leecher (2 announces). */
  private static final byte[] B = Announce.randomInfoHash();

  /**
   * Announced over IPv6 with a bare IPv6 Host: a leecher and a seeder over HTTP, a leecher over
   * HTTPS (3 announces).
   */
  private static final Announce C = Announce.fresh();

  /** The replies to C's announces, by the Host header sent. */
  private static final Map<String, TrackerClient.Reply> BARE_HOST_REPLIES = new LinkedHashMap<>();

  private static final Pattern LOAD_ERRORS =
      Pattern.compile(
          "NoClassDefFoundError|ClassNotFoundException|WELD-\\d+.*(Exception|Error)"
              + "|WFLYCTL0013|WFLYSRV0026");

  private static WildFlyProcess server;

  /** Shows the end of WildFly's console when a test fails. */
  @RegisterExtension
  static final LogsOnFailure LOGS = new LogsOnFailure("WildFlyIT", () -> "wildfly: " + server);

  @BeforeAll
  static void start() throws Exception {
    server =
        WildFlyProcess.launch(
            "wildfly-it",
            "standalone-microprofile.xml",
            "karuta:\n"
                + "  udp:\n"
                + "    private_key: \"wildfly-it-connection-id-key\"\n"
                + "  stats:\n"
                + "    sample_interval: 1s\n");
    server.awaitDeployment(DEPLOYED);
    traffic();
  }

  private static void traffic() {
    TrackerClient http = server.http();
    Announce leecher = A.peer(1, 40001).left(100);
    assertEquals(null, http.announce(leecher).failure());
    assertEquals(null, http.announce(A.peer(2, 40002).left(0)).failure());
    assertEquals(null, http.announce(leecher.event("")).failure());

    TrackerClient http6 = server.http6();
    String withPort = "::1:" + server.httpPort();
    BARE_HOST_REPLIES.put(
        withPort, http6.rawGet("/announce?" + C.peer(3, 40003).left(100).query(), withPort));
    BARE_HOST_REPLIES.put(
        "::1", http6.rawGet("/announce?" + C.peer(4, 40004).left(0).query(), "::1"));
    String overTls = "::1:" + server.httpsPort();
    BARE_HOST_REPLIES.put(
        overTls + " (HTTPS)",
        server.https6().rawGet("/announce?" + C.peer(5, 40005).left(100).query(), overTls));

    UdpTrackerClient udp = server.udp();
    long connection = udp.connect();
    udpAnnounce(udp, connection, "-KR0001-000000000011", 0, 40011);
    udpAnnounce(udp, connection, "-KR0001-000000000012", 500, 40012);
  }

  private static void udpAnnounce(
      UdpTrackerClient udp, long connection, String peerId, long left, int port) {
    int transaction = ThreadLocalRandom.current().nextInt();
    ByteBuffer reply =
        ByteBuffer.wrap(
            udp.exchange(
                UdpTrackerClient.announce(connection, transaction, B, peerId, left, 2, 10, port)));
    assertEquals(1, reply.getInt(0), "UDP announce action");
    assertEquals(transaction, reply.getInt(4), "UDP announce transaction");
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void deploysWithoutClassLoadingOrWeldErrors() {
    assertTrue(
        Files.exists(server.base().resolve("deployments").resolve("karuta.war.deployed")),
        "marker");
    String log = server.log();
    List<String> errors =
        log.lines().filter(line -> LOAD_ERRORS.matcher(line).find()).collect(Collectors.toList());
    assertEquals(List.of(), errors, "errors in " + server.output());
    assertTrue(log.contains("WFLYSRV0010: Deployed \"karuta.war\""), "deployed line");
    assertTrue(
        log.contains("UDP tracker listening on /127.0.0.1:" + server.udpPort()), "UDP bound");
    assertFalse(log.contains("udp.private_key is not set"), "the configured key is used");
    TrackerClient.Reply root = server.http().get("/");
    assertEquals(200, root.status());
    assertTrue(root.text().contains("Karuta"), root.text());
  }

  @Test
  void bareIpv6HostsGetTheNormalAnnounceReplyOverHttpAndHttps() {
    assertEquals(3, BARE_HOST_REPLIES.size());
    BARE_HOST_REPLIES.forEach(
        (host, reply) -> {
          assertEquals(200, reply.status(), host + ": " + reply.text());
          assertTrue(reply.text().startsWith("d8:complete"), host + ": " + reply.text());
          assertEquals(null, reply.failure(), host);
          assertTrue(reply.dict().containsKey("peers6"), host + ": an IPv6 requester");
        });
    String log = server.log();
    assertTrue(
        log.contains("Bracketing bare IPv6 Host values on Undertow listener default"), "HTTP");
    assertTrue(log.contains("Bracketing bare IPv6 Host values on Undertow listener https"), "TLS");
    assertFalse(log.contains("Cannot bracket"), "installed");
  }

  @Test
  void karutasOwnMetricsReportTheTrafficExactly() {
    awaitSample(
        "/stats/metrics",
        text ->
            Double.valueOf(2)
                .equals(Exposition.parse(text).get("karuta_swarms{address_family=\"ipv4\"}")));
    TrackerClient.Reply reply = server.http().get("/stats/metrics");
    assertEquals(200, reply.status());
    assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
    String metrics = reply.text();
    for (String line :
        List.of(
            "karuta_http_request_duration_seconds_count"
                + "{action=\"announce\",address_family=\"ipv4\",error=\"none\"} 3",
            "karuta_udp_request_duration_seconds_count"
                + "{action=\"connect\",address_family=\"ipv4\",error=\"none\"} 1",
            "karuta_http_request_duration_seconds_count"
                + "{action=\"announce\",address_family=\"ipv6\",error=\"none\"} 3",
            "karuta_udp_request_duration_seconds_count"
                + "{action=\"announce\",address_family=\"ipv4\",error=\"none\"} 2")) {
      assertTrue(metrics.contains("\n" + line + "\n"), line + " in:\n" + metrics);
    }
    Exposition exposition = Exposition.parse(metrics);
    assertEquals(2.0, exposition.get("karuta_swarms{address_family=\"ipv4\"}"), metrics);
    assertEquals(2.0, exposition.get("karuta_seeders{address_family=\"ipv4\"}"), metrics);
    assertEquals(2.0, exposition.get("karuta_leechers{address_family=\"ipv4\"}"), metrics);
    assertEquals(1.0, exposition.get("karuta_swarms{address_family=\"ipv6\"}"), metrics);
    assertEquals(1.0, exposition.get("karuta_seeders{address_family=\"ipv6\"}"), metrics);
    assertEquals(2.0, exposition.get("karuta_leechers{address_family=\"ipv6\"}"), metrics);
  }

  @Test
  void statsJsonReportsTheSwarms() {
    String ipv4 = "\"ipv4\":{\"swarms\":2,\"seeders\":2,\"leechers\":2,\"downloads\":0}";
    String ipv6 = "\"ipv6\":{\"swarms\":1,\"seeders\":1,\"leechers\":2,\"downloads\":0}";
    awaitSample("/stats.json", text -> text.contains(ipv4) && text.contains(ipv6));
    TrackerClient.Reply reply = server.http().get("/stats.json");
    assertEquals(200, reply.status());
    assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
    assertTrue(
        reply
            .text()
            .contains(
                "\"totals\":{\"http_announce\":6,\"http_scrape\":0,\"udp_connect\":1,"
                    + "\"udp_announce\":2,\"udp_scrape\":0}"),
        reply.text());
  }

  // The store gauges and the swarm counts change only when the next sample (every second) is taken.
  private static void awaitSample(String path, Predicate<String> sampled) {
    String[] last = {""};
    try {
      Poll.until(
          path + " shows the swarms",
          SAMPLED,
          () -> sampled.test(last[0] = server.http().get(path).text()));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last answer:\n" + last[0], e);
    }
  }

  @Test
  void karutasHealthChecksAreUpOnTheManagementPort() {
    for (String kind : List.of("live", "ready", "started")) {
      TrackerClient.Reply reply = server.management().get("/health/" + kind);
      assertEquals(200, reply.status(), kind + ": " + reply.text());
      assertTrue(
          reply.text().contains("\"name\":\"karuta-" + kind + "\",\"status\":\"UP\""),
          kind + ": " + reply.text());
    }
  }
}
