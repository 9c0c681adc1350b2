package io.karuta.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.ClientError;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrackerMetricsTest {
  private final TrackerMetrics metrics = new TrackerMetrics();

  private static String labels(Series series) {
    return series.labels().stream()
        .map(l -> l.name() + "=" + l.value())
        .collect(Collectors.joining(","));
  }

  private List<HistogramSeries> histograms(String family) {
    List<HistogramSeries> found = new ArrayList<>();
    for (Series series : metrics.series()) {
      if (series instanceof HistogramSeries h && series.family().name().equals(family)) {
        found.add(h);
      }
    }
    return found;
  }

  private HistogramSeries histogram(String family, String labels) {
    return histograms(family).stream()
        .filter(h -> labels(h).equals(labels))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + family + "{" + labels + "}"));
  }

  @Test
  void aRequestSeriesIsCreatedOnFirstUseWithItsLabels() {
    assertEquals(List.of(), histograms("karuta_udp_request_duration_seconds"));
    metrics.request(Protocol.UDP, Action.ANNOUNCE, AddressFamily.IPV6, null, 1_000);
    metrics.request(Protocol.UDP, Action.ANNOUNCE, AddressFamily.IPV6, null, 2_000);
    metrics.request(Protocol.HTTP, Action.SCRAPE, null, ClientError.INVALID_INFOHASH, 3_000);
    assertEquals(
        2,
        histogram(
                "karuta_udp_request_duration_seconds",
                "action=announce,address_family=ipv6,error=none")
            .count());
    assertEquals(
        1,
        histogram(
                "karuta_http_request_duration_seconds",
                "action=scrape,address_family=unknown,error=provided invalid infohash")
            .count());
    assertEquals(2, metrics.requestCount(Protocol.UDP, Action.ANNOUNCE));
    assertEquals(1, metrics.requestCount(Protocol.HTTP, Action.SCRAPE));
    assertEquals(0, metrics.requestCount(Protocol.HTTP, Action.ANNOUNCE));
  }

  @Test
  void errorTextsBeyondTheCapShareTheOtherLabel() {
    for (int i = 0; i < TrackerMetrics.MAX_ERROR_LABELS + 10; i++) {
      metrics.request(
          Protocol.HTTP, Action.ANNOUNCE, AddressFamily.IPV4, new ClientError("text " + i), 1);
    }
    List<HistogramSeries> series = histograms("karuta_http_request_duration_seconds");
    assertEquals(TrackerMetrics.MAX_ERROR_LABELS + 1, series.size());
    assertEquals(
        10,
        histogram(
                "karuta_http_request_duration_seconds",
                "action=announce,address_family=ipv4,error=other")
            .count());
    // A text seen before the cap keeps its own series.
    metrics.request(
        Protocol.HTTP, Action.ANNOUNCE, AddressFamily.IPV4, new ClientError("text 0"), 1);
    assertEquals(
        2,
        histogram(
                "karuta_http_request_duration_seconds",
                "action=announce,address_family=ipv4,error=text 0")
            .count());
  }

  @Test
  void hookRejectionsAreCountedByHookAndReasonOncePerName() {
    TrackerMetrics.HookRejections approval = metrics.hookRejections("client approval");
    assertSame(approval, metrics.hookRejections("client approval"));
    approval.count(new ClientError("unapproved client"));
    metrics.hookRejections("client approval").count(new ClientError("unapproved client"));
    metrics.hookRejections("passkey").count(new ClientError("unapproved request: missing passkey"));
    List<String> counted = new ArrayList<>();
    for (Series series : metrics.series()) {
      if (series instanceof CounterSeries c
          && series.family().name().equals("karuta_hook_rejections_total")) {
        counted.add(labels(c) + "=" + c.value());
      }
    }
    assertEquals(
        List.of(
            "hook=client approval,reason=unapproved client=2",
            "hook=passkey,reason=unapproved request: missing passkey=1"),
        counted);
  }

  @Test
  void dropsAreCountedByReasonFromTheStart() {
    metrics.udpDropped(UdpDropReason.TOO_SHORT);
    metrics.udpDropped(UdpDropReason.OVERLOAD, 5);
    List<String> drops = new ArrayList<>();
    for (Series series : metrics.series()) {
      if (series instanceof CounterSeries c
          && series.family().name().equals("karuta_udp_dropped_total")) {
        drops.add(labels(c) + "=" + c.value());
      }
    }
    assertEquals(
        List.of(
            "reason=too_short=1",
            "reason=not_a_request=0",
            "reason=unverified=0",
            "reason=sender_port_zero=0",
            "reason=overload=5"),
        drops);
  }

  @Test
  void listenersSeeExistingAndNewSeries() {
    List<String> seen = new ArrayList<>();
    metrics.subscribe(series -> seen.add(series.family().name()));
    int existing = seen.size();
    assertTrue(existing > 0);
    metrics.request(Protocol.UDP, Action.CONNECT, AddressFamily.IPV4, null, 1);
    metrics.request(Protocol.UDP, Action.CONNECT, AddressFamily.IPV4, null, 1);
    assertEquals(existing + 1, seen.size(), "one new series, announced once");
    assertEquals("karuta_udp_request_duration_seconds", seen.get(existing));
  }

  @Test
  void aFamilyKeepsItsType() {
    metrics.gauge("karuta_test", "help", List.of(), () -> 1);
    assertThrows(
        IllegalArgumentException.class, () -> metrics.counter("karuta_test", "help", List.of()));
  }

  @Test
  void aCounterOnlyGoesUp() {
    CounterSeries counter = metrics.counter("karuta_test_total", "help", List.of());
    assertThrows(IllegalArgumentException.class, () -> counter.add(-1));
  }
}
