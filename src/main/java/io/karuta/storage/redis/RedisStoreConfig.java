package io.karuta.storage.redis;

import io.karuta.config.ConfigException;
import io.karuta.config.Options;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the Redis store, from {@code storage.config}. {@code toString} shows no password.
 *
 * @param topology one server, a Sentinel-watched primary or a Cluster, with its login and TLS
 * @param peerLifetime how long a peer stays without announcing; also the basis of every key's TTL
 * @param connectTimeout the most a new connection may take
 * @param readTimeout the most one command may wait for its reply
 * @param poolMax the most connections open at once (to each node, on a Cluster); a caller waits at
 *     most {@code connectTimeout} for a free one
 */
public record RedisStoreConfig(
    RedisTopology topology,
    Duration peerLifetime,
    Duration connectTimeout,
    Duration readTimeout,
    int poolMax) {

  /** The default of {@code mode}. */
  public static final String DEFAULT_MODE = TopologyReader.STANDALONE;

  /** A local Redis on its default port, database 0. */
  public static final String DEFAULT_URL = TopologyReader.DEFAULT_URL;

  /** The memory store's default, one minute more than the default announce interval. */
  public static final Duration DEFAULT_PEER_LIFETIME = Duration.ofMinutes(31);

  /** Default for connecting, and for waiting for a free pooled connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** Default for one command's reply. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(1);

  /** Default size of the connection pool. */
  public static final int DEFAULT_POOL_MAX = 16;

  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

  /** The keys every mode reads. */
  private static final Set<String> COMMON_KEYS =
      Set.of("mode", "peer_lifetime", "connect_timeout", "read_timeout", "pool_max");

  /** Checks that every duration is positive and the pool holds at least one connection. */
  public RedisStoreConfig {
    Objects.requireNonNull(topology, "topology");
    for (Duration d : new Duration[] {peerLifetime, connectTimeout, readTimeout}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive");
      }
    }
    if (poolMax < 1) {
      throw new IllegalArgumentException("pool_max must be at least 1");
    }
  }

  /** Returns the defaults with one server at {@code url} and another peer lifetime. */
  public static RedisStoreConfig of(URI url, Duration peerLifetime) {
    return of(RedisUrl.parse("url", url.toString()), peerLifetime);
  }

  /** Returns the defaults with another topology and peer lifetime, for tests and tools. */
  public static RedisStoreConfig of(RedisTopology topology, Duration peerLifetime) {
    return new RedisStoreConfig(
        topology, peerLifetime, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_POOL_MAX);
  }

  /**
   * Reads and validates the options of the Redis store.
   *
   * @throws ConfigException naming the bad key, without its value when that may hold a password
   */
  public static RedisStoreConfig from(Options options) {
    options.rejectUnknown(knownKeys());
    String mode = options.oneOf("mode", DEFAULT_MODE, TopologyReader.MODE_KEYS.keySet());
    Duration min = Duration.ofMillis(1);
    return new RedisStoreConfig(
        TopologyReader.read(options, mode),
        options.duration(
            "peer_lifetime", DEFAULT_PEER_LIFETIME, Duration.ofSeconds(30), Duration.ofDays(7)),
        options.duration("connect_timeout", DEFAULT_CONNECT_TIMEOUT, min, MAX_TIMEOUT),
        options.duration("read_timeout", DEFAULT_READ_TIMEOUT, min, MAX_TIMEOUT),
        options.integer("pool_max", DEFAULT_POOL_MAX, 1, 1024));
  }

  /** Returns every key of every mode, relative to {@code storage.config.}. */
  static Set<String> knownKeys() {
    Set<String> keys = new HashSet<>(COMMON_KEYS);
    TopologyReader.MODE_KEYS.values().forEach(keys::addAll);
    return keys;
  }
}
