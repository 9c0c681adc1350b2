package io.karuta.example.store;

import io.karuta.config.Options;
import io.karuta.storage.PeerStore;
import io.karuta.storage.PeerStoreFactory;
import io.karuta.storage.memory.MemoryPeerStore;
import io.karuta.storage.memory.MemoryStoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.InstantSource;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The {@code example: counting memory} store: Karuta's memory store behind a {@link
 * CountingPeerStore}. Its one option, {@code peer_lifetime}, is the memory store's. The inner store
 * gets no periodic sweep here (a real store would run one on a scheduler it is given): stale peers
 * stay until they announce again or stop, which is fine for an example and not for production.
 */
@ApplicationScoped
@Named("example: counting memory")
public class CountingStoreFactory implements PeerStoreFactory {
  private static final Logger LOG = Logger.getLogger(CountingStoreFactory.class.getName());

  @Override
  public PeerStore create(Options options) {
    options.rejectUnknown(Set.of("peer_lifetime"));
    MemoryStoreConfig config = MemoryStoreConfig.from(options);
    LOG.info("example store: counting announces in front of a memory store");
    return new CountingPeerStore(new MemoryPeerStore(config, InstantSource.system()));
  }
}
