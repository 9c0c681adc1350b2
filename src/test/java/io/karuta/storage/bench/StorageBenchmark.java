package io.karuta.storage.bench;

import static io.karuta.storage.bench.BenchData.COUNT;
import static io.karuta.storage.bench.BenchData.INFO_HASHES;
import static io.karuta.storage.bench.BenchData.PEERS;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.storage.PeerStore;
import io.karuta.storage.redis.RedisPeerStore;
import io.karuta.storage.redis.RedisServer;
import io.karuta.storage.redis.RedisStoreConfig;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Chihaya's 27 storage benchmarks (chihaya {@code storage/storage_bench.go}), with its names and
 * data. "Parallel" ones run on every core, each thread starting at its own offset into the data;
 * the others on one thread. Scores are nanoseconds per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StorageBenchmark {

  /**
   * An empty store, new for each trial. {@code redis} starts its own {@code redis-server} on a
   * loopback port for the trial, so its figures include one local round trip per call.
   */
  @State(Scope.Benchmark)
  public static class Empty {
    @Param({"memory", "redis"})
    public String store;

    PeerStore peers;
    private RedisServer server;

    @Setup(Level.Trial)
    public void create() throws IOException, InterruptedException {
      switch (store) {
        case "memory" -> peers = BenchData.memoryStore();
        case "redis" -> {
          server = RedisServer.start();
          peers =
              new RedisPeerStore(
                  RedisStoreConfig.of(server.url(), Duration.ofMinutes(31)),
                  InstantSource.system());
        }
        default -> throw new IllegalArgumentException("unknown store " + store);
      }
    }

    @TearDown(Level.Trial)
    public void close() throws InterruptedException {
      peers.close();
      if (server != null) {
        server.close();
      }
    }
  }

  /** A store holding chihaya's putPeers data: 1000 swarms of 500 seeders and 500 leechers. */
  @State(Scope.Benchmark)
  public static class Filled extends Empty {
    @Setup(Level.Trial)
    public void fill() {
      // Sixteen writers keep a networked store busy; the memory store is filled as chihaya does.
      BenchData.putPeers(peers, store.equals("memory") ? 1 : 16);
    }
  }

  /** Each thread's position in the data; parallel threads start spread across it. */
  @State(Scope.Thread)
  public static class Cursor {
    int i;

    @Setup(Level.Trial)
    public void start(ThreadParams threads) {
      i = threads.getThreadIndex() * (COUNT / threads.getThreadCount());
    }

    int next() {
      return i++ % COUNT;
    }

    int nextTimesThree() {
      return (3 * (i++ % COUNT)) % COUNT;
    }
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void nop(Filled s, Cursor c) {
    c.next();
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void put(Empty s) {
    s.peers.putSeeder(INFO_HASHES[0], PEERS[0]);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void put1k(Empty s, Cursor c) {
    s.peers.putSeeder(INFO_HASHES[0], PEERS[c.next()]);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void put1kInfohash(Empty s, Cursor c) {
    s.peers.putSeeder(INFO_HASHES[c.next()], PEERS[0]);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void put1kInfohash1k(Empty s, Cursor c) {
    int i = c.next();
    s.peers.putSeeder(INFO_HASHES[i], PEERS[(3 * i) % COUNT]);
  }

  @Benchmark
  @Threads(1)
  public void putDelete(Empty s) {
    s.peers.putSeeder(INFO_HASHES[0], PEERS[0]);
    s.peers.deleteSeeder(INFO_HASHES[0], PEERS[0]);
  }

  @Benchmark
  @Threads(1)
  public void putDelete1k(Empty s, Cursor c) {
    int i = c.next();
    s.peers.putSeeder(INFO_HASHES[0], PEERS[i]);
    s.peers.deleteSeeder(INFO_HASHES[0], PEERS[i]);
  }

  @Benchmark
  @Threads(1)
  public void putDelete1kInfohash(Empty s, Cursor c) {
    int i = c.next();
    s.peers.putSeeder(INFO_HASHES[i], PEERS[0]);
    s.peers.deleteSeeder(INFO_HASHES[i], PEERS[0]);
  }

  @Benchmark
  @Threads(1)
  public void putDelete1kInfohash1k(Empty s, Cursor c) {
    int i = c.next();
    int p = (3 * i) % COUNT;
    s.peers.putSeeder(INFO_HASHES[i], PEERS[p]);
    s.peers.deleteSeeder(INFO_HASHES[i], PEERS[p]);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public boolean deleteNonexist(Empty s) {
    return s.peers.deleteSeeder(INFO_HASHES[0], PEERS[0]);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public boolean deleteNonexist1k(Empty s, Cursor c) {
    return s.peers.deleteSeeder(INFO_HASHES[0], PEERS[c.next()]);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public boolean deleteNonexist1kInfohash(Empty s, Cursor c) {
    return s.peers.deleteSeeder(INFO_HASHES[c.next()], PEERS[0]);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public boolean deleteNonexist1kInfohash1k(Empty s, Cursor c) {
    int i = c.next();
    return s.peers.deleteSeeder(INFO_HASHES[i], PEERS[(3 * i) % COUNT]);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void gradNonexist(Empty s) {
    s.peers.graduateLeecher(INFO_HASHES[0], PEERS[0]);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void gradNonexist1k(Empty s, Cursor c) {
    s.peers.graduateLeecher(INFO_HASHES[0], PEERS[c.next()]);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void gradNonexist1kInfohash(Empty s, Cursor c) {
    s.peers.graduateLeecher(INFO_HASHES[c.next()], PEERS[0]);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void gradNonexist1kInfohash1k(Empty s, Cursor c) {
    int i = c.next();
    s.peers.graduateLeecher(INFO_HASHES[i], PEERS[(3 * i) % COUNT]);
  }

  @Benchmark
  @Threads(1)
  public void putGradDelete(Empty s) {
    lifecycle(s.peers, 0, 0);
  }

  @Benchmark
  @Threads(1)
  public void putGradDelete1k(Empty s, Cursor c) {
    lifecycle(s.peers, 0, c.next());
  }

  @Benchmark
  @Threads(1)
  public void putGradDelete1kInfohash(Empty s, Cursor c) {
    lifecycle(s.peers, c.next(), 0);
  }

  @Benchmark
  @Threads(1)
  public void putGradDelete1kInfohash1k(Empty s, Cursor c) {
    int i = c.next();
    lifecycle(s.peers, i, (3 * i) % COUNT);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void announceLeecher(Filled s, Blackhole hole) {
    hole.consume(s.peers.announcePeers(INFO_HASHES[0], false, 50, PEERS[0]));
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void announceLeecher1kInfohash(Filled s, Cursor c, Blackhole hole) {
    hole.consume(s.peers.announcePeers(INFO_HASHES[c.next()], false, 50, PEERS[0]));
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void announceSeeder(Filled s, Blackhole hole) {
    hole.consume(s.peers.announcePeers(INFO_HASHES[0], true, 50, PEERS[0]));
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void announceSeeder1kInfohash(Filled s, Cursor c, Blackhole hole) {
    hole.consume(s.peers.announcePeers(INFO_HASHES[c.next()], true, 50, PEERS[0]));
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void scrapeSwarm(Filled s, Blackhole hole) {
    hole.consume(s.peers.scrapeSwarm(INFO_HASHES[0], AddressFamily.IPV4));
  }

  @Benchmark
  @Threads(Threads.MAX)
  public void scrapeSwarm1kInfohash(Filled s, Cursor c, Blackhole hole) {
    hole.consume(s.peers.scrapeSwarm(INFO_HASHES[c.next()], AddressFamily.IPV4));
  }

  private static void lifecycle(PeerStore store, int infoHash, int peer) {
    store.putLeecher(INFO_HASHES[infoHash], PEERS[peer]);
    store.graduateLeecher(INFO_HASHES[infoHash], PEERS[peer]);
    store.deleteSeeder(INFO_HASHES[infoHash], PEERS[peer]);
  }
}
