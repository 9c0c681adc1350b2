package io.karuta.metrics;

import io.karuta.config.TrackerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Produces the application's one {@link TrackerMetrics}, as {@code metrics.enabled} says. */
@ApplicationScoped
public class MetricsProducer {
  @Inject TrackerConfig config;

  // A pseudo-scope without a client proxy: a proxy would look up its context on each of the two
  // calls every request makes (the same reason as for the peer store).
  @Produces
  @Singleton
  TrackerMetrics metrics() {
    return new TrackerMetrics(config.stats().metricsEnabled());
  }
}
