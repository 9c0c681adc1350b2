package io.karuta.storage.redis;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.storage.StoreStats;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import redis.clients.jedis.Jedis;

/**
 * Measures one {@link RedisPeerStore#stats} call: a fresh {@code redis-server} filled through the
 * store with swarms of one seeder and one leecher (every fourth also with a download count: 2.25
 * keys per swarm), then the wall time of {@code stats(10)} and the commands Redis counted for it
 * ({@code INFO commandstats}). Not a test: run it as documented in docs/storage/redis.md.
 *
 * <p>Usage: {@code RedisStatsCost [swarms...]} (default 10,000 and 100,000).
 */
public final class RedisStatsCost {
  private static final int WRITERS = 16;
  private static final int RUNS = 5;

  private RedisStatsCost() {}

  /** Prints one line per swarm count: keys, commands by name, and the times of each run. */
  public static void main(String[] args) throws Exception {
    int[] counts =
        args.length > 0
            ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
            : new int[] {10_000, 100_000};
    for (int swarms : counts) {
      measure(swarms);
    }
  }

  private static void measure(int swarms) throws Exception {
    try (RedisServer server = RedisServer.start();
        Jedis jedis = new Jedis(server.url());
        RedisPeerStore store =
            new RedisPeerStore(
                RedisStoreConfig.of(server.url(), Duration.ofMinutes(31)),
                InstantSource.system())) {
      fill(store, swarms);
      store.stats(10); // warm-up: JIT and pooled connection
      jedis.configResetStat();
      long[] millis = new long[RUNS];
      StoreStats stats = null;
      for (int r = 0; r < RUNS; r++) {
        long start = System.nanoTime();
        stats = store.stats(10);
        millis[r] = (System.nanoTime() - start) / 1_000_000;
      }
      if (stats.ipv4().swarms() != swarms) {
        throw new IllegalStateException("counted " + stats.ipv4() + " for " + swarms + " swarms");
      }
      Arrays.sort(millis);
      System.out.printf(
          "swarms=%d keys=%d median=%d ms runs(ms)=%s per run: %s%n",
          swarms, jedis.dbSize(), millis[RUNS / 2], Arrays.toString(millis), commands(jedis));
    }
  }

  // The calls of each command per stats() run, from INFO commandstats.
  private static String commands(Jedis jedis) {
    List<String> out = new ArrayList<>();
    for (String line : jedis.info("commandstats").split("\r?\n")) {
      if (line.startsWith("cmdstat_")) {
        String name = line.substring("cmdstat_".length(), line.indexOf(':'));
        String calls = line.substring(line.indexOf("calls=") + 6, line.indexOf(','));
        String usec = line.substring(line.indexOf("usec=") + 5, line.indexOf(",usec_per_call"));
        if (!name.equals("info") && !name.equals("config|resetstat")) {
          out.add(
              name
                  + "="
                  + Long.parseLong(calls) / RUNS
                  + " ("
                  + Long.parseLong(usec) / RUNS / 1000
                  + " ms in Redis)");
        }
      }
    }
    return String.join(" ", out);
  }

  private static void fill(RedisPeerStore store, int swarms) throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        done.add(
            writers.submit(
                () -> {
                  for (int n = writer; n < swarms; n += WRITERS) {
                    InfoHash ih = InfoHash.of(ByteBuffer.allocate(20).putInt(16, n).array());
                    store.putSeeder(ih, peer(2 * n));
                    store.putLeecher(ih, peer(2 * n + 1));
                    if (n % 4 == 0) {
                      store.graduateLeecher(ih, peer(2 * n + 1));
                      store.putLeecher(ih, peer(2 * n + 1));
                    }
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      writers.shutdown();
    }
  }

  private static Peer peer(int n) {
    PeerId id = PeerId.of(String.format("-KR0001-%012d", n).getBytes(StandardCharsets.US_ASCII));
    return new Peer(id, IpAddress.parse("10.0.0.1"), 1 + n % 65_000);
  }
}
