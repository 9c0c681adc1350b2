package io.karuta.storage.redis;

import io.karuta.config.ConfigException;
import io.karuta.config.Options;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

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

  private static final Logger LOG = Logger.getLogger(RedisStoreConfig.class.getName());

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

  /** Chihaya's name for {@code url}, in its own URL form ({@link RedisUrl#parseChihaya}). */
  static final String CHIHAYA_URL = "redis_broker";

  /** The keys every mode reads. */
  private static final Set<String> COMMON_KEYS =
      Set.of("mode", "peer_lifetime", "connect_timeout", "read_timeout", "pool_max");

  /** Chihaya's names for Karuta's keys: what a chihaya file sets instead. */
  private static final Map<String, String> CHIHAYA_NAMES =
      Map.of(
          "connect_timeout", "redis_connect_timeout",
          "read_timeout", "redis_read_timeout");

  /** Chihaya's keys that have no effect here, each with the reason logged when it is set. */
  private static final Map<String, String> CHIHAYA_IGNORED =
      Map.of(
          "gc_interval",
          "the Redis store needs no sweep: each request trims the stale peers of its swarm, and"
              + " Redis expires the keys of swarms nobody announces to",
          "prometheus_reporting_interval",
          "the store's gauges are sampled every stats.sample_interval",
          "redis_write_timeout",
          "Jedis bounds a command by the wait for its reply (read_timeout); a command is a few"
              + " hundred bytes, written at once");

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
    warnIgnored(options);
    String mode = options.oneOf("mode", DEFAULT_MODE, TopologyReader.MODE_KEYS.keySet());
    return new RedisStoreConfig(
        TopologyReader.read(options, mode),
        options.duration(
            "peer_lifetime", DEFAULT_PEER_LIFETIME, Duration.ofSeconds(30), Duration.ofDays(7)),
        timeout(options, "connect_timeout", DEFAULT_CONNECT_TIMEOUT),
        timeout(options, "read_timeout", DEFAULT_READ_TIMEOUT),
        options.integer("pool_max", DEFAULT_POOL_MAX, 1, 1024));
  }

  /** Returns every key of every mode, relative to {@code storage.config.}, chihaya's included. */
  static Set<String> knownKeys() {
    Set<String> keys = new HashSet<>(COMMON_KEYS);
    TopologyReader.MODE_KEYS.values().forEach(keys::addAll);
    keys.addAll(chihayaKeys());
    return keys;
  }

  /** Returns the chihaya keys the store accepts, mapped or ignored. */
  static Set<String> chihayaKeys() {
    Set<String> keys = new HashSet<>(CHIHAYA_NAMES.values());
    keys.add(CHIHAYA_URL);
    keys.addAll(CHIHAYA_IGNORED.keySet());
    return keys;
  }

  /**
   * Returns whichever of {@code key} and its chihaya name {@code chihayaKey} is set, {@code key}
   * when neither is.
   *
   * @throws ConfigException naming both when both are set
   */
  static String oneOf(Options options, String key, String chihayaKey) {
    if (!options.isSet(chihayaKey)) {
      return key;
    }
    if (options.isSet(key)) {
      throw new ConfigException(
          options.prefix()
              + chihayaKey
              + ": chihaya's name for "
              + options.prefix()
              + key
              + ", which is set as well; keep one of them");
    }
    return chihayaKey;
  }

  private static Duration timeout(Options options, String key, Duration defaultValue) {
    String chosen = oneOf(options, key, CHIHAYA_NAMES.get(key));
    return options.duration(chosen, defaultValue, Duration.ofMillis(1), MAX_TIMEOUT);
  }

  /** Type-checks each chihaya key that has no effect here and logs one warning for each. */
  private static void warnIgnored(Options options) {
    for (String key : new TreeSet<>(CHIHAYA_IGNORED.keySet())) {
      if (options.isSet(key)) {
        options.duration(key, Duration.ZERO, Duration.ZERO, Duration.ofDays(1));
        LOG.warning(
            options.prefix() + key + " has no effect in Karuta: " + CHIHAYA_IGNORED.get(key) + ".");
      }
    }
  }
}
