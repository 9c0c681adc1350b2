package io.karuta.storage.bench;

import io.karuta.bittorrent.InfoHash;
import io.karuta.bittorrent.IpAddress;
import io.karuta.bittorrent.Peer;
import io.karuta.bittorrent.PeerId;
import io.karuta.storage.PeerStore;
import io.karuta.storage.memory.MemoryPeerStore;
import io.karuta.storage.memory.MemoryStoreConfig;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Chihaya's benchmark data: 1000 random info-hashes and 1000 random IPv4 peers from a generator
 * seeded with 0, and its {@code putPeers} fill (for every info-hash, the first 500 peers as
 * leechers and the last 500 as seeders: one million entries).
 */
final class BenchData {
  static final int COUNT = 1000;
  static final InfoHash[] INFO_HASHES = new InfoHash[COUNT];
  static final Peer[] PEERS = new Peer[COUNT];

  static {
    Random random = new Random(0);
    byte[] bytes = new byte[20];
    for (int i = 0; i < COUNT; i++) {
      random.nextBytes(bytes);
      INFO_HASHES[i] = InfoHash.of(bytes);
    }
    for (int i = 0; i < COUNT; i++) {
      random.nextBytes(bytes);
      PEERS[i] =
          new Peer(PeerId.of(bytes), IpAddress.ofIpv4(random.nextInt()), random.nextInt() & 0xFFFF);
    }
  }

  private BenchData() {}

  /** Creates the memory store with chihaya's benchmark settings. */
  static PeerStore memoryStore() {
    return new MemoryPeerStore(
        new MemoryStoreConfig(Duration.ofMinutes(3), Duration.ofMinutes(31)),
        InstantSource.system());
  }

  /**
   * Chihaya's putPeers: 500 leechers and 500 seeders in each of the 1000 swarms, written by {@code
   * threads} threads, each filling whole swarms. More than one thread only helps a store whose
   * calls wait on the network.
   */
  static void putPeers(PeerStore store, int threads) {
    ExecutorService fillers = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> swarms = new ArrayList<>(COUNT);
      for (InfoHash infoHash : INFO_HASHES) {
        swarms.add(fillers.submit(() -> putSwarm(store, infoHash)));
      }
      for (Future<?> swarm : swarms) {
        swarm.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while filling the store", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("filling the store failed", e.getCause());
    } finally {
      fillers.shutdownNow();
    }
  }

  private static void putSwarm(PeerStore store, InfoHash infoHash) {
    for (int p = 0; p < COUNT; p++) {
      if (p < COUNT / 2) {
        store.putLeecher(infoHash, PEERS[p]);
      } else {
        store.putSeeder(infoHash, PEERS[p]);
      }
    }
  }
}
