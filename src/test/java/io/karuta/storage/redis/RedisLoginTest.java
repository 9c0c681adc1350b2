package io.karuta.storage.redis;

import static io.karuta.storage.redis.TestPeers.TORRENT;
import static io.karuta.storage.redis.TestPeers.peer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.Scrape;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * The user, password and database of the URL reach the server: against a server with {@code
 * requirepass} and an ACL user, the store works with the right login, writes into the database the
 * URL names, and fails with the store's client error with a wrong or missing login.
 */
class RedisLoginTest {
  private static final Peer PEER = peer(1);

  private static RedisServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server =
        RedisServer.start(
            List.of(
                "--requirepass",
                "s3cret",
                "--user",
                "karuta",
                "on",
                ">p@ss",
                "~karuta:*",
                "+@all"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void thePasswordOfTheDefaultUserAndTheDatabaseAreUsed() {
    assertWorks("redis://:s3cret@127.0.0.1:" + server.port() + "/3");
    assertEquals(Set.of("karuta:{" + TORRENT + "}:4l"), keys(3));
    assertEquals(Set.of(), keys(0));
  }

  @Test
  void anAclUserLogsInWithItsPercentEncodedPassword() {
    assertWorks("redis://karuta:p%40ss@127.0.0.1:" + server.port());
  }

  @Test
  void aWrongOrMissingLoginFailsWithTheClientError() {
    for (String url :
        List.of(
            "redis://:wrong@127.0.0.1:" + server.port(),
            "redis://karuta:s3cret@127.0.0.1:" + server.port(),
            "redis://127.0.0.1:" + server.port())) {
      try (RedisPeerStore store = store(url)) {
        ClientError error = assertThrows(ClientError.class, () -> store.putLeecher(TORRENT, PEER));
        assertSame(RedisPeerStore.UNAVAILABLE, error, url);
      }
    }
  }

  private static void assertWorks(String url) {
    try (RedisPeerStore store = store(url)) {
      store.putLeecher(TORRENT, PEER);
      assertEquals(new Scrape(TORRENT, 0, 1, 0), store.scrapeSwarm(TORRENT, AddressFamily.IPV4));
      store.collectGarbage();
    }
  }

  private static RedisPeerStore store(String url) {
    return new RedisPeerStore(
        RedisStoreConfig.of(URI.create(url), Duration.ofMinutes(31)), InstantSource.system());
  }

  private static Set<String> keys(int database) {
    try (Jedis jedis =
        new Jedis(
            new HostAndPort("127.0.0.1", server.port()),
            DefaultJedisClientConfig.builder().password("s3cret").database(database).build())) {
      return jedis.keys("*");
    }
  }
}
