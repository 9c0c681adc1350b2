package io.karuta.stats;

import io.karuta.config.TrackerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** Takes {@link StatsSnapshot}s of the running tracker for the stats endpoints. */
@ApplicationScoped
public class StatsSnapshots {
  @Inject StatsSampler sampler;
  @Inject TrackerConfig config;

  private final Clock clock = Clock.systemUTC();

  /** Returns the tracker's numbers now. */
  public StatsSnapshot take() {
    return StatsSnapshot.of(
        sampler, config.storage().name(), config.stats().sampleInterval(), clock.instant());
  }
}
