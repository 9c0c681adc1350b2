package io.karuta.storage.redis;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.storage.FootprintReport;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import redis.clients.jedis.Jedis;

/**
 * Measures the memory Redis uses per stored IPv4 peer: {@code used_memory} of a fresh {@code
 * redis-server} filled through {@link RedisPeerStore}, minus its value when empty, divided by the
 * number of peers. Not a test: run it as documented in docs/benchmarks.md.
 *
 * <p>Usage: {@code RedisFootprint [peers]} (default 1,000,000).
 */
public final class RedisFootprint {
  private static final int WRITERS = 16;

  private RedisFootprint() {}

  /** Prints one line per swarm layout: swarms, peers per swarm, bytes of Redis memory per peer. */
  public static void main(String[] args) throws Exception {
    FootprintReport.print(
        args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000, RedisFootprint::measure);
  }

  private static double measure(int swarms, int perSwarm) throws Exception {
    try (RedisServer server = RedisServer.start();
        Jedis jedis = new Jedis(server.url())) {
      long before = usedMemory(jedis);
      try (RedisPeerStore store =
          new RedisPeerStore(
              RedisStoreConfig.of(server.url(), Duration.ofMinutes(31)), InstantSource.system())) {
        fill(store, swarms, perSwarm);
      }
      return (usedMemory(jedis) - before) / ((double) swarms * perSwarm);
    }
  }

  // Each writer fills whole swarms from its own seeded generator, so runs are repeatable.
  private static void fill(RedisPeerStore store, int swarms, int perSwarm) throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        done.add(
            writers.submit(
                () -> {
                  Random random = new Random(writer);
                  byte[] bytes = new byte[20];
                  for (int s = writer; s < swarms; s += WRITERS) {
                    random.nextBytes(bytes);
                    InfoHash infoHash = InfoHash.of(bytes);
                    for (int p = 0; p < perSwarm; p++) {
                      random.nextBytes(bytes);
                      Peer peer =
                          new Peer(
                              PeerId.of(bytes),
                              IpAddress.ofIpv4(random.nextInt()),
                              1 + random.nextInt(65_535));
                      if (p % 2 == 0) {
                        store.putLeecher(infoHash, peer);
                      } else {
                        store.putSeeder(infoHash, peer);
                      }
                    }
                  }
                }));
      }
      for (Future<?> writer : done) {
        writer.get();
      }
    } finally {
      writers.shutdownNow();
    }
  }

  private static long usedMemory(Jedis jedis) {
    for (String line : jedis.info("memory").split("\r\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()));
      }
    }
    throw new IllegalStateException("INFO memory has no used_memory");
  }
}
