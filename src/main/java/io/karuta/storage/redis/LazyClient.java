package io.karuta.storage.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The store's client, built on first use instead of at start-up: building a Sentinel or Cluster
 * client already talks to Redis, and a tracker that starts while Redis is down must still start,
 * answer with the store's client error and recover by itself, as it does in standalone mode.
 *
 * <p>One caller builds. Until a build has failed, callers arriving meanwhile wait for it, at most
 * as long as for a pooled connection, so the first requests after a start succeed. Once a build has
 * failed, Redis is known to be out of reach, and callers arriving during the next build fail at
 * once instead of queueing behind it (a build against unreachable sentinels or seeds can take
 * several connect timeouts). After a failed build the next one waits a retry delay ({@link
 * #RETRY_DELAY} in the store), or as long as the failed build took if that was longer, so an outage
 * costs one attempt per delay, not one per request, and holds a request thread at most half of the
 * time. Thread-safe.
 */
final class LazyClient implements AutoCloseable {
  /** The store's pause after a failed build before the next one. */
  static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final Supplier<UnifiedJedis> factory;
  private final long waitNanos;
  private final long retryDelayNanos;
  private volatile boolean failedBefore;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile UnifiedJedis client;
  private long nextAttemptNanos = System.nanoTime(); // guarded by lock
  private boolean closed; // guarded by lock

  /**
   * @param factory builds the client; a {@link redis.clients.jedis.exceptions.JedisException} means
   *     Redis cannot be reached now
   * @param wait the most a caller waits while another one builds, until a build has failed
   * @param retryDelay the pause after a failed build before the next one
   */
  LazyClient(Supplier<UnifiedJedis> factory, Duration wait, Duration retryDelay) {
    this.factory = factory;
    this.waitNanos = wait.toNanos();
    this.retryDelayNanos = retryDelay.toNanos();
  }

  /**
   * Returns the client, building it if needed.
   *
   * @throws redis.clients.jedis.exceptions.JedisException when it cannot be built now
   */
  UnifiedJedis get() {
    UnifiedJedis built = client;
    if (built != null) {
      return built;
    }
    if (!tryLock()) {
      throw new JedisConnectionException("another caller is still connecting to Redis");
    }
    try {
      if (client == null) {
        if (closed) {
          throw new JedisConnectionException("the client is closed");
        }
        if (System.nanoTime() - nextAttemptNanos < 0) {
          throw new JedisConnectionException("Redis could not be reached moments ago");
        }
        long start = System.nanoTime();
        try {
          client = factory.get();
        } catch (RuntimeException e) {
          long end = System.nanoTime();
          nextAttemptNanos = end + Math.max(retryDelayNanos, end - start);
          failedBefore = true;
          throw e;
        }
      }
      return client;
    } finally {
      lock.unlock();
    }
  }

  private boolean tryLock() {
    if (failedBefore) {
      return lock.tryLock();
    }
    try {
      return lock.tryLock(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Closes the client if it was built; later calls to {@link #get()} fail. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (client != null) {
        client.close();
      }
    } finally {
      lock.unlock();
    }
  }
}
