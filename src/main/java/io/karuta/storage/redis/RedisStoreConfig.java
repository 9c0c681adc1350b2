package io.karuta.storage.redis;

import io.karuta.config.ConfigException;
import io.karuta.config.Options;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of the Redis store, from {@code storage.config}.
 *
 * @param url {@code redis://[user:password@]host:port[/db]}, or {@code rediss://} for TLS
 * @param peerLifetime how long a peer stays without announcing; also the basis of every key's TTL
 * @param connectTimeout the most a new connection may take
 * @param readTimeout the most one command may wait for its reply
 * @param poolMax the most connections open at once; a caller waits at most {@code connectTimeout}
 *     for a free one
 */
public record RedisStoreConfig(
    URI url, Duration peerLifetime, Duration connectTimeout, Duration readTimeout, int poolMax) {

  /** A local Redis on its default port, database 0. */
  public static final String DEFAULT_URL = "redis://127.0.0.1:6379";

  /** The memory store's default, one minute more than the default announce interval. */
  public static final Duration DEFAULT_PEER_LIFETIME = Duration.ofMinutes(31);

  /** Default for connecting, and for waiting for a free pooled connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

  /** Default for one command's reply. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(1);

  /** Default size of the connection pool. */
  public static final int DEFAULT_POOL_MAX = 16;

  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

  /** Checks that every duration is positive and the pool holds at least one connection. */
  public RedisStoreConfig {
    for (Duration d : new Duration[] {peerLifetime, connectTimeout, readTimeout}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("durations must be positive");
      }
    }
    if (poolMax < 1) {
      throw new IllegalArgumentException("pool_max must be at least 1");
    }
  }

  /** Returns the defaults with another URL and peer lifetime, for tests and tools. */
  public static RedisStoreConfig of(URI url, Duration peerLifetime) {
    return new RedisStoreConfig(
        url, peerLifetime, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_POOL_MAX);
  }

  /**
   * Reads and validates the options of the Redis store.
   *
   * @throws ConfigException naming the bad key
   */
  public static RedisStoreConfig from(Options options) {
    options.rejectUnknown(
        Set.of("url", "peer_lifetime", "connect_timeout", "read_timeout", "pool_max"));
    Duration min = Duration.ofMillis(1);
    return new RedisStoreConfig(
        url(options),
        options.duration(
            "peer_lifetime", DEFAULT_PEER_LIFETIME, Duration.ofSeconds(30), Duration.ofDays(7)),
        options.duration("connect_timeout", DEFAULT_CONNECT_TIMEOUT, min, MAX_TIMEOUT),
        options.duration("read_timeout", DEFAULT_READ_TIMEOUT, min, MAX_TIMEOUT),
        options.integer("pool_max", DEFAULT_POOL_MAX, 1, 1024));
  }

  // The URL may hold a password: the error names the key and the rule, never the value.
  private static URI url(Options options) {
    String key = options.prefix() + "url";
    String text = options.string("url", DEFAULT_URL).trim();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ConfigException(key + " is not a valid URL (expected redis://host:port[/db])");
    }
    String scheme = uri.getScheme();
    if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
      throw new ConfigException(key + " must start with redis:// or rediss://");
    }
    if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535) {
      throw new ConfigException(key + " needs a host and a port 1-65535 (redis://host:port)");
    }
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !path.matches("/\\d{1,5}")) {
      throw new ConfigException(key + " may only name a database number after the port (/0)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigException(key + " takes no query or fragment");
    }
    return uri;
  }
}
