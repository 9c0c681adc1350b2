package io.karuta.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.metrics.Action;
import io.karuta.metrics.GaugeSeries;
import io.karuta.metrics.Protocol;
import io.karuta.metrics.Series;
import io.karuta.metrics.TrackerMetrics;
import io.karuta.storage.PeerStore;
import io.karuta.storage.StoreStats;
import io.karuta.testing.Requests;
import io.karuta.testing.TrackerContainer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatsSamplerTest {
  private static final io.karuta.bittorrent.InfoHash BIG = hash(1);
  private static final io.karuta.bittorrent.InfoHash SMALL = hash(2);

  private WeldContainer container;
  private StatsSampler sampler;
  private PeerStore store;
  private TrackerMetrics metrics;

  private static io.karuta.bittorrent.InfoHash hash(int first) {
    byte[] bytes = new byte[20];
    bytes[0] = (byte) first;
    return io.karuta.bittorrent.InfoHash.of(bytes);
  }

  private static Peer peer(int number, String ip) {
    return new Peer(
        Requests.peerId(String.format("-KR0001-%012d", number)), IpAddress.parse(ip), 6881);
  }

  @BeforeEach
  void start() {
    // A long interval: the test takes its samples itself.
    container =
        TrackerContainer.startTracker(
            Map.of("karuta.udp.addr", "", "karuta.stats.sample_interval", "1m"));
    sampler = container.select(StatsSampler.class).get();
    store = container.select(PeerStore.class).get();
    metrics = container.select(TrackerMetrics.class).get();
  }

  @AfterEach
  void stop() {
    container.shutdown();
  }

  private double gauge(String name, String family) {
    for (Series series : metrics.series()) {
      if (series instanceof GaugeSeries gauge
          && series.family().name().equals(name)
          && (family == null || series.labels().get(0).value().equals(family))) {
        return gauge.value();
      }
    }
    throw new AssertionError("no gauge " + name);
  }

  @Test
  void aSampleReadsTheStoreAndFeedsTheGauges() {
    store.putSeeder(BIG, peer(1, "10.0.0.1"));
    store.putLeecher(BIG, peer(2, "10.0.0.2"));
    store.putLeecher(BIG, peer(3, "10.0.0.3"));
    store.graduateLeecher(SMALL, peer(4, "10.0.0.4"));
    store.putLeecher(SMALL, peer(5, "2001:db8::5"));
    sampler.sample();

    StoreStats stats = sampler.storeStats();
    assertEquals(new StoreStats.Totals(2, 2, 2, 1), stats.ipv4());
    assertEquals(new StoreStats.Totals(1, 0, 1, 0), stats.ipv6());
    assertEquals(
        List.of(BIG + "/IPv4/3", SMALL + "/IPv4/1", SMALL + "/IPv6/1"),
        stats.top().stream()
            .map(s -> s.infoHash() + "/" + s.family() + "/" + s.peers())
            .collect(Collectors.toList()));
    assertTrue(sampler.storeReachable());
    assertEquals(2, gauge("karuta_swarms", "ipv4"));
    assertEquals(2, gauge("karuta_seeders", "ipv4"));
    assertEquals(2, gauge("karuta_leechers", "ipv4"));
    assertEquals(1, gauge("karuta_downloads", "ipv4"));
    assertEquals(1, gauge("karuta_leechers", "ipv6"));
    assertEquals(1, gauge("karuta_storage_reachable", null));
    assertEquals(AddressFamily.IPV4, stats.top().get(0).family());
  }

  @Test
  void ratesAreRequestsPerSecondBetweenSamples() throws InterruptedException {
    awaitFirstSample();
    sampler.sample();
    int samples = sampler.rates().size();
    for (int i = 0; i < 30; i++) {
      metrics.request(Protocol.UDP, Action.ANNOUNCE, AddressFamily.IPV4, null, 1000);
    }
    metrics.request(Protocol.HTTP, Action.SCRAPE, AddressFamily.IPV6, null, 1000);
    long before = System.nanoTime();
    Thread.sleep(200);
    sampler.sample();
    double seconds = (System.nanoTime() - before) / 1e9;
    List<RateSample> all = sampler.rates();
    assertEquals(samples + 1, all.size());
    List<RateSample> rates = all.subList(samples, samples + 1);
    int udpAnnounce = StatsSampler.RATE_KEYS.indexOf("udp_announce");
    int httpScrape = StatsSampler.RATE_KEYS.indexOf("http_scrape");
    int httpAnnounce = StatsSampler.RATE_KEYS.indexOf("http_announce");
    double rate = rates.get(0).rate(udpAnnounce);
    // 30 requests over a bit more than the 200 ms slept (never more than the time measured here).
    assertTrue(rate <= 30 / 0.2 && rate >= 30 / (seconds + 0.5), "rate " + rate);
    assertTrue(rates.get(0).rate(httpScrape) > 0);
    assertEquals(0.0, rates.get(0).rate(httpAnnounce));
    assertEquals(30, sampler.requestCount(udpAnnounce));
  }

  /** The application's start schedules a first sample at once, on the scheduler's thread. */
  private void awaitFirstSample() throws InterruptedException {
    for (int i = 0; i < 500 && sampler.sampledAt() == null; i++) {
      Thread.sleep(10);
    }
    assertTrue(sampler.sampledAt() != null, "no sample after start");
  }

  @Test
  void theFirstSampleIsTakenAtStart() throws InterruptedException {
    awaitFirstSample();
  }

  @Test
  void aQuickStoreWalkLeavesTheDelayAtTheInterval() {
    sampler.sample();
    assertEquals(java.time.Duration.ofMinutes(1).toNanos(), sampler.nextDelayNanos());
  }

  @Test
  void theHistoryKeepsTheLastSamples() {
    for (int i = 0; i < StatsSampler.HISTORY + 5; i++) {
      sampler.sample();
    }
    assertEquals(StatsSampler.HISTORY, sampler.rates().size());
  }
}
