package io.karuta.logic;

import io.karuta.config.TrackerConfig;
import io.karuta.container.Maintenance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Stands in for the container in a Weld SE test: the configuration chosen by the test, and a real
 * scheduler.
 */
@ApplicationScoped
public class TestResources {
  static volatile TrackerConfig config;

  @Produces
  TrackerConfig config() {
    return config;
  }

  @Produces
  @ApplicationScoped
  @Maintenance
  ScheduledExecutorService maintenance() {
    return Executors.newSingleThreadScheduledExecutor();
  }

  void shutdown(@Disposes @Maintenance ScheduledExecutorService scheduler) {
    scheduler.shutdownNow();
  }
}
