package io.karuta.storage.redis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A real Sentinel deployment for tests: a primary, one replica and three sentinels (quorum 2), all
 * {@link RedisServer}s on free loopback ports. The sentinels call the primary down after {@link
 * #DOWN_AFTER_MILLIS} without an answer, so a failover takes seconds, not the default half minute.
 * Returned once the replica is in sync and every sentinel knows the replica and the other two
 * sentinels, so that a failover can start at once.
 */
public final class RedisSentinelSetup implements AutoCloseable {
  /** The name the sentinels monitor the primary under. */
  public static final String MASTER_NAME = "karuta";

  /** How long the primary may be silent before a sentinel considers it down. */
  public static final long DOWN_AFTER_MILLIS = 1_000;

  private static final int SENTINELS = 3;
  private static final long READY_TIMEOUT_MILLIS = 20_000;

  private final List<RedisServer> servers = new ArrayList<>();
  private final List<RedisServer> sentinels = new ArrayList<>();

  private RedisSentinelSetup() {}

  /** Starts the primary, the replica and the sentinels, and waits until they know each other. */
  public static RedisSentinelSetup start() throws IOException, InterruptedException {
    RedisSentinelSetup setup = new RedisSentinelSetup();
    try {
      // Redis waits 5 s by default for more replicas before a diskless full sync.
      List<String> noSyncDelay = List.of("--repl-diskless-sync-delay", "0");
      RedisServer primary = RedisServer.start(noSyncDelay);
      setup.servers.add(primary);
      List<String> replica = new ArrayList<>(noSyncDelay);
      replica.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(primary.port())));
      setup.servers.add(RedisServer.start(replica));
      String config =
          String.join(
              "\n",
              "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + primary.port() + " 2",
              "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER_MILLIS,
              "sentinel failover-timeout " + MASTER_NAME + " 2000");
      for (int i = 0; i < SENTINELS; i++) {
        setup.sentinels.add(RedisServer.startSentinel(RedisServer.freePort(), config));
      }
      setup.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException e) {
      setup.close();
      throw e;
    }
    return setup;
  }

  /** Returns the address of every sentinel. */
  public List<HostAndPort> sentinels() {
    return sentinels.stream().map(s -> new HostAndPort("127.0.0.1", s.port())).toList();
  }

  /** Returns the server that was the primary at the start. */
  public RedisServer firstPrimary() {
    return servers.get(0);
  }

  /** Returns the server that was the replica at the start. */
  public RedisServer firstReplica() {
    return servers.get(1);
  }

  /** Returns the port of the primary according to the first sentinel that answers. */
  public int primaryPort() {
    for (RedisServer sentinel : sentinels) {
      try (Jedis jedis = new Jedis("127.0.0.1", sentinel.port())) {
        return Integer.parseInt(jedis.sentinelGetMasterAddrByName(MASTER_NAME).get(1));
      } catch (RuntimeException tryTheNext) {
        // A sentinel may be restarting; the next one knows too.
      }
    }
    throw new IllegalStateException("no sentinel answers");
  }

  /** Returns a new plain connection to the current primary. */
  public Jedis primary() {
    return new Jedis("127.0.0.1", primaryPort());
  }

  /** Stops every sentinel and server. */
  @Override
  public void close() throws InterruptedException {
    for (RedisServer sentinel : sentinels) {
      sentinel.close();
    }
    for (RedisServer server : servers) {
      server.close();
    }
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
    String last = "";
    while (System.nanoTime() < deadline) {
      last = state();
      if (last.isEmpty()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        "the sentinels were not ready within " + READY_TIMEOUT_MILLIS + " ms: " + last);
  }

  /** Returns what is not ready yet, or {@code ""}. */
  private String state() {
    try (Jedis replica = new Jedis("127.0.0.1", firstReplica().port())) {
      if (!replica.info("replication").contains("master_link_status:up")) {
        return "the replica is not in sync";
      }
    }
    for (RedisServer sentinel : sentinels) {
      try (Jedis jedis = new Jedis("127.0.0.1", sentinel.port())) {
        List<Map<String, String>> replicas = jedis.sentinelReplicas(MASTER_NAME);
        int peers = jedis.sentinelSentinels(MASTER_NAME).size();
        if (replicas.size() != 1 || !"slave".equals(replicas.get(0).get("flags"))) {
          return "sentinel " + sentinel.port() + " sees replicas " + replicas;
        }
        if (peers != SENTINELS - 1) {
          return "sentinel " + sentinel.port() + " knows " + peers + " other sentinels";
        }
      }
    }
    return "";
  }
}
