package io.karuta.storage.redis;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.ClientError;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.Scrape;
import io.karuta.storage.PeerRole;
import io.karuta.storage.PeerStore;
import io.karuta.storage.StoreStats;
import io.karuta.storage.SwarmView;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.ScanIteration;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A {@link PeerStore} in Redis, shared by every Karuta instance that points at the same server,
 * Sentinel-watched primary or Cluster ({@link RedisTopology}). The store talks to all three through
 * one Jedis client built by {@link RedisClients}.
 *
 * <p>Each call is one EVALSHA of a {@link SwarmScripts script} on the keys of one swarm ({@link
 * SwarmKeys}), so it is atomic and one round trip. The read script returns the counts and the peers
 * of an announce together: {@link #announceView} is one round trip per announce, and {@link
 * #announcePeers} and {@link #scrapeSwarm} each use half of it. Only {@link #stats}, sampled off
 * the request path, walks every swarm, with SCAN and pipelined plain reads.
 *
 * <p><b>Expiry.</b> Scores are last-seen times from the injected clock; every script first drops
 * the swarm's stale peers. Every key also carries a TTL of a peer lifetime plus {@link
 * #TTL_MARGIN_SECONDS}, refreshed by each write, so a swarm nobody writes to vanishes by itself and
 * Redis empties itself when no Karuta runs. No periodic sweep is needed; {@link #collectGarbage()}
 * trims every swarm at once, for tests and tools.
 *
 * <p><b>Failures.</b> When Redis cannot answer (refused connection, timeout, no free connection,
 * error reply, no primary during a Sentinel failover, Cluster redirects or retries used up) a call
 * fails with {@link #UNAVAILABLE}, a client error with a fixed text, so the client gets a {@code
 * failure reason} or a BEP 15 error instead of {@code internal server error}, and the log gets at
 * most one warning every {@link #WARNING_INTERVAL_MILLIS} ms instead of a stack trace per request.
 * Every wait is bounded: {@code connect_timeout} for a pooled or a new connection, {@code
 * read_timeout} for each reply. A Cluster retries a command up to {@code max_attempts} times, with
 * a short back-off and a refresh of the slot map (which may try each node) between attempts, so a
 * call to a frozen Cluster node takes a few seconds with the defaults. Apart from Cluster retries
 * and resending a forgotten script, nothing is retried, and there is no fallback.
 *
 * <p>Thread-safe.
 */
public final class RedisPeerStore implements PeerStore {
  /**
   * Added to the peer lifetime for key TTLs: covers clock skew between the Karuta instances (whose
   * clocks write the scores) and Redis (whose clock runs the TTLs).
   */
  static final long TTL_MARGIN_SECONDS = 60;

  private static final byte[] NO_ASKER = new byte[0];
  private static final byte[] YES = ascii("1");
  private static final byte[] NO = ascii("0");
  // The operations of the update script (SwarmScripts.UPDATE).
  private static final byte[] PUT_SEEDER = ascii("S");
  private static final byte[] PUT_LEECHER = ascii("L");
  private static final byte[] GRADUATE = ascii("G");
  private static final byte[] DELETE_SEEDER = ascii("DS");
  private static final byte[] DELETE_LEECHER = ascii("DL");
  private static final byte[] REACHABILITY_KEY =
      "karuta:{reachable}".getBytes(StandardCharsets.US_ASCII);
  private static final int SCAN_BATCH = 500;
  // The read script's reply: seeders, leechers, downloads, the asker's role, then the peers.
  private static final int READ_HEADER = 4;
  private static final PeerRole[] ROLES = {PeerRole.ABSENT, PeerRole.SEEDER, PeerRole.LEECHER};

  /** What a client is told while Redis cannot answer. */
  public static final ClientError UNAVAILABLE =
      new ClientError("tracker storage unavailable, try again later", 1);

  static final long WARNING_INTERVAL_MILLIS = 10_000;
  private static final Logger LOG = Logger.getLogger(RedisPeerStore.class.getName());

  private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE / 2);
  private final LazyClient redis;
  private final int callerThreads;
  private final InstantSource clock;
  private final long lifetimeSeconds;
  private final byte[] ttl;
  private final Script update = new Script(SwarmScripts.UPDATE);
  private final Script read = new Script(SwarmScripts.READ);
  private volatile boolean closed;

  /**
   * Connects lazily: the first call builds the client ({@link RedisClients}) and loads the scripts,
   * so the store can be created while Redis is down.
   */
  public RedisPeerStore(RedisStoreConfig config, InstantSource clock) {
    this.clock = clock;
    this.lifetimeSeconds = config.peerLifetime().toSeconds();
    this.ttl = ascii(lifetimeSeconds + TTL_MARGIN_SECONDS);
    this.callerThreads = Math.max(Runtime.getRuntime().availableProcessors(), config.poolMax());
    this.redis =
        new LazyClient(
            () -> RedisClients.create(config), config.connectTimeout(), LazyClient.RETRY_DELAY);
  }

  /**
   * Returns {@code pool_max} (at least one per core): each call waits for a round trip, so as many
   * callers as pooled connections keep Redis and the cores busy, and more would only queue for a
   * connection.
   */
  @Override
  public int callerThreads() {
    return callerThreads;
  }

  @Override
  public void putSeeder(InfoHash infoHash, Peer peer) {
    update(infoHash, peer, PUT_SEEDER);
  }

  @Override
  public void putLeecher(InfoHash infoHash, Peer peer) {
    update(infoHash, peer, PUT_LEECHER);
  }

  @Override
  public void graduateLeecher(InfoHash infoHash, Peer peer) {
    update(infoHash, peer, GRADUATE);
  }

  @Override
  public boolean deleteSeeder(InfoHash infoHash, Peer peer) {
    return update(infoHash, peer, DELETE_SEEDER);
  }

  @Override
  public boolean deleteLeecher(InfoHash infoHash, Peer peer) {
    return update(infoHash, peer, DELETE_LEECHER);
  }

  @Override
  public List<Peer> announcePeers(InfoHash infoHash, boolean seeder, int numWant, Peer announcer) {
    return announceView(infoHash, seeder, numWant, announcer).peers();
  }

  /** Reads the counts and the peers with one script call: one round trip per announce. */
  @Override
  public SwarmView announceView(InfoHash infoHash, boolean seeder, int numWant, Peer announcer) {
    checkOpen();
    if (numWant < 0) {
      throw new IllegalArgumentException("numWant cannot be negative");
    }
    List<?> reply =
        read(infoHash, announcer.family(), seeder, numWant, PeerCodec.encode(announcer));
    try {
      List<Peer> peers = new ArrayList<>(reply.size() - READ_HEADER);
      for (Object member : reply.subList(READ_HEADER, reply.size())) {
        peers.add(PeerCodec.decode((byte[]) member));
      }
      return new SwarmView(counts(infoHash, reply), peers, ROLES[count(reply.get(3))]);
    } catch (RuntimeException e) {
      throw unreadable(e);
    }
  }

  /**
   * Reads one key (which need not exist) through the same client, pool and timeouts as requests, so
   * the answer is what the next request would meet. On a Cluster it asks the node of that key's
   * slot only. With {@code cluster-require-full-coverage yes} (Redis's default) a Cluster missing
   * any slot refuses every command, so one node answering means the cluster serves; without it, a
   * failed node's slots go unnoticed here.
   */
  @Override
  public boolean isReachable() {
    try {
      redis.get().exists(REACHABILITY_KEY);
      return true;
    } catch (RuntimeException e) {
      // Whatever the failure (Redis, the pool, a closed store), the answer is "not ready".
      return false;
    }
  }

  @Override
  public Scrape scrapeSwarm(InfoHash infoHash, AddressFamily family) {
    checkOpen();
    List<?> reply = read(infoHash, family, false, 0, NO_ASKER);
    try {
      return counts(infoHash, reply);
    } catch (RuntimeException e) {
      throw unreadable(e);
    }
  }

  /** The counts at the head of a read script's reply: seeders, leechers, downloads. */
  private static Scrape counts(InfoHash infoHash, List<?> reply) {
    return new Scrape(infoHash, count(reply.get(0)), count(reply.get(1)), count(reply.get(2)));
  }

  /**
   * Drops the stale peers of every swarm, and the swarms left empty. Walks the keys with SCAN on
   * every node the client knows (the server, the Sentinel primary, or every Cluster node, replicas
   * included), so it is off the request path and never blocks Redis for long; each swarm is trimmed
   * by its script on the primary that owns it.
   *
   * @return the number of swarms looked at (an info-hash in one address family)
   * @throws JedisException when Redis cannot answer
   */
  public int collectGarbage() {
    checkOpen();
    UnifiedJedis client = redis.get();
    Set<String> seen = new HashSet<>();
    ScanIteration scan = client.scanIteration(SCAN_BATCH, SwarmKeys.SCAN_PATTERN);
    while (!scan.isIterationCompleted()) {
      for (String key : scan.nextBatchList()) {
        SwarmKeys.ofKey(key)
            .filter(keys -> seen.add(SwarmKeys.swarmOf(key)))
            .ifPresent(keys -> trim(client, keys));
      }
    }
    return seen.size();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      redis.close();
    }
  }

  private boolean update(InfoHash infoHash, Peer peer, byte[] op) {
    checkOpen();
    long now = nowSeconds();
    List<byte[]> args =
        List.of(
            staleScore(now),
            ascii(now - lifetimeSeconds),
            op,
            PeerCodec.encode(peer),
            ascii(now),
            ascii(2 * now),
            ascii(2 * now + 1),
            ttl);
    try {
      Object done = update.call(redis.get(), SwarmKeys.of(infoHash, peer.family()).asList(), args);
      return Long.valueOf(1).equals(done);
    } catch (JedisException e) {
      throw unavailable(e);
    }
  }

  private List<?> read(
      InfoHash infoHash, AddressFamily family, boolean seeder, int numWant, byte[] asker) {
    try {
      return read(redis.get(), SwarmKeys.of(infoHash, family), seeder, numWant, asker);
    } catch (JedisException e) {
      throw unavailable(e);
    }
  }

  /** Logs the failure unless one was logged recently, and returns what the client is told. */
  private ClientError unavailable(JedisException e) {
    return warnAndFail("Redis cannot answer; requests fail until it does: {0}", e);
  }

  /**
   * For a reply this version cannot read: another Karuta version's members during a rolling
   * upgrade, or someone else's data under our keys. The client is told the same as for an outage.
   */
  private ClientError unreadable(RuntimeException e) {
    return warnAndFail(
        "Redis answered with data this version of Karuta cannot read (another version, or foreign"
            + " data under karuta: keys); requests on that swarm fail: {0}",
        e);
  }

  private ClientError warnAndFail(String message, RuntimeException e) {
    long now = clock.millis();
    long last = lastWarning.get();
    if (now - last >= WARNING_INTERVAL_MILLIS && lastWarning.compareAndSet(last, now)) {
      LOG.log(Level.WARNING, message, e.toString());
    }
    return UNAVAILABLE;
  }

  private List<?> read(
      UnifiedJedis client, SwarmKeys keys, boolean seeder, int numWant, byte[] asker) {
    long now = nowSeconds();
    List<byte[]> args =
        List.of(
            staleScore(now),
            ascii(now - lifetimeSeconds),
            seeder ? YES : NO,
            ascii(numWant),
            asker);
    return (List<?>) read.call(client, keys.asList(), args);
  }

  private void trim(UnifiedJedis client, SwarmKeys keys) {
    read(client, keys, false, 0, NO_ASKER);
  }

  // A peer last seen at or before now - lifetime is stale; see SwarmKeys for the score layout.
  private byte[] staleScore(long now) {
    return ascii(2 * (now - lifetimeSeconds) + 1);
  }

  private long nowSeconds() {
    return clock.millis() / 1000;
  }

  private static int count(Object reply) {
    return Math.toIntExact((Long) reply);
  }

  private static byte[] ascii(Object value) {
    return String.valueOf(value).getBytes(StandardCharsets.US_ASCII);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the Redis peer store is closed");
    }
  }

  /**
   * Walks every swarm with SCAN (every primary of a Cluster) and reads the live counts of each with
   * pipelined commands, one pipeline per SCAN batch ({@link StatsWalk}). Counts only peers an
   * announce would still hand out, and a download count only while the scripts would still report
   * it, so stale data that no script has trimmed yet is never counted. Changes nothing in Redis.
   * The cost is linear in the number of keys; see docs/storage/redis.md.
   *
   * @throws ClientError {@link #UNAVAILABLE} when Redis cannot answer or answers with data this
   *     version cannot read
   */
  @Override
  public StoreStats stats(int top) {
    checkOpen();
    if (top < 0) {
      throw new IllegalArgumentException("top cannot be negative");
    }
    long now = nowSeconds();
    StatsWalk walk = new StatsWalk(2 * (now - lifetimeSeconds) + 1, now - lifetimeSeconds, top);
    UnifiedJedis client;
    try {
      client = redis.get();
    } catch (JedisException e) {
      throw unavailable(e);
    }
    try {
      return walk.run(client);
    } catch (JedisException e) {
      throw unavailable(e);
    } catch (RuntimeException e) {
      throw unreadable(e);
    }
  }
}
