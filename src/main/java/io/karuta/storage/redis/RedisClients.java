package io.karuta.storage.redis;

import java.util.LinkedHashSet;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds the one Jedis client of a store for its {@link RedisTopology}, so that the store sees only
 * {@link UnifiedJedis} whatever the mode. Every connection gets the configured timeouts, login,
 * database and TLS; every pool (one per node on a Cluster) holds at most {@code pool_max}
 * connections and makes a caller wait at most {@code connect_timeout} for one.
 */
final class RedisClients {
  private RedisClients() {}

  /**
   * Returns a new client. Standalone connects lazily; Sentinel asks the sentinels for the primary
   * and Cluster reads the slot map from a seed before returning.
   *
   * @throws redis.clients.jedis.exceptions.JedisException when Sentinel or Cluster cannot be
   *     reached
   */
  static UnifiedJedis create(RedisStoreConfig config) {
    ConnectionPoolConfig pool = poolConfig(config);
    RedisTopology topology = config.topology();
    if (topology instanceof RedisTopology.Standalone standalone) {
      return RedisClient.builder()
          .hostAndPort(standalone.server())
          .clientConfig(clientConfig(config, standalone.login(), standalone.database()))
          .poolConfig(pool)
          .build();
    }
    if (topology instanceof RedisTopology.Sentinel sentinel) {
      return RedisSentinelClient.builder()
          .masterName(sentinel.masterName())
          .sentinels(new LinkedHashSet<>(sentinel.sentinels()))
          .clientConfig(clientConfig(config, sentinel.login(), sentinel.database()))
          .sentinelClientConfig(clientConfig(config, sentinel.sentinelLogin(), 0))
          .poolConfig(pool)
          .build();
    }
    RedisTopology.Cluster cluster = (RedisTopology.Cluster) topology;
    return RedisClusterClient.builder()
        .nodes(new LinkedHashSet<>(cluster.seeds()))
        .clientConfig(clientConfig(config, cluster.login(), 0))
        .poolConfig(pool)
        .maxAttempts(cluster.maxAttempts())
        // Jedis sleeps between attempts until this budget is spent: keep it to one read timeout
        // per attempt, so a call on a broken Cluster fails in bounded time.
        .maxTotalRetriesDuration(config.readTimeout().multipliedBy(cluster.maxAttempts()))
        .build();
  }

  // With TLS and no SSLParameters of ours, Jedis checks the server's host name (HTTPS rules).
  private static JedisClientConfig clientConfig(RedisStoreConfig config, Login login, int db) {
    DefaultJedisClientConfig.Builder builder =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(Math.toIntExact(config.connectTimeout().toMillis()))
            .socketTimeoutMillis(Math.toIntExact(config.readTimeout().toMillis()))
            .database(db)
            .ssl(config.topology().tls());
    if (login.isPresent()) {
      builder.user(login.user()).password(login.password());
    }
    return builder.build();
  }

  private static ConnectionPoolConfig poolConfig(RedisStoreConfig config) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(config.poolMax());
    pool.setMaxIdle(config.poolMax());
    // The pool's default is to wait for a free connection forever.
    pool.setMaxWait(config.connectTimeout());
    pool.setJmxEnabled(false);
    return pool;
  }
}
