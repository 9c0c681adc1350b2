package io.karuta.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.Scrape;
import io.karuta.storage.MutableClock;
import io.karuta.storage.PeerStore;
import io.karuta.storage.PeerStoreContractTest;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The store contract through Redis Sentinel: the store asks the sentinels for the primary and keeps
 * every swarm there, in the database the configuration names.
 */
class RedisSentinelPeerStoreTest extends PeerStoreContractTest {
  private static final int DATABASE = 2;

  private static RedisSentinelSetup setup;

  @BeforeAll
  static void startSentinels() throws Exception {
    setup = RedisSentinelSetup.start();
  }

  @AfterAll
  static void stopSentinels() throws Exception {
    if (setup != null) {
      setup.close();
    }
  }

  @Override
  protected PeerStore createStore(MutableClock clock) {
    try (Jedis jedis = setup.primary()) {
      jedis.flushAll();
    }
    RedisTopology topology =
        new RedisTopology.Sentinel(
            RedisSentinelSetup.MASTER_NAME,
            setup.sentinels(),
            DATABASE,
            Login.NONE,
            Login.NONE,
            false);
    return new RedisPeerStore(RedisStoreConfig.of(topology, LIFETIME), clock);
  }

  @Override
  protected void collectGarbage(PeerStore store) {
    ((RedisPeerStore) store).collectGarbage();
  }

  @Test
  void swarmsLiveOnThePrimaryInTheConfiguredDatabase() {
    store.putSeeder(ih(1), v4(1));
    try (Jedis jedis = setup.primary()) {
      jedis.select(DATABASE);
      assertEquals(Set.of("karuta:{" + ih(1) + "}:4s"), jedis.keys("*"));
    }
    assertEquals(new Scrape(ih(1), 1, 0, 0), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
  }
}
