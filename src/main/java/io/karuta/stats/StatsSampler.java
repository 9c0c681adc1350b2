package io.karuta.stats;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.config.TrackerConfig;
import io.karuta.container.Maintenance;
import io.karuta.frontend.udp.UdpListener;
import io.karuta.metrics.Action;
import io.karuta.metrics.Label;
import io.karuta.metrics.Protocol;
import io.karuta.metrics.TrackerMetrics;
import io.karuta.metrics.UdpDropReason;
import io.karuta.storage.PeerStore;
import io.karuta.storage.StoreStats;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Samples, every {@code stats.sample_interval}, what is too costly to compute per scrape or per
 * page view: the store's counts (a walk over every swarm), request rates, and the kernel's UDP drop
 * and queue counters. Registers the gauges that read those samples, and adds the kernel's overload
 * drops to {@code karuta_udp_dropped_total{reason="overload"}}. Keeps {@value #HISTORY} rate
 * samples for the stats page's chart. Thread-safe: one scheduled task writes, readers see immutable
 * samples.
 */
@ApplicationScoped
public class StatsSampler {
  private static final Logger LOG = Logger.getLogger(StatsSampler.class.getName());

  /** How many rate samples are kept: with the default 5 s interval, five minutes. */
  public static final int HISTORY = 60;

  /** How many of the largest swarms the stats page lists. */
  public static final int TOP_SWARMS = 10;

  /** The rate keys, {@code protocol_action}, in the order of {@link RateSample#perSecond()}. */
  public static final List<String> RATE_KEYS =
      List.of("http_announce", "http_scrape", "udp_connect", "udp_announce", "udp_scrape");

  private static final Protocol[] RATE_PROTOCOLS = {
    Protocol.HTTP, Protocol.HTTP, Protocol.UDP, Protocol.UDP, Protocol.UDP
  };
  private static final Action[] RATE_ACTIONS = {
    Action.ANNOUNCE, Action.SCRAPE, Action.CONNECT, Action.ANNOUNCE, Action.SCRAPE
  };

  @Inject TrackerConfig config;
  @Inject PeerStore store;
  @Inject TrackerMetrics metrics;
  @Inject UdpListener udp;
  @Inject @Maintenance ScheduledExecutorService maintenance;

  private final Instant started = Instant.now();
  private final ArrayDeque<RateSample> history = new ArrayDeque<>();

  /**
   * The next sample waits at least this many times the last store walk: on a large Redis keyspace
   * the walk costs Redis CPU that announces need, so it may take at most a tenth of the time.
   */
  static final int WALK_SHARE = 10;

  private volatile ScheduledFuture<?> task;
  private volatile boolean stopped;
  private long lastWalkNanos;
  private long[] lastCounts;
  private long lastNanos;
  private long lastKernelDrops;

  private volatile StoreStats stats = StoreStats.EMPTY;
  private volatile boolean storeReachable = true;
  private volatile Instant sampledAt;
  private volatile long queuedBytes;
  private volatile List<RateSample> rates = List.of();

  /** Registers the gauges and schedules the first sample; called once, by the tracker's start. */
  public void start() {
    registerGauges();
    // The first sample runs on the scheduler too: walking a large Redis keyspace must not hold up
    // the deployment.
    task = maintenance.schedule(this::sampleAndReschedule, 0, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    stopped = true;
    ScheduledFuture<?> scheduled = task;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
  }

  /** Returns when the application started. */
  public Instant started() {
    return started;
  }

  /** Returns the store's counts at the last successful sample; empty before the first. */
  public StoreStats storeStats() {
    return stats;
  }

  /** Returns whether the last sample could read the store. */
  public boolean storeReachable() {
    return storeReachable;
  }

  /** Returns when the last sample was taken, or {@code null} before the first. */
  public Instant sampledAt() {
    return sampledAt;
  }

  /** Returns the request rates of the last samples, oldest first, at most {@value #HISTORY}. */
  public List<RateSample> rates() {
    return rates;
  }

  /** Returns the requests answered so far for rate key {@code index} of {@link #RATE_KEYS}. */
  public long requestCount(int index) {
    return metrics.requestCount(RATE_PROTOCOLS[index], RATE_ACTIONS[index]);
  }

  /** Takes a sample now; the schedule calls it, and tests may too. */
  public synchronized void sample() {
    long walk = System.nanoTime();
    try {
      stats = store.stats(TOP_SWARMS);
      storeReachable = true;
    } catch (RuntimeException e) {
      // The store logs its own outage; the page and gauges keep the last counts.
      storeReachable = false;
    }
    long nanos = System.nanoTime();
    lastWalkNanos = nanos - walk;
    long[] counts = new long[RATE_KEYS.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = requestCount(i);
    }
    if (lastCounts != null) {
      double seconds = Math.max(1e-3, (nanos - lastNanos) / 1e9);
      double[] perSecond = new double[counts.length];
      for (int i = 0; i < counts.length; i++) {
        perSecond[i] = (counts[i] - lastCounts[i]) / seconds;
      }
      history.addLast(new RateSample(Instant.now(), perSecond));
      if (history.size() > HISTORY) {
        history.removeFirst();
      }
      rates = List.copyOf(history);
    }
    lastCounts = counts;
    lastNanos = nanos;
    long kernelDrops = udp.droppedDatagrams();
    if (kernelDrops > lastKernelDrops) {
      metrics.udpDropped(UdpDropReason.OVERLOAD, kernelDrops - lastKernelDrops);
      lastKernelDrops = kernelDrops;
    }
    queuedBytes = udp.queuedBytes();
    sampledAt = Instant.now();
  }

  /**
   * Returns the delay before the next sample: the sample interval, or {@value #WALK_SHARE} times
   * the last store walk when that is longer.
   */
  synchronized long nextDelayNanos() {
    return Math.max(config.stats().sampleInterval().toNanos(), WALK_SHARE * lastWalkNanos);
  }

  private void sampleAndReschedule() {
    sampleSafely();
    if (!stopped) {
      task =
          maintenance.schedule(this::sampleAndReschedule, nextDelayNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void sampleSafely() {
    try {
      sample();
    } catch (RuntimeException | Error e) {
      // A failed sample must not end the schedule: the gauges would freeze without a word.
      LOG.log(Level.WARNING, "stats sample failed", e);
    }
  }

  private void registerGauges() {
    for (AddressFamily family : AddressFamily.values()) {
      List<Label> labels =
          List.of(new Label("address_family", family.name().toLowerCase(Locale.ROOT)));
      storeGauge("karuta_swarms", "Swarms in the store", labels, family, StoreStats.Totals::swarms);
      storeGauge(
          "karuta_seeders", "Seeders in the store", labels, family, StoreStats.Totals::seeders);
      storeGauge(
          "karuta_leechers", "Leechers in the store", labels, family, StoreStats.Totals::leechers);
      storeGauge(
          "karuta_downloads",
          "Completed downloads the store's swarms remember",
          labels,
          family,
          StoreStats.Totals::downloads);
    }
    metrics.gauge(
        "karuta_storage_reachable",
        "1 when the last sample could read the store, else 0",
        List.of(),
        () -> storeReachable ? 1 : 0);
    metrics.gauge(
        "karuta_udp_receive_queue_bytes",
        "Bytes waiting in the UDP workers' socket receive queues (their backlog); NaN where the"
            + " kernel does not say",
        List.of(),
        () -> queuedBytes < 0 ? Double.NaN : queuedBytes);
    metrics.gauge(
        "karuta_info",
        "Always 1; the labels tell the version",
        List.of(new Label("version", Build.version())),
        () -> 1);
  }

  private void storeGauge(
      String name,
      String help,
      List<Label> labels,
      AddressFamily family,
      ToLongFunction<StoreStats.Totals> value) {
    metrics.gauge(name, help, labels, () -> value.applyAsLong(stats.of(family)));
  }
}
