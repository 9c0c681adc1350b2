package io.karuta.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Peer;
import io.karuta.storage.SwarmView;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The fallback for machines without an installed Redis works: the binary embedded in the test
 * dependency starts, is the oldest Redis the store supports (6.2, the first with ZRANDMEMBER), and
 * runs both of the store's scripts. The whole Redis suite runs on it with {@code
 * -Dkaruta.test.redis-server=embedded}.
 */
class EmbeddedRedisTest {

  @Test
  void theEmbeddedRedisIsVersion62AndRunsTheStoreScripts() throws Exception {
    try (RedisServer server =
            RedisServer.start(RedisBinary.embedded(), RedisServer.freePort(), List.of());
        Jedis jedis = new Jedis(server.url());
        RedisPeerStore store =
            new RedisPeerStore(
                RedisStoreConfig.of(server.url(), Duration.ofMinutes(31)),
                InstantSource.system())) {
      assertTrue(jedis.info("server").contains("redis_version:6.2."), jedis.info("server"));

      InfoHash infoHash = TestPeers.TORRENT;
      Peer seeder = TestPeers.peer(1);
      Peer leecher = TestPeers.peer(2);
      store.putSeeder(infoHash, seeder);
      store.putLeecher(infoHash, leecher);
      SwarmView view = store.announceView(infoHash, false, 10, leecher);

      assertEquals(List.of(seeder), view.peers());
      assertEquals(1, view.counts().complete());
      assertEquals(1, view.counts().incomplete());
      assertEquals(1, store.scrapeSwarm(infoHash, AddressFamily.IPV4).complete());
    }
  }
}
