package io.karuta.storage.redis;

import static io.karuta.storage.redis.TestPeers.TORRENT;
import static io.karuta.storage.redis.TestPeers.peer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Scrape;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * When the primary dies, one store (not a new one) fails with its client error while there is no
 * primary, and writes again once the sentinels have promoted the replica, within {@link
 * #RESUME_BOUND}. What was written before the crash survives here only because the test waited for
 * the replica to acknowledge it (WAIT); with asynchronous replication it may be lost.
 */
class RedisSentinelFailoverTest {
  /** Down-after (1 s) plus the sentinels' election and promotion, with a wide margin for CI. */
  private static final Duration RESUME_BOUND = Duration.ofSeconds(30);

  @Test
  void writesResumeOnThePromotedReplicaWithoutANewStore() throws Exception {
    try (RedisSentinelSetup setup = RedisSentinelSetup.start();
        RedisPeerStore store = store(setup)) {
      store.putLeecher(TORRENT, peer(1));
      try (Jedis primary = setup.primary()) {
        // WAIT covers this connection's writes, and the replication stream is ordered: once the
        // fence is on the replica, so is the store's earlier write.
        primary.set("fence", "1");
        assertEquals(1, primary.waitReplicas(1, 5_000), "the replica acknowledged the writes");
      }

      setup.firstPrimary().kill();
      long killed = System.nanoTime();
      int failures = 0;
      while (true) {
        try {
          store.putLeecher(TORRENT, peer(2));
          break;
        } catch (ClientError e) {
          assertSame(RedisPeerStore.UNAVAILABLE, e);
          failures++;
        }
        long waited = System.nanoTime() - killed;
        assertTrue(
            waited < RESUME_BOUND.toNanos(),
            "no write succeeded within " + RESUME_BOUND + " of the crash");
        Thread.sleep(100);
      }
      long resumedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);

      assertTrue(failures > 0, "calls failed while there was no primary");
      assertEquals(setup.firstReplica().port(), setup.primaryPort(), "the replica was promoted");
      store.putSeeder(TORRENT, peer(3));
      assertEquals(
          new Scrape(TORRENT, 1, 2, 0),
          store.scrapeSwarm(TORRENT, AddressFamily.IPV4),
          () -> "read back after resuming " + resumedMillis + " ms after the crash");
    }
  }

  private static RedisPeerStore store(RedisSentinelSetup setup) {
    RedisTopology topology =
        new RedisTopology.Sentinel(
            RedisSentinelSetup.MASTER_NAME, setup.sentinels(), 0, Login.NONE, Login.NONE, false);
    return new RedisPeerStore(
        new RedisStoreConfig(
            topology, Duration.ofMinutes(31), Duration.ofMillis(500), Duration.ofMillis(500), 4),
        InstantSource.system());
  }
}
