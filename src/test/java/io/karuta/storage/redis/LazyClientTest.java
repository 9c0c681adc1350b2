package io.karuta.storage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/** The client is built once, on first use; a failed build is retried only after the delay. */
class LazyClientTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
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
  void untilABuildFailsACallerWaitsForTheBuildInProgress() throws Exception {
    GatedBuild build = new GatedBuild();
    LazyClient client = new LazyClient(build, WAIT, DELAY);
    try {
      FutureTask<UnifiedJedis> first = start(client);
      assertTrue(build.started.tryAcquire(10, TimeUnit.SECONDS));
      FutureTask<UnifiedJedis> second = new FutureTask<>(client::get);
      Thread waiter = new Thread(second);
      waiter.start();
      awaitState(waiter, Thread.State.TIMED_WAITING);

      build.finish.release();
      assertSame(build.client, first.get(10, TimeUnit.SECONDS));
      assertSame(build.client, second.get(10, TimeUnit.SECONDS));
    } finally {
      // Never leave a build blocked: close() would wait for it.
      build.finish.release(100);
      client.close();
    }
  }

  @Test
  void afterAFailedBuildACallerDuringTheNextBuildFailsAtOnce() throws Exception {
    GatedBuild build = new GatedBuild();
    LazyClient client = new LazyClient(build, WAIT, DELAY);
    try {
      build.fail = true;
      build.finish.release();
      assertThrows(JedisConnectionException.class, client::get);
      Thread.sleep(DELAY.toMillis() + 50);

      build.fail = false;
      FutureTask<UnifiedJedis> next = start(client);
      assertTrue(build.started.tryAcquire(2, 10, TimeUnit.SECONDS));
      // Half the wait a queued caller would spend: tells failing at once from queueing.
      assertTimeout(
          WAIT.dividedBy(2),
          () -> assertThrows(JedisConnectionException.class, client::get, "no queueing"));
      build.finish.release();
      assertSame(build.client, next.get(10, TimeUnit.SECONDS));
    } finally {
      // Never leave a build blocked: close() would wait for it.
      build.finish.release(100);
      client.close();
    }
  }

  /** A build that waits until the test lets it finish, then fails or returns its client. */
  private static final class GatedBuild implements Supplier<UnifiedJedis> {
    final Semaphore started = new Semaphore(0);
    final Semaphore finish = new Semaphore(0);
    final UnifiedJedis client = RedisClient.create("127.0.0.1", 1);
    volatile boolean fail;

    @Override
    public UnifiedJedis get() {
      started.release();
      finish.acquireUninterruptibly();
      if (fail) {
        throw new JedisConnectionException("all sentinels down");
      }
      return client;
    }
  }

  private static FutureTask<UnifiedJedis> start(LazyClient client) {
    FutureTask<UnifiedJedis> task = new FutureTask<>(client::get);
    new Thread(task).start();
    return task;
  }

  private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != state) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(thread.getName() + " never reached " + state);
      }
      Thread.sleep(5);
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
