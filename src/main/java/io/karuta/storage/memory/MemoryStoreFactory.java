package io.karuta.storage.memory;

import io.karuta.config.Options;
import io.karuta.container.Maintenance;
import io.karuta.metrics.TrackerMetrics;
import io.karuta.storage.PeerStore;
import io.karuta.storage.PeerStoreFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.InstantSource;
import java.util.concurrent.ScheduledExecutorService;

/** The {@code memory} store: peers in this JVM's heap, expired by a periodic sweep. */
@ApplicationScoped
@Named("memory")
public class MemoryStoreFactory implements PeerStoreFactory {
  @Inject @Maintenance ScheduledExecutorService maintenance;
  @Inject TrackerMetrics metrics;

  @Override
  public PeerStore create(Options options) {
    MemoryPeerStore store =
        new MemoryPeerStore(MemoryStoreConfig.from(options), InstantSource.system());
    store.startGarbageCollection(maintenance, metrics::storeSweep);
    return store;
  }
}
