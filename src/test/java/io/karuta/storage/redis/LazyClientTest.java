package io.karuta.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/** The client is built once, on first use; a failed build is retried only after the delay. */
class LazyClientTest {
  private static final Duration WAIT = Duration.ofMillis(100);
  private static final Duration DELAY = Duration.ofMillis(200);

  @Test
  void aFailedBuildIsRetriedAfterTheDelayAndASuccessfulOneKept() throws Exception {
    AtomicInteger builds = new AtomicInteger();
    // A standalone client opens no connection until used: a stand-in that needs no server.
    UnifiedJedis built = RedisClient.create("127.0.0.1", 1);
    try (LazyClient client =
        new LazyClient(
            () -> {
              if (builds.incrementAndGet() == 1) {
                throw new JedisConnectionException("all sentinels down");
              }
              return built;
            },
            WAIT,
            DELAY)) {
      assertThrows(JedisConnectionException.class, client::get);
      assertThrows(JedisException.class, client::get);
      assertEquals(1, builds.get(), "no second build within the delay");

      Thread.sleep(DELAY.toMillis() + 50);
      assertSame(built, client.get());
      assertSame(built, client.get());
      assertEquals(2, builds.get());
    }
  }

  @Test
  void afterCloseNothingIsBuilt() {
    AtomicInteger builds = new AtomicInteger();
    LazyClient client =
        new LazyClient(
            () -> {
              builds.incrementAndGet();
              return RedisClient.create("127.0.0.1", 1);
            },
            WAIT,
            DELAY);
    client.close();
    assertThrows(JedisException.class, client::get);
    assertEquals(0, builds.get());
  }
}
