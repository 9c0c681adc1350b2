package io.karuta.storage.memory;

import io.karuta.storage.MutableClock;
import io.karuta.storage.PeerStore;
import io.karuta.storage.PeerStoreContractTest;

class MemoryPeerStoreTest extends PeerStoreContractTest {
  @Override
  protected PeerStore createStore(MutableClock clock) {
    return new MemoryPeerStore(
        new MemoryStoreConfig(MemoryStoreConfig.DEFAULT_GC_INTERVAL, LIFETIME), clock);
  }

  @Override
  protected void collectGarbage(PeerStore store) {
    ((MemoryPeerStore) store).collectGarbage();
  }
}
