package io.karuta.storage.memory;

import io.karuta.bittorrent.AddressFamily;
import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.Scrape;
import io.karuta.storage.PeerRole;
import io.karuta.storage.PeerStore;
import io.karuta.storage.StoreStats;
import io.karuta.storage.SwarmView;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The default {@link PeerStore}: every swarm in the JVM heap.
 *
 * <p>One map per address family holds the swarms; each swarm is guarded by its own monitor, so two
 * announces only contend when they name the same torrent. An empty swarm is dropped under its lock
 * and marked retired, and a writer that finds a retired swarm looks it up again, so no update is
 * ever lost to a concurrent removal. A swarm that counted downloads is kept, empty, until it has
 * seen no activity for a peer lifetime, so brief gaps do not reset its download count.
 *
 * <p>Expiry runs as a periodic sweep ({@link #startGarbageCollection}) or on demand ({@link
 * #collectGarbage()}); the time source is injected so tests can move the clock.
 */
public final class MemoryPeerStore implements PeerStore {
  private static final Logger LOG = Logger.getLogger(MemoryPeerStore.class.getName());

  private final MemoryStoreConfig config;
  private final InstantSource clock;
  private final ConcurrentHashMap<InfoHash, Swarm> ipv4 = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<InfoHash, Swarm> ipv6 = new ConcurrentHashMap<>();
  private volatile boolean closed;
  private ScheduledFuture<?> sweeper;

  /** Creates an empty store; call {@link #startGarbageCollection} to expire peers periodically. */
  public MemoryPeerStore(MemoryStoreConfig config, InstantSource clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Runs {@link #collectGarbage()} on {@code executor}, {@code gc_interval} after the end of the
   * previous sweep, until {@link #close()}.
   */
  public synchronized void startGarbageCollection(ScheduledExecutorService executor) {
    startGarbageCollection(executor, nanos -> {});
  }

  /**
   * Runs {@link #collectGarbage()} as {@link #startGarbageCollection(ScheduledExecutorService)}
   * does, and hands the duration of every successful sweep to {@code sweepNanos}.
   */
  public synchronized void startGarbageCollection(
      ScheduledExecutorService executor, LongConsumer sweepNanos) {
    checkOpen();
    if (sweeper == null) {
      long interval = config.gcInterval().toMillis();
      sweeper =
          executor.scheduleWithFixedDelay(
              () -> collectGarbageSafely(sweepNanos), interval, interval, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void putSeeder(InfoHash infoHash, Peer peer) {
    write(infoHash, peer, Write.SEEDER);
  }

  @Override
  public void putLeecher(InfoHash infoHash, Peer peer) {
    write(infoHash, peer, Write.LEECHER);
  }

  @Override
  public void graduateLeecher(InfoHash infoHash, Peer peer) {
    write(infoHash, peer, Write.GRADUATE);
  }

  @Override
  public boolean deleteSeeder(InfoHash infoHash, Peer peer) {
    return delete(infoHash, peer, true);
  }

  @Override
  public boolean deleteLeecher(InfoHash infoHash, Peer peer) {
    return delete(infoHash, peer, false);
  }

  @Override
  public List<Peer> announcePeers(InfoHash infoHash, boolean seeder, int numWant, Peer announcer) {
    checkOpen();
    if (numWant < 0) {
      throw new IllegalArgumentException("numWant cannot be negative");
    }
    Swarm swarm = swarms(announcer.family()).get(infoHash);
    if (swarm == null || numWant == 0) {
      return List.of();
    }
    synchronized (swarm) {
      return swarm.retired()
          ? List.of()
          : swarm.select(seeder, numWant, announcer, ThreadLocalRandom.current());
    }
  }

  /** Reads the counts, the peers and the announcer's role under one hold of the swarm's lock. */
  @Override
  public SwarmView announceView(InfoHash infoHash, boolean seeder, int numWant, Peer announcer) {
    checkOpen();
    if (numWant < 0) {
      throw new IllegalArgumentException("numWant cannot be negative");
    }
    Swarm swarm = swarms(announcer.family()).get(infoHash);
    if (swarm != null) {
      synchronized (swarm) {
        if (!swarm.retired()) {
          return new SwarmView(
              new Scrape(infoHash, swarm.seeders(), swarm.leechers(), swarm.downloaded()),
              numWant == 0
                  ? List.of()
                  : swarm.select(seeder, numWant, announcer, ThreadLocalRandom.current()),
              swarm.roleOf(announcer));
        }
      }
    }
    return new SwarmView(Scrape.empty(infoHash), List.of(), PeerRole.ABSENT);
  }

  @Override
  public Scrape scrapeSwarm(InfoHash infoHash, AddressFamily family) {
    checkOpen();
    Swarm swarm = swarms(family).get(infoHash);
    if (swarm == null) {
      return Scrape.empty(infoHash);
    }
    synchronized (swarm) {
      return swarm.retired()
          ? Scrape.empty(infoHash)
          : new Scrape(infoHash, swarm.seeders(), swarm.leechers(), swarm.downloaded());
    }
  }

  @Override
  public StoreStats stats(int top) {
    checkOpen();
    if (top < 0) {
      throw new IllegalArgumentException("top cannot be negative");
    }
    PriorityQueue<StoreStats.TopSwarm> largest =
        new PriorityQueue<>(Comparator.comparingLong(StoreStats.TopSwarm::peers));
    StoreStats.Totals v4 = totals(ipv4, AddressFamily.IPV4, top, largest);
    StoreStats.Totals v6 = totals(ipv6, AddressFamily.IPV6, top, largest);
    List<StoreStats.TopSwarm> sorted = new ArrayList<>(largest);
    sorted.sort(StoreStats.LARGEST_FIRST);
    return new StoreStats(v4, v6, sorted);
  }

  private static StoreStats.Totals totals(
      ConcurrentHashMap<InfoHash, Swarm> swarms,
      AddressFamily family,
      int top,
      PriorityQueue<StoreStats.TopSwarm> largest) {
    long count = 0;
    long seeders = 0;
    long leechers = 0;
    long downloads = 0;
    for (var entry : swarms.entrySet()) {
      Swarm swarm = entry.getValue();
      int swarmSeeders;
      int swarmLeechers;
      int swarmDownloads;
      synchronized (swarm) {
        if (swarm.retired()) {
          continue;
        }
        swarmSeeders = swarm.seeders();
        swarmLeechers = swarm.leechers();
        swarmDownloads = swarm.downloaded();
      }
      count++;
      seeders += swarmSeeders;
      leechers += swarmLeechers;
      downloads += swarmDownloads;
      long peers = (long) swarmSeeders + swarmLeechers;
      if (top > 0 && (largest.size() < top || largest.peek().peers() < peers)) {
        largest.add(
            new StoreStats.TopSwarm(
                entry.getKey(), family, swarmSeeders, swarmLeechers, swarmDownloads));
        if (largest.size() > top) {
          largest.poll();
        }
      }
    }
    return new StoreStats.Totals(count, seeders, leechers, downloads);
  }

  /**
   * Removes every peer not seen for a peer lifetime, and every swarm left empty.
   *
   * @return the number of swarms removed
   */
  public int collectGarbage() {
    checkOpen();
    long cutoffSeconds = clock.millis() / 1000 - config.peerLifetime().toSeconds();
    int cutoff = (int) cutoffSeconds;
    return expire(ipv4, cutoff) + expire(ipv6, cutoff);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (sweeper != null) {
      sweeper.cancel(false);
    }
    ipv4.clear();
    ipv6.clear();
  }

  private boolean delete(InfoHash infoHash, Peer peer, boolean seeder) {
    checkOpen();
    ConcurrentHashMap<InfoHash, Swarm> swarms = swarms(peer.family());
    Swarm swarm = swarms.get(infoHash);
    if (swarm == null) {
      return false;
    }
    int now = now();
    synchronized (swarm) {
      if (swarm.retired() || !swarm.delete(peer, seeder, now)) {
        return false;
      }
      if (swarm.leechers() + swarm.seeders() == 0 && swarm.downloaded() == 0) {
        swarm.retire();
        swarms.remove(infoHash, swarm);
      }
      return true;
    }
  }

  private int expire(ConcurrentHashMap<InfoHash, Swarm> swarms, int cutoff) {
    int removed = 0;
    for (var entry : swarms.entrySet()) {
      Swarm swarm = entry.getValue();
      synchronized (swarm) {
        if (!swarm.retired() && swarm.expire(cutoff)) {
          swarm.retire();
          swarms.remove(entry.getKey(), swarm);
          removed++;
        }
      }
    }
    return removed;
  }

  private void collectGarbageSafely(LongConsumer sweepNanos) {
    try {
      long start = System.nanoTime();
      int removed = collectGarbage();
      sweepNanos.accept(System.nanoTime() - start);
      LOG.fine(
          () ->
              "memory store sweep removed "
                  + removed
                  + " swarms in "
                  + (System.nanoTime() - start) / 1_000_000
                  + " ms");
    } catch (IllegalStateException closedMeanwhile) {
      // close() raced with a scheduled sweep; nothing left to sweep.
    } catch (RuntimeException e) {
      // A failed sweep must not cancel the schedule: log and try again next interval.
      LOG.log(Level.SEVERE, "memory store sweep failed", e);
    }
  }

  private enum Write {
    SEEDER,
    LEECHER,
    GRADUATE
  }

  private void write(InfoHash infoHash, Peer peer, Write write) {
    int now = now();
    while (true) {
      Swarm swarm = writableSwarm(infoHash, peer.family());
      synchronized (swarm) {
        if (!swarm.retired()) {
          switch (write) {
            case SEEDER -> swarm.put(peer, now, true);
            case LEECHER -> swarm.put(peer, now, false);
            case GRADUATE -> swarm.graduate(peer, now);
          }
          return;
        }
      }
      // The swarm emptied and was dropped between our lookup and our lock: look it up again.
    }
  }

  private Swarm writableSwarm(InfoHash infoHash, AddressFamily family) {
    checkOpen();
    ConcurrentHashMap<InfoHash, Swarm> swarms = swarms(family);
    Swarm swarm = swarms.get(infoHash);
    if (swarm == null) {
      Swarm fresh = new Swarm(family);
      swarm = swarms.putIfAbsent(infoHash, fresh);
      if (swarm == null) {
        swarm = fresh;
      }
    }
    return swarm;
  }

  private ConcurrentHashMap<InfoHash, Swarm> swarms(AddressFamily family) {
    return family == AddressFamily.IPV4 ? ipv4 : ipv6;
  }

  private int now() {
    return (int) (clock.millis() / 1000);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the memory peer store is closed");
    }
  }
}
