package io.karuta.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.bittorrent.Scrape;
import io.karuta.storage.PeerStore;
import io.karuta.testing.TrackerContainer;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** {@code storage.name: redis} gives the application a working Redis store. */
class RedisStoreWiringTest {
  @Test
  void theProducerBuildsARedisStoreFromTheConfiguration() throws Exception {
    try (RedisServer server = RedisServer.start();
        WeldContainer container =
            TrackerContainer.start(
                Map.of(
                    "karuta.storage.name", "redis",
                    "karuta.storage.config.url", server.url().toString(),
                    "karuta.storage.config.read_timeout", "500ms"))) {
      PeerStore store = container.select(PeerStore.class).get();
      assertInstanceOf(RedisPeerStore.class, store);
      InfoHash infoHash = InfoHash.of(new byte[20]);
      Peer peer = new Peer(PeerId.of(new byte[20]), IpAddress.parse("10.0.0.1"), 6881);
      store.putSeeder(infoHash, peer);
      assertEquals(new Scrape(infoHash, 1, 0, 0), store.scrapeSwarm(infoHash, AddressFamily.IPV4));
    }
  }
}
