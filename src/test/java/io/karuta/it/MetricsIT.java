package io.karuta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * After a known mix of HTTP and UDP traffic on a fresh tracker JVM, Payara's {@code /metrics} holds
 * exactly the expected Karuta series and values: request counts by protocol, action, family and
 * error, drops by reason, hook rejections, store gauges, and no other {@code karuta_} family.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT {
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final String BLOCKED_CLIENT = "-BL0001-000000000001";

  private static KarutaProcess tracker;

  @RegisterExtension
  static final LogsOnFailure LOGS = new LogsOnFailure("MetricsIT", () -> "tracker: " + tracker);

  @BeforeAll
  static void start() throws Exception {
    tracker =
        KarutaProcess.launch(
            "metrics",
            "karuta:\n"
                + "  udp:\n"
                + "    workers: 1\n"
                + "  stats:\n"
                + "    sample_interval: 1s\n"
                + "  prehooks:\n"
                + "    - name: client approval\n"
                + "      options:\n"
                + "        blacklist: [BL0001]\n");
    tracker.awaitReady(STARTUP);
  }

  @AfterAll
  static void stop() throws Exception {
    if (tracker != null) {
      tracker.stop();
    }
  }

  @Test
  @Order(1)
  void knownTrafficGivesExactlyTheExpectedSeries() throws Exception {
    TrackerClient http = tracker.http();
    Announce first = Announce.fresh();
    // HTTP: two leechers and a seeder of one torrent, a scrape, and an announce without peer_id.
    http.announce(first.peer(1, 6001).left(10)).dict();
    http.announce(first.peer(2, 6002).left(10)).dict();
    http.announce(first.peer(3, 6003).left(0)).dict();
    assertTrue(
        http.get("/scrape?info_hash=" + TrackerClient.escape(first.infoHash()))
            .text()
            .contains("files"));
    assertEquals(
        "failed to parse parameter: peer_id",
        http.get("/announce?info_hash=" + TrackerClient.escape(first.infoHash()) + "&port=1")
            .failure());

    // UDP: one connect, two leechers of a second torrent, a scrape, a blocked client, a bad
    // connection ID, and two datagrams that get no reply.
    UdpTrackerClient udp = tracker.udp();
    long id = udp.connect();
    byte[] second = Announce.randomInfoHash();
    for (int peer = 1; peer <= 2; peer++) {
      byte[] reply =
          udp.exchange(
              UdpTrackerClient.announce(
                  id, peer, second, String.format("-KR0001-%012d", peer), 10, 2, 10, 7000 + peer));
      assertEquals(1, ByteBuffer.wrap(reply).getInt(0), "announce reply");
    }
    udp.exchange(UdpTrackerClient.scrape(id, 3, second));
    assertEquals(
        "unapproved client",
        UdpTrackerClient.errorText(
            udp.exchange(UdpTrackerClient.announce(id, 4, second, BLOCKED_CLIENT, 10, 2, 10, 7003)),
            4));
    assertEquals(
        "bad connection ID",
        UdpTrackerClient.errorText(
            udp.exchange(
                UdpTrackerClient.announce(
                    id ^ 1, 5, second, "-KR0001-000000000009", 10, 2, 10, 7004)),
            5));
    udp.assertSilent(new byte[8], "too short");
    udp.assertSilent(
        ByteBuffer.allocate(16).putLong(42).putInt(0).putInt(6).array(), "connect without magic");

    Map<String, Double> expected = new LinkedHashMap<>();
    String http4 =
        "karuta_http_request_duration_seconds_count{action=\"%s\",address_family=\"ipv4\",error=\"%s\"}";
    String udp4 =
        "karuta_udp_request_duration_seconds_count{action=\"%s\",address_family=\"ipv4\",error=\"%s\"}";
    expected.put(String.format(http4, "announce", "none"), 3.0);
    expected.put(String.format(http4, "scrape", "none"), 1.0);
    expected.put(String.format(http4, "announce", "failed to parse parameter: peer_id"), 1.0);
    expected.put(
        "karuta_http_request_duration_seconds_bucket{action=\"announce\",address_family=\"ipv4\",error=\"none\",le=\"+Inf\"}",
        3.0);
    expected.put(String.format(udp4, "connect", "none"), 1.0);
    expected.put(String.format(udp4, "announce", "none"), 2.0);
    expected.put(String.format(udp4, "scrape", "none"), 1.0);
    expected.put(String.format(udp4, "announce", "unapproved client"), 1.0);
    expected.put(String.format(udp4, "announce", "bad connection ID"), 1.0);
    expected.put(
        "karuta_hook_rejections_total{hook=\"client approval\",reason=\"unapproved client\"}", 1.0);
    expected.put("karuta_udp_dropped_total{reason=\"too_short\"}", 1.0);
    expected.put("karuta_udp_dropped_total{reason=\"not_a_request\"}", 1.0);
    expected.put("karuta_udp_dropped_total{reason=\"unverified\"}", 0.0);
    expected.put("karuta_udp_dropped_total{reason=\"sender_port_zero\"}", 0.0);
    expected.put("karuta_udp_dropped_total{reason=\"overload\"}", 0.0);
    expected.put("karuta_swarms{address_family=\"ipv4\"}", 2.0);
    expected.put("karuta_seeders{address_family=\"ipv4\"}", 1.0);
    expected.put("karuta_leechers{address_family=\"ipv4\"}", 4.0);
    expected.put("karuta_downloads{address_family=\"ipv4\"}", 0.0);
    expected.put("karuta_swarms{address_family=\"ipv6\"}", 0.0);
    expected.put("karuta_storage_reachable", 1.0);
    // The scrape itself: Payara answers /metrics inside the application at context root /, so it
    // passes Karuta's filter as /stats/metrics does.
    expected.put("karuta_http_requests_in_flight", 1.0);

    AtomicReference<Exposition> last = new AtomicReference<>();
    AtomicReference<Map<String, Double>> actual = new AtomicReference<>();
    // Counters reach MicroProfile Metrics within a second, gauges with the next sample.
    try {
      Poll.until(
          "the expected series on /metrics",
          Duration.ofSeconds(15),
          () -> {
            Exposition exposition = Exposition.parse(metrics("/metrics?scope=application"));
            last.set(exposition);
            Map<String, Double> found = new LinkedHashMap<>();
            expected.keySet().forEach(key -> found.put(key, exposition.get(key)));
            actual.set(found);
            return found.equals(expected);
          });
    } catch (AssertionError timedOut) {
      // Show what differs.
      assertEquals(expected, actual.get());
    }
    Exposition exposition = last.get();
    assertEquals(
        Set.of(
            "karuta_downloads",
            "karuta_hook_rejections_total",
            "karuta_http_request_duration_seconds_bucket",
            "karuta_http_requests_in_flight",
            "karuta_http_request_duration_seconds_count",
            "karuta_http_request_duration_seconds_sum",
            "karuta_info",
            "karuta_leechers",
            "karuta_seeders",
            "karuta_storage_gc_duration_seconds_bucket",
            "karuta_storage_gc_duration_seconds_count",
            "karuta_storage_gc_duration_seconds_sum",
            "karuta_storage_reachable",
            "karuta_swarms",
            "karuta_udp_dropped_total",
            "karuta_udp_receive_queue_bytes",
            "karuta_udp_request_duration_seconds_bucket",
            "karuta_udp_request_duration_seconds_count",
            "karuta_udp_request_duration_seconds_sum"),
        exposition.names("karuta_"),
        "no other karuta_ family");
    // Nothing else was counted: every request series is one of the expected ones.
    long requestSeries =
        exposition.samples().keySet().stream()
            .filter(key -> key.contains("_request_duration_seconds_count"))
            .count();
    assertEquals(8, requestSeries, "request series " + exposition.samples().keySet());
    assertBucketsCumulative(exposition);

    // Karuta's own exposition, which servers without MicroProfile Metrics rely on, holds the same
    // samples: same names, labels and values (counters there are never behind).
    AtomicReference<Exposition> own = new AtomicReference<>();
    Poll.until(
        "/stats/metrics and /metrics agree",
        Duration.ofSeconds(10),
        () -> {
          own.set(Exposition.parse(metrics("/stats/metrics")));
          return agree(own.get(), Exposition.parse(metrics("/metrics?scope=application")));
        });
    for (Map.Entry<String, Double> sample : expected.entrySet()) {
      assertEquals(sample.getValue(), own.get().get(sample.getKey()), sample.getKey());
    }
  }

  /**
   * Prometheus's own linter accepts Karuta's exposition (names, types, suffixes, help texts), the
   * example scrape configuration in docs/prometheus and the one of docker/compose.yaml.
   */
  @Test
  @Order(2)
  void promtoolAcceptsTheExpositionAndTheExampleConfiguration() throws Exception {
    // After the traffic of the first test, so histograms, counters and gauges are all there.
    assertEquals("", promtool(metrics("/stats/metrics"), "check", "metrics"));
    for (String file :
        List.of("docs/prometheus/prometheus.yml", "docker/prometheus/prometheus.yml")) {
      String config = promtool("", "check", "config", Path.of(file).toString());
      assertTrue(config.contains("SUCCESS"), file + ": " + config);
    }
  }

  /**
   * Runs Debian's {@code promtool} with {@code input} on its standard input; returns its output and
   * fails unless it exits with 0.
   */
  private static String promtool(String input, String... arguments) throws Exception {
    Path binary = Path.of("/usr/bin/promtool");
    assertTrue(
        Files.isExecutable(binary),
        "/usr/bin/promtool is missing: install Debian's prometheus package (.ci/run does)");
    List<String> command = new java.util.ArrayList<>(List.of(binary.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (var in = process.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "promtool did not finish");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), "promtool " + arguments[1] + ": " + output);
    return output.strip();
  }

  /**
   * Whether both hold the same samples with the same values; sums in seconds only to a millionth,
   * since Payara rounds what it prints.
   */
  private static boolean agree(Exposition a, Exposition b) {
    if (!a.samples().keySet().equals(b.samples().keySet())) {
      return false;
    }
    for (Map.Entry<String, Double> sample : a.samples().entrySet()) {
      double other = b.get(sample.getKey());
      boolean sum = sample.getKey().contains("_sum");
      if (sum ? Math.abs(sample.getValue() - other) > 1e-6 : sample.getValue() != other) {
        return false;
      }
    }
    return true;
  }

  /** Every histogram's buckets never decrease with {@code le}, and +Inf equals the count. */
  private static void assertBucketsCumulative(Exposition exposition) {
    for (Map.Entry<String, Double> sample : exposition.samples().entrySet()) {
      String key = sample.getKey();
      if (!key.contains("_count")) {
        continue;
      }
      String labels =
          key.contains("{") ? key.substring(key.indexOf('{') + 1, key.length() - 1) : "";
      String bucketPrefix = key.substring(0, key.indexOf("_count")) + "_bucket{";
      double previous = 0;
      for (String le : List.of("0.0001", "0.001", "0.01", "0.1", "1", "+Inf")) {
        String bucket =
            bucketPrefix + (labels.isEmpty() ? "" : labels + ",") + "le=\"" + le + "\"}";
        Double value = exposition.get(bucket);
        if (value == null) {
          continue;
        }
        assertTrue(value >= previous, bucket + " below a smaller bucket");
        previous = value;
      }
      assertEquals(sample.getValue(), previous, "+Inf bucket of " + key);
    }
  }

  private static String metrics(String path) {
    TrackerClient.Reply reply = tracker.http().get(path);
    assertEquals(200, reply.status(), path);
    return new String(reply.body(), StandardCharsets.UTF_8);
  }
}
