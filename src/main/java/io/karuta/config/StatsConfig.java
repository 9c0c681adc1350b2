package io.karuta.config;

import io.karuta.bittorrent.IpNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The settings of the metrics facade and of the stats endpoints ({@code /stats}, {@code
 * /stats.json}, {@code /stats/metrics}). Immutable and thread-safe.
 *
 * @param metricsEnabled whether requests are timed and counted ({@code metrics.enabled}); off only
 *     to measure what metrics cost
 * @param enabled whether the stats endpoints answer at all ({@code stats.enabled}); when off they
 *     are 404
 * @param allowedNetworks the client networks the stats endpoints answer ({@code
 *     stats.allowed_networks}); others get 403. The client address is resolved as for announces
 *     (trusted proxies and their header included)
 * @param sampleInterval how often store counts and request rates are sampled ({@code
 *     stats.sample_interval}), 1s to 1m
 */
public record StatsConfig(
    boolean metricsEnabled,
    boolean enabled,
    List<IpNetwork> allowedNetworks,
    Duration sampleInterval) {

  /** Checks for nulls and copies the list. */
  public StatsConfig {
    allowedNetworks = List.copyOf(allowedNetworks);
    Objects.requireNonNull(sampleInterval, "sampleInterval");
  }

  /** Returns whether the stats endpoints answer a client at {@code address}. */
  public boolean allows(io.karuta.bittorrent.IpAddress address) {
    for (IpNetwork network : allowedNetworks) {
      if (network.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
