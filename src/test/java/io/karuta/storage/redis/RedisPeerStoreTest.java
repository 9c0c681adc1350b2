package io.karuta.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Scrape;
import io.karuta.storage.MutableClock;
import io.karuta.storage.PeerStore;
import io.karuta.storage.PeerStoreContractTest;
import io.karuta.storage.StoreStats;
import io.karuta.storage.SwarmView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The store contract against a real Redis, plus what only Redis has: scripts and TTLs. */
class RedisPeerStoreTest extends PeerStoreContractTest {
  private static RedisServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = RedisServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected PeerStore createStore(MutableClock clock) {
    try (Jedis jedis = jedis()) {
      jedis.flushAll();
    }
    return new RedisPeerStore(RedisStoreConfig.of(server.url(), LIFETIME), clock);
  }

  @Override
  protected void collectGarbage(PeerStore store) {
    ((RedisPeerStore) store).collectGarbage();
  }

  @Test
  void statsNeverCountWhatTheScriptsWouldTrim() {
    store.putSeeder(ih(1), v4(1));
    store.graduateLeecher(ih(2), v6(2));
    assertTrue(store.deleteSeeder(ih(2), v6(2)));
    clock.advance(LIFETIME.plusMinutes(1));
    try (Jedis jedis = jedis()) {
      assertTrue(jedis.dbSize() > 0, "no script has trimmed the stale keys yet");
    }
    assertEquals(StoreStats.EMPTY, store.stats(10));
  }

  @Test
  void statsSeeEverySwarmAcrossManyScanBatches() {
    int swarms = 2 * StatsWalk.SCAN_COUNT + 7;
    for (int n = 1; n <= swarms; n++) {
      store.graduateLeecher(ih(n), v4(n));
      store.putLeecher(ih(n), v4(n + 1));
    }
    StoreStats stats = store.stats(1);
    assertEquals(new StoreStats.Totals(swarms, swarms, swarms, swarms), stats.ipv4());
    assertEquals(1, stats.top().size());
  }

  @Test
  void aForgottenScriptIsLoadedAgain() {
    store.putLeecher(ih(1), v4(1));
    try (Jedis jedis = jedis()) {
      jedis.scriptFlush();
    }
    store.putSeeder(ih(1), v4(2));
    try (Jedis jedis = jedis()) {
      jedis.scriptFlush();
    }
    assertEquals(new Scrape(ih(1), 1, 1, 0), store.scrapeSwarm(ih(1), AddressFamily.IPV4));
    try (Jedis jedis = jedis()) {
      jedis.scriptFlush();
    }
    assertEquals(List.of(v4(2)), store.announcePeers(ih(1), false, 50, v4(1)));
  }

  @Test
  void theScriptsAreCalledByTheSha1RedisGivesThem() {
    try (Jedis jedis = jedis()) {
      for (String source : List.of(SwarmScripts.READ, SwarmScripts.UPDATE)) {
        assertEquals(
            jedis.scriptLoad(source),
            new String(new Script(source).sha(), StandardCharsets.US_ASCII));
      }
    }
  }

  @Test
  void aMemberThisVersionCannotReadFailsWithTheFixedErrorNotAnInternalOne() {
    store.putSeeder(ih(1), v4(1));
    try (Jedis jedis = jedis()) {
      // A member of another layout, fresh enough not to be trimmed.
      jedis.zadd("karuta:{" + ih(1) + "}:4s", 1e15, "not a peer");
    }

    ClientError error =
        assertThrows(ClientError.class, () -> store.announceView(ih(1), false, 50, v4(2)));
    assertSame(RedisPeerStore.UNAVAILABLE, error);
    assertEquals(2, store.scrapeSwarm(ih(1), AddressFamily.IPV4).complete());
  }

  @Test
  void everyKeyOfASwarmExpiresWithinALifetime() {
    store.putLeecher(ih(1), v4(1));
    store.graduateLeecher(ih(1), v4(2));
    store.putSeeder(ih(1), v6(3));
    store.putLeecher(ih(1), v6(4));
    try (Jedis jedis = jedis()) {
      Set<String> keys = jedis.keys("*");
      assertEquals(5, keys.size(), () -> "keys: " + keys);
      long max = LIFETIME.toSeconds() + RedisPeerStore.TTL_MARGIN_SECONDS;
      for (String key : keys) {
        assertTrue(key.startsWith("karuta:{" + ih(1).toString() + "}:"), key);
        long ttl = jedis.ttl(key);
        assertTrue(ttl > 0 && ttl <= max, () -> key + " has TTL " + ttl);
      }
    }
  }

  @Test
  void anAnnounceReadsItsSwarmInOneRoundTrip() {
    store.putLeecher(ih(1), v4(1));
    store.putSeeder(ih(1), v4(2));
    long before = scriptCalls();
    SwarmView view = store.announceView(ih(1), false, 50, v4(3));
    assertEquals(before + 1, scriptCalls(), "one script call for counts and peers");
    assertEquals(2, view.peers().size());
    assertEquals(1, view.counts().complete());
  }

  /** Returns how many EVALSHA and EVAL commands the server has run. */
  private static long scriptCalls() {
    try (Jedis jedis = jedis()) {
      String stats = jedis.info("commandstats");
      return calls(stats, "cmdstat_evalsha:") + calls(stats, "cmdstat_eval:");
    }
  }

  private static long calls(String stats, String command) {
    int at = stats.indexOf(command);
    if (at < 0) {
      return 0;
    }
    int from = stats.indexOf("calls=", at) + "calls=".length();
    return Long.parseLong(stats.substring(from, stats.indexOf(',', from)));
  }

  @Test
  void aDeleteOfAnUnknownPeerWritesNothing() {
    assertFalse(store.deleteSeeder(ih(1), v4(1)));
    assertKeys(Set.of());
  }

  @Test
  void theLastPeerLeavingEmptiesTheDatabase() {
    store.putLeecher(ih(1), v4(1));
    assertTrue(store.deleteLeecher(ih(1), v4(1)));
    assertKeys(Set.of());
  }

  @Test
  void garbageCollectionDeletesTheKeysOfStaleSwarms() {
    store.putLeecher(ih(1), v4(1));
    store.putSeeder(ih(2), v6(2));
    clock.advance(LIFETIME.plusSeconds(1));
    store.putSeeder(ih(3), v4(3));
    assertEquals(3, ((RedisPeerStore) store).collectGarbage());
    assertKeys(Set.of("karuta:{" + ih(3) + "}:4s"));
  }

  private static void assertKeys(Set<String> expected) {
    try (Jedis jedis = jedis()) {
      assertEquals(expected, jedis.keys("*"));
    }
  }

  private static Jedis jedis() {
    return new Jedis(server.url());
  }
}
