package io.karuta.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.storage.memory.MemoryPeerStore;
import io.karuta.storage.redis.RedisPeerStore;
import io.karuta.testing.TrackerContainer;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The store is the factory bean named by {@code storage.name}, found as hooks are found. */
class PeerStoreProducerTest {

  @Test
  void theNamedFactoryMakesTheStore() {
    try (WeldContainer container = TrackerContainer.start(Map.of())) {
      assertTrue(container.select(PeerStore.class).get() instanceof MemoryPeerStore);
    }
    try (WeldContainer container =
        TrackerContainer.start(
            Map.of(
                "karuta.storage.name", "redis",
                "karuta.storage.config.url", "redis://127.0.0.1:1"))) {
      assertTrue(container.select(PeerStore.class).get() instanceof RedisPeerStore);
    }
  }

  @Test
  void anUnknownNameStopsTheStartListingTheStores() {
    try (WeldContainer container =
        TrackerContainer.start(Map.of("karuta.storage.name", "postgres"))) {
      RuntimeException e =
          assertThrows(
              RuntimeException.class, () -> container.select(PeerStore.class).get().close());
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      assertEquals(
          "karuta.storage.name: no store is named 'postgres' (available: memory, redis)",
          root.getMessage());
    }
  }
}
