package io.karuta.logic;

import io.karuta.config.TrackerConfig;
import io.karuta.container.AfterResponse;
import io.karuta.container.Maintenance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Stands in for the container in a Weld SE test: the configuration chosen by the test, an executor
 * that queues post-response work until the test runs it, and a real scheduler.
 */
@ApplicationScoped
public class TestResources {
  static volatile TrackerConfig config;

  private final Queue<Runnable> queued = new ArrayDeque<>();

  @Produces
  TrackerConfig config() {
    return config;
  }

  @Produces
  @AfterResponse
  Executor afterResponse() {
    return task -> {
      synchronized (queued) {
        queued.add(task);
      }
    };
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

  /** Returns how many tasks wait in the queue. */
  int pending() {
    synchronized (queued) {
      return queued.size();
    }
  }

  /** Runs the queued post-response work, in order, on the test thread. */
  void runPending() {
    while (true) {
      Runnable task;
      synchronized (queued) {
        task = queued.poll();
      }
      if (task == null) {
        return;
      }
      task.run();
    }
  }
}
