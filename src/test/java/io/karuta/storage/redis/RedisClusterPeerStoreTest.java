package io.karuta.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.Scrape;
import io.karuta.storage.MutableClock;
import io.karuta.storage.PeerStore;
import io.karuta.storage.PeerStoreContractTest;
import io.karuta.storage.StoreStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The store contract against a real three-primary Redis Cluster, plus what only a Cluster has:
 * swarms spread over every primary, each primary loads the scripts on its first NOSCRIPT, and
 * garbage collection reaches every primary.
 */
class RedisClusterPeerStoreTest extends PeerStoreContractTest {
  private static final int SWARMS = 60;

  private static RedisCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = RedisCluster.start();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Override
  protected PeerStore createStore(MutableClock clock) {
    cluster.forEachNode(jedis -> jedis.flushAll());
    RedisTopology topology =
        new RedisTopology.Cluster(
            cluster.seeds(), Login.NONE, false, TopologyReader.DEFAULT_MAX_ATTEMPTS);
    return new RedisPeerStore(RedisStoreConfig.of(topology, LIFETIME), clock);
  }

  @Override
  protected void collectGarbage(PeerStore store) {
    ((RedisPeerStore) store).collectGarbage();
  }

  @Test
  void statsCountTheSwarmsOfEveryPrimary() {
    for (int n = 1; n <= SWARMS; n++) {
      store.putLeecher(ih(n), v4(1));
      store.putSeeder(ih(n), v6(2));
      store.graduateLeecher(ih(n), v4(1));
    }
    List<Long> keysPerNode = new ArrayList<>();
    cluster.forEachNode(jedis -> keysPerNode.add(jedis.dbSize()));
    assertTrue(keysPerNode.stream().allMatch(k -> k > 0), () -> "keys per node: " + keysPerNode);
    StoreStats stats = store.stats(3);
    assertEquals(new StoreStats.Totals(SWARMS, SWARMS, 0, SWARMS), stats.ipv4());
    assertEquals(new StoreStats.Totals(SWARMS, SWARMS, 0, 0), stats.ipv6());
    assertEquals(3, stats.top().size());
  }

  @Test
  void swarmsSpreadOverEveryPrimaryAndEachSwarmStaysOnOne() {
    cluster.forEachNode(jedis -> jedis.scriptFlush());
    for (int n = 1; n <= SWARMS; n++) {
      store.putLeecher(ih(n), v4(1));
      store.putSeeder(ih(n), v6(2));
      store.graduateLeecher(ih(n), v4(1));
    }
    List<Long> keysPerNode = new ArrayList<>();
    cluster.forEachNode(jedis -> keysPerNode.add(jedis.dbSize()));
    assertEquals(3 * SWARMS, keysPerNode.stream().mapToLong(Long::longValue).sum());
    assertTrue(keysPerNode.stream().allMatch(k -> k > 0), () -> "keys per node: " + keysPerNode);
    // Both families of a torrent share its hash tag, so all its keys sit on one node.
    Map<String, Integer> nodeOfTag = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      try (Jedis jedis = cluster.jedis(i)) {
        for (String key : jedis.keys("*")) {
          String tag = key.substring(key.indexOf('{'), key.indexOf('}') + 1);
          Integer other = nodeOfTag.put(tag, i);
          assertTrue(other == null || other == i, () -> key + " is on two nodes");
        }
      }
    }
    assertEquals(SWARMS, nodeOfTag.size());
    for (int n = 1; n <= SWARMS; n++) {
      assertEquals(new Scrape(ih(n), 1, 0, 1), store.scrapeSwarm(ih(n), AddressFamily.IPV4));
      assertEquals(new Scrape(ih(n), 1, 0, 0), store.scrapeSwarm(ih(n), AddressFamily.IPV6));
    }
  }

  @Test
  void garbageCollectionTrimsStaleSwarmsOnEveryPrimary() {
    for (int n = 1; n <= SWARMS; n++) {
      store.putLeecher(ih(n), v4(1));
    }
    List<Long> before = new ArrayList<>();
    cluster.forEachNode(jedis -> before.add(jedis.dbSize()));
    assertTrue(before.stream().allMatch(k -> k > 0), () -> "keys per node: " + before);
    clock.advance(LIFETIME.plusSeconds(1));
    store.putSeeder(ih(SWARMS + 1), v4(2));

    assertEquals(SWARMS + 1, ((RedisPeerStore) store).collectGarbage());

    Set<String> left = new HashSet<>();
    cluster.forEachNode(jedis -> left.addAll(jedis.keys("*")));
    assertEquals(Set.of("karuta:{" + ih(SWARMS + 1) + "}:4s"), left);
  }
}
