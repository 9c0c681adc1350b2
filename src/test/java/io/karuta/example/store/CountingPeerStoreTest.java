package io.karuta.example.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karuta.storage.MutableClock;
import io.karuta.storage.PeerStore;
import io.karuta.storage.PeerStoreContractTest;
import io.karuta.storage.memory.MemoryPeerStore;
import io.karuta.storage.memory.MemoryStoreConfig;
import org.junit.jupiter.api.Test;

/**
 * Karuta's store contract, run against the example store: a third-party store extends {@link
 * PeerStoreContractTest} and says how to build and sweep its store, and inherits every rule.
 */
class CountingPeerStoreTest extends PeerStoreContractTest {
  private MemoryPeerStore inner;

  @Override
  protected PeerStore createStore(MutableClock clock) {
    inner =
        new MemoryPeerStore(
            new MemoryStoreConfig(MemoryStoreConfig.DEFAULT_GC_INTERVAL, LIFETIME), clock);
    return new CountingPeerStore(inner);
  }

  @Override
  protected void collectGarbage(PeerStore store) {
    inner.collectGarbage();
  }

  @Test
  void countsTheAnnouncesItReads() {
    store.announceView(ih(1), false, 10, v4(1));
    store.announceView(ih(2), true, 0, v6(1));
    assertEquals(2, ((CountingPeerStore) store).announces());
  }
}
