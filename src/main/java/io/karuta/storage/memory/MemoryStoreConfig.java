package io.karuta.storage.memory;

import io.karuta.config.Options;
import java.time.Duration;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Settings of the memory store, from {@code storage.config} (chihaya's keys).
 *
 * @param gcInterval the pause between the end of one expiry sweep and the start of the next
 * @param peerLifetime how long a peer stays without announcing; keep it a little longer than the
 *     announce interval
 */
public record MemoryStoreConfig(Duration gcInterval, Duration peerLifetime) {
  private static final Logger LOG = Logger.getLogger(MemoryStoreConfig.class.getName());

  /** Chihaya's default sweep interval. */
  public static final Duration DEFAULT_GC_INTERVAL = Duration.ofMinutes(3);

  /** One minute more than the default announce interval, as chihaya's example advises. */
  public static final Duration DEFAULT_PEER_LIFETIME = Duration.ofMinutes(31);

  // Chihaya keys with no meaning here; "shards" is what very old chihaya configs called
  // shard_count.
  private static final Set<String> IGNORED =
      Set.of("shard_count", "shards", "prometheus_reporting_interval");

  /** Checks that both durations are positive. */
  public MemoryStoreConfig {
    if (gcInterval.isNegative()
        || gcInterval.isZero()
        || peerLifetime.isNegative()
        || peerLifetime.isZero()) {
      throw new IllegalArgumentException("gc_interval and peer_lifetime must be positive");
    }
  }

  /**
   * Reads and validates the options of the memory store.
   *
   * @throws io.karuta.config.ConfigException naming the bad key
   */
  public static MemoryStoreConfig from(Options options) {
    options.rejectUnknown(
        Set.of(
            "gc_interval",
            "peer_lifetime",
            "shard_count",
            "shards",
            "prometheus_reporting_interval"));
    for (String key : Set.of("shard_count", "shards")) {
      if (options.isSet(key)) {
        options.integer(key, 1024, 1, Integer.MAX_VALUE);
      }
    }
    if (options.isSet("prometheus_reporting_interval")) {
      options.duration(
          "prometheus_reporting_interval",
          Duration.ofSeconds(1),
          Duration.ZERO,
          Duration.ofDays(1));
    }
    for (String key : IGNORED) {
      if (options.isSet(key)) {
        LOG.warning(
            () ->
                options.prefix()
                    + key
                    + " has no effect in Karuta: the memory store locks each swarm on its own and"
                    + " metrics are computed when scraped");
      }
    }
    return new MemoryStoreConfig(
        options.duration(
            "gc_interval", DEFAULT_GC_INTERVAL, Duration.ofSeconds(1), Duration.ofDays(1)),
        options.duration(
            "peer_lifetime", DEFAULT_PEER_LIFETIME, Duration.ofSeconds(30), Duration.ofDays(7)));
  }
}
