package io.karuta.storage.redis;

import java.util.List;
import java.util.Objects;
import redis.clients.jedis.HostAndPort;

/**
 * Where the store's data lives and how to log in: one server ({@code mode: standalone}), a primary
 * found through Redis Sentinel ({@code sentinel}), or a Redis Cluster ({@code cluster}). Every
 * variant is immutable; none shows a password in {@code toString}.
 */
public sealed interface RedisTopology {

  /** Returns the login of the data connections. */
  Login login();

  /** Returns whether the data connections (and, for Sentinel, the sentinel connections) use TLS. */
  boolean tls();

  /**
   * One Redis server.
   *
   * @param server its address
   * @param database the logical database, selected on every connection
   * @param login the AUTH of every connection
   * @param tls whether to connect with TLS
   */
  record Standalone(HostAndPort server, int database, Login login, boolean tls)
      implements RedisTopology {
    /** Checks for nulls. */
    public Standalone {
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(login, "login");
    }
  }

  /**
   * The primary that a group of sentinels agrees on; connections follow it after a failover.
   *
   * @param masterName the name the sentinels monitor the primary under
   * @param sentinels where to ask, in order; at least one
   * @param database the logical database on the primary
   * @param login the AUTH of the connections to the primary
   * @param sentinelLogin the AUTH of the connections to the sentinels
   * @param tls whether the connections to the primary and to the sentinels use TLS
   */
  record Sentinel(
      String masterName,
      List<HostAndPort> sentinels,
      int database,
      Login login,
      Login sentinelLogin,
      boolean tls)
      implements RedisTopology {
    /** Checks for nulls and that there is a sentinel to ask. */
    public Sentinel {
      Objects.requireNonNull(masterName, "masterName");
      sentinels = List.copyOf(sentinels);
      if (sentinels.isEmpty()) {
        throw new IllegalArgumentException("at least one sentinel is needed");
      }
      Objects.requireNonNull(login, "login");
      Objects.requireNonNull(sentinelLogin, "sentinelLogin");
    }
  }

  /**
   * A Redis Cluster; the client learns the slot map from the seeds and keeps one pool per node.
   *
   * @param seeds the nodes to learn the cluster from; at least one
   * @param login the AUTH of every connection
   * @param tls whether to connect with TLS
   * @param maxAttempts the most tries of one command, counting the first, following MOVED and ASK
   *     redirects and reconnecting after a node failure
   */
  record Cluster(List<HostAndPort> seeds, Login login, boolean tls, int maxAttempts)
      implements RedisTopology {
    /** Checks for nulls and bounds. */
    public Cluster {
      seeds = List.copyOf(seeds);
      if (seeds.isEmpty()) {
        throw new IllegalArgumentException("at least one seed node is needed");
      }
      Objects.requireNonNull(login, "login");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
    }
  }
}
