package io.karuta.storage.redis;

import static io.karuta.storage.redis.TestPeers.TORRENT;
import static io.karuta.storage.redis.TestPeers.peer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Peer;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

/**
 * With no Redis to answer, every call fails at once with the fixed client error, on the read path
 * (what the client sees) and the write path (after the reply), instead of a driver exception that
 * would become {@code internal server error} and a stack trace per request; and the store recovers
 * by itself when Redis is back. In Sentinel and Cluster mode, where building the client already
 * talks to Redis, the store can still be created while Redis is down.
 */
class RedisUnavailableTest {
  private static final Peer PEER = peer(1);

  @Test
  void everyCallFailsWithTheFixedClientError() throws Exception {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    RedisStoreConfig config =
        new RedisStoreConfig(
            RedisUrl.parse("url", "redis://127.0.0.1:" + closedPort),
            Duration.ofMinutes(31),
            Duration.ofMillis(200),
            Duration.ofMillis(200),
            2);
    try (RedisPeerStore store = new RedisPeerStore(config, InstantSource.system())) {
      assertUnavailable(() -> store.announceView(TORRENT, false, 50, PEER));
      assertUnavailable(() -> store.scrapeSwarm(TORRENT, AddressFamily.IPV4));
      assertUnavailable(() -> store.putLeecher(TORRENT, PEER));
      assertUnavailable(() -> store.deleteSeeder(TORRENT, PEER));
      assertUnavailable(() -> store.stats(10));
      assertFalse(store.isReachable());
    }
  }

  @Test
  void aStoreInAnyModeCanBeCreatedWhileRedisIsDownAndFailsFast() throws Exception {
    int closedPort;
    try (ServerSocket free = new ServerSocket(0)) {
      closedPort = free.getLocalPort();
    }
    List<HostAndPort> nowhere = List.of(new HostAndPort("127.0.0.1", closedPort));
    for (RedisTopology topology :
        List.of(
            new RedisTopology.Sentinel("karuta", nowhere, 0, Login.NONE, Login.NONE, false),
            new RedisTopology.Cluster(nowhere, Login.NONE, false, 3))) {
      RedisStoreConfig config =
          new RedisStoreConfig(
              topology, Duration.ofMinutes(31), Duration.ofMillis(200), Duration.ofMillis(200), 2);
      try (RedisPeerStore store = new RedisPeerStore(config, InstantSource.system())) {
        long start = System.nanoTime();
        assertUnavailable(() -> store.putLeecher(TORRENT, PEER));
        assertUnavailable(() -> store.scrapeSwarm(TORRENT, AddressFamily.IPV4));
        assertUnavailable(() -> store.stats(10));
        assertFalse(store.isReachable());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, () -> topology + ": took " + millis + " ms to fail");
      }
    }
  }

  @Test
  void serviceResumesByItselfWhenRedisAnswersAgain() throws Exception {
    RedisServer server = RedisServer.start();
    int port = server.port();
    try (RedisPeerStore store =
        new RedisPeerStore(
            RedisStoreConfig.of(server.url(), Duration.ofMinutes(31)), InstantSource.system())) {
      store.putLeecher(TORRENT, PEER);
      assertTrue(store.isReachable());
      server.close();
      assertUnavailable(() -> store.scrapeSwarm(TORRENT, AddressFamily.IPV4));
      assertUnavailable(() -> store.stats(10));
      assertFalse(store.isReachable());
      server = RedisServer.start(port);
      assertTrue(store.isReachable());
      // The pool dropped its broken connections; the next call opens a fresh one.
      store.putLeecher(TORRENT, PEER);
      assertEquals(1, store.scrapeSwarm(TORRENT, AddressFamily.IPV4).incomplete());
      assertEquals(1, store.stats(0).ipv4().leechers());
    } finally {
      server.close();
    }
  }

  private static void assertUnavailable(org.junit.jupiter.api.function.Executable call) {
    ClientError error = assertThrows(ClientError.class, call);
    assertSame(RedisPeerStore.UNAVAILABLE, error);
    assertEquals(1, error.retryInMinutes(), "BEP 31: HTTP clients may retry after a minute");
  }
}
