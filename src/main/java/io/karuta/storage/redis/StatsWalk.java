package io.karuta.storage.redis;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.storage.StoreStats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * One {@link RedisPeerStore#stats} call: walks the keys of every swarm with SCAN and reads each
 * swarm's live counts with pipelined plain commands, one pipeline per SCAN batch.
 *
 * <p>A swarm has up to three keys and SCAN may return a key twice, so each swarm is read once, when
 * the first of its keys turns up. On a Cluster every primary is walked in turn (replicas are
 * skipped: they hold the same keys), and since all keys of a swarm sit on one node the set of
 * swarms already read only holds one node's swarms at a time.
 *
 * <p>Per swarm: ZCOUNT on the seeders and on the leechers (live peers only, as the scripts would
 * leave them) and HMGET of the download count and last write. The three commands are not atomic
 * together, so a peer that changes role during the walk may be counted twice or not at all: fine
 * for sampled gauges, and no script has to run over keys of several slots.
 *
 * <p>Not thread-safe: one instance per call.
 */
final class StatsWalk {
  /** Keys asked of each SCAN call; each batch's reads go out as one pipeline. */
  static final int SCAN_COUNT = 1000;

  private static final byte[] N = ascii("n");
  private static final byte[] SEEN = ascii("seen");
  private static final byte[] PLUS_INF = ascii("+inf");
  private static final Comparator<StoreStats.TopSwarm> BY_PEERS =
      Comparator.comparingLong(StoreStats.TopSwarm::peers);

  private final byte[] liveMin;
  private final long cutoffSeconds;
  private final int top;
  private final PriorityQueue<StoreStats.TopSwarm> largest = new PriorityQueue<>(BY_PEERS);
  private final long[] v4 = new long[4];
  private final long[] v6 = new long[4];
  private final Set<SwarmKeys.Name> read = new HashSet<>();

  /**
   * @param staleScore the highest score of a stale peer (see {@link SwarmKeys})
   * @param cutoffSeconds now minus the peer lifetime: a swarm without live peers keeps its download
   *     count only while its last write is later than this, as in the scripts' trim
   * @param top how many of the largest swarms to keep
   */
  StatsWalk(long staleScore, long cutoffSeconds, int top) {
    this.liveMin = ascii("(" + staleScore);
    this.cutoffSeconds = cutoffSeconds;
    this.top = top;
  }

  /**
   * Walks the whole store behind {@code client} and returns the counts.
   *
   * @throws redis.clients.jedis.exceptions.JedisException when Redis cannot answer
   * @throws RuntimeException when a reply is not what this version writes
   */
  StoreStats run(UnifiedJedis client) {
    if (client instanceof RedisClusterClient cluster) {
      for (ConnectionPool pool : cluster.getClusterNodes().values()) {
        try (Connection connection = pool.getResource()) {
          Jedis node = new Jedis(connection);
          if (isPrimary(node)) {
            walk(node::scan, node::pipelined);
          }
        }
        read.clear();
      }
    } else {
      walk(client::scan, client::pipelined);
    }
    List<StoreStats.TopSwarm> sorted = new ArrayList<>(largest);
    sorted.sort(StoreStats.LARGEST_FIRST);
    return new StoreStats(totals(v4), totals(v6), sorted);
  }

  private interface Scanner {
    ScanResult<String> scan(String cursor, ScanParams params);
  }

  private interface Pipelines {
    AbstractPipeline open();
  }

  private void walk(Scanner scanner, Pipelines pipelines) {
    ScanParams params = new ScanParams().match(SwarmKeys.SCAN_PATTERN).count(SCAN_COUNT);
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanResult<String> batch;
    do {
      batch = scanner.scan(cursor, params);
      List<SwarmKeys.Name> fresh = new ArrayList<>();
      for (String key : batch.getResult()) {
        SwarmKeys.nameOf(key).filter(read::add).ifPresent(fresh::add);
      }
      if (!fresh.isEmpty()) {
        readCounts(pipelines, fresh);
      }
      cursor = batch.getCursor();
    } while (!batch.isCompleteIteration());
  }

  private void readCounts(Pipelines pipelines, List<SwarmKeys.Name> swarms) {
    List<Response<Long>> seeders = new ArrayList<>(swarms.size());
    List<Response<Long>> leechers = new ArrayList<>(swarms.size());
    List<Response<List<byte[]>>> meta = new ArrayList<>(swarms.size());
    try (AbstractPipeline pipeline = pipelines.open()) {
      for (SwarmKeys.Name swarm : swarms) {
        SwarmKeys keys = swarm.keys();
        seeders.add(pipeline.zcount(keys.seeders(), liveMin, PLUS_INF));
        leechers.add(pipeline.zcount(keys.leechers(), liveMin, PLUS_INF));
        meta.add(pipeline.hmget(keys.meta(), N, SEEN));
      }
      pipeline.sync();
    }
    for (int i = 0; i < swarms.size(); i++) {
      add(swarms.get(i), seeders.get(i).get(), leechers.get(i).get(), meta.get(i).get());
    }
  }

  private void add(SwarmKeys.Name swarm, long seeders, long leechers, List<byte[]> meta) {
    long downloads = 0;
    if (meta.get(0) != null) {
      byte[] seen = meta.get(1);
      // The scripts' trim deletes the count of a swarm with no live peers once it has been idle a
      // lifetime; until some script runs on it, the key is still there and must not count.
      if (seeders + leechers > 0 || (seen != null && parse(seen) > cutoffSeconds)) {
        downloads = parse(meta.get(0));
      }
    }
    if (seeders + leechers == 0 && downloads == 0) {
      return;
    }
    long[] totals = swarm.family() == AddressFamily.IPV4 ? v4 : v6;
    totals[0]++;
    totals[1] += seeders;
    totals[2] += leechers;
    totals[3] += downloads;
    long peers = seeders + leechers;
    if (top > 0 && (largest.size() < top || largest.peek().peers() < peers)) {
      largest.add(
          new StoreStats.TopSwarm(swarm.infoHash(), swarm.family(), seeders, leechers, downloads));
      if (largest.size() > top) {
        largest.poll();
      }
    }
  }

  private static boolean isPrimary(Jedis node) {
    Object role = node.role().get(0);
    String name =
        role instanceof byte[] bytes
            ? new String(bytes, StandardCharsets.US_ASCII)
            : String.valueOf(role);
    return name.equals("master");
  }

  private static StoreStats.Totals totals(long[] t) {
    return new StoreStats.Totals(t[0], t[1], t[2], t[3]);
  }

  private static long parse(byte[] decimal) {
    return Long.parseLong(new String(decimal, StandardCharsets.US_ASCII));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
