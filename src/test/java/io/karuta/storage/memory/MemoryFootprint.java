package io.karuta.storage.memory;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.storage.FootprintReport;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Random;

/**
 * Measures the heap the memory store retains per stored IPv4 peer: used heap after full GCs with
 * the store populated, minus used heap before, divided by the number of peers. Not a test: run it
 * as documented in docs/benchmarks.md, with the serial collector so that "used heap" is exact after
 * a full collection.
 *
 * <p>Usage: {@code MemoryFootprint [peers]} (default 1,000,000).
 */
public final class MemoryFootprint {
  private MemoryFootprint() {}

  /** Prints one line per swarm layout: swarms, peers per swarm, retained bytes per peer. */
  public static void main(String[] args) throws Exception {
    FootprintReport.print(
        args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000, MemoryFootprint::measure);
  }

  private static double measure(int swarms, int perSwarm) throws InterruptedException {
    MemoryStoreConfig config = new MemoryStoreConfig(Duration.ofMinutes(3), Duration.ofMinutes(31));
    long before = usedHeapAfterGc();
    MemoryPeerStore store = new MemoryPeerStore(config, InstantSource.system());
    Random random = new Random(0);
    byte[] id = new byte[20];
    byte[] hash = new byte[20];
    for (int s = 0; s < swarms; s++) {
      random.nextBytes(hash);
      InfoHash infoHash = InfoHash.of(hash);
      for (int p = 0; p < perSwarm; p++) {
        random.nextBytes(id);
        Peer peer =
            new Peer(PeerId.of(id), IpAddress.ofIpv4(random.nextInt()), 1 + random.nextInt(65_535));
        // Half seeders, half leechers, as chihaya's benchmark data.
        if (p % 2 == 0) {
          store.putLeecher(infoHash, peer);
        } else {
          store.putSeeder(infoHash, peer);
        }
      }
    }
    long after = usedHeapAfterGc();
    store.close();
    return (after - before) / ((double) swarms * perSwarm);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
