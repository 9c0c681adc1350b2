package io.karuta.storage;

import io.karuta.config.ConfigException;
import io.karuta.config.TrackerConfig;
import io.karuta.container.Maintenance;
import io.karuta.metrics.TrackerMetrics;
import io.karuta.storage.memory.MemoryPeerStore;
import io.karuta.storage.memory.MemoryStoreConfig;
import io.karuta.storage.redis.RedisPeerStore;
import io.karuta.storage.redis.RedisStoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/**
 * Produces the one {@link PeerStore} of the application, of the kind {@code storage.name} names.
 */
@ApplicationScoped
public class PeerStoreProducer {
  private static final Logger LOG = Logger.getLogger(PeerStoreProducer.class.getName());

  @Inject TrackerConfig config;
  @Inject @Maintenance ScheduledExecutorService maintenance;
  @Inject TrackerMetrics metrics;

  // A pseudo-scope without a client proxy: the store is called several times per request, and a
  // proxy would look up its context on every call.
  @Produces
  @Singleton
  PeerStore peerStore() {
    String name = config.storage().name();
    PeerStore store =
        switch (name) {
          case "memory" -> memory();
          case "redis" -> redis();
          default ->
              throw new ConfigException(
                  "karuta.storage.name: unknown store '" + name + "' (allowed: memory, redis)");
        };
    LOG.info("peer store: " + name);
    return store;
  }

  private PeerStore memory() {
    MemoryPeerStore store =
        new MemoryPeerStore(
            MemoryStoreConfig.from(config.storage().options()), InstantSource.system());
    store.startGarbageCollection(maintenance, metrics::storeSweep);
    return store;
  }

  // No sweep: the scripts drop stale peers of the swarm they touch, and key TTLs the rest.
  private PeerStore redis() {
    return new RedisPeerStore(
        RedisStoreConfig.from(config.storage().options()), InstantSource.system());
  }

  // Static, so closing at shutdown does not need this (already destroyed) bean again.
  static void close(@Disposes PeerStore store) {
    store.close();
  }
}
