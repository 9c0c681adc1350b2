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
 * <p>One caller builds; callers arriving meanwhile wait for it at most as long as for a pooled
 * connection, then fail. After a failed build the next try waits a retry delay ({@link
 * #RETRY_DELAY} in the store), so an outage costs one attempt per delay, not one per request.
 * Thread-safe.
 */
final class LazyClient implements AutoCloseable {
  /** The store's pause after a failed build before the next one. */
  static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final Supplier<UnifiedJedis> factory;
  private final long waitNanos;
  private final long retryDelayNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile UnifiedJedis client;
  private long nextAttemptNanos = System.nanoTime(); // guarded by lock
  private boolean closed; // guarded by lock

  /**
   * @param factory builds the client; a {@link redis.clients.jedis.exceptions.JedisException} means
   *     Redis cannot be reached now
   * @param wait the most a caller waits while another one builds
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
        try {
          client = factory.get();
        } catch (RuntimeException e) {
          nextAttemptNanos = System.nanoTime() + retryDelayNanos;
          throw e;
        }
      }
      return client;
    } finally {
      lock.unlock();
    }
  }

  private boolean tryLock() {
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
