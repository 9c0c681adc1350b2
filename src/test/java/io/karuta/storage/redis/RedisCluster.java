package io.karuta.storage.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * A real Redis Cluster for tests: three primaries without replicas, each a {@link RedisServer} on
 * free loopback ports (client and cluster bus), holding a third of the slots. Built the way {@code
 * redis-cli --cluster create} does it (config epochs, ADDSLOTSRANGE, MEET), and returned once every
 * node reports {@code cluster_state:ok} and knows all three.
 */
public final class RedisCluster implements AutoCloseable {
  private static final int SIZE = 3;
  private static final int SLOTS = 16384;
  private static final long READY_TIMEOUT_MILLIS = 20_000;

  private final List<RedisServer> nodes = new ArrayList<>();

  private RedisCluster() {}

  /** Starts the three nodes, joins them and waits until the cluster serves every slot. */
  public static RedisCluster start() throws IOException, InterruptedException {
    RedisCluster cluster = new RedisCluster();
    try {
      List<Integer> busPorts = new ArrayList<>();
      for (int i = 0; i < SIZE; i++) {
        int busPort = RedisServer.freePort();
        busPorts.add(busPort);
        cluster.nodes.add(
            RedisServer.start(
                List.of(
                    "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes.conf",
                    "--cluster-port", Integer.toString(busPort),
                    "--cluster-node-timeout", "5000")));
      }
      for (int i = 0; i < SIZE; i++) {
        try (Jedis jedis = cluster.jedis(i)) {
          jedis.clusterSetConfigEpoch(i + 1);
          command(
              jedis,
              "ADDSLOTSRANGE",
              Integer.toString(i * SLOTS / SIZE),
              Integer.toString((i + 1) * SLOTS / SIZE - 1));
          if (i > 0) {
            command(
                jedis,
                "MEET",
                "127.0.0.1",
                Integer.toString(cluster.nodes.get(0).port()),
                Integer.toString(busPorts.get(0)));
          }
        }
      }
      cluster.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** Returns the address of every node, to seed a client. */
  public List<HostAndPort> seeds() {
    return nodes.stream().map(n -> new HostAndPort("127.0.0.1", n.port())).toList();
  }

  /** Returns a new plain connection to node {@code i} (0 to 2), for inspecting it. */
  public Jedis jedis(int i) {
    return new Jedis("127.0.0.1", nodes.get(i).port());
  }

  /** Runs {@code action} on a plain connection to every node in turn. */
  public void forEachNode(Consumer<Jedis> action) {
    for (int i = 0; i < SIZE; i++) {
      try (Jedis jedis = jedis(i)) {
        action.accept(jedis);
      }
    }
  }

  /** Stops every node. */
  @Override
  public void close() throws InterruptedException {
    for (RedisServer node : nodes) {
      node.close();
    }
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
    String last = "";
    while (System.nanoTime() < deadline) {
      boolean ready = true;
      for (int i = 0; i < SIZE && ready; i++) {
        try (Jedis jedis = jedis(i)) {
          last = "node " + i + ":\n" + jedis.clusterInfo();
          ready =
              last.contains("cluster_state:ok")
                  && last.contains("cluster_known_nodes:" + SIZE)
                  && jedis.clusterSlots().size() == SIZE;
        }
      }
      if (ready) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(
        "the cluster was not ready within " + READY_TIMEOUT_MILLIS + " ms; last seen " + last);
  }

  private static Object command(Jedis jedis, String... words) {
    byte[][] args = new byte[words.length][];
    for (int i = 0; i < words.length; i++) {
      args[i] = words[i].getBytes(StandardCharsets.US_ASCII);
    }
    return jedis.sendCommand(Protocol.Command.CLUSTER, args);
  }
}
