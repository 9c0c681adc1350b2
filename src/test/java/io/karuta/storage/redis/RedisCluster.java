package io.karuta.storage.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A real Redis Cluster for tests: three primaries without replicas, each a {@link RedisServer} on a
 * free loopback port whose cluster bus port (10000 higher, Redis's default) is free too, holding a
 * third of the slots. Built the way {@code redis-cli --cluster create} does it (config epochs,
 * ADDSLOTS, MEET), with commands Redis 6.2 knows as well, since the embedded fallback binary is
 * 6.2; returned once every node reports {@code cluster_state:ok} and knows all three.
 */
public final class RedisCluster implements AutoCloseable {
  private static final int SIZE = 3;
  private static final int SLOTS = 16384;
  private static final int BUS_OFFSET = 10_000;
  private static final long READY_TIMEOUT_MILLIS = 20_000;

  private final List<RedisServer> nodes = new ArrayList<>();

  private RedisCluster() {}

  /** Starts the three nodes, joins them and waits until the cluster serves every slot. */
  public static RedisCluster start() throws IOException, InterruptedException {
    RedisCluster cluster = new RedisCluster();
    try {
      for (int i = 0; i < SIZE; i++) {
        cluster.nodes.add(
            RedisServer.start(
                freePortWithFreeBus(),
                List.of(
                    "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", "5000")));
      }
      for (int i = 0; i < SIZE; i++) {
        try (Jedis jedis = cluster.jedis(i)) {
          jedis.clusterSetConfigEpoch(i + 1);
          jedis.clusterAddSlots(
              IntStream.range(i * SLOTS / SIZE, (i + 1) * SLOTS / SIZE).toArray());
          if (i > 0) {
            jedis.clusterMeet("127.0.0.1", cluster.nodes.get(0).port());
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

  // Bounded: a free pair turns up within a few tries on any machine that is not out of ports.
  private static int freePortWithFreeBus() throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = RedisServer.freePort();
      if (port + BUS_OFFSET <= 65_535 && isFree(port + BUS_OFFSET)) {
        return port;
      }
    }
    throw new IllegalStateException("no free loopback port p with p + 10000 free as well");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
