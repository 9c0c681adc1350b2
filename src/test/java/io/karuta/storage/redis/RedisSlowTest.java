package io.karuta.storage.redis;

import static io.karuta.storage.redis.TestPeers.TORRENT;
import static io.karuta.storage.redis.TestPeers.peer;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.ClientError;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A Redis that accepts connections but never answers (its process frozen with SIGSTOP) costs each
 * call a bounded time, also when many more threads call at once than the pool has connections, and
 * every call fails with the store's client error. After SIGCONT the same store serves again within
 * seconds and holds no more connections than its pool allows.
 *
 * <p>The bound is {@code connect_timeout} (waiting for a pooled connection) plus twice {@code
 * read_timeout}, not once: the pool replaces a broken connection on the caller's thread, and the
 * new connection's handshake (HELLO) waits a read timeout of its own while Redis is frozen.
 */
class RedisSlowTest {
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(200);
  private static final Duration READ_TIMEOUT = Duration.ofMillis(200);
  private static final int POOL_MAX = 4;
  private static final int THREADS = 16;
  private static final long BOUND_MILLIS =
      CONNECT_TIMEOUT.plus(READ_TIMEOUT.multipliedBy(2)).toMillis() + 500;
  private static final long RECOVERY_MILLIS = 5_000;

  @Test
  void aFrozenRedisCostsEachCallABoundedTimeAndLeaksNoConnection() throws Exception {
    try (RedisServer server = RedisServer.start();
        RedisPeerStore store = store(server)) {
      store.putLeecher(TORRENT, peer(0));
      server.pause();
      try {
        long single = failingCall(store, 1);
        assertTrue(single <= BOUND_MILLIS, () -> "one call took " + single + " ms");
        long start = System.nanoTime();
        List<Long> concurrent = concurrentFailingCalls(store);
        long all = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(
            all <= BOUND_MILLIS,
            () ->
                THREADS
                    + " calls on "
                    + POOL_MAX
                    + " connections took "
                    + all
                    + " ms, each "
                    + concurrent);
      } finally {
        server.resume();
      }
      awaitRecovery(store);
      awaitConnectedClientsAtMost(server, POOL_MAX + 1);
    }
  }

  /** Returns how long one call took to fail with the client error. */
  private static long failingCall(RedisPeerStore store, int n) {
    long start = System.nanoTime();
    ClientError error = assertThrows(ClientError.class, () -> store.putLeecher(TORRENT, peer(n)));
    assertSame(RedisPeerStore.UNAVAILABLE, error);
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static List<Long> concurrentFailingCalls(RedisPeerStore store) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Long>> calls = new ArrayList<>();
      for (int n = 0; n < THREADS; n++) {
        int peer = 100 + n;
        calls.add(
            pool.submit(
                () -> {
                  go.await();
                  return failingCall(store, peer);
                }));
      }
      go.countDown();
      List<Long> millis = new ArrayList<>();
      for (Future<Long> call : calls) {
        millis.add(call.get(10, TimeUnit.SECONDS));
      }
      return millis;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitRecovery(RedisPeerStore store) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECOVERY_MILLIS);
    while (true) {
      try {
        store.putSeeder(TORRENT, peer(0));
        assertTrue(store.scrapeSwarm(TORRENT, AddressFamily.IPV4).complete() >= 1);
        return;
      } catch (ClientError notYet) {
        assertTrue(
            System.nanoTime() < deadline,
            "the store did not recover within " + RECOVERY_MILLIS + " ms of SIGCONT");
        Thread.sleep(50);
      }
    }
  }

  // Redis closes the connections the store gave up on only as it works through them after
  // SIGCONT, so the count may take a moment to settle.
  private static void awaitConnectedClientsAtMost(RedisServer server, int most)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECOVERY_MILLIS);
    int clients;
    do {
      try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
        String info = jedis.info("clients");
        int at = info.indexOf("connected_clients:") + "connected_clients:".length();
        clients = Integer.parseInt(info.substring(at, info.indexOf('\r', at)));
      }
      if (clients <= most) {
        return;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    int seen = clients;
    assertTrue(seen <= most, () -> seen + " connections, counting this one, more than " + most);
  }

  private static RedisPeerStore store(RedisServer server) {
    return new RedisPeerStore(
        new RedisStoreConfig(
            RedisUrl.parse("url", server.url().toString()),
            Duration.ofMinutes(31),
            CONNECT_TIMEOUT,
            READ_TIMEOUT,
            POOL_MAX),
        InstantSource.system());
  }
}
