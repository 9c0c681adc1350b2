package io.karuta.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The validated settings of the tracker, built once at start-up by {@link ConfigReader} and
 * produced for injection by {@link ConfigProducer}. Immutable and thread-safe.
 *
 * @param announceInterval the {@code interval} sent to clients, 1s to 24h
 * @param minAnnounceInterval the {@code min interval} sent to HTTP clients, 1s to {@code
 *     announceInterval}
 * @param http the HTTP frontend's settings
 * @param udp the UDP frontend's settings
 * @param storage the chosen peer store and its options
 * @param stats the metrics switch and the stats endpoints' settings
 * @param preHooks the hooks run before the response, in order
 * @param postHooks the hooks run after the response, in order
 */
public record TrackerConfig(
    Duration announceInterval,
    Duration minAnnounceInterval,
    HttpConfig http,
    UdpConfig udp,
    StorageConfig storage,
    StatsConfig stats,
    List<HookConfig> preHooks,
    List<HookConfig> postHooks) {

  /** Checks for nulls and copies the lists. */
  public TrackerConfig {
    Objects.requireNonNull(announceInterval, "announceInterval");
    Objects.requireNonNull(minAnnounceInterval, "minAnnounceInterval");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(udp, "udp");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(stats, "stats");
    preHooks = List.copyOf(preHooks);
    postHooks = List.copyOf(postHooks);
  }
}
