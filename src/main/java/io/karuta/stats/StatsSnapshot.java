package io.karuta.stats;

import io.karuta.storage.StoreStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the stats page and {@code /stats.json} show, read at one moment, so that both render
 * the same numbers and tests can render a known state.
 *
 * @param version the build's version
 * @param started when the application started
 * @param now when the snapshot was taken; uptime is {@code now - started}
 * @param sampleInterval how often the sampler runs ({@code stats.sample_interval})
 * @param sampledAt when the store was last sampled, or {@code null} before the first sample
 * @param storeName the configured peer store ({@code storage.name})
 * @param storeReachable whether the last sample could read the store
 * @param store the store's counts at the last successful sample
 * @param requestTotals requests answered so far, in the order of {@link StatsSampler#RATE_KEYS}
 * @param rates requests per second of the last samples, oldest first
 */
public record StatsSnapshot(
    String version,
    Instant started,
    Instant now,
    Duration sampleInterval,
    Instant sampledAt,
    String storeName,
    boolean storeReachable,
    StoreStats store,
    long[] requestTotals,
    List<RateSample> rates) {

  /** Checks for nulls and for one total per rate key, and copies the arrays and lists. */
  public StatsSnapshot {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(sampleInterval, "sampleInterval");
    Objects.requireNonNull(storeName, "storeName");
    Objects.requireNonNull(store, "store");
    requestTotals = requestTotals.clone();
    if (requestTotals.length != StatsSampler.RATE_KEYS.size()) {
      throw new IllegalArgumentException("one total per rate key: " + requestTotals.length);
    }
    rates = List.copyOf(rates);
  }

  /** Reads {@code sampler} now. */
  public static StatsSnapshot of(
      StatsSampler sampler, String storeName, Duration sampleInterval, Instant now) {
    long[] totals = new long[StatsSampler.RATE_KEYS.size()];
    for (int i = 0; i < totals.length; i++) {
      totals[i] = sampler.requestCount(i);
    }
    return new StatsSnapshot(
        Build.version(),
        sampler.started(),
        now,
        sampleInterval,
        sampler.sampledAt(),
        storeName,
        sampler.storeReachable(),
        sampler.storeStats(),
        totals,
        sampler.rates());
  }

  /** Returns the total of rate key {@code index}. */
  public long requestTotal(int index) {
    return requestTotals[index];
  }

  /** Returns the whole seconds since the start, never negative. */
  public long uptimeSeconds() {
    return Math.max(0, Duration.between(started, now).getSeconds());
  }
}
