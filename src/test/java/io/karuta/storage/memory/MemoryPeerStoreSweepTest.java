package io.karuta.storage.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Scrape;
import io.karuta.storage.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** What only the memory store does: its own sweep schedule and dropping empty swarms. */
class MemoryPeerStoreSweepTest {
  private static final InfoHash TORRENT =
      InfoHash.fromHex("3532cf2d327fad8448c075b4cb42c8136964a435");
  private static final Peer PEER =
      new Peer(PeerId.of(new byte[20]), IpAddress.parse("192.0.2.1"), 6881);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void theScheduledSweepExpiresStalePeers() throws InterruptedException {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    MemoryPeerStore store =
        new MemoryPeerStore(
            new MemoryStoreConfig(Duration.ofMillis(50), Duration.ofMinutes(30)), clock);
    try {
      store.putLeecher(TORRENT, PEER);
      store.startGarbageCollection(scheduler);
      clock.advance(Duration.ofMinutes(31));
      // Bounded wait for a sweep that runs every 50 ms; this checks that it runs, not how fast.
      for (int i = 0;
          i < 200 && store.scrapeSwarm(TORRENT, AddressFamily.IPV4).incomplete() > 0;
          i++) {
        Thread.sleep(50);
      }
      assertEquals(Scrape.empty(TORRENT), store.scrapeSwarm(TORRENT, AddressFamily.IPV4));
    } finally {
      store.close();
      scheduler.shutdownNow();
    }
  }

  @Test
  void emptySwarmsAreDropped() {
    MemoryPeerStore store =
        new MemoryPeerStore(
            new MemoryStoreConfig(Duration.ofMinutes(3), Duration.ofMinutes(30)), clock);
    store.putLeecher(TORRENT, PEER);
    store.putSeeder(InfoHash.fromHex("4532cf2d327fad8448c075b4cb42c8136964a435"), PEER);
    assertTrue(store.deleteLeecher(TORRENT, PEER));
    assertEquals(0, store.collectGarbage(), "deleting the last peer already dropped the swarm");
    clock.advance(Duration.ofMinutes(31));
    assertEquals(1, store.collectGarbage(), "the stale seeder's swarm goes");
    assertEquals(0, store.collectGarbage());
    store.close();
  }
}
